// The order and customer lists as two calls: the page first (appears at once), then the totals
// row (count and sums over every match, which takes longer on a big shop).
import type { CustomerRow } from "./types";
import type { CustomerQuery, OrderQuery, OrderRow, OrderTotals } from "./orders";
import { call } from "./transport";

/** One page of rows; `hasMore` says whether another page exists (before the totals arrive). */
export interface RowsPage<T> {
  rows: T[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface CustomerTotals {
  total: number;
  totalSpendFen: number;
}

export const ordersPage = (query: OrderQuery) => call<RowsPage<OrderRow>>("orders_page", { query });
export const ordersTotals = (query: OrderQuery) => call<OrderTotals>("orders_totals", { query });
export const customersPage = (query: CustomerQuery) => call<RowsPage<CustomerRow>>("customers_page", { query });
export const customersTotals = (query: CustomerQuery) => call<CustomerTotals>("customers_totals", { query });

/** What the pager counts while the totals are still on their way: the pages seen so far. */
export const knownCount = (p: RowsPage<unknown>) => (p.page - 1) * p.pageSize + p.rows.length + (p.hasMore ? 1 : 0);
