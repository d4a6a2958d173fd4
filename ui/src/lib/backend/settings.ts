// Shop settings stored in the database (src-tauri/src/commands/settings.rs).
import { call } from "./transport";
import type { Settings } from "./types";

export const settingsGet = () => call<Settings>("settings_get");
export const settingsUpdate = (a: Partial<Settings>) => call<Settings>("settings_update", a);
