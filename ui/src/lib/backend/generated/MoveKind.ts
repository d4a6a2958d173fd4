// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Class or stage.
 */
export type MoveKind = "class" | "stage";
