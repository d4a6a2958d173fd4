// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Where a mapping came from (shown in the wizard).
 */
export type MappingSource = "preset" | "remembered" | "guessed" | "given";
