// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * How many customers went from `from` to `to` (`None`: no class / not yet a buyer).
 */
export type MoveCell = { from: string | null, to: string | null, customers: number, };
