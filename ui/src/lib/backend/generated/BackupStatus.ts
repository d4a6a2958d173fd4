// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupTargetStatus } from "./BackupTargetStatus";

/**
 * What Settings → Backup shows (docs/IPC.md `BackupStatus`).
 */
export type BackupStatus = { targets: Array<BackupTargetStatus>, 
/**
 * The sync client (OneDrive, Dropbox …) whose folder holds the live data folder, if any.
 */
dataDirSyncFolder: string | null, staleAfterDays: number, };
