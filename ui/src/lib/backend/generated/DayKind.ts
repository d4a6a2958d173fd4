// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Whether a date is an exception to the weekly hours.
 */
export type DayKind = "holiday" | "workday";
