// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { HolidayDay } from "./HolidayDay";
import type { HolidaySource } from "./HolidaySource";

/**
 * A year's days off and 调休 working days, and where they come from.
 */
export type HolidayYear = { year: number, source: HolidaySource, 
/**
 * false = computed statutory days only: "调休待公布 / arrangement not yet published".
 */
arrangementPublished: boolean, days: Array<HolidayDay>, };
