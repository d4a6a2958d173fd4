// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One cell of the Insight screen's movement table: customers whose class (or stage) was `from`
 * at the end of `fromMonth` and `to` at the end of `toMonth` (null: no class / not yet a buyer).
 */
export type MovementCell = { 
/**
 * `class` or `stage`.
 */
kind: string, fromMonth: string, from: string | null, toMonth: string, to: string | null, };
