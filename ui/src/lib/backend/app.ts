// App-wide state before anyone logs in (src-tauri/src/commands/app.rs).
import { call } from "./transport";
import type { AppStatus, Lang } from "./types";

export const appStatus = () => call<AppStatus>("app_status");
export const appSetLanguage = (language: Lang) => call<AppStatus>("app_set_language", { language });
