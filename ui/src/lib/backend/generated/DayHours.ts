// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.

/**
 * Opening hours of one day, minutes after local midnight, `open < close <= 1440`.
 */
export type DayHours = { openMinute: number, closeMinute: number, };
