// Orders (src-tauri/src/commands/orders.rs): the list, also as two calls (the page, then the
// totals row), one order, manual sales, status and refunds. The types are generated from
// laoke::orders (./generated; docs/IPC.md, "Orders"). Amounts are integer fen.
import { call } from "./transport";
import type { Channel, ManualOrder, OrderQuery, OrderStatus, Redemption } from "./types";

export const CHANNELS = ["taobao", "tmall", "jd", "pdd", "wechat_shop", "douyin", "in_store", "other"] as const satisfies readonly Channel[];
export const ORDER_STATUSES = [
  "unpaid", "paid", "shipped", "completed", "partially_refunded", "refunded", "cancelled",
] as const satisfies readonly OrderStatus[];

export const ordersList = (query: OrderQuery) => call("orders_list", { query });
export const ordersGet = (id: number) => call("orders_get", { id });
/** Enters a sale (laoke::sales::create): a plain one, or paying part of it with points and/or a
 *  coupon when `redemption` is given, in one transaction; returns the order id. */
export const ordersCreate = (order: ManualOrder, redemption?: Redemption) =>
  call("orders_create", { order, redemption: redemption ?? null });
export const ordersSetStatus = (id: number, status: OrderStatus) => call("orders_set_status", { id, status });
export const ordersRefund = (id: number, amountFen: number, reason: string) =>
  call("orders_refund", { id, amountFen, reason });

/** The list's page: appears at once; `hasMore` says whether another page exists. */
export const ordersPage = (query: OrderQuery) => call("orders_page", { query });
/** The list's totals row (count and sums over every match), which follows the page. */
export const ordersTotals = (query: OrderQuery) => call("orders_totals", { query });
