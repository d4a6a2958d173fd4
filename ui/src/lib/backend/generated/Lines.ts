// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The R/F/M lines actually applied.
 */
export type Lines = { rDays: number, fOrders: number, mFen: number, };
