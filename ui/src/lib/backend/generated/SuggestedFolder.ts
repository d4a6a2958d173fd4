// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SuggestedFolderKind } from "./SuggestedFolderKind";

/**
 * One place a backup could go (docs/IPC.md `SuggestedFolder`).
 */
export type SuggestedFolder = { 
/**
 * The drive's mount point or the sync folder itself.
 */
path: string, kind: SuggestedFolderKind, 
/**
 * The drive's label, or the sync client's name.
 */
name: string, 
/**
 * Free space on the drive, when the OS says.
 */
freeBytes: number | null, 
/**
 * Where the backups would go: the place's [`BACKUP_SUBFOLDER`].
 */
backupDir: string, };
