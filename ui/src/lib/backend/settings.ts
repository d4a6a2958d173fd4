// Shop settings stored in the database (src-tauri/src/commands/settings.rs).
import { call, type Args } from "./transport";

export const settingsGet = () => call("settings_get");
export const settingsUpdate = (a: Args<"settings_update">) => call("settings_update", a);
