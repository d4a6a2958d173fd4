// DEVELOPMENT ONLY: the service desk part of the in-memory stand-in (devFake.ts) so the ticket
// queue, a ticket, the report, Today and Settings → hours & holidays can be built in a plain
// browser. Same commands, shapes and rules as the core (state machine, owner-only settings,
// owner/manager export), but simpler arithmetic: SLA clocks count clock hours, not business
// hours, and the calendar holds a few 2026 dates. Never part of a production build.
import type {
  Assignee,
  BusinessHours,
  CalendarDay,
  CompensationRow,
  NewTicket,
  Priority,
  QueueCounts,
  ReplyTemplate,
  Resolution,
  SlaClock,
  TicketDetail,
  TicketQuery,
  TicketRow,
  TicketState,
  TimelineEntry,
  Today,
} from "./tickets";
import { nextStates, ticketNo } from "./tickets";
import type { CustomerRow, Role, SessionInfo } from "./types";

export interface DeskContext {
  session: SessionInfo;
  users: { id: number; displayName: string; role: Role; disabled: boolean }[];
  customers: CustomerRow[];
  zh: boolean;
  fail: (code: string, zh: string, en: string) => never;
}

interface FakeTicket {
  row: TicketRow;
  description: string;
  orderId: number | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedInto: number | null;
  csat: number | null;
  csatReason: TicketDetail["csatReason"];
  rootCause: TicketDetail["rootCause"];
  resolutionNote: string | null;
  compensations: CompensationRow[];
  timeline: TimelineEntry[];
}

const HOUR = 3600_000;
const TARGETS: Record<Priority, [number, number]> = { p1: [2, 24], p2: [24, 48], p3: [24, 72] };
const SUBJECTS = ["茶叶罐压扁了", "快递三天没动", "想换成小包装", "发票什么时候开", "少发了一盒", "口味和描述不一样", "会员积分没到账", "包装很用心，点赞"];
const TYPES = ["complaint", "complaint", "return_refund", "inquiry", "complaint", "complaint", "inquiry", "praise"] as const;

let tickets: FakeTicket[] | null = null;
let nextEventId = 1;
let hours: BusinessHours = { days: Array.from({ length: 7 }, () => ({ openMinute: 540, closeMinute: 1260 })) };
const OFFICIAL: CalendarDay[] = [
  ["2026-01-01", "holiday", "元旦", "New Year's Day"],
  ["2026-01-04", "workday", "元旦调休", "New Year's Day (working day)"],
  ["2026-02-16", "holiday", "春节", "Spring Festival"],
  ["2026-02-17", "holiday", "春节", "Spring Festival"],
  ["2026-02-18", "holiday", "春节", "Spring Festival"],
  ["2026-02-14", "workday", "春节调休", "Spring Festival (working day)"],
  ["2026-04-05", "holiday", "清明节", "Tomb-sweeping Day"],
  ["2026-05-01", "holiday", "劳动节", "Labour Day"],
  ["2026-06-19", "holiday", "端午节", "Dragon Boat Festival"],
  ["2026-09-25", "holiday", "中秋节", "Mid-autumn Festival"],
  ["2026-10-01", "holiday", "国庆节", "National Day"],
  ["2026-10-10", "workday", "国庆节调休", "National Day (working day)"],
].map(([day, kind, name, nameEn]) => ({
  day, kind: kind as "holiday" | "workday", name, nameEn, official: true, source: "official" as const,
  officialKind: kind as "holiday" | "workday", officialName: name, officialNameEn: nameEn,
}));
const shopDays = new Map<string, { kind: "holiday" | "workday" | null; name: string }>();

function clock(created: string, targetH: number, stop: string | null, paused: boolean): SlaClock {
  const target = targetH * 3600;
  const end = stop ? Date.parse(stop) : Date.now();
  const elapsed = Math.max(0, Math.round((end - Date.parse(created)) / 1000));
  const percent = Math.round((elapsed * 100) / target);
  const due = new Date(Date.parse(created) + target * 1000).toISOString();
  const state = stop ? (elapsed > target ? "breached" : "met") : paused ? "paused" : elapsed > target ? "breached" : percent >= 75 ? "warning" : "ok";
  return { targetSecs: target, elapsedSecs: elapsed, percentUsed: percent, dueAt: paused || stop ? null : due, state };
}

