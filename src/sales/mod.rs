//! The sale use-case: what staff do to orders by hand — enter a sale (with or without points
//! and a coupon), change an order's status, record a refund. It is the layer above `orders`
//! (the order rows and their rules) and `loyalty` (redemption pricing and checks, points), so
//! neither has to know the other: `orders` does not import `loyalty`.
//!
//! Each use-case checks the role, runs in one transaction, writes through `orders`, then runs
//! the shared tail once ([`after_order_change`]): the customer's stats, then their points
//! (`loyalty::sync_in_tx`: earn, or reverse a refund / cancellation at once), then the audit.
//!
//! - [`create`]: one entry for a new sale, plain or paying with points / a coupon;
//! - [`status`]: [`set_status`] and [`refund`].

pub mod create;
pub mod status;

pub use create::create;
pub use status::{refund, set_status};

use crate::{audit, auth::Session, loyalty, orders, Result};
use chrono::{DateTime, Utc};
use rusqlite::Transaction;
use serde_json::Value;

/// The tail of every sale use-case, written once: refresh the customer's stats, bring their
/// points up to date with the order, and audit `action` on `order:{order_id}`.
fn after_order_change(
    tx: &Transaction,
    now: DateTime<Utc>,
    s: &Session,
    customer_id: Option<i64>,
    action: &str,
    order_id: i64,
    details: Value,
) -> Result<()> {
    if let Some(cid) = customer_id {
        orders::refresh_stats(tx, &[cid])?;
        loyalty::sync_in_tx(tx, now, s.username(), loyalty::Scope::Customers(&[cid]))?;
    }
    audit::record(
        tx,
        now,
        s.audit_actor(),
        action,
        &format!("order:{order_id}"),
        details,
    )?;
    Ok(())
}
