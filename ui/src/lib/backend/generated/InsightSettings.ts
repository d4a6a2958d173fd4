// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { InsightParams } from "./InsightParams";
import type { LabelSet } from "./LabelSet";
import type { Lines } from "./Lines";
import type { Preset } from "./Preset";

export type InsightSettings = { 
/**
 * As configured (in median mode the fixed lines are kept but not applied).
 */
params: InsightParams, 
/**
 * The shop's medians over buyers in the window (F at least 2), as of the stored pass.
 */
medians: Lines, presets: Array<Preset>, labelSets: Array<LabelSet>, };
