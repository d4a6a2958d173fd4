// Settings → Users; owner only, the core enforces the role (src-tauri/src/commands/users.rs).
import { call } from "./transport";
import type { Role, User } from "./types";

export const usersList = () => call<User[]>("users_list");
export const usersAdd = (a: { username: string; displayName: string; role: Role; password: string }) =>
  call<User>("users_add", a);
export const usersSetDisabled = (a: { userId: number; disabled: boolean }) => call<User>("users_set_disabled", a);
export const usersResetPassword = (a: { userId: number; newPassword: string }) =>
  call<null>("users_reset_password", a);
