// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type TodayCounts = { followUps: number, slaDueSoon: number, slaBreached: number, unpaidOrders: number, birthdays: number, pointsExpiring: number, couponsExpiring: number, };
