// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type BackupRecord = { id: number, targetId: number | null, path: string, size: number, createdAt: string, verifiedAt: string | null, createdBy: string, };
