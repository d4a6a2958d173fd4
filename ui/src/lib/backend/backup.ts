// Settings → Backup & restore, and restoring a backup on a new computer
// (src-tauri/src/commands/backup.rs).
import { call, type Args } from "./transport";

/** First run on a new computer: any user's name + password, or the recovery key. */
export const storeRestoreBackup = (a: Args<"store_restore_backup">) => call("store_restore_backup", a);
export const backupTargets = () => call("backup_targets");
export const backupAddTarget = (a: Args<"backup_add_target">) => call("backup_add_target", a);
export const backupRemoveTarget = (a: Args<"backup_remove_target">) => call("backup_remove_target", a);
/** One target, or every target when `targetId` is left out. */
export const backupNow = (a: Args<"backup_now"> = {}) => call("backup_now", a);
export const backupList = (a: Args<"backup_list">) => call("backup_list", a);
export const backupVerify = (a: Args<"backup_verify">) => call("backup_verify", a);
/** Checks a backup completely and counts what it holds (restore preview). */
export const backupPreview = (a: Args<"backup_preview">) => call("backup_preview", a);
export const backupRestore = (a: Args<"backup_restore">) => call("backup_restore", a);
/** The owner's "no recent backup" banner, or null when there is nothing to say. */
export const backupReminder = () => call("backup_reminder");
/** USB sticks and cloud sync folders found on this computer. */
export const backupSuggestedFolders = () => call("backup_suggested_folders");
/** Adds a suggested place (or a picked folder) with its own backup sub-folder. */
export const backupAddSuggested = (a: Args<"backup_add_suggested">) => call("backup_add_suggested", a);
