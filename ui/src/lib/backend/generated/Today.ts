// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { BirthdayRow } from "./BirthdayRow";
import type { CouponGrant } from "./CouponGrant";
import type { DueFollowUp } from "./DueFollowUp";
import type { ExpiringPoints } from "./ExpiringPoints";
import type { HolidayDay } from "./HolidayDay";
import type { TicketRow } from "./TicketRow";
import type { TodayCounts } from "./TodayCounts";
import type { UnpaidOrder } from "./UnpaidOrder";

export type Today = { day: string, counts: TodayCounts, followUps: Array<DueFollowUp>, slaDueSoon: Array<TicketRow>, slaBreached: Array<TicketRow>, unpaidOrders: Array<UnpaidOrder>, birthdays: Array<BirthdayRow>, 
/**
 * Customers whose points expire within [`EXPIRY_DAYS`] (loyalty ledger).
 */
pointsExpiring: Array<ExpiringPoints>, 
/**
 * Customers whose points expire within [`EXPIRY_REMIND_DAYS`] (the first reminder).
 */
pointsExpiring30: Array<ExpiringPoints>, 
/**
 * Unused coupons that expire within [`EXPIRY_DAYS`].
 */
couponsExpiring: Array<CouponGrant>, 
/**
 * Days off within [`HOLIDAY_WARN_DAYS`] of a year whose arrangement is not yet published
 * (调休待公布): a notice, not counted in the badge.
 */
holidaysUnpublished: Array<HolidayDay>, };
