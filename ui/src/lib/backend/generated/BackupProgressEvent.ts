// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BackupPhase } from "./BackupPhase";

/**
 * `backup-progress` (docs/IPC.md).
 */
export type BackupProgressEvent = { targetId: number, targetPath: string, 
/**
 * 0-based position of this target in the run, and how many targets the run has.
 */
index: number, count: number, phase: BackupPhase, done: number, total: number, automatic: boolean, };
