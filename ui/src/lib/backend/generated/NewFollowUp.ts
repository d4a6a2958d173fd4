// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { FollowUpChannel } from "./FollowUpChannel";
import type { FollowUpKind } from "./FollowUpKind";
import type { Outcome } from "./Outcome";

export type NewFollowUp = { customerId: number, kind: FollowUpKind, channel: FollowUpChannel, outcome: Outcome, notes: string, ticketId?: number | null, orderId?: number | null, 
/**
 * Shop day `YYYY-MM-DD`.
 */
nextContactOn?: string | null, };
