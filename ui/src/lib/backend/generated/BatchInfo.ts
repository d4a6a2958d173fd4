// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * One import in the history list.
 */
export type BatchInfo = { id: number, kind: string, fileName: string, preset: string, createdBy: string, createdAt: string, created: number, updated: number, skipped: number, rejected: number, undoneAt: string | null, undoneBy: string | null, };
