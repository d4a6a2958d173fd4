// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The eight RFM classes: R recent/long ago × F high/low × M high/low. Stable codes.
 */
export type RfmClass = "important_value" | "important_keep" | "important_develop" | "important_retain" | "general_value" | "general_keep" | "general_develop" | "general_retain";
