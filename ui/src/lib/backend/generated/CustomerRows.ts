// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { CustomerRow } from "./CustomerRow";

/**
 * One page of customers without the totals (see [`page`]); `has_more` says whether a next
 * page exists, so the list can page before the totals arrive.
 */
export type CustomerRows = { rows: Array<CustomerRow>, page: number, pageSize: number, hasMore: boolean, };
