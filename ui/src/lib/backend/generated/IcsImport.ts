// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { HolidayYear } from "./HolidayYear";

/**
 * What an .ics import changed.
 */
export type IcsImport = { 
/**
 * The years now taken from the shop's arrangement, each as it now applies.
 */
years: Array<HolidayYear>, 
/**
 * Summaries of events that were neither days off nor working days.
 */
skipped: Array<string>, };
