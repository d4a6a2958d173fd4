// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { OrderRow } from "./OrderRow";

/**
 * One page of orders without the totals row (see [`page`]); `has_more` says whether a next
 * page exists, so the list can page before the totals arrive.
 */
export type OrderRows = { rows: Array<OrderRow>, page: number, pageSize: number, hasMore: boolean, };
