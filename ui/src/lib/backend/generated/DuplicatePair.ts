// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { DuplicateReason } from "./DuplicateReason";
import type { DuplicateSide } from "./DuplicateSide";

export type DuplicatePair = { a: DuplicateSide, b: DuplicateSide, reasons: Array<DuplicateReason>, };
