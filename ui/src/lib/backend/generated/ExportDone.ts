// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * `export_full`'s answer (docs/IPC.md `ExportDone`).
 */
export type ExportDone = { path: string, bytes: number, sheets: number, rows: number, };
