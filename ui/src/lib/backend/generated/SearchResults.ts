// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CustomerHit } from "./CustomerHit";
import type { OrderHit } from "./OrderHit";

export type SearchResults = { 
/**
 * The query as it was matched (trimmed, lower-case, phone input as digits).
 */
query: string, customers: Array<CustomerHit>, orders: Array<OrderHit>, };
