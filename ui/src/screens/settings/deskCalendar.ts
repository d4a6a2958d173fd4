// Pure helpers of the "Hours & holidays" settings tab: minutes ↔ "HH:mm", the time choices,
// the check the core also makes (open before close, some day open) so the owner sees the problem
// before saving, and how a calendar entry relates to the official schedule.
import type { BusinessHours, CalendarDay, DayKind } from "../../lib/backend";

/** 540 → "09:00"; 1440 → "24:00". */
export function minuteLabel(m: number): string {
  const h = Math.floor(m / 60);
  return `${String(h).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Every half hour from 00:00 to 24:00, plus any stored values off that grid. */
export function timeChoices(extra: number[] = []): number[] {
  const set = new Set<number>(extra.filter((m) => m >= 0 && m <= 1440));
  for (let m = 0; m <= 1440; m += 30) set.add(m);
  return [...set].sort((a, b) => a - b);
}

/** null when the hours can be saved; else which weekday (0 = Monday) is wrong, or "none-open". */
export function hoursProblem(h: BusinessHours): number | "none-open" | null {
  for (let i = 0; i < h.days.length; i++) {
    const d = h.days[i];
    if (d && (d.openMinute >= d.closeMinute || d.closeMinute > 1440)) return i;
  }
  return h.days.every((d) => d === null) ? "none-open" : null;
}

/** Where an entry comes from: the year's arrangement (published, computed from the law, or entered
 * by the shop), the shop's exception over an entry of it, or the shop's exception alone. */
export type EntrySource = "official" | "computed" | "entered" | "override" | "shop";

export function entrySource(d: CalendarDay): EntrySource {
  if (d.official) return d.source === "computed" ? "computed" : d.source === "shop" ? "entered" : "official";
  return d.officialKind !== null ? "override" : "shop";
}

/** The label key of a kind (null = an ordinary day). */
export const kindKey = (k: DayKind | null) => (k === "holiday" ? "desk.kind.holiday" : k === "workday" ? "desk.kind.workday" : "desk.kind.normal") as
  | "desk.kind.holiday"
  | "desk.kind.workday"
  | "desk.kind.normal";

/** Closed days and 调休 working days as they stand (after the shop's edits). */
export function countKinds(days: CalendarDay[]): { holidays: number; workdays: number } {
  return {
    holidays: days.filter((d) => d.kind === "holiday").length,
    workdays: days.filter((d) => d.kind === "workday").length,
  };
}

/** Monday = 0 … Sunday = 6 for a YYYY-MM-DD date (calendar arithmetic, no timezone). */
export function weekdayIndex(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}
