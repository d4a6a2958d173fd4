//! Orders: what each customer bought, through which channel, and what they paid (integer fen).
//! One row per (channel, order number), so re-importing a marketplace export never doubles an
//! order. Products and categories are created from orders as they come in.
//!
//! - [`write`]: the single writer (`upsert_in_tx`) and import-undo helpers;
//! - [`stats`]: `customer_stats`, kept current in the same transaction;
//! - [`query`]: the order list with totals, one order, the customer timeline and summary;
//! - [`manage`]: manual entry, status changes and refunds (session, audit);
//! - [`money`]: ¥ formatting and exact parsing of typed amounts.

pub mod manage;
pub mod model;
pub mod money;
pub mod query;
pub mod stats;
pub mod write;

pub use manage::{create_manual, record_refund, set_status, ManualOrder};
pub use model::{Channel, NewOrder, NewOrderItem, OrderStatus, UpsertOutcome};
pub use query::{
    customer_summary, customer_summary_for, find_by_no, for_customer, for_customer_page, get, list,
    page, totals, CategorySpend, CustomerSummary, OrderCustomer, OrderDetail, OrderItemRow,
    OrderPage, OrderQuery, OrderRow, OrderRows, OrderTotals, ORDER_SORTS,
};
pub use stats::{counted_statuses_sql, rebuild_all_stats, refresh_stats};
pub use write::{delete_in_tx, normalize, restore_in_tx, snapshot, upsert_in_tx, OrderSnapshot};
