// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type TierReport = { evaluated: number, upgraded: number, downgraded: number, 
/**
 * Kept for another retention period (still qualifying).
 */
renewed: number, };
