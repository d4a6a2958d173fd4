// TEMPORARY: the shapes of issue 12's commands as agreed in CONTRACT-12.md, declared here only
// until the insight and segments branches land with their generated types (scripts/gen-ts.sh).
// Then this file and its line in types.ts are deleted and the generated types take over; nothing
// else declares them. Names that differ in the Rust types (h-insight 5734a1b, h-segments 9fde563):
// MovementKind → MoveKind, MovementCell/ClassMove (insight cells) → MoveCell, RfmCheck → Check,
// ThresholdPreset → Preset, MovementFilter → MovementCell (segments), CustomerListQuery →
// CustomerFilter (the list commands' argument), conditions → ConditionCheck.
import type { CustomerQuery } from "./generated";

export type RfmClass =
  | "important_value"
  | "important_keep"
  | "important_develop"
  | "important_retain"
  | "general_value"
  | "general_keep"
  | "general_develop"
  | "general_retain";
export type Stage = "prospect" | "new" | "active" | "dormant" | "churned";
export type MovementKind = "class" | "stage";

export interface InsightParams {
  mode: "median" | "fixed";
  rDays: number;
  fOrders: number;
  mFen: number;
  windowDays: number;
  newDays: number;
  activeDays: number;
  dormantDays: number;
  labelSet: string;
}
export interface ClassCount {
  code: RfmClass;
  customers: number;
  share: number;
  spendFen: number;
  spendShare: number;
}
export interface StageCount {
  code: Stage;
  customers: number;
}
export interface ClassLabel {
  code: RfmClass;
  zh: string;
  en: string;
  actionZh: string;
  actionEn: string;
}
export interface InsightOverview {
  asOf: string | null;
  scoredAt: string | null;
  params: InsightParams;
  customers: number;
  buyers: number;
  classes: ClassCount[];
  stages: StageCount[];
  returning: number;
  labels: ClassLabel[];
}
export interface MovementCell {
  from: string | null;
  to: string | null;
  customers: number;
}
export interface Movement {
  kind: MovementKind;
  fromMonth: string;
  toMonth: string;
  cells: MovementCell[];
}
export interface ThresholdPreset {
  id: string;
  zh: string;
  en: string;
  rDays: number;
  fOrders: number;
  mFen: number;
}
export interface InsightSettings {
  params: InsightParams;
  medians: { rDays: number; fOrders: number; mFen: number };
  presets: ThresholdPreset[];
  labelSets: { id: string; zh: string; en: string }[];
}
export interface ClassMove {
  from: string | null;
  to: string | null;
  customers: number;
}
export interface ThresholdPreview {
  resolved: InsightParams;
  total: number;
  moved: number;
  classMoves: ClassMove[];
  stageMoves: ClassMove[];
}
export interface RfmCheck {
  letter: "R" | "F" | "M";
  value: number;
  line: number;
  ok: boolean;
}
export interface CustomerInsight {
  asOf: string | null;
  rfmClass: RfmClass | null;
  stage: Stage;
  returning: boolean;
  rDays: number | null;
  fOrders: number;
  mFen: number;
  rScore: number | null;
  fScore: number | null;
  mScore: number | null;
  checks: RfmCheck[];
  reasonZh: string;
  reasonEn: string;
  actionZh: string;
  actionEn: string;
  stageReasonZh: string;
  stageReasonEn: string;
  history: { month: string; rfmClass: RfmClass | null; stage: Stage }[];
}

/** A movement cell as a customer list filter. */
export interface MovementFilter {
  kind: MovementKind;
  fromMonth: string;
  from: string | null;
  toMonth: string;
  to: string | null;
}
/** The score conditions a segment or the customer list adds to CustomerQuery. */
export interface ScoreConditions {
  rfmClasses?: RfmClass[];
  stages?: Stage[];
  returning?: boolean | null;
  tiers?: string[];
  categories?: string[];
  products?: string[];
  consent?: string[];
}
export type SegmentDefinition = Omit<CustomerQuery, "page" | "pageSize" | "sort" | "desc"> & ScoreConditions;
export type CustomerListQuery = CustomerQuery & ScoreConditions & { segment?: string | null; movement?: MovementFilter | null };
export interface SegmentSummary {
  key: string;
  id: number | null;
  nameZh: string;
  nameEn: string;
  builtin: boolean;
  definition: SegmentDefinition;
  customers: number;
  share: number;
  spendFen: number;
}
export interface SegmentCount {
  customers: number;
  spendFen: number;
}
export interface SegmentMembership {
  key: string;
  nameZh: string;
  nameEn: string;
  conditions: { zh: string; en: string; ok: boolean }[];
}

declare module "./generated/commands" {
  interface Commands {
    insight_overview: { args: Record<string, never>; result: InsightOverview };
    insight_months: { args: Record<string, never>; result: string[] };
    insight_movement: { args: { kind: MovementKind; fromMonth: string; toMonth: string }; result: Movement };
    insight_settings: { args: Record<string, never>; result: InsightSettings };
    insight_preview: { args: { params: InsightParams }; result: ThresholdPreview };
    insight_save_settings: { args: { params: InsightParams }; result: InsightOverview };
    insight_rescore: { args: Record<string, never>; result: InsightOverview };
    insight_customer: { args: { customerId: number }; result: CustomerInsight };
    segments_list: { args: Record<string, never>; result: SegmentSummary[] };
    segments_count: { args: { definition: SegmentDefinition }; result: SegmentCount };
    segments_save: { args: { id: number | null; name: string; definition: SegmentDefinition }; result: SegmentSummary };
    segments_delete: { args: { id: number }; result: null };
    segments_of_customer: { args: { customerId: number }; result: SegmentMembership[] };
  }
}
