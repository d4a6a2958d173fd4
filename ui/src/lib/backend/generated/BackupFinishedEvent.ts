// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupDone } from "./BackupDone";

/**
 * `backup-finished` (docs/IPC.md).
 */
export type BackupFinishedEvent = { automatic: boolean, results: Array<BackupDone>, };
