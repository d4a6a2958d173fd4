// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupSummary } from "./BackupSummary";
import type { SessionInfo } from "./SessionInfo";

export type RestoreDone = { session: SessionInfo, backup: BackupSummary, 
/**
 * The copy of the data that was replaced.
 */
safetyBackup: string, };
