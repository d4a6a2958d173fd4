// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One side of a suggested pair.
 */
export type DuplicateSide = { id: number, name: string, 
/**
 * First phone, masked for service reps.
 */
phone: string | null, city: string | null, ordersCount: number, createdAt: string, };
