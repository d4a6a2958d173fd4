// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One check of the explanation.
 */
export type Check = { 
/**
 * "R", "F" or "M".
 */
letter: string, 
/**
 * The customer's value (days, orders, fen).
 */
value: number, 
/**
 * The line applied (days, orders, fen).
 */
line: number, ok: boolean, };
