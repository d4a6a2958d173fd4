// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * A customer's points at a glance.
 */
export type PointsSummary = { customerId: number, balance: number, 
/**
 * Redeemable now.
 */
usable: number, 
/**
 * Still in the lock period.
 */
locked: number, 
/**
 * The next expiry: (points, when).
 */
nextExpiryPoints: number, nextExpiryAt: string | null, 
/**
 * Value of the balance in fen at today's redemption rate.
 */
valueFen: number, };
