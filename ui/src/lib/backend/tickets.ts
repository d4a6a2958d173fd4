// The service desk (src-tauri/src/commands/tickets.rs): one typed function per IPC command. The
// types are generated from laoke::tickets (./generated; docs/IPC.md). Amounts are integer fen;
// times RFC3339 UTC.
import { call } from "./transport";
import type {
  BusinessHours, CsatReason, DayKind, EventKind, NewTicket, Period, Priority, Queue, Resolution, RootCause,
  TicketChannel, TicketQuery, TicketState, TicketType,
} from "./types";

export const TICKET_TYPES = ["complaint", "return_refund", "inquiry", "suggestion", "praise"] as const satisfies readonly TicketType[];
export const TICKET_CHANNELS = ["phone", "wechat", "wangwang", "in_store", "email"] as const satisfies readonly TicketChannel[];
export const PRIORITIES = ["p1", "p2", "p3"] as const satisfies readonly Priority[];
export const TICKET_STATES = [
  "new", "assigned", "in_progress", "waiting", "resolved", "closed", "merged",
] as const satisfies readonly TicketState[];
export const QUEUES = ["mine", "unassigned", "due_soon", "breached", "waiting", "all"] as const satisfies readonly Queue[];
export const CSAT_REASONS = [
  "slow_response", "not_solved", "attitude", "compensation", "product_quality", "delivery", "process_too_long", "other",
] as const satisfies readonly CsatReason[];
export const ROOT_CAUSES = [
  "product_defect", "wrong_item", "logistics", "description", "service", "pricing", "customer_misunderstanding", "other",
] as const satisfies readonly RootCause[];
export const TICKET_SORTS = ["updatedAt", "createdAt", "slaDueAt", "priority"] as const;

/** The default priority for a type (DEFAULTS.md): complaints and returns P2, others P3. */
export const defaultPriority = (t: TicketType): Priority => (t === "complaint" || t === "return_refund" ? "p2" : "p3");

export const ticketsList = (query: TicketQuery) => call("tickets_list", { query });
export const ticketsCounts = () => call("tickets_counts");
export const ticketsGet = (id: number) => call("tickets_get", { id });
export const ticketsCreate = (ticket: NewTicket) => call("tickets_create", { ticket });
export const ticketsAssign = (id: number, assigneeId: number | null) => call("tickets_assign", { id, assigneeId });
export const ticketsSetState = (id: number, state: TicketState, note: string) =>
  call("tickets_set_state", { id, state, note });
export const ticketsAddEntry = (id: number, kind: Extract<EventKind, "note" | "call" | "message">, body: string) =>
  call("tickets_add_entry", { id, kind, body });
export const ticketsResolve = (id: number, resolution: Resolution) => call("tickets_resolve", { id, resolution });
export const ticketsMerge = (from: number, into: number) => call("tickets_merge", { from, into });
export const ticketsTemplates = () => call("tickets_templates");
export const ticketsRenderTemplate = (templateId: number, ticketId: number) =>
  call("tickets_render_template", { templateId, ticketId });
export const ticketsReport = (period: Period, from: string, to: string) => call("tickets_report", { period, from, to });

/** "T000123", "t123" or "123" → 123 (mirrors tickets::parse_ticket_no). */
export function parseTicketNo(s: string): number | null {
  const m = /^\s*[Tt]?0*(\d{1,15})\s*$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

export const ticketNo = (id: number) => `T${String(id).padStart(6, "0")}`;

// ---- Pickers: assignees and tags (every role) ----

/** Active users, the acting user first. */
export const ticketsAssignees = () => call("tickets_assignees");
/** Tags used on tickets, most used first. */
export const ticketsTags = () => call("tickets_tags");

// ---- Business hours and the holiday calendar (Settings; owner writes) ----

export const ticketsBusinessHours = () => call("tickets_business_hours");
export const ticketsSetBusinessHours = (hours: BusinessHours) => call("tickets_set_business_hours", { hours });
export const ticketsCalendar = (year: number) => call("tickets_calendar", { year });
/** kind null = make the date an ordinary day. Returns the date's year. */
export const ticketsSetCalendarDay = (day: string, kind: DayKind | null, name: string) =>
  call("tickets_set_calendar_day", { day, kind, name });
/** Back to the official schedule for that date. Returns the date's year. */
export const ticketsResetCalendarDay = (day: string) => call("tickets_reset_calendar_day", { day });

/** Owner / manager: the service report as an xlsx at `path` (from the native save dialog). */
export const ticketsReportExport = (period: Period, from: string, to: string, path: string) =>
  call("tickets_report_export", { period, from, to, path });
