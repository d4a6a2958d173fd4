// The service desk and customer care: types mirror laoke::tickets / laoke::care (docs/CORE_API.md
// "Tickets"); one typed function per IPC command. Amounts are integer fen; times RFC3339 UTC.
import { call } from "./transport";

export const TICKET_TYPES = ["complaint", "return_refund", "inquiry", "suggestion", "praise"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_CHANNELS = ["phone", "wechat", "wangwang", "in_store", "email"] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];
export const PRIORITIES = ["p1", "p2", "p3"] as const;
export type Priority = (typeof PRIORITIES)[number];
export const TICKET_STATES = ["new", "assigned", "in_progress", "waiting", "resolved", "closed", "merged"] as const;
export type TicketState = (typeof TICKET_STATES)[number];
export const QUEUES = ["mine", "unassigned", "due_soon", "breached", "waiting", "all"] as const;
export type Queue = (typeof QUEUES)[number];
export const CSAT_REASONS = [
  "slow_response", "not_solved", "attitude", "compensation", "product_quality", "delivery", "process_too_long", "other",
] as const;
export type CsatReason = (typeof CSAT_REASONS)[number];
export const ROOT_CAUSES = [
  "product_defect", "wrong_item", "logistics", "description", "service", "pricing", "customer_misunderstanding", "other",
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];
export type EventKind = "created" | "note" | "call" | "message" | "state" | "assignee" | "resolution" | "merge";
export type SlaState = "ok" | "warning" | "breached" | "met" | "paused";
export const TICKET_SORTS = ["updatedAt", "createdAt", "slaDueAt", "priority"] as const;

/** The default priority for a type (DEFAULTS.md): complaints and returns P2, others P3. */
export const defaultPriority = (t: TicketType): Priority => (t === "complaint" || t === "return_refund" ? "p2" : "p3");

export interface TicketQuery {
  queue: Queue;
  states?: TicketState[];
  types?: TicketType[];
  priorities?: Priority[];
  channels?: TicketChannel[];
  assigneeId?: number;
  customerId?: number;
  tag?: string;
  text?: string;
  sort?: string;
  desc?: boolean;
  page: number;
  pageSize: number;
}

export interface TicketRow {
  id: number;
  no: string;
  customerId: number;
  customerName: string;
  subject: string;
  ticketType: TicketType;
  channel: TicketChannel;
  priority: Priority;
  state: TicketState;
  assigneeId: number | null;
  assigneeName: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  slaDueAt: string | null;
  slaWarning: boolean;
  breached: boolean;
}

