import { describe, expect, it } from "vitest";
import { translate } from "../src/i18n";
import type { SlaClock, TicketRow } from "../src/lib/backend";
import { parseTicketNo, ticketNo, defaultPriority, todayTotal } from "../src/lib/backend";
import { clockView, formatDuration, rowClock } from "../src/screens/tickets/sla";
import { minutesText, permille } from "../src/screens/tickets/TicketReports";

const zh = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate("zh-CN", k, v);
const en = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate("en", k, v);

const NOW = Date.parse("2026-03-10T02:00:00Z");

function row(over: Partial<TicketRow> = {}): TicketRow {
  return {
    id: 1, no: "T000001", customerId: 7, customerName: "林小雨", subject: "茶叶受潮", ticketType: "complaint",
    channel: "phone", priority: "p2", state: "in_progress", assigneeId: null, assigneeName: null, tags: [],
    createdAt: "2026-03-09T02:00:00Z", updatedAt: "2026-03-09T02:00:00Z",
    slaDueAt: null, slaWarning: false, breached: false, slaOutcome: null, ...over,
  };
}

describe("SLA clock text", () => {
  it("shows the two largest units, minutes only under an hour, in both languages", () => {
    expect(formatDuration(zh, 0)).toBe("0分钟");
    expect(formatDuration(zh, 59)).toBe("0分钟");
    expect(formatDuration(zh, 12 * 60)).toBe("12分钟");
    expect(formatDuration(zh, 5 * 3600 + 12 * 60)).toBe("5小时 12分钟");
    expect(formatDuration(zh, 3600)).toBe("1小时");
    expect(formatDuration(zh, 2 * 86400 + 3 * 3600 + 59 * 60)).toBe("2天 3小时");
    expect(formatDuration(en, 2 * 86400)).toBe("2d");
    expect(formatDuration(en, 90 * 60)).toBe("1h 30m");
  });

  it("a running row counts down to the core's due time; past it the row reads overdue in red", () => {
    const due = new Date(NOW + 3 * 3600 * 1000).toISOString();
    expect(rowClock(zh, row({ slaDueAt: due }), NOW)).toEqual({ text: "剩余 3小时", tone: "ok" });
    expect(rowClock(zh, row({ slaDueAt: due, slaWarning: true }), NOW).tone).toBe("warning");
    const past = new Date(NOW - 45 * 60 * 1000).toISOString();
    expect(rowClock(zh, row({ slaDueAt: past }), NOW)).toEqual({ text: "已超时 45分钟", tone: "breached" });
    expect(rowClock(en, row({ slaDueAt: past }), NOW).text).toBe("45m overdue");
  });

  it("waiting on the customer reads paused; a breach before a reopen stays red", () => {
    expect(rowClock(zh, row({ state: "waiting" }), NOW)).toEqual({ text: "已暂停", tone: "muted" });
    expect(rowClock(zh, row({ state: "waiting", breached: true }), NOW).tone).toBe("breached");
    expect(rowClock(zh, row({ state: "resolved", breached: true, slaOutcome: "breached" }), NOW)).toEqual({ text: "已超时", tone: "breached" });
    expect(rowClock(zh, row({ state: "merged", breached: true }), NOW).tone).toBe("breached");
    const due = new Date(NOW + 3600 * 1000).toISOString();
    expect(rowClock(zh, row({ slaDueAt: due, breached: true }), NOW).tone).toBe("breached");
  });

  it("a resolved or closed ticket that met its SLA reads met, never red; only a breach is red", () => {
    // Resolved in time, though its first response came late (that shows on the ticket page).
    const met = row({ state: "resolved", breached: true, slaOutcome: "met" });
    expect(rowClock(zh, met, NOW)).toEqual({ text: "已达成", tone: "muted" });
    expect(rowClock(en, row({ state: "closed", slaOutcome: "met" }), NOW)).toEqual({ text: "Met", tone: "muted" });
    expect(rowClock(zh, row({ state: "closed", slaOutcome: "breached" }), NOW)).toEqual({ text: "已超时", tone: "breached" });
  });

  it("the ticket page's clocks follow the core's state: met, paused, warning at 75 %, overdue by business time", () => {
    const c = (over: Partial<SlaClock>): SlaClock => ({ targetSecs: 86400, elapsedSecs: 0, percentUsed: 0, dueAt: null, state: "ok", ...over });
    expect(clockView(zh, c({ state: "met" }))).toEqual({ text: "已达成", tone: "ok" });
    expect(clockView(zh, c({ state: "paused" }))).toEqual({ text: "已暂停", tone: "muted" });
    expect(clockView(zh, c({ state: "warning", elapsedSecs: 64800, percentUsed: 75 }))).toEqual({ text: "剩余 6小时", tone: "warning" });
    expect(clockView(zh, c({ state: "breached", elapsedSecs: 86400 + 1800, percentUsed: 102 }))).toEqual({ text: "已超时 30分钟", tone: "breached" });
  });
});

describe("service desk helpers", () => {
  it("ticket numbers round-trip and bad ones are refused", () => {
    expect(ticketNo(123)).toBe("T000123");
    expect(parseTicketNo("T000123")).toBe(123);
    expect(parseTicketNo(" t123 ")).toBe(123);
    expect(parseTicketNo("123")).toBe(123);
    expect(parseTicketNo("T0")).toBeNull();
    expect(parseTicketNo("X12")).toBeNull();
    expect(parseTicketNo("")).toBeNull();
  });

  it("priority defaults by type and the Today badge is the core's count, not the week's birthdays", () => {
    expect(defaultPriority("complaint")).toBe("p2");
    expect(defaultPriority("return_refund")).toBe("p2");
    expect(defaultPriority("inquiry")).toBe("p3");
    const counts = { followUps: 1, slaDueSoon: 2, slaBreached: 3, unpaidOrders: 4, birthdays: 329, birthdaysToday: 5, pointsExpiring: 0, pointsExpiring30: 9, couponsExpiring: 0 };
    expect(todayTotal({ ...counts, badge: 15 })).toBe(15);
  });

  it("report numbers come from per-mille and business minutes without rounding surprises", () => {
    expect(permille(875)).toBe("87.5%");
    expect(permille(1000)).toBe("100.0%");
    expect(permille(null)).toBe("—");
    expect(minutesText(zh, 200)).toBe("3小时 20分钟");
    expect(minutesText(zh, 60)).toBe("1小时");
    expect(minutesText(zh, 0)).toBe("0分钟");
    expect(minutesText(zh, null)).toBe("—");
  });
});
