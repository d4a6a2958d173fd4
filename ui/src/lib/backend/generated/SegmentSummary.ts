// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SegmentDefinition } from "./SegmentDefinition";

/**
 * A segment with its live size.
 */
export type SegmentSummary = { 
/**
 * `ready:…` or `saved:<id>`.
 */
key: string, 
/**
 * Saved segments only.
 */
id: number | null, 
/**
 * A saved segment's name in both.
 */
nameZh: string, nameEn: string, builtin: boolean, 
/**
 * A ready-made one's with its lines resolved as of now.
 */
definition: SegmentDefinition, customers: number, 
/**
 * Of all customers in the list, 0–1.
 */
share: number, spendFen: number, };
