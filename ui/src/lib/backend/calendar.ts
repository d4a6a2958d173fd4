// Settings → 节假日 / Holidays: types mirror laoke::holidays (HolidayYear, HolidayDay) and
// laoke::tickets::arrangement (IcsImport); one typed function per IPC command of
// src-tauri/src/commands/calendar.rs (docs/IPC.md).
import { call } from "./transport";

export type HolidayKind = "off" | "work";
/** Where a year's days come from: the published schedule in the app, computed from the law, or entered by the shop. */
export type HolidaySource = "official" | "computed" | "shop";

export interface HolidayDay {
  /** YYYY-MM-DD, shop-local. */
  day: string;
  kind: HolidayKind;
  name: string;
  nameEn: string;
  source: HolidaySource;
}

export interface HolidayYear {
  year: number;
  source: HolidaySource;
  /** false = computed statutory days only: 调休待公布 / arrangement not yet published. */
  arrangementPublished: boolean;
  days: HolidayDay[];
}

export interface IcsImport {
  years: HolidayYear[];
  /** Titles of events that were neither days off nor working days. */
  skipped: string[];
}

export interface ArrangementEntry {
  day: string;
  kind: HolidayKind;
  name: string;
}

/** A year as it applies (shop > official > computed). */
export const calendarYear = (year: number) => call<HolidayYear>("calendar_year", { year });
/** Owner / manager: import the arrangement from an .ics file (only `year`'s days when given). */
export const calendarImportIcs = (path: string, year: number | null) => call<IcsImport>("calendar_import_ics", { path, year });
/** Owner / manager: replace a year with typed dates. */
export const calendarSetYear = (year: number, days: ArrangementEntry[]) => call<HolidayYear>("calendar_set_year", { year, days });
/** Owner / manager: forget the shop's arrangement of a year. */
export const calendarClearYear = (year: number) => call<HolidayYear>("calendar_clear_year", { year });
