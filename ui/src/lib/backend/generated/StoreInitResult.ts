// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SessionInfo } from "./SessionInfo";

export type StoreInitResult = { 
/**
 * Shown once; the UI makes the owner confirm they saved it.
 */
recoveryKey: string, session: SessionInfo, };
