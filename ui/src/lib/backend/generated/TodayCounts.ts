// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type TodayCounts = { followUps: number, slaDueSoon: number, slaBreached: number, unpaidOrders: number, 
/**
 * Birthdays in the next [`BIRTHDAY_DAYS`] days, today included (the page's list).
 */
birthdays: number, 
/**
 * Birthdays today: the ones in the badge.
 */
birthdaysToday: number, 
/**
 * Customers with points expiring within [`EXPIRY_DAYS`] (7).
 */
pointsExpiring: number, 
/**
 * Customers with points expiring within [`EXPIRY_REMIND_DAYS`] (30): a reminder, not in
 * the badge (the 7-day count is).
 */
pointsExpiring30: number, couponsExpiring: number, 
/**
 * The number on the navigation badge: what needs action today — follow-ups due, SLA due
 * soon and breached, 催付, birthdays today, points and coupons expiring within 7 days.
 */
badge: number, };
