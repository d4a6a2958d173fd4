// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type TodayCounts = { followUps: number, slaDueSoon: number, slaBreached: number, unpaidOrders: number, birthdays: number, 
/**
 * Customers with points expiring within [`EXPIRY_DAYS`] (7).
 */
pointsExpiring: number, 
/**
 * Customers with points expiring within [`EXPIRY_REMIND_DAYS`] (30): a reminder, not in
 * the badge (the 7-day count is).
 */
pointsExpiring30: number, couponsExpiring: number, };
