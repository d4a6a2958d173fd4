// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { HolidayKind } from "./HolidayKind";

/**
 * One typed or imported day of an arrangement.
 */
export type ArrangementEntry = { day: string, kind: HolidayKind, name: string, };
