// The one doorway from the UI to the core: one typed function per IPC command.
import { open } from "@tauri-apps/plugin-dialog";
import { call } from "./transport";
import type {
  AppStatus,
  BackupDone,
  BackupListing,
  BackupStatus,
  BackupSummary,
  BackupTarget,
  CustomerRow,
  DemoOpenResult,
  Lang,
  Page,
  RestoreDone,
  RestoredStore,
  Role,
  SessionInfo,
  Settings,
  StoreInfo,
  StoreInitResult,
  StoreKind,
  User,
} from "./types";

export * from "./types";
export { BackendError, toBackendError } from "./errors";

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

export const customersList = (a: { page: number; pageSize: number; search?: string }) =>
  call<Page<CustomerRow>>("customers_list", a);

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
export * from "./customerRecord";
