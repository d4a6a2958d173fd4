// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * `tickets_report_export`'s answer.
 */
export type ReportExported = { path: string, bytes: number, sheets: number, };
