// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Where the per-person export went.
 */
export type PersonExport = { path: string, bytes: number, };
