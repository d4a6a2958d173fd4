// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { LoyaltyRules } from "./LoyaltyRules";

/**
 * A saved rule version.
 */
export type RuleVersion = { 
/**
 * 0 = the built-in defaults (never saved yet).
 */
id: number, effectiveAt: string, createdBy: string, rules: LoyaltyRules, };
