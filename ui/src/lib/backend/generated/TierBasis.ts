// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Which spend qualifies for a tier.
 */
export type TierBasis = "last12_months" | "lifetime";
