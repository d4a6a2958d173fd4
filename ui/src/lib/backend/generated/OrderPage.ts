// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.
import type { OrderRow } from "./OrderRow";
import type { OrderTotals } from "./OrderTotals";

export type OrderPage = { rows: Array<OrderRow>, page: number, pageSize: number, totals: OrderTotals, };
