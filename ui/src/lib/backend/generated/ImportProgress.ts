// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * How far an import is.
 */
export type ImportProgress = { 
/**
 * Of `total` units (bytes for CSV, rows for workbooks).
 */
done: number, total: number, 
/**
 * Data rows read so far.
 */
rows: number, };
