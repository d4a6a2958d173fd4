// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The text encoding a CSV was read in.
 */
export type TextEncoding = "utf8" | "utf8-bom" | "utf16" | "gb18030";
