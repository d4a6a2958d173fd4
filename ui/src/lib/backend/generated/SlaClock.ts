// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SlaState } from "./SlaState";

/**
 * One SLA window evaluated at an instant.
 */
export type SlaClock = { targetSecs: number, elapsedSecs: number, 
/**
 * Whole percent of the target used (may exceed 100).
 */
percentUsed: number, 
/**
 * When the target runs out; `None` while paused.
 */
dueAt: string | null, state: SlaState, };
