// The one doorway from the UI to the core: one typed function per IPC command.
import { open, save } from "@tauri-apps/plugin-dialog";
import type { CustomerQuery } from "./orders";
import { call } from "./transport";
import type {
  AppStatus,
  BackupDone,
  BackupListing,
  BackupPreview,
  BackupStatus,
  BackupSummary,
  BackupTarget,
  CustomerPage,
  DemoOpenResult,
  ExportDone,
  ImportBatch,
  ImportInspection,
  ImportMapping,
  ImportProgress,
  ImportSummary,
  ImportUndoReport,
  Lang,
  MoveReport,
  RestoreDone,
  RestoredStore,
  Role,
  SearchResults,
  SessionInfo,
  Settings,
  StoreInfo,
  StoreInitResult,
  StoreKind,
  User,
} from "./types";

export * from "./types";
export * from "./orders";
export { BackendError, toBackendError } from "./errors";
export { onBackupFinished, onBackupProgress, type Unlisten } from "./events";

export const appStatus = () => call<AppStatus>("app_status");
export const appSetLanguage = (language: Lang) => call<AppStatus>("app_set_language", { language });
export const storeSelect = (store: StoreKind) => call<AppStatus>("store_select", { store });
export const storeInit = (a: { username: string; displayName: string; password: string }) =>
  call<StoreInitResult>("store_init", a);
/** First run on a new computer: any user's name + password, or the recovery key. */
export const storeRestoreBackup = (a: { file: string; username?: string; password?: string; recoveryKey?: string }) =>
  call<RestoredStore>("store_restore_backup", a);
export const demoOpen = () => call<DemoOpenResult>("demo_open");

export const authLogin = (a: { username: string; password: string }) => call<SessionInfo>("auth_login", a);
export const authRecover = (a: { recoveryKey: string; username: string; newPassword: string }) =>
  call<SessionInfo>("auth_recover", a);
export const authLogout = () => call<null>("auth_logout");
export const authLock = () => call<null>("auth_lock");
export const authUnlock = (a: { password: string }) => call<SessionInfo>("auth_unlock", a);
export const authChangePassword = (a: { oldPassword: string; newPassword: string }) =>
  call<null>("auth_change_password", a);

export const usersList = () => call<User[]>("users_list");
export const usersAdd = (a: { username: string; displayName: string; role: Role; password: string }) =>
  call<User>("users_add", a);
export const usersSetDisabled = (a: { userId: number; disabled: boolean }) => call<User>("users_set_disabled", a);
export const usersResetPassword = (a: { userId: number; newPassword: string }) =>
  call<null>("users_reset_password", a);

/** One page of customers for a filter, sort and page, with the totals row. */
export const customersList = (query: CustomerQuery) => call<CustomerPage>("customers_list", { query });

/** Global search (Ctrl+K): customers and orders as the user types. */
export const search = (a: { query: string }) => call<SearchResults>("search", a);

export const settingsGet = () => call<Settings>("settings_get");
export const settingsUpdate = (a: Partial<Settings>) => call<Settings>("settings_update", a);
export const storeInfo = () => call<StoreInfo>("store_info");

export const backupTargets = () => call<BackupStatus>("backup_targets");
export const backupAddTarget = (a: { path: string }) => call<BackupTarget>("backup_add_target", a);
export const backupRemoveTarget = (a: { id: number }) => call<null>("backup_remove_target", a);
/** One target, or every target when `targetId` is left out. */
export const backupNow = (a: { targetId?: number } = {}) => call<BackupDone[]>("backup_now", a);
export const backupList = (a: { dir: string }) => call<BackupListing[]>("backup_list", a);
export const backupVerify = (a: { file: string; password: string }) => call<BackupSummary>("backup_verify", a);
export const backupRestore = (a: { file: string; password: string }) => call<RestoreDone>("backup_restore", a);

/** The native folder picker (tauri-plugin-dialog); null when cancelled. */
export async function pickFolder(): Promise<string | null> {
  const picked = await open({ directory: true, multiple: false });
  return typeof picked === "string" ? picked : null;
}

/** The native file picker for a backup file; null when cancelled. */
export async function pickBackupFile(): Promise<string | null> {
  const picked = await open({ directory: false, multiple: false, filters: [{ name: "Laoke backup", extensions: ["laokebak"] }] });
  return typeof picked === "string" ? picked : null;
}

/** Checks a backup completely and counts what it holds (restore preview). */
export const backupPreview = (a: { file: string; password: string }) => call<BackupPreview>("backup_preview", a);
/** Owner only: moves the data folder (copy, check, switch, then remove the old one). */
export const dataDirMove = (a: { path: string }) => call<MoveReport>("data_dir_move", a);
/** Owner only: every table into one xlsx workbook. */
export const exportFull = (a: { path: string }) => call<ExportDone>("export_full", a);

/** The native save dialog for an xlsx file; null when cancelled. Adds `.xlsx` when missing. */
export async function pickSaveXlsx(defaultName: string): Promise<string | null> {
  const picked = await save({ defaultPath: defaultName, filters: [{ name: "Excel", extensions: ["xlsx"] }] });
  if (typeof picked !== "string" || !picked) return null;
  return /\.xlsx$/i.test(picked) ? picked : `${picked}.xlsx`;
}

// ---- Import (批量导入) ----

export const importInspect = (a: { path: string; preset?: string }) => call<ImportInspection>("import_inspect", a);
/** Dry run: exactly what importing would do; nothing is kept. */
export const importPreview = (a: { path: string; preset?: string; mapping?: ImportMapping }) =>
  call<ImportSummary>("import_preview", a);
export const importRun = (a: { path: string; preset?: string; mapping?: ImportMapping }) =>
  call<ImportSummary>("import_run", a);
export const importCancel = () => call<null>("import_cancel");
/** Writes the rejected rows of the last preview / import to `path` (xlsx). */
export const importSaveErrors = (a: { path: string }) => call<number>("import_save_errors", a);
export const importList = () => call<ImportBatch[]>("import_list");
export const importUndo = (a: { batchId: number }) => call<ImportUndoReport>("import_undo", a);
export const importTemplate = (a: { path: string }) => call<number>("import_template", a);

/** Progress events of the running preview / import; returns the unsubscribe function. */
export async function onImportProgress(cb: (p: ImportProgress) => void): Promise<() => void> {
  if (!("__TAURI_INTERNALS__" in window)) return () => {};
  const { listen } = await import("@tauri-apps/api/event");
  return listen<ImportProgress>("import-progress", (e) => cb(e.payload));
}

/** The native file picker for a spreadsheet to import; null when cancelled. */
export async function pickImportFile(): Promise<string | null> {
  const picked = await open({
    directory: false,
    multiple: false,
    filters: [{ name: "Excel / CSV", extensions: ["xlsx", "xls", "csv", "txt"] }],
  });
  return typeof picked === "string" ? picked : null;
}

export * from "./customerRecord";
export * from "./lists";
export * from "./loyalty";
export * from "./tickets";
export * from "./calendar";
