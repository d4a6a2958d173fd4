// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * A day off, or a 调休 working day (a weekend day that is worked).
 */
export type HolidayKind = "off" | "work";
