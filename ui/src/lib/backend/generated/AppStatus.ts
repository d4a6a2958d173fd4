// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Lang } from "./Lang";
import type { SessionInfo } from "./SessionInfo";
import type { StoreKind } from "./StoreKind";

/**
 * The whole app state as the UI sees it (docs/IPC.md `AppStatus`).
 */
export type AppStatus = { dataDir: string, storeExists: boolean, demoExists: boolean, activeStore: StoreKind, language: Lang, idleLockMinutes: number, session: SessionInfo | null, locked: boolean, };