export interface TicketPage {
  rows: TicketRow[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface QueueCounts {
  mine: number;
  unassigned: number;
  dueSoon: number;
  breached: number;
  waiting: number;
  open: number;
}

export interface SlaClock {
  targetSecs: number;
  elapsedSecs: number;
  percentUsed: number;
  dueAt: string | null;
  state: SlaState;
}

export interface TimelineEntry {
  id: number;
  ticketNo: string;
  kind: EventKind;
  at: string;
  actorName: string;
  body: string;
  detail: Record<string, unknown> | null;
}

export interface CompensationRow {
  kind: string;
  amountFen: number;
  note: string;
  at: string;
}

export interface TicketDetail {
  row: TicketRow;
  orderId: number | null;
  orderNo: string | null;
  description: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  mergedInto: string | null;
  mergedFrom: string[];
  firstResponse: SlaClock;
  resolution: SlaClock;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  csat: number | null;
  csatReason: CsatReason | null;
  rootCause: RootCause | null;
  resolutionNote: string | null;
  compensations: CompensationRow[];
  timeline: TimelineEntry[];
  /** The moves to offer (the core's TicketState::next_states); "resolved" = the resolve dialog. */
  nextStates: TicketState[];
}

export interface NewTicket {
  customerId: number;
  orderId?: number | null;
  ticketType: TicketType;
  channel: TicketChannel;
  priority?: Priority | null;
  subject: string;
  description: string;
  assigneeId?: number | null;
  tags: string[];
}

/** What the resolution gives: a refund note, or points / a coupon through the loyalty ledger. */
export type Compensation =
  | { kind: "refundNote"; amountFen: number; note: string }
  | { kind: "points"; points: number; reason: string }
  | { kind: "coupon"; couponId: number };

export interface Resolution {
  csat: number | null;
  csatReason: CsatReason | null;
  rootCause: RootCause | null;
  note: string;
  compensation: Compensation[];
}

export interface ReplyTemplate {
  id: number;
  lang: string;
  title: string;
  body: string;
}

export interface PeriodRow {
  period: string;
  created: number;
  resolved: number;
  slaMet: number;
  slaCompliancePermille: number | null;
  medianFirstResponseMin: number | null;
  medianResolutionMin: number | null;
  csatResponses: number;
  csatPermille: number | null;
  complaints: number;
  orders: number;
  complaintsPer100OrdersX10: number | null;
}

export interface ServiceReport {
  period: "week" | "month";
  from: string;
  to: string;
  rows: PeriodRow[];
  topRootCauses: { cause: RootCause; tickets: number }[];
  compensation: { month: string; cause: RootCause | null; amountFen: number; count: number }[];
}

export const ticketsList = (query: TicketQuery) => call<TicketPage>("tickets_list", { query });
export const ticketsCounts = () => call<QueueCounts>("tickets_counts");
export const ticketsGet = (id: number) => call<TicketDetail>("tickets_get", { id });
export const ticketsCreate = (ticket: NewTicket) => call<number>("tickets_create", { ticket });
export const ticketsAssign = (id: number, assigneeId: number | null) =>
  call<TicketDetail>("tickets_assign", { id, assigneeId });
export const ticketsSetState = (id: number, state: TicketState, note: string) =>
  call<TicketDetail>("tickets_set_state", { id, state, note });
export const ticketsAddEntry = (id: number, kind: "note" | "call" | "message", body: string) =>
  call<TicketDetail>("tickets_add_entry", { id, kind, body });
export const ticketsResolve = (id: number, resolution: Resolution) =>
  call<TicketDetail>("tickets_resolve", { id, resolution });
export const ticketsMerge = (from: number, into: number) => call<TicketDetail>("tickets_merge", { from, into });
export const ticketsTemplates = () => call<ReplyTemplate[]>("tickets_templates");
export const ticketsRenderTemplate = (templateId: number, ticketId: number) =>
  call<string>("tickets_render_template", { templateId, ticketId });
export const ticketsReport = (period: "week" | "month", from: string, to: string) =>
  call<ServiceReport>("tickets_report", { period, from, to });

/** "T000123", "t123" or "123" → 123 (mirrors tickets::parse_ticket_no). */
export function parseTicketNo(s: string): number | null {
  const m = /^\s*[Tt]?0*(\d{1,15})\s*$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

export const ticketNo = (id: number) => `T${String(id).padStart(6, "0")}`;

// ---- Pickers: assignees and tags (every role) ----

export type AssigneeRole = "owner" | "manager" | "rep";

/** Someone a ticket can be assigned to (active users only; nothing else about them). */
export interface Assignee {
  id: number;
  displayName: string;
  role: AssigneeRole;
}

/** Active users, the acting user first. */
export const ticketsAssignees = () => call<Assignee[]>("tickets_assignees");
/** Tags used on tickets, most used first. */
export const ticketsTags = () => call<string[]>("tickets_tags");

// ---- Business hours and the holiday calendar (Settings; owner writes) ----

export interface DayHours {
  openMinute: number;
  closeMinute: number;
}

/** Monday first; null = closed that weekday. */
export interface BusinessHours {
  days: (DayHours | null)[];
}

export type DayKind = "holiday" | "workday";

export interface CalendarDay {
  /** YYYY-MM-DD, shop-local. */
  day: string;
  /** null = an ordinary day (the shop removed an official entry). */
  kind: DayKind | null;
  name: string;
  nameEn: string;
  /** From the year's arrangement, unchanged by the shop's own exception. */
  official: boolean;
  /** Where the year's arrangement comes from. */
  source: "official" | "computed" | "shop";
  /** The official entry the shop's entry overrides, if any. */
  officialKind: DayKind | null;
  officialName: string | null;
  officialNameEn: string | null;
}

export const ticketsBusinessHours = () => call<BusinessHours>("tickets_business_hours");
export const ticketsSetBusinessHours = (hours: BusinessHours) => call<BusinessHours>("tickets_set_business_hours", { hours });
export const ticketsCalendar = (year: number) => call<CalendarDay[]>("tickets_calendar", { year });
/** kind null = make the date an ordinary day. Returns the date's year. */
export const ticketsSetCalendarDay = (day: string, kind: DayKind | null, name: string) =>
  call<CalendarDay[]>("tickets_set_calendar_day", { day, kind, name });
/** Back to the official schedule for that date. Returns the date's year. */
export const ticketsResetCalendarDay = (day: string) => call<CalendarDay[]>("tickets_reset_calendar_day", { day });

export interface ReportExported {
  path: string;
  bytes: number;
  sheets: number;
}

/** Owner / manager: the service report as an xlsx at `path` (from the native save dialog). */
export const ticketsReportExport = (period: "week" | "month", from: string, to: string, path: string) =>
  call<ReportExported>("tickets_report_export", { period, from, to, path });
