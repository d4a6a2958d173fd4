// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { Priority } from "./Priority";
import type { Queue } from "./Queue";
import type { TicketChannel } from "./TicketChannel";
import type { TicketState } from "./TicketState";
import type { TicketType } from "./TicketType";

export type TicketQuery = { queue: Queue, states?: Array<TicketState>, types?: Array<TicketType>, priorities?: Array<Priority>, channels?: Array<TicketChannel>, assigneeId?: number | null, tag?: string | null, customerId?: number | null, 
/**
 * Ticket number, subject or description.
 */
text?: string | null, sort?: string | null, desc?: boolean | null, 
/**
 * 1-based; 0 = 1.
 */
page: number, 
/**
 * 0 = 50; at most 200.
 */
pageSize: number, };
