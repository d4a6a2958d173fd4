// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { LoyaltyPast } from "./LoyaltyPast";
import type { LoyaltyState } from "./LoyaltyState";

/**
 * Where loyalty stands, and the first run's progress (the app polls it while starting).
 */
export type LoyaltyProgram = { state: LoyaltyState, 
/**
 * The choice made when it was switched on (All for a store that was always on).
 */
past: LoyaltyPast, 
/**
 * Orders paid before this do not earn (None: every order).
 */
earnFrom: string | null, 
/**
 * Past orders looked at so far; never decreases.
 */
done: number, 
/**
 * Past orders to look at; fixed when switched on.
 */
total: number, 
/**
 * What the first run earned so far.
 */
earnedOrders: number, earnedPoints: number, 
/**
 * When it was last switched, and by whom (None: never, always on).
 */
changedAt: string | null, changedBy: string, };
