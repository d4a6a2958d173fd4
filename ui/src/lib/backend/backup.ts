// Settings → Backup & restore, and restoring a backup on a new computer
// (src-tauri/src/commands/backup.rs).
import { call } from "./transport";
import type { BackupDone, BackupListing, BackupPreview, BackupStatus, BackupSummary, BackupTarget, RestoreDone, RestoredStore } from "./types";

/** First run on a new computer: any user's name + password, or the recovery key. */
export const storeRestoreBackup = (a: { file: string; username?: string; password?: string; recoveryKey?: string }) =>
  call<RestoredStore>("store_restore_backup", a);
export const backupTargets = () => call<BackupStatus>("backup_targets");
export const backupAddTarget = (a: { path: string }) => call<BackupTarget>("backup_add_target", a);
export const backupRemoveTarget = (a: { id: number }) => call<null>("backup_remove_target", a);
/** One target, or every target when `targetId` is left out. */
export const backupNow = (a: { targetId?: number } = {}) => call<BackupDone[]>("backup_now", a);
export const backupList = (a: { dir: string }) => call<BackupListing[]>("backup_list", a);
export const backupVerify = (a: { file: string; password: string }) => call<BackupSummary>("backup_verify", a);
/** Checks a backup completely and counts what it holds (restore preview). */
export const backupPreview = (a: { file: string; password: string }) => call<BackupPreview>("backup_preview", a);
export const backupRestore = (a: { file: string; password: string }) => call<RestoreDone>("backup_restore", a);
