// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { RootCause } from "./RootCause";

export type CompensationCost = { month: string, 
/**
 * `None` = no root cause recorded.
 */
cause: RootCause | null, amountFen: number, count: number, };
