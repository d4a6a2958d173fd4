// Settings → Users; owner only, the core enforces the role (src-tauri/src/commands/users.rs).
import { call, type Args } from "./transport";

export const usersList = () => call("users_list");
export const usersAdd = (a: Args<"users_add">) => call("users_add", a);
export const usersSetDisabled = (a: Args<"users_set_disabled">) => call("users_set_disabled", a);
export const usersResetPassword = (a: Args<"users_reset_password">) => call("users_reset_password", a);
