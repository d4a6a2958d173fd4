// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One problem with one row, for the preview table and the error workbook.
 */
export type ImportProblem = { 
/**
 * As Excel numbers it (the header row is usually 1).
 */
row: number, 
/**
 * The header of the column to blame, if one is.
 */
column: string | null, messageZh: string, messageEn: string, };
