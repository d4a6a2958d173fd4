// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Compensation } from "./Compensation";
import type { CsatReason } from "./CsatReason";
import type { RootCause } from "./RootCause";

export type Resolution = { 
/**
 * 1–5 as told by the customer; may also be recorded later with [`record_csat`].
 */
csat?: number | null, 
/**
 * Required when `csat` is 1 or 2.
 */
csatReason?: CsatReason | null, rootCause?: RootCause | null, note: string, compensation: Array<Compensation>, };
