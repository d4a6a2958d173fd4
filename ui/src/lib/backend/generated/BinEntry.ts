// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type BinEntry = { id: number, name: string, city: string | null, ordersCount: number, deletedAt: string, 
/**
 * When it goes for good.
 */
purgeAt: string, };
