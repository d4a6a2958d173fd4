// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type BackupTarget = { id: number, path: string, label: string, addedAt: string, lastOkAt: string | null, 
/**
 * The error code of the last failed attempt (cleared by the next success).
 */
lastError: string | null, lastErrorAt: string | null, 
/**
 * Set when the folder is inside a cloud sync folder (fine for backups; shown as a note).
 */
syncFolder: string | null, };
