import { describe, expect, it } from "vitest";
import { fakeDesk, type DeskContext } from "../src/lib/backend/devFakeTickets";
import type { CalendarDay, TicketDetail, TicketPage } from "../src/lib/backend";

function ctx(role: "owner" | "rep"): DeskContext {
  return {
    session: { userId: role === "owner" ? 1 : 3, username: role, displayName: role === "owner" ? "王小美" : "小周", role, store: "main" },
    users: [
      { id: 1, displayName: "王小美", role: "owner", disabled: false },
      { id: 3, displayName: "小周", role: "rep", disabled: false },
    ],
    customers: [{ id: 7, name: "林小雨" }, { id: 8, name: "王五" }] as DeskContext["customers"],
    zh: true,
    fail: (code, zh) => {
      throw { code, message: zh };
    },
  };
}

describe("the browser dev fake of the service desk", () => {
  it("lists, opens, creates, assigns and resolves tickets with the core's shapes and state rules", () => {
    const owner = ctx("owner");
    const page = fakeDesk("tickets_list", { query: { queue: "all", page: 1, pageSize: 20 } }, owner) as TicketPage;
    expect(page.rows.length).toBe(20);
    expect(page.hasMore).toBe(true);
    const id = fakeDesk("tickets_create", { ticket: { customerId: 7, ticketType: "complaint", channel: "phone", subject: "受潮", description: "", tags: ["包装"] } }, owner) as number;
    let t = fakeDesk("tickets_assign", { id, assigneeId: 3 }, owner) as TicketDetail;
    expect(t.row.state).toBe("assigned");
    expect(t.timeline.find((e) => e.kind === "assignee")?.detail?.toName).toBe("小周");
    expect(() => fakeDesk("tickets_set_state", { id, state: "closed", note: "" }, owner)).toThrow();
    t = fakeDesk("tickets_resolve", { id, resolution: { csat: 5, csatReason: null, rootCause: "logistics", note: "补发", compensation: [] } }, owner) as TicketDetail;
    expect(t.row.state).toBe("resolved");
    expect(fakeDesk("today", {}, owner)).toHaveProperty("counts");
    expect(fakeDesk("tickets_report", { period: "week", from: "2026-01-01", to: "2026-12-31" }, owner)).toHaveProperty("rows");
    expect(fakeDesk("nope", {}, owner)).toBeUndefined();
  });

  it("keeps hours and holidays owner-only and shows overrides of the official schedule", () => {
    expect(() => fakeDesk("tickets_set_calendar_day", { day: "2026-10-01", kind: "workday", name: "" }, ctx("rep"))).toThrow();
    const year = fakeDesk("tickets_set_calendar_day", { day: "2026-10-01", kind: "workday", name: "照常营业" }, ctx("owner")) as CalendarDay[];
    const d = year.find((x) => x.day === "2026-10-01");
    expect(d).toMatchObject({ kind: "workday", official: false, officialKind: "holiday" });
    const back = fakeDesk("tickets_reset_calendar_day", { day: "2026-10-01" }, ctx("owner")) as CalendarDay[];
    expect(back.find((x) => x.day === "2026-10-01")?.official).toBe(true);
  });
});
