// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Priority } from "./Priority";
import type { TicketChannel } from "./TicketChannel";
import type { TicketType } from "./TicketType";

export type NewTicket = { customerId: number, orderId?: number | null, ticketType: TicketType, channel: TicketChannel, 
/**
 * Default by type (DEFAULTS.md).
 */
priority?: Priority | null, subject: string, description: string, assigneeId?: number | null, tags: Array<string>, };
