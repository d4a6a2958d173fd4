// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * A backup that was written and read back, or why a target failed (docs/IPC.md `BackupDone`).
 */
export type BackupDone = { targetId: number, targetPath: string, path: string | null, size: number | null, 
/**
 * Why this target failed (already in the UI's language).
 */
error: string | null, };
