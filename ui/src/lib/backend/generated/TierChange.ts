// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type TierChange = { id: number, fromTier: string | null, toTier: string, reason: string, spendFen: number, operator: string, at: string, };
