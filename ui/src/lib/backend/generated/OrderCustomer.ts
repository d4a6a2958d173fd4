// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The customer an order belongs to, as the order page shows it.
 */
export type OrderCustomer = { id: number, name: string, 
/**
 * Masked for service reps.
 */
phone: string | null, deleted: boolean, };
