// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Priority } from "./Priority";
import type { SlaState } from "./SlaState";
import type { TicketChannel } from "./TicketChannel";
import type { TicketState } from "./TicketState";
import type { TicketType } from "./TicketType";

export type TicketRow = { id: number, no: string, customerId: number, customerName: string, subject: string, ticketType: TicketType, channel: TicketChannel, priority: Priority, state: TicketState, assigneeId: number | null, assigneeName: string | null, tags: Array<string>, createdAt: string, updatedAt: string, 
/**
 * The earlier running due time; `None` when paused or stopped.
 */
slaDueAt: string | null, 
/**
 * 75 % of a window used (and not yet due).
 */
slaWarning: boolean, 
/**
 * Past due now, or breached before (kept after reopen).
 */
breached: boolean, 
/**
 * A finished ticket's outcome ([`outcome`]): `met` or `breached`; `None` while it runs
 * and for merged tickets.
 */
slaOutcome: SlaState | null, };
