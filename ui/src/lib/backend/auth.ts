// Logging in and out, locking, and passwords (src-tauri/src/commands/auth.rs).
import { call } from "./transport";
import type { SessionInfo } from "./types";

export const authLogin = (a: { username: string; password: string }) => call<SessionInfo>("auth_login", a);
export const authRecover = (a: { recoveryKey: string; username: string; newPassword: string }) =>
  call<SessionInfo>("auth_recover", a);
export const authLogout = () => call<null>("auth_logout");
export const authLock = () => call<null>("auth_lock");
export const authUnlock = (a: { password: string }) => call<SessionInfo>("auth_unlock", a);
export const authChangePassword = (a: { oldPassword: string; newPassword: string }) =>
  call<null>("auth_change_password", a);
