// Settings → 节假日 / Holidays: one typed function per IPC command of
// src-tauri/src/commands/calendar.rs (docs/IPC.md). The types (HolidayYear, HolidayDay,
// IcsImport, ArrangementEntry) are generated from laoke::holidays and laoke::tickets::arrangement.
import { call } from "./transport";
import type { ArrangementEntry } from "./types";

/** A year as it applies (shop > official > computed). */
export const calendarYear = (year: number) => call("calendar_year", { year });
/** Owner / manager: import the arrangement from an .ics file (only `year`'s days when given). */
export const calendarImportIcs = (path: string, year: number | null) => call("calendar_import_ics", { path, year });
/** Owner / manager: replace a year with typed dates. */
export const calendarSetYear = (year: number, days: ArrangementEntry[]) => call("calendar_set_year", { year, days });
/** Owner / manager: forget the shop's arrangement of a year. */
export const calendarClearYear = (year: number) => call("calendar_clear_year", { year });
