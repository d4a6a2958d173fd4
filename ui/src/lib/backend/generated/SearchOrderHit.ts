// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SearchMatch } from "./SearchMatch";

export type SearchOrderHit = { id: number, orderNo: string, channel: string, status: string, orderedAt: string, paidFen: number, customerId: number | null, customerName: string | null, matched: SearchMatch, };
