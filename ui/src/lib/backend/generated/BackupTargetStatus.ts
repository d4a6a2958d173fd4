// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupRecord } from "./BackupRecord";
import type { BackupTarget } from "./BackupTarget";

export type BackupTargetStatus = { target: BackupTarget, lastVerified: BackupRecord | null, 
/**
 * No verified backup here for [`STALE_AFTER_DAYS`] days.
 */
stale: boolean, };
