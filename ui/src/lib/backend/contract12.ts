// TEMPORARY: the shapes of issue 12's segments commands as agreed in CONTRACT-12.md, declared here
// only until the segments branch lands with its generated types (scripts/gen-ts.sh); the insight
// ones are generated already. Then this file and its line in types.ts are deleted; nothing else
// declares them. Names that differ in the Rust types (h-segments 9fde563): MovementFilter →
// MovementCell, CustomerListQuery → CustomerFilter (the list commands' argument), conditions →
// ConditionCheck.
import type { CustomerQuery, MoveKind, RfmClass, Stage } from "./generated";

/** A movement cell as a customer list filter. */
export interface MovementFilter {
  kind: MoveKind;
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
    segments_list: { args: Record<string, never>; result: SegmentSummary[] };
    segments_count: { args: { definition: SegmentDefinition }; result: SegmentCount };
    segments_save: { args: { id: number | null; name: string; definition: SegmentDefinition }; result: SegmentSummary };
    segments_delete: { args: { id: number }; result: null };
    segments_of_customer: { args: { customerId: number }; result: SegmentMembership[] };
  }
}
