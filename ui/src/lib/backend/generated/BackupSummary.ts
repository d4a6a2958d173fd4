// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What a backup file holds, once its password opened it and every check passed.
 */
export type BackupSummary = { createdAt: string, createdBy: string, appVersion: string, counts: { [key in string]: number }, };
