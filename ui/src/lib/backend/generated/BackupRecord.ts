// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type BackupRecord = { id: number, targetId: number | null, path: string, size: number, createdAt: string, verifiedAt: string | null, createdBy: string, 
/**
 * The last weekly deep check of this file (full `integrity_check`, [`super::deep_check`]).
 */
deepCheckedAt: string | null, 
/**
 * Why that deep check failed; `None` when it passed (or never ran).
 */
deepCheckError: string | null, };
