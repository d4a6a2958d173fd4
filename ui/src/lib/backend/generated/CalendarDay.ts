// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { DayKind } from "./DayKind";
import type { HolidaySource } from "./HolidaySource";

/**
 * One exceptional date, as shown in settings: what applies, and — when the shop's entry
 * overrides the official schedule — what the official schedule says for that date.
 */
export type CalendarDay = { day: string, 
/**
 * What applies; `None` = an ordinary day (the shop removed an official entry).
 */
kind: DayKind | null, 
/**
 * zh-CN name (of the year's arrangement), or the name the shop typed.
 */
name: string, 
/**
 * English name (of the year's arrangement), or the name the shop typed.
 */
nameEn: string, 
/**
 * true = from the year's arrangement (official, computed or entered), unchanged by the
 * shop's own exception for the date.
 */
official: boolean, 
/**
 * Where the year's arrangement comes from (official | computed | shop).
 */
source: HolidaySource, 
/**
 * The arrangement's entry for this date, when the shop's exception overrides it.
 */
officialKind: DayKind | null, officialName: string | null, officialNameEn: string | null, };
