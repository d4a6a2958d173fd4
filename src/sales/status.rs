//! After the sale: change an order's status, record a refund. The order rules (which changes
//! are allowed, what "refunded" means for the amounts, refunds never above what was paid, each
//! refund an append-only row) are `orders::manage`'s; here the role, the transaction and the
//! shared tail (stats, points, audit).

use super::after_order_change;
use crate::{
    auth::{Permission, Session},
    orders::{
        manage::{refund_in_tx, set_status_in_tx},
        OrderStatus,
    },
    store::Store,
    Result,
};
use serde_json::json;

/// Change an order's status (audited `order_status_changed`; nothing when it already has it).
/// Refunds go through [`refund`]; "refunded" refunds the whole amount paid.
pub fn set_status(store: &Store, s: &Session, id: i64, status: OrderStatus) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    store.write(|tx, now| {
        let Some(c) = set_status_in_tx(tx, now, s.username(), id, status)? else {
            return Ok(());
        };
        after_order_change(
            tx,
            now,
            s,
            c.customer_id,
            "order_status_changed",
            id,
            json!({"orderNo": c.order_no, "from": c.from.as_str(), "to": c.to.as_str()}),
        )
    })
}

/// Record a refund of `amount_fen` (audited `order_refunded`). Refunds add up; together they
/// may not exceed the amount paid. The status becomes "partially refunded", or "refunded" once
/// everything is back.
pub fn refund(store: &Store, s: &Session, id: i64, amount_fen: i64, reason: &str) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    store.write(|tx, now| {
        let c = refund_in_tx(tx, now, s.username(), id, amount_fen, reason)?;
        after_order_change(
            tx,
            now,
            s,
            c.customer_id,
            "order_refunded",
            id,
            json!({"orderNo": c.order_no, "amountFen": amount_fen,
                   "refundedFen": c.refunded_fen, "reason": reason.trim()}),
        )
    })
}
