// The one doorway from the UI to the core: one typed function per IPC command.
import { call } from "./transport";
import type {
  AppStatus,
  CustomerRow,
  DemoOpenResult,
  Lang,
  Page,
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
