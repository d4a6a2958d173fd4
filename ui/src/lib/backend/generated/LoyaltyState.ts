// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

export type LoyaltyState = "off" | "starting" | "on";
