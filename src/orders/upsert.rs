//! One order at a time, on top of the one writer ([`super::write::OrderWriter`]):
//! [`upsert_in_tx`] creates or updates an order matched on (channel, order_no) — manual entry
//! (`sales`) and an import's orders that already exist go through it, so an order is validated
//! the same way wherever it comes from, and re-importing the same export never doubles or
//! touches anything. Every change an import makes can be undone from `import_changes`: a
//! created order is removed ([`delete_in_tx`]), an updated one gets its [`OrderSnapshot`] back
//! ([`restore_in_tx`]; its refunded total through an offsetting refund row, refunds being
//! append-only).

use super::model::{NewOrder, NewOrderItem, UpsertOutcome};
use super::normalize::normalize;
use super::write::{OrderWriter, Origin};
use crate::{
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

/// Create or update one order, matched on (channel, order_no). Identical content writes nothing.
/// With `batch_id`, the change is recorded in `import_changes` so the batch can be undone.
/// A changed refunded total is recorded as a refund row with the difference.
/// Does not refresh `customer_stats`: call [`super::refresh_stats`] once for the touched customers.
pub fn upsert_in_tx(
    tx: &Transaction,
    actor: &str,
    o: &NewOrder,
    batch_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<UpsertOutcome> {
    upsert_with_reason(tx, actor, o, batch_id, now, "")
}

/// [`upsert_in_tx`], with the reason the refund row (if the refunded total changes) carries.
pub fn upsert_with_reason(
    tx: &Transaction,
    actor: &str,
    o: &NewOrder,
    batch_id: Option<i64>,
    now: DateTime<Utc>,
    refund_reason: &str,
) -> Result<UpsertOutcome> {
    let o = normalize(o)?;
    if let Some(cid) = o.customer_id {
        let exists: bool = tx
            .prepare_cached("SELECT 1 FROM customers WHERE id = ?1")?
            .exists([cid])?;
        if !exists {
            return Err(Error::invalid(
                format!("订单 {}：客户（编号 {cid}）不存在。", o.order_no),
                format!("Order {}: customer #{cid} does not exist.", o.order_no),
            ));
        }
    }
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM orders WHERE channel = ?1 AND order_no = ?2")?
        .query_row(params![o.channel.as_str(), o.order_no], |r| r.get(0))
        .optional()?;
    let origin = batch_id.map_or(Origin::Manual, Origin::Import);
    match existing {
        Some(id) => {
            let before = snapshot(tx, id)?;
            if before.same_content(&o) {
                return Ok(UpsertOutcome::Unchanged(id));
            }
            tx.prepare_cached(
                "UPDATE orders SET customer_id = ?2, status = ?3, ordered_at = ?4, paid_at = ?5,
                        goods_fen = ?6, shipping_fen = ?7, discount_fen = ?8, paid_fen = ?9,
                        refunded_fen = ?10, buyer_nick = ?11, receiver_name = ?12,
                        receiver_phone = ?13, receiver_address = ?14, note = ?15, updated_at = ?16
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                o.customer_id,
                o.status.as_str(),
                ts(o.ordered_at),
                o.paid_at.map(ts),
                o.goods_fen,
                o.shipping_fen,
                o.discount_fen,
                o.paid_fen,
                o.refunded_fen,
                o.buyer_nick,
                o.receiver_name,
                o.receiver_phone,
                o.receiver_address,
                o.note,
                ts(now)
            ])?;
            let mut w = OrderWriter::lazy(origin, actor, now);
            w.replace_items(tx, id, &o.items)?;
            w.refund(id, o.refunded_fen - before.refunded_fen, refund_reason);
            w.flush(tx)?;
            if let Some(b) = batch_id {
                let json = serde_json::to_string(&before)
                    .map_err(|e| Error::Internal(format!("order snapshot: {e}")))?;
                record_change(tx, b, id, "updated", Some(&json))?;
            }
            Ok(UpsertOutcome::Updated(id))
        }
        None => {
            let mut w = OrderWriter::new(tx, origin, actor, now)?;
            let id = w.create_with_reason(tx, o, refund_reason)?;
            w.flush(tx)?;
            if let Some(b) = batch_id {
                record_change(tx, b, id, "created", None)?;
            }
            Ok(UpsertOutcome::Created(id))
        }
    }
}

/// An order exactly as stored, with its items: the `before` of an import change, so that
/// [`restore_in_tx`] can put it back.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
pub struct OrderSnapshot {
    pub id: i64,
    pub customer_id: Option<i64>,
    pub channel: String,
    pub order_no: String,
    pub status: String,
    pub ordered_at: String,
    pub paid_at: Option<String>,
    pub goods_fen: i64,
    pub shipping_fen: i64,
    pub discount_fen: i64,
    pub paid_fen: i64,
    pub refunded_fen: i64,
    pub buyer_nick: Option<String>,
    pub receiver_name: Option<String>,
    pub receiver_phone: Option<String>,
    pub receiver_address: Option<String>,
    pub note: String,
    pub import_batch_id: Option<i64>,
    pub created_by: String,
    pub created_at: String,
    pub updated_at: String,
    pub items: Vec<NewOrderItem>,
}

impl OrderSnapshot {
    fn same_content(&self, o: &NewOrder) -> bool {
        self.customer_id == o.customer_id
            && self.status == o.status.as_str()
            && parse_ts(&self.ordered_at).is_ok_and(|t| t == o.ordered_at)
            && self.paid_at.as_deref().map(parse_ts).transpose().ok() == Some(o.paid_at)
            && self.goods_fen == o.goods_fen
            && self.shipping_fen == o.shipping_fen
            && self.discount_fen == o.discount_fen
            && self.paid_fen == o.paid_fen
            && self.refunded_fen == o.refunded_fen
            && self.buyer_nick == o.buyer_nick
            && self.receiver_name == o.receiver_name
            && self.receiver_phone == o.receiver_phone
            && self.receiver_address == o.receiver_address
            && self.note == o.note
            && self.items == o.items
    }
}

/// Read one order and its items as stored.
pub fn snapshot(conn: &Connection, id: i64) -> Result<OrderSnapshot> {
    let mut snap = conn
        .prepare_cached(
            "SELECT id, customer_id, channel, order_no, status, ordered_at, paid_at, goods_fen,
                    shipping_fen, discount_fen, paid_fen, refunded_fen, buyer_nick, receiver_name,
                    receiver_phone, receiver_address, note, import_batch_id, created_by,
                    created_at, updated_at
             FROM orders WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok(OrderSnapshot {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                channel: r.get(2)?,
                order_no: r.get(3)?,
                status: r.get(4)?,
                ordered_at: r.get(5)?,
                paid_at: r.get(6)?,
                goods_fen: r.get(7)?,
                shipping_fen: r.get(8)?,
                discount_fen: r.get(9)?,
                paid_fen: r.get(10)?,
                refunded_fen: r.get(11)?,
                buyer_nick: r.get(12)?,
                receiver_name: r.get(13)?,
                receiver_phone: r.get(14)?,
                receiver_address: r.get(15)?,
                note: r.get(16)?,
                import_batch_id: r.get(17)?,
                created_by: r.get(18)?,
                created_at: r.get(19)?,
                updated_at: r.get(20)?,
                items: Vec::new(),
            })
        })
        .optional()?
        .ok_or_else(|| {
            Error::not_found(
                format!("订单（编号 {id}）不存在。"),
                format!("Order #{id} does not exist."),
            )
        })?;
    snap.items = conn
        .prepare_cached(
            "SELECT product_name, sku, category, quantity, unit_price_fen
             FROM order_items WHERE order_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |r| {
            Ok(NewOrderItem {
                product_name: r.get(0)?,
                sku: r.get(1)?,
                category: r.get(2)?,
                quantity: r.get(3)?,
                unit_price_fen: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(snap)
}

/// Put an order back exactly as `before` holds it (import undo of an 'updated' change). Its
/// refunded total comes back through a refund row (source 'undo', by `actor`) offsetting what
/// the order's rows add up to now.
pub fn restore_in_tx(
    tx: &Transaction,
    before: &OrderSnapshot,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let n = tx.execute(
        "UPDATE orders SET customer_id = ?2, channel = ?3, order_no = ?4, status = ?5,
                ordered_at = ?6, paid_at = ?7, goods_fen = ?8, shipping_fen = ?9,
                discount_fen = ?10, paid_fen = ?11, refunded_fen = ?12, buyer_nick = ?13,
                receiver_name = ?14, receiver_phone = ?15, receiver_address = ?16, note = ?17,
                import_batch_id = ?18, created_by = ?19, created_at = ?20, updated_at = ?21
         WHERE id = ?1",
        params![
            before.id,
            before.customer_id,
            before.channel,
            before.order_no,
            before.status,
            before.ordered_at,
            before.paid_at,
            before.goods_fen,
            before.shipping_fen,
            before.discount_fen,
            before.paid_fen,
            before.refunded_fen,
            before.buyer_nick,
            before.receiver_name,
            before.receiver_phone,
            before.receiver_address,
            before.note,
            before.import_batch_id,
            before.created_by,
            before.created_at,
            before.updated_at
        ],
    )?;
    if n == 0 {
        return Err(Error::not_found(
            format!("订单 {} 已不存在，无法恢复。", before.order_no),
            format!(
                "Order {} no longer exists; it cannot be restored.",
                before.order_no
            ),
        ));
    }
    let refunded: i64 = tx
        .prepare_cached(
            "SELECT coalesce(sum(amount_fen), 0) FROM order_refunds WHERE order_id = ?1",
        )?
        .query_row([before.id], |r| r.get(0))?;
    let mut w = OrderWriter::lazy(Origin::Undo, actor, now);
    w.replace_items(tx, before.id, &before.items)?;
    w.refund(before.id, before.refunded_fen - refunded, "");
    w.flush(tx)?;
    Ok(())
}

/// Remove an order, its items and refund rows (import undo of a 'created' change). Returns
/// its customer.
pub fn delete_in_tx(tx: &Transaction, id: i64) -> Result<Option<i64>> {
    let customer: Option<Option<i64>> = tx
        .query_row("SELECT customer_id FROM orders WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    tx.execute("DELETE FROM order_refunds WHERE order_id = ?1", [id])?;
    tx.execute("DELETE FROM order_items WHERE order_id = ?1", [id])?;
    tx.execute("DELETE FROM orders WHERE id = ?1", [id])?;
    Ok(customer.flatten())
}

fn record_change(
    tx: &Transaction,
    batch: i64,
    id: i64,
    action: &str,
    before: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO import_changes (batch_id, entity, entity_id, action, before)
         VALUES (?1, 'order', ?2, ?3, ?4)",
    )?
    .execute(params![batch, id, action, before])?;
    Ok(())
}
