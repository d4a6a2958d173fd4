// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { TierDef } from "./TierDef";

/**
 * A customer's tier as the 360 page shows it.
 */
export type TierStatus = { 
/**
 * None: never bought.
 */
tier: TierDef | null, reachedAt: string | null, retainedUntil: string | null, locked: boolean, qualifyingSpendFen: number, nextTier: TierDef | null, 
/**
 * Spend still needed for the next tier.
 */
toNextFen: number | null, 
/**
 * 0–100: whole percent of the way from the current tier's threshold to the next one's
 * ([`progress_percent`]); the 360 page draws it as is.
 */
progressPercent: number, };
