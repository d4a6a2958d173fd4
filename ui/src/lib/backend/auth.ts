// Logging in and out, locking, and passwords (src-tauri/src/commands/auth.rs).
import { call, type Args } from "./transport";

export const authLogin = (a: Args<"auth_login">) => call("auth_login", a);
export const authRecover = (a: Args<"auth_recover">) => call("auth_recover", a);
export const authLogout = () => call("auth_logout");
export const authLock = () => call("auth_lock");
export const authUnlock = (a: Args<"auth_unlock">) => call("auth_unlock", a);
export const authChangePassword = (a: Args<"auth_change_password">) => call("auth_change_password", a);