function refresh(t: FakeTicket): void {
  const open = !["resolved", "closed", "merged"].includes(t.row.state);
  const [fr, res] = TARGETS[t.row.priority];
  const frDue = Date.parse(t.row.createdAt) + fr * HOUR;
  const resDue = Date.parse(t.row.createdAt) + res * HOUR;
  const running = open && t.row.state !== "waiting";
  const due = running ? Math.min(t.firstResponseAt ? Infinity : frDue, resDue) : null;
  t.row.slaDueAt = due === null ? null : new Date(due).toISOString();
  const past = due !== null && due <= Date.now();
  t.row.breached = t.row.breached || past;
  t.row.slaWarning = !past && due !== null && Date.now() >= Date.parse(t.row.createdAt) + 0.75 * (due - Date.parse(t.row.createdAt));
}

function event(ctx: DeskContext, t: FakeTicket, kind: TimelineEntry["kind"], body: string, detail: Record<string, unknown> | null, at = new Date().toISOString()) {
  t.timeline.push({ id: nextEventId++, ticketNo: t.row.no, kind, at, actorName: ctx.session.displayName, body, detail });
  t.row.updatedAt = at;
}

function seed(ctx: DeskContext): FakeTicket[] {
  const now = Date.now();
  return Array.from({ length: 36 }, (_, i) => {
    const c = ctx.customers[(i * 7) % Math.max(1, ctx.customers.length)];
    const type = TYPES[i % TYPES.length];
    const priority: Priority = i % 9 === 0 ? "p1" : type === "complaint" || type === "return_refund" ? "p2" : "p3";
    const states: TicketState[] = ["new", "assigned", "in_progress", "waiting", "resolved", "closed"];
    const state = states[i % states.length];
    const created = new Date(now - ((i * 5) % 90) * HOUR - i * 60_000).toISOString();
    const assignee = state === "new" ? null : ctx.users[i % ctx.users.length];
    const t: FakeTicket = {
      row: {
        id: i + 1, no: ticketNo(i + 1), customerId: c?.id ?? 1, customerName: c?.name ?? "—", subject: SUBJECTS[i % SUBJECTS.length],
        ticketType: type, channel: (["phone", "wechat", "wangwang", "in_store", "email"] as const)[i % 5], priority, state,
        assigneeId: assignee?.id ?? null, assigneeName: assignee?.displayName ?? null, tags: i % 3 === 0 ? ["包装"] : i % 4 === 0 ? ["物流"] : [],
        createdAt: created, updatedAt: created, slaDueAt: null, slaWarning: false, breached: false,
      },
      description: "", orderId: null, firstResponseAt: state === "new" ? null : created, resolvedAt: null, closedAt: null, mergedInto: null,
      csat: null, csatReason: null, rootCause: null, resolutionNote: null, compensations: [], timeline: [],
    };
    t.timeline.push({ id: nextEventId++, ticketNo: t.row.no, kind: "created", at: created, actorName: ctx.users[0]?.displayName ?? "", body: "", detail: { state: "new" } });
    if (state === "resolved" || state === "closed") {
      t.resolvedAt = new Date(Date.parse(created) + 20 * HOUR).toISOString();
      t.csat = 3 + (i % 3);
      t.rootCause = (["logistics", "product_defect", "wrong_item"] as const)[i % 3];
      if (state === "closed") t.closedAt = new Date(Date.parse(t.resolvedAt) + 7 * 24 * HOUR).toISOString();
    }
    refresh(t);
    return t;
  });
}

function all(ctx: DeskContext): FakeTicket[] {
  tickets ??= seed(ctx);
  return tickets;
}

