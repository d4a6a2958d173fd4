// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { TargetStatus } from "./TargetStatus";

/**
 * What Settings → Backup shows (docs/IPC.md `BackupStatus`).
 */
export type BackupStatus = { targets: Array<TargetStatus>, 
/**
 * The sync client (OneDrive, Dropbox …) whose folder holds the live data folder, if any.
 */
dataDirSyncFolder: string | null, staleAfterDays: number, };
