// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Points of one customer expiring within the window (for reminders and the due list).
 */
export type ExpiringPoints = { customerId: number, customerName: string, points: number, 
/**
 * The earliest expiry among those points.
 */
expiresAt: string, };
