// Customer care (src-tauri/src/commands/care.rs): the follow-up log on a customer and the Today
// due list. Types mirror laoke::care (docs/IPC.md). Amounts are integer fen.
import type { HolidayDay } from "./calendar";
import type { TicketRow } from "./tickets";
import { call } from "./transport";

export const FOLLOW_UP_KINDS = ["revisit", "care", "payment", "winback", "birthday"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];
export const FOLLOW_UP_CHANNELS = ["phone", "wechat", "wangwang", "in_store", "email", "sms"] as const;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];
export const OUTCOMES = ["reached", "no_answer", "declined", "done"] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface NewFollowUp {
  customerId: number;
  kind: FollowUpKind;
  channel: FollowUpChannel;
  outcome: Outcome;
  notes: string;
  ticketId?: number | null;
  orderId?: number | null;
  /** Shop day YYYY-MM-DD. */
  nextContactOn?: string | null;
}

export interface FollowUp extends Required<Omit<NewFollowUp, "nextContactOn" | "ticketId" | "orderId">> {
  id: number;
  ticketId: number | null;
  orderId: number | null;
  nextContactOn: string | null;
  createdBy: string;
  createdAt: string;
}

export interface TodayCounts {
  followUps: number;
  slaDueSoon: number;
  slaBreached: number;
  unpaidOrders: number;
  birthdays: number;
}

export interface DueFollowUp {
  followUpId: number;
  customerId: number;
  customerName: string;
  kind: FollowUpKind;
  nextContactOn: string;
  notes: string;
}

export interface UnpaidOrder {
  orderId: number;
  orderNo: string;
  channel: string;
  customerId: number | null;
  customerName: string | null;
  orderedAt: string;
  step: number;
  closesAt: string;
  goodsFen: number;
}

export interface BirthdayRow {
  customerId: number;
  customerName: string;
  birthday: string;
  on: string;
  inDays: number;
}

export interface Today {
  day: string;
  counts: TodayCounts;
  followUps: DueFollowUp[];
  slaDueSoon: TicketRow[];
  slaBreached: TicketRow[];
  unpaidOrders: UnpaidOrder[];
  birthdays: BirthdayRow[];
  /** Days off in the next 30 days whose year's arrangement is not published yet (调休待公布). */
  holidaysUnpublished: HolidayDay[];
}

/** The number on the Today navigation badge. */
export const todayTotal = (c: TodayCounts) => c.followUps + c.slaDueSoon + c.slaBreached + c.unpaidOrders + c.birthdays;

export const followupsLog = (followUp: NewFollowUp) => call<number>("followups_log", { followUp });
export const followupsForCustomer = (customerId: number) =>
  call<FollowUp[]>("followups_for_customer", { customerId });
export const today = () => call<Today>("today");
