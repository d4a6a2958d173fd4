// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { HolidayKind } from "./HolidayKind";
import type { HolidaySource } from "./HolidaySource";

/**
 * One day of a year's arrangement.
 */
export type HolidayDay = { day: string, kind: HolidayKind, 
/**
 * zh-CN name (the shop's own text for shop days).
 */
name: string, 
/**
 * English name (the shop's own text for shop days).
 */
nameEn: string, source: HolidaySource, };
