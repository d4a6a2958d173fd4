// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupSummary } from "./BackupSummary";
import type { SessionInfo } from "./SessionInfo";

/**
 * A new computer's store, restored from a backup (docs/IPC.md `RestoredStore`).
 */
export type RestoredStore = { session: SessionInfo, backup: BackupSummary, };
