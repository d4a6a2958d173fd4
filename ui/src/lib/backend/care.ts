// Customer care (src-tauri/src/commands/care.rs): the follow-up log on a customer and the Today
// due list. The types are generated from laoke::care (./generated; docs/IPC.md).
import { call } from "./transport";
import type { FollowUpChannel, FollowUpKind, NewFollowUp, Outcome, TodayCounts } from "./types";

export const FOLLOW_UP_KINDS = ["revisit", "care", "payment", "winback", "birthday"] as const satisfies readonly FollowUpKind[];
export const FOLLOW_UP_CHANNELS = [
  "phone", "wechat", "wangwang", "in_store", "email", "sms",
] as const satisfies readonly FollowUpChannel[];
export const OUTCOMES = ["reached", "no_answer", "declined", "done"] as const satisfies readonly Outcome[];

/** The number on the Today navigation badge: what needs action today, counted by the core
 *  (`TodayCounts::badge`: birthdays today only, not the week's). */
export const todayTotal = (c: TodayCounts) => c.badge;

export const followupsLog = (followUp: NewFollowUp) => call("followups_log", { followUp });
export const followupsForCustomer = (customerId: number) => call("followups_for_customer", { customerId });
export const today = () => call("today");
