// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { RfmClass } from "./RfmClass";
import type { Stage } from "./Stage";

/**
 * A month's class and stage (a month without a row: not yet a buyer).
 */
export type MonthClass = { month: string, rfmClass: RfmClass | null, stage: Stage, };
