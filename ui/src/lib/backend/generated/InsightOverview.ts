// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { ClassCount } from "./ClassCount";
import type { ClassLabel } from "./ClassLabel";
import type { InsightParams } from "./InsightParams";
import type { StageCount } from "./StageCount";

export type InsightOverview = { 
/**
 * The as-of shop day of the stored pass; `None`: never scored.
 */
asOf: string | null, scoredAt: string | null, 
/**
 * The params with the lines actually applied.
 */
params: InsightParams, customers: number, buyers: number, classes: Array<ClassCount>, stages: Array<StageCount>, returning: number, labels: Array<ClassLabel>, };
