// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ConditionCheck } from "./ConditionCheck";

/**
 * A segment the customer is in, and why.
 */
export type SegmentMembership = { key: string, nameZh: string, nameEn: string, conditions: Array<ConditionCheck>, };