function find(ctx: DeskContext, id: unknown): FakeTicket {
  const t = all(ctx).find((x) => x.row.id === Number(id));
  if (!t) ctx.fail("not_found", `找不到工单 ${ticketNo(Number(id))}。`, `Ticket ${ticketNo(Number(id))} not found.`);
  return t;
}

function detail(ctx: DeskContext, t: FakeTicket): TicketDetail {
  refresh(t);
  const [fr, res] = TARGETS[t.row.priority];
  const names = new Map(ctx.users.map((u) => [u.id, u.displayName]));
  const merged = all(ctx).filter((x) => x.mergedInto === t.row.id);
  const timeline = [...t.timeline, ...merged.flatMap((m) => m.timeline)]
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
    .map((e) => {
      if (e.kind !== "assignee" || !e.detail) return e;
      const d = { ...e.detail };
      if (typeof d.from === "number" && names.has(d.from)) d.fromName = names.get(d.from);
      if (typeof d.to === "number" && names.has(d.to)) d.toName = names.get(d.to);
      return { ...e, detail: d };
    });
  return {
    row: t.row, orderId: t.orderId, orderNo: null, description: t.description, firstResponseAt: t.firstResponseAt, resolvedAt: t.resolvedAt,
    closedAt: t.closedAt, mergedInto: t.mergedInto ? ticketNo(t.mergedInto) : null, mergedFrom: merged.map((m) => m.row.no),
    firstResponse: clock(t.row.createdAt, fr, t.firstResponseAt, false),
    resolution: clock(t.row.createdAt, res, t.resolvedAt, t.row.state === "waiting"),
    firstResponseBreached: false, resolutionBreached: t.row.breached, csat: t.csat, csatReason: t.csatReason, rootCause: t.rootCause,
    resolutionNote: t.resolutionNote, compensations: t.compensations, timeline,
  };
}

function inQueue(t: FakeTicket, q: TicketQuery, me: number): boolean {
  const open = !["resolved", "closed", "merged"].includes(t.row.state);
  switch (q.queue) {
    case "mine": return open && t.row.assigneeId === me;
    case "unassigned": return open && t.row.assigneeId === null;
    case "due_soon": return open && t.row.slaWarning;
    case "breached": return open && t.row.breached;
    case "waiting": return t.row.state === "waiting";
    default: return t.row.state !== "merged";
  }
}

function moveState(ctx: DeskContext, t: FakeTicket, to: TicketState, note: string): void {
  const legal = nextStates(t.row.state).includes(to) || (t.row.state === "new" && to === "assigned");
  if (!legal) ctx.fail("invalid_input", `状态：工单不能从“${t.row.state}”改为“${to}”。`, `State: a ticket cannot go from '${t.row.state}' to '${to}'.`);
  const from = t.row.state;
  t.row.state = to;
  if (to === "waiting" || to === "resolved") t.firstResponseAt ??= new Date().toISOString();
  if (to === "resolved") t.resolvedAt = new Date().toISOString();
  if (to === "in_progress") t.resolvedAt = null;
  if (to === "closed") t.closedAt = new Date().toISOString();
  event(ctx, t, "state", note, { from, to });
}

const TEMPLATES: ReplyTemplate[] = [
  { id: 1, lang: "zh-CN", title: "首次回复", body: "{姓名}您好，您的问题（{工单号}）我们已收到，正在处理，稍后给您回复。—— {店铺} {客服}" },
  { id: 2, lang: "zh-CN", title: "致歉补发", body: "{姓名}您好，非常抱歉给您带来不便，我们已为您安排补发。" },
  { id: 3, lang: "en", title: "First reply", body: "Hello {name}, we have your request ({ticket}) and are on it. — {shop} {agent}" },
];

function calendar(year: number): CalendarDay[] {
  const map = new Map(OFFICIAL.filter((d) => d.day.startsWith(String(year))).map((d) => [d.day, d]));
  for (const [day, e] of shopDays) {
    if (!day.startsWith(String(year))) continue;
    const o = OFFICIAL.find((x) => x.day === day);
    map.set(day, {
      day, kind: e.kind, name: e.name, nameEn: e.name, official: false, source: "official",
      officialKind: o?.kind ?? null, officialName: o?.name ?? null, officialNameEn: o?.nameEn ?? null,
    });
  }
  return [...map.values()].sort((a, b) => a.day.localeCompare(b.day));
}

