// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * What a verified backup holds. Counts of tables the backup does not have are `None`
 * (a backup made before orders existed has no orders table — not zero orders).
 */
export type BackupPreview = { createdAt: string, createdBy: string, appVersion: string, schemaVersion: number, 
/**
 * Customers not deleted.
 */
customers: number, orders: number | null, tickets: number | null, 
/**
 * Sum of all points in the points ledger (earned minus redeemed, expired …).
 */
pointsBalance: number | null, users: number, 
/**
 * Rows per table, as checked.
 */
counts: { [key in string]: number }, };
