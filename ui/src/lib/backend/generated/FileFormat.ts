// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * The formats the import reads.
 */
export type FileFormat = "csv" | "xlsx" | "xls";
