// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The live count of a definition.
 */
export type SegmentCount = { customers: number, spendFen: number, };
