// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { LineMode } from "./LineMode";

/**
 * The rules of a scoring pass. In median mode `r_days`/`f_orders`/`m_fen` are kept (the fixed
 * lines last typed) but not applied; the *resolved* params carry the medians applied instead.
 */
export type InsightParams = { mode: LineMode, rDays: number, fOrders: number, mFen: number, windowDays: number, newDays: number, activeDays: number, dormantDays: number, labelSet: string, };