const needOwner = (ctx: DeskContext) =>
  ctx.session.role === "owner" || ctx.fail("forbidden", "只有店主可以修改营业时间和节假日。", "Only the owner can change business hours and holidays.");

/** The desk commands; `undefined` for anything else. */
export function fakeDesk(cmd: string, a: Record<string, unknown>, ctx: DeskContext): unknown {
  const me = ctx.session.userId;
  switch (cmd) {
    case "tickets_list": {
      const q = a.query as TicketQuery;
      let rows = all(ctx).filter((t) => inQueue(t, q, me)).map((t) => (refresh(t), t.row));
      if (q.states?.length) rows = rows.filter((r) => q.states?.includes(r.state));
      if (q.types?.length) rows = rows.filter((r) => q.types?.includes(r.ticketType));
      if (q.priorities?.length) rows = rows.filter((r) => q.priorities?.includes(r.priority));
      if (q.channels?.length) rows = rows.filter((r) => q.channels?.includes(r.channel));
      if (q.customerId) rows = rows.filter((r) => r.customerId === q.customerId);
      if (q.tag) rows = rows.filter((r) => r.tags.includes(q.tag ?? ""));
      if (q.text) rows = rows.filter((r) => r.subject.includes(q.text ?? "") || r.no.toLowerCase() === (q.text ?? "").toLowerCase());
      const key = q.sort ?? "updatedAt";
      const desc = q.desc ?? (key === "updatedAt" || key === "createdAt");
      const val = (r: TicketRow) => (key === "slaDueAt" ? (r.slaDueAt ?? "~") : key === "priority" ? r.priority : key === "createdAt" ? r.createdAt : r.updatedAt);
      rows.sort((x, y) => (desc ? -1 : 1) * val(x).localeCompare(val(y)));
      const size = q.pageSize || 50;
      const page = q.page || 1;
      return { rows: rows.slice((page - 1) * size, page * size), page, pageSize: size, hasMore: rows.length > page * size };
    }
    case "tickets_counts": {
      const ts = all(ctx);
      const count = (queue: TicketQuery["queue"]) => ts.filter((t) => inQueue(t, { queue, page: 1, pageSize: 50 }, me)).length;
      const open = ts.filter((t) => !["resolved", "closed", "merged"].includes(t.row.state)).length;
      return { mine: count("mine"), unassigned: count("unassigned"), dueSoon: count("due_soon"), breached: count("breached"), waiting: count("waiting"), open } satisfies QueueCounts;
    }
    case "tickets_get":
      return detail(ctx, find(ctx, a.id));
    case "tickets_create": {
      const n = a.ticket as NewTicket;
      const c = ctx.customers.find((x) => x.id === n.customerId);
      if (!c) ctx.fail("invalid_input", `客户：找不到编号为 ${n.customerId} 的客户。`, `Customer: no active customer with id ${n.customerId}.`);
      if (!n.subject.trim()) ctx.fail("invalid_input", "主题：不能为空。", "Subject: required.");
      const id = all(ctx).length + 1;
      const now = new Date().toISOString();
      const who = ctx.users.find((u) => u.id === n.assigneeId);
      const t: FakeTicket = {
        row: {
          id, no: ticketNo(id), customerId: c.id, customerName: c.name, subject: n.subject.trim(), ticketType: n.ticketType, channel: n.channel,
          priority: n.priority ?? (n.ticketType === "complaint" || n.ticketType === "return_refund" ? "p2" : "p3"), state: who ? "assigned" : "new",
          assigneeId: who?.id ?? null, assigneeName: who?.displayName ?? null, tags: [...new Set(n.tags)], createdAt: now, updatedAt: now,
          slaDueAt: null, slaWarning: false, breached: false,
        },
        description: n.description, orderId: n.orderId ?? null, firstResponseAt: null, resolvedAt: null, closedAt: null, mergedInto: null,
        csat: null, csatReason: null, rootCause: null, resolutionNote: null, compensations: [], timeline: [],
      };
      event(ctx, t, "created", "", { state: t.row.state }, now);
      if (who) event(ctx, t, "assignee", "", { from: null, to: who.id }, now);
      all(ctx).push(t);
      return id;
    }
    case "tickets_assign": {
      const t = find(ctx, a.id);
      const to = a.assigneeId === null ? null : ctx.users.find((u) => u.id === a.assigneeId && !u.disabled);
      if (a.assigneeId !== null && !to) ctx.fail("invalid_input", "负责人：找不到在用账号。", "Assignee: no active user.");
      event(ctx, t, "assignee", "", { from: t.row.assigneeId, to: to?.id ?? null });
      t.row.assigneeId = to?.id ?? null;
      t.row.assigneeName = to?.displayName ?? null;
      if (t.row.state === "new" && to) moveState(ctx, t, "assigned", "");
      return detail(ctx, t);
    }
    case "tickets_set_state": {
      const t = find(ctx, a.id);
      moveState(ctx, t, a.state as TicketState, String(a.note ?? ""));
      return detail(ctx, t);
    }
    case "tickets_add_entry": {
      const t = find(ctx, a.id);
      const kind = a.kind as "note" | "call" | "message";
      if (!String(a.body).trim()) ctx.fail("invalid_input", "内容：不能为空。", "Text: required.");
      event(ctx, t, kind, String(a.body), null);
      if (kind !== "note") t.firstResponseAt ??= new Date().toISOString();
      return detail(ctx, t);
    }
    case "tickets_resolve": {
      const t = find(ctx, a.id);
      const r = a.resolution as Resolution;
      if (r.csat !== null && r.csat <= 2 && !r.csatReason)
        ctx.fail("invalid_input", "不满意原因：满意度为 1–2 分时必须选择原因。", "CSAT reason: a reason is required for a score of 1 or 2.");
      moveState(ctx, t, "resolved", r.note);
      Object.assign(t, { csat: r.csat, csatReason: r.csatReason, rootCause: r.rootCause, resolutionNote: r.note || null });
      const now = new Date().toISOString();
      for (const c of r.compensation) {
        if (c.kind === "refundNote") t.compensations.push({ kind: "refund_note", amountFen: c.amountFen, note: c.note, at: now });
        if (c.kind === "points") t.compensations.push({ kind: "points", amountFen: c.points, note: c.reason, at: now });
      }
      event(ctx, t, "resolution", r.note, { csat: r.csat });
      return detail(ctx, t);
    }
    case "tickets_merge": {
      const from = find(ctx, a.from);
      const into = find(ctx, a.into);
      if (from.row.customerId !== into.row.customerId) ctx.fail("invalid_input", "合并：只能合并同一位客户的工单。", "Merge: only tickets of the same customer can be merged.");
      from.row.state = "merged";
      from.mergedInto = into.row.id;
      event(ctx, from, "merge", "", { into: into.row.id });
      event(ctx, into, "merge", "", { from: from.row.id });
      return detail(ctx, into);
    }
    case "tickets_templates":
      return TEMPLATES.filter((x) => x.lang === (ctx.zh ? "zh-CN" : "en"));
    case "tickets_render_template": {
      const t = find(ctx, a.ticketId);
      const tp = TEMPLATES.find((x) => x.id === a.templateId);
      return (tp?.body ?? "")
        .replace(/\{姓名\}|\{name\}/g, t.row.customerName)
        .replace(/\{工单号\}|\{ticket\}/g, t.row.no)
        .replace(/\{店铺\}|\{shop\}/g, "小美的茶叶铺")
        .replace(/\{客服\}|\{agent\}/g, ctx.session.displayName);
    }
    case "tickets_report": {
      const month = a.period === "month";
      const label = (iso: string) => {
        const d = new Date(iso);
        if (month) return iso.slice(0, 7);
        const day = (d.getUTCDay() + 6) % 7;
        const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3));
        const week = Math.ceil(((thursday.getTime() - Date.UTC(thursday.getUTCFullYear(), 0, 1)) / 86400000 + 1) / 7);
        return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
      };
      const rows = new Map<string, { created: number; resolved: number; met: number; csat: number; happy: number; complaints: number }>();
      const get = (k: string) => rows.get(k) ?? (rows.set(k, { created: 0, resolved: 0, met: 0, csat: 0, happy: 0, complaints: 0 }), rows.get(k)!);
      for (const t of all(ctx)) {
        const r = get(label(t.row.createdAt));
        r.created++;
        if (t.row.ticketType === "complaint") r.complaints++;
        if (t.resolvedAt) {
          const s = get(label(t.resolvedAt));
          s.resolved++;
          if (!t.row.breached) s.met++;
          if (t.csat !== null) {
            s.csat++;
            if (t.csat >= 4) s.happy++;
          }
        }
      }
      const pm = (p: number, w: number) => (w ? Math.round((p * 1000) / w) : null);
      return {
        period: a.period, from: a.from, to: a.to,
        rows: [...rows.entries()].sort().map(([period, r]) => ({
          period, created: r.created, resolved: r.resolved, slaMet: r.met, slaCompliancePermille: pm(r.met, r.resolved),
          medianFirstResponseMin: r.created ? 95 : null, medianResolutionMin: r.resolved ? 1260 : null, csatResponses: r.csat,
          csatPermille: pm(r.happy, r.csat), complaints: r.complaints, orders: 0, complaintsPer100OrdersX10: null,
        })),
        topRootCauses: [{ cause: "logistics", tickets: 4 }, { cause: "product_defect", tickets: 2 }],
        compensation: [],
      };
    }
    case "today": {
      const open = all(ctx).filter((t) => !["resolved", "closed", "merged"].includes(t.row.state));
      const soon = open.filter((t) => t.row.slaWarning).map((t) => t.row);
      const late = open.filter((t) => t.row.breached).map((t) => t.row);
      return {
        day: new Date().toISOString().slice(0, 10),
        counts: { followUps: 0, slaDueSoon: soon.length, slaBreached: late.length, unpaidOrders: 0, birthdays: 0 },
        followUps: [], slaDueSoon: soon.slice(0, 50), slaBreached: late.slice(0, 50), unpaidOrders: [], birthdays: [],
        holidaysUnpublished: [],
      } satisfies Today;
    }
    case "followups_log":
      return 1;
    case "followups_for_customer":
      return [];
    case "tickets_assignees":
      return ctx.users
        .filter((u) => !u.disabled)
        .sort((x, y) => Number(y.id === me) - Number(x.id === me) || x.displayName.localeCompare(y.displayName))
        .map((u) => ({ id: u.id, displayName: u.displayName, role: u.role }) satisfies Assignee);
    case "tickets_tags":
      return [...new Set(all(ctx).flatMap((t) => t.row.tags))];
    case "tickets_business_hours":
      return hours;
    case "tickets_set_business_hours":
      needOwner(ctx);
      hours = a.hours as BusinessHours;
      return hours;
    case "tickets_calendar":
      return calendar(Number(a.year));
    case "tickets_set_calendar_day":
      needOwner(ctx);
      shopDays.set(String(a.day), { kind: (a.kind as "holiday" | "workday" | null) ?? null, name: String(a.name ?? "") });
      return calendar(Number(String(a.day).slice(0, 4)));
    case "tickets_reset_calendar_day":
      needOwner(ctx);
      shopDays.delete(String(a.day));
      return calendar(Number(String(a.day).slice(0, 4)));
    case "tickets_report_export":
      if (ctx.session.role === "rep") ctx.fail("forbidden", "只有店主和店长可以导出 Excel。", "Only the owner and managers may export to Excel.");
      return ctx.fail("internal", "浏览器开发模式不能写文件。", "The browser dev mode cannot write files.");
    default:
      return undefined;
  }
}
