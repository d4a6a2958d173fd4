import { describe, expect, it } from "vitest";
import { translate } from "../src/i18n";
import type { CalendarDay } from "../src/lib/backend";
import { countKinds, entrySource, hoursProblem, minuteLabel, timeChoices, weekdayIndex } from "../src/screens/settings/deskCalendar";
import { assigneeOptions, NOBODY } from "../src/screens/tickets/assignees";

const day = (over: Partial<CalendarDay>): CalendarDay => ({
  day: "2026-10-01", kind: "holiday", name: "国庆节", nameEn: "National Day", official: true, source: "official",
  officialKind: "holiday", officialName: "国庆节", officialNameEn: "National Day", ...over,
});

describe("business hours and the holiday calendar (settings)", () => {
  it("shows minutes as HH:mm, midnight at the end of the day as 24:00", () => {
    expect(minuteLabel(540)).toBe("09:00");
    expect(minuteLabel(1290)).toBe("21:30");
    expect(minuteLabel(1440)).toBe("24:00");
  });

  it("offers every half hour and keeps a stored time that is off the grid", () => {
    const c = timeChoices([545]);
    expect(c[0]).toBe(0);
    expect(c[c.length - 1]).toBe(1440);
    expect(c).toContain(545);
    expect(c.length).toBe(50);
  });

  it("names the weekday that closes before it opens, and refuses a week with no open day", () => {
    const open = { openMinute: 540, closeMinute: 1260 };
    expect(hoursProblem({ days: [open, open, open, open, open, null, null] })).toBeNull();
    expect(hoursProblem({ days: [open, { openMinute: 600, closeMinute: 600 }, open, open, open, open, open] })).toBe(1);
    expect(hoursProblem({ days: [null, null, null, null, null, null, null] })).toBe("none-open");
  });

  it("tells official entries, the shop's overrides of them and the shop's own dates apart", () => {
    expect(entrySource(day({}))).toBe("official");
    expect(entrySource(day({ official: false, kind: null }))).toBe("override");
    expect(entrySource(day({ day: "2027-10-01", source: "computed" }))).toBe("computed");
    expect(entrySource(day({ day: "2027-10-01", source: "shop" }))).toBe("entered");
    expect(entrySource(day({ day: "2026-03-10", official: false, officialKind: null, officialName: null, name: "店庆" }))).toBe("shop");
    expect(countKinds([day({}), day({ kind: "workday" }), day({ kind: null, official: false })])).toEqual({ holidays: 1, workdays: 1 });
  });

  it("knows the weekday of a date without a timezone", () => {
    expect(weekdayIndex("2026-10-01")).toBe(3); // a Thursday
    expect(weekdayIndex("2026-03-02")).toBe(0); // a Monday
    expect(weekdayIndex("2026-03-08")).toBe(6);
  });
});

describe("assignee options", () => {
  const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate("zh-CN", key, vars);
  const list = [
    { id: 3, displayName: "阿华", role: "rep" as const },
    { id: 1, displayName: "老板", role: "owner" as const },
  ];

  it("puts nobody first, then me, then colleagues with their role", () => {
    expect(assigneeOptions(t, list, 1)).toEqual([
      { value: NOBODY, label: "暂不分配" },
      { value: 1, label: "老板（我）" },
      { value: 3, label: "阿华 · 客服" },
    ]);
  });

  it("keeps a current assignee who is no longer active visible", () => {
    const o = assigneeOptions(t, list, 1, { id: 9, name: "离职的小王" });
    expect(o[o.length - 1]).toEqual({ value: 9, label: "离职的小王" });
  });
});
