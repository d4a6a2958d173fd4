// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { InsightParams } from "./InsightParams";
import type { MoveCell } from "./MoveCell";

export type ThresholdPreview = { 
/**
 * The params with the lines saving would apply.
 */
resolved: InsightParams, total: number, 
/**
 * Customers whose class or stage would change.
 */
moved: number, 
/**
 * Only cells with from ≠ to (`None`: no class).
 */
classMoves: Array<MoveCell>, stageMoves: Array<MoveCell>, };
