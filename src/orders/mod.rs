//! Orders: what each customer bought, through which channel, and what they paid (integer fen).
//! One row per (channel, order number), so re-importing a marketplace export never doubles an
//! order. Products and categories are created from orders as they come in. This module knows
//! nothing of loyalty: a sale's points, stats refresh and audit are `crate::sales`'s tail.
//!
//! - [`write`]: the one writer of order, item and refund rows ([`write::OrderWriter`], batched),
//!   used by [`upsert`], the import and the demo generator;
//! - [`upsert`]: one order at a time (`upsert_in_tx`) and the import-undo helpers;
//! - [`normalize`]: the checks every order passes before it is written;
//! - [`stats`]: `customer_stats`, kept current in the same transaction;
//! - [`query`]: the order list with totals, one order, the customer timeline and summary;
//! - [`manage`]: the order side of manual entry, status changes and refunds (no session, no
//!   audit: `sales` wraps them).
//!
//! Money formatting and parsing live on the ground floor in [`crate::money`].

pub mod manage;
pub mod model;
pub mod normalize;
pub mod query;
pub mod stats;
pub mod upsert;
pub mod write;

pub use manage::{ManualAmounts, ManualOrder};
pub use model::{Channel, NewOrder, NewOrderItem, OrderStatus, UpsertOutcome};
pub use normalize::normalize;
pub use query::{
    customer_summary, customer_summary_for, find_by_no, for_customer, for_customer_page, get, list,
    page, totals, CategorySpend, CustomerSummary, OrderCustomer, OrderDetail, OrderItemRow,
    OrderPage, OrderQuery, OrderRow, OrderRows, OrderTotals, ORDER_SORTS,
};
pub use stats::{counted_statuses_sql, rebuild_all_stats, refresh_stats};
pub use upsert::{delete_in_tx, restore_in_tx, snapshot, upsert_in_tx, OrderSnapshot};
pub use write::{OrderWriter, Origin};
