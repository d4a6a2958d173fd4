// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { TicketRow } from "./TicketRow";

export type TicketPage = { rows: Array<TicketRow>, page: number, pageSize: number, hasMore: boolean, };
