// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupRecord } from "./BackupRecord";
import type { Target } from "./Target";

export type TargetStatus = { target: Target, lastVerified: BackupRecord | null, 
/**
 * No verified backup here for [`STALE_AFTER_DAYS`] days.
 */
stale: boolean, };
