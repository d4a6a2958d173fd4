// Insight (src-tauri/src/commands/insight.rs): RFM classes, lifecycle stages, movement month to
// month, the threshold settings with their preview, and one customer's class explained.
import { call } from "./transport";
import type { InsightParams, MoveKind } from "./types";

export const RFM_CLASSES = [
  "important_value",
  "important_keep",
  "important_develop",
  "important_retain",
  "general_value",
  "general_keep",
  "general_develop",
  "general_retain",
] as const;
/** Funnel order. */
export const STAGES = ["prospect", "new", "active", "dormant", "churned"] as const;

export const insightOverview = () => call("insight_overview");
export const insightMonths = () => call("insight_months");
export const insightMovement = (kind: MoveKind, fromMonth: string, toMonth: string) => call("insight_movement", { kind, fromMonth, toMonth });
export const insightSettings = () => call("insight_settings");
/** What saving `params` would do, class by class and stage by stage (nothing is saved). */
export const insightPreview = (params: InsightParams) => call("insight_preview", { params });
/** Saves the lines (audited) and re-scores every customer. */
export const insightSaveSettings = (params: InsightParams) => call("insight_save_settings", { params });
export const insightRescore = () => call("insight_rescore");
/** One customer's class and stage with the reason in words (reps too). */
export const insightCustomer = (customerId: number) => call("insight_customer", { customerId });
/** The shop's class names in its chosen label set (reps too). */
export const insightLabels = () => call("insight_labels");
