// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Check } from "./Check";
import type { MonthClass } from "./MonthClass";
import type { RfmClass } from "./RfmClass";
import type { Stage } from "./Stage";

export type CustomerInsight = { 
/**
 * `None`: the shop was never scored.
 */
asOf: string | null, rfmClass: RfmClass | null, stage: Stage, returning: boolean, rDays: number | null, fOrders: number, mFen: number, rScore: number | null, fScore: number | null, mScore: number | null, checks: Array<Check>, reasonZh: string, reasonEn: string, actionZh: string, actionEn: string, stageReasonZh: string, stageReasonEn: string, history: Array<MonthClass>, };
