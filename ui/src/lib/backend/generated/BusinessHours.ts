// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { DayHours } from "./DayHours";

/**
 * Opening hours per weekday, Monday first; `None` = closed that weekday.
 */
export type BusinessHours = { days: [DayHours | null, DayHours | null, DayHours | null, DayHours | null, DayHours | null, DayHours | null, DayHours | null], };
