// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CompensationRow } from "./CompensationRow";
import type { CsatReason } from "./CsatReason";
import type { RootCause } from "./RootCause";
import type { SlaClock } from "./SlaClock";
import type { TicketRow } from "./TicketRow";
import type { TicketState } from "./TicketState";
import type { TimelineEntry } from "./TimelineEntry";

export type TicketDetail = { row: TicketRow, orderId: number | null, orderNo: string | null, description: string, firstResponseAt: string | null, resolvedAt: string | null, closedAt: string | null, mergedInto: string | null, mergedFrom: Array<string>, firstResponse: SlaClock, resolution: SlaClock, firstResponseBreached: boolean, resolutionBreached: boolean, csat: number | null, csatReason: CsatReason | null, rootCause: RootCause | null, resolutionNote: string | null, compensations: Array<CompensationRow>, timeline: Array<TimelineEntry>, 
/**
 * What the ticket page may offer next ([`TicketState::next_states`]).
 */
nextStates: Array<TicketState>, };
