// Orders (src-tauri/src/commands/orders.rs): the list, also as two calls (the page, then the
// totals row), one order, manual sales, status and refunds. Types mirror laoke::orders
// (docs/IPC.md, "Orders"). Amounts are integer fen.
import type { Redemption } from "./loyalty";
import { call } from "./transport";
import type { RowsPage } from "./types";

export const CHANNELS = ["taobao", "tmall", "jd", "pdd", "wechat_shop", "douyin", "in_store", "other"] as const;
export type Channel = (typeof CHANNELS)[number];

export const ORDER_STATUSES = ["unpaid", "paid", "shipped", "completed", "partially_refunded", "refunded", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export interface OrderQuery {
  page: number;
  pageSize: number;
  channels?: Channel[];
  statuses?: OrderStatus[];
  /** Shop days YYYY-MM-DD, inclusive. */
  orderedFrom?: string;
  orderedTo?: string;
  minPaidFen?: number;
  maxPaidFen?: number;
  customerId?: number;
  text?: string;
  sort?: string;
  desc?: boolean;
}

export interface OrderRow {
  id: number;
  channel: Channel;
  orderNo: string;
  status: OrderStatus;
  orderedAt: string;
  paidAt: string | null;
  customerId: number | null;
  customerName: string | null;
  buyerNick: string | null;
  goodsFen: number;
  shippingFen: number;
  discountFen: number;
  paidFen: number;
  refundedFen: number;
  products: string;
  itemCount: number;
}

export interface OrderTotals {
  count: number;
  paidFen: number;
  refundedFen: number;
}

export interface OrderPage {
  rows: OrderRow[];
  page: number;
  pageSize: number;
  totals: OrderTotals;
}

export interface OrderItemRow {
  productId: number | null;
  productName: string;
  sku: string;
  category: string;
  quantity: number;
  unitPriceFen: number;
  lineFen: number;
}

export interface OrderDetail extends OrderRow {
  receiverName: string | null;
  receiverPhone: string | null;
  receiverAddress: string | null;
  note: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  imported: boolean;
  items: OrderItemRow[];
  customer: { id: number; name: string; phone: string | null; deleted: boolean } | null;
}

export interface NewOrderItem {
  productName: string;
  sku: string;
  category: string;
  quantity: number;
  unitPriceFen: number;
}

export interface ManualOrder {
  customerId: number | null;
  channel: Channel;
  /** Empty: generated (MD + date + sequence). */
  orderNo: string;
  status: OrderStatus;
  orderedAt?: string;
  shippingFen: number;
  discountFen: number;
  paidFen?: number;
  note: string;
  items: NewOrderItem[];
}

export const ordersList = (query: OrderQuery) => call<OrderPage>("orders_list", { query });
export const ordersGet = (id: number) => call<OrderDetail>("orders_get", { id });
/** Enters a sale (laoke::sales::create): a plain one, or paying part of it with points and/or a
 *  coupon when `redemption` is given, in one transaction; returns the order id. */
export const ordersCreate = (order: ManualOrder, redemption?: Redemption) =>
  call<number>("orders_create", { order, redemption: redemption ?? null });
export const ordersSetStatus = (id: number, status: OrderStatus) => call<OrderDetail>("orders_set_status", { id, status });
export const ordersRefund = (id: number, amountFen: number, reason: string) =>
  call<OrderDetail>("orders_refund", { id, amountFen, reason });

/** The list's page: appears at once; `hasMore` says whether another page exists. */
export const ordersPage = (query: OrderQuery) => call<RowsPage<OrderRow>>("orders_page", { query });
/** The list's totals row (count and sums over every match), which follows the page. */
export const ordersTotals = (query: OrderQuery) => call<OrderTotals>("orders_totals", { query });
