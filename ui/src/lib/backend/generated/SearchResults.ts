// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { SearchCustomerHit } from "./SearchCustomerHit";
import type { SearchOrderHit } from "./SearchOrderHit";

export type SearchResults = { 
/**
 * The query as it was matched (trimmed, lower-case, phone input as digits).
 */
query: string, customers: Array<SearchCustomerHit>, orders: Array<SearchOrderHit>, };
