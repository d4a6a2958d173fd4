// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Which layer a year (and each of its days) comes from.
 */
export type HolidaySource = "official" | "computed" | "shop";
