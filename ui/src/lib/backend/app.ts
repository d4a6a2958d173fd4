// App-wide state before anyone logs in (src-tauri/src/commands/app.rs).
import { call } from "./transport";
import type { Lang } from "./types";

export const appStatus = () => call("app_status");
export const appSetLanguage = (language: Lang) => call("app_set_language", { language });
