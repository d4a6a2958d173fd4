// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Why a customer gave 1–2 stars (required then).
 */
export type CsatReason = "slow_response" | "not_solved" | "attitude" | "compensation" | "product_quality" | "delivery" | "process_too_long" | "other";
