// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What an undo took back.
 */
export type ImportUndoReport = { batchId: number, ordersRemoved: number, ordersRestored: number, customersRemoved: number, customersRestored: number, 
/**
 * Phones, nicks and tags the batch had added to customers who already existed.
 */
phonesAndNicksRemoved: number, };
