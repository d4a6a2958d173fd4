// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { FollowUpKind } from "./FollowUpKind";

export type DueFollowUp = { followUpId: number, customerId: number, customerName: string, kind: FollowUpKind, nextContactOn: string, notes: string, };
