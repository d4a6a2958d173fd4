// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupReminderReason } from "./BackupReminderReason";

/**
 * What the banner says (docs/IPC.md `BackupReminder`).
 */
export type BackupReminder = { reason: BackupReminderReason, 
/**
 * When the newest verified backup in a backup folder was made, if any.
 */
newestAt: string | null, 
/**
 * Whole days since then.
 */
daysSince: number | null, 
/**
 * How many backup folders are set up.
 */
folders: number, staleAfterDays: number, };
