//! The one writer of orders: [`upsert_in_tx`]. Manual entry and import both go through it, so an
//! order is validated the same way wherever it comes from, re-importing the same export never
//! doubles or touches anything, and every change an import makes can be undone from
//! `import_changes` (a created order is removed, an updated one gets its `before` back).

use super::model::{NewOrder, NewOrderItem, OrderStatus, UpsertOutcome};
use crate::{
    store::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

/// Longest order number we accept (marketplaces use ≤ 30 digits).
const MAX_ORDER_NO: usize = 64;
const MAX_TEXT: usize = 200;

/// Create or update one order, matched on (channel, order_no). Identical content writes nothing.
/// With `batch_id`, the change is recorded in `import_changes` so the batch can be undone.
/// Does not refresh `customer_stats`: call [`super::refresh_stats`] once for the touched customers.
pub fn upsert_in_tx(
    tx: &Transaction,
    actor: &str,
    o: &NewOrder,
    batch_id: Option<i64>,
    now: DateTime<Utc>,
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
    let at = ts(now);
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
                at
            ])?;
            tx.prepare_cached("DELETE FROM order_items WHERE order_id = ?1")?
                .execute([id])?;
            insert_items(tx, id, &o.items, now)?;
            if let Some(b) = batch_id {
                let json = serde_json::to_string(&before)
                    .map_err(|e| Error::Internal(format!("order snapshot: {e}")))?;
                record_change(tx, b, id, "updated", Some(&json))?;
            }
            Ok(UpsertOutcome::Updated(id))
        }
        None => {
            let id = insert_order_row(tx, actor, &o, batch_id, &at)?;
            insert_items(tx, id, &o.items, now)?;
            if let Some(b) = batch_id {
                record_change(tx, b, id, "created", None)?;
            }
            Ok(UpsertOutcome::Created(id))
        }
    }
}

/// The one INSERT of a new order row (items and the undo record are the caller's): shared by
/// [`upsert_in_tx`] and the import's fast path for orders known to be new.
pub(crate) fn insert_order_row(
    tx: &Transaction,
    actor: &str,
    o: &NewOrder,
    batch_id: Option<i64>,
    at: &str,
) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO orders (customer_id, channel, order_no, status, ordered_at, paid_at,
                goods_fen, shipping_fen, discount_fen, paid_fen, refunded_fen, buyer_nick,
                receiver_name, receiver_phone, receiver_address, note, import_batch_id,
                created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?19)",
    )?
    .execute(params![
        o.customer_id,
        o.channel.as_str(),
        o.order_no,
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
        batch_id,
        actor,
        at
    ])?;
    Ok(tx.last_insert_rowid())
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
            && parse_ts(&self.ordered_at) == o.ordered_at
            && self.paid_at.as_deref().map(parse_ts) == o.paid_at
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

/// Put an order back exactly as `before` holds it (import undo of an 'updated' change).
pub fn restore_in_tx(tx: &Transaction, before: &OrderSnapshot) -> Result<()> {
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
    tx.execute("DELETE FROM order_items WHERE order_id = ?1", [before.id])?;
    let at = parse_ts(&before.updated_at);
    insert_items(tx, before.id, &before.items, at)?;
    Ok(())
}

/// Remove an order and its items (import undo of a 'created' change). Returns its customer.
pub fn delete_in_tx(tx: &Transaction, id: i64) -> Result<Option<i64>> {
    let customer: Option<Option<i64>> = tx
        .query_row("SELECT customer_id FROM orders WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
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

fn insert_items(
    tx: &Connection,
    order_id: i64,
    items: &[NewOrderItem],
    now: DateTime<Utc>,
) -> Result<()> {
    let at = ts(now);
    let mut ins = tx.prepare_cached(
        "INSERT INTO order_items (order_id, position, product_id, product_name, sku, category,
                                  quantity, unit_price_fen)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (pos, it) in items.iter().enumerate() {
        let product = product_id(tx, it, &at)?;
        ins.execute(params![
            order_id,
            pos as i64,
            product,
            it.product_name,
            it.sku,
            it.category,
            it.quantity,
            it.unit_price_fen
        ])?;
    }
    let (preview, count) = items_preview(items);
    tx.prepare_cached("UPDATE orders SET items_preview = ?2, items_count = ?3 WHERE id = ?1")?
        .execute(params![order_id, preview, count])?;
    Ok(())
}

/// Orders whose stored preview differs from their items (for `laoke verify`).
pub fn preview_mismatches(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM orders o
         WHERE o.items_count <> (SELECT count(*) FROM order_items i WHERE i.order_id = o.id)
            OR o.items_preview <> coalesce((SELECT group_concat(product_name, '、') FROM
                   (SELECT product_name FROM order_items i WHERE i.order_id = o.id
                    ORDER BY position, id LIMIT 3)), '')",
        [],
        |r| r.get::<_, i64>(0),
    )? as u64)
}

/// What the orders list shows of an order's items (migration 0011): the first three product
/// names joined with "、", and how many item lines there are. Every writer of items calls this.
pub(crate) fn items_preview(items: &[NewOrderItem]) -> (String, i64) {
    let names: Vec<&str> = items
        .iter()
        .take(3)
        .map(|i| i.product_name.as_str())
        .collect();
    (names.join("、"), items.len() as i64)
}

/// The product (name, sku), created when new; its category too.
fn product_id(conn: &Connection, it: &NewOrderItem, at: &str) -> Result<i64> {
    let category: Option<i64> = if it.category.is_empty() {
        None
    } else {
        conn.prepare_cached("INSERT OR IGNORE INTO categories (name, created_at) VALUES (?1, ?2)")?
            .execute(params![it.category, at])?;
        Some(
            conn.prepare_cached("SELECT id FROM categories WHERE name = ?1")?
                .query_row([&it.category], |r| r.get(0))?,
        )
    };
    conn.prepare_cached(
        "INSERT INTO products (name, sku, category_id, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (name, sku) DO UPDATE SET category_id = coalesce(products.category_id, excluded.category_id)
         WHERE products.category_id IS NULL AND excluded.category_id IS NOT NULL",
    )?
    .execute(params![it.product_name, it.sku, category, at])?;
    Ok(conn
        .prepare_cached("SELECT id FROM products WHERE name = ?1 AND sku = ?2")?
        .query_row(params![it.product_name, it.sku], |r| r.get(0))?)
}

fn text(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Trim texts, round times to what is stored (milliseconds) and check every field; the error
/// names the order number and the field.
pub fn normalize(o: &NewOrder) -> Result<NewOrder> {
    let no = o.order_no.trim().to_string();
    if no.is_empty() {
        return Err(Error::invalid(
            "订单号：不能为空。",
            "Order number: must not be empty.",
        ));
    }
    if no.chars().count() > MAX_ORDER_NO {
        return Err(Error::invalid(
            format!("订单号“{no}”太长（最多 {MAX_ORDER_NO} 个字符）。"),
            format!("Order number '{no}' is too long (at most {MAX_ORDER_NO} characters)."),
        ));
    }
    let bad = |zh: &str, en: &str| {
        Error::invalid(format!("订单 {no}：{zh}"), format!("Order {no}: {en}"))
    };
    for (v, zh, en) in [
        (o.goods_fen, "商品金额", "goods amount"),
        (o.shipping_fen, "运费", "shipping"),
        (o.discount_fen, "优惠金额", "discount"),
        (o.paid_fen, "实付金额", "amount paid"),
        (o.refunded_fen, "退款金额", "amount refunded"),
    ] {
        if v < 0 {
            return Err(bad(
                &format!("{zh}不能为负数。"),
                &format!("{en} must not be negative."),
            ));
        }
    }
    if o.refunded_fen > o.paid_fen {
        return Err(bad(
            "退款金额不能大于实付金额。",
            "amount refunded must not exceed the amount paid.",
        ));
    }
    let needs_paid_at = o.status.counts_as_purchase() || o.status == OrderStatus::Refunded;
    if needs_paid_at && o.paid_at.is_none() {
        return Err(bad(
            &format!("状态为“{}”时必须填写付款时间。", o.status.label_zh()),
            &format!(
                "payment time is required when the status is '{}'.",
                o.status.label_en()
            ),
        ));
    }
    if o.status == OrderStatus::PartiallyRefunded && o.refunded_fen == 0 {
        return Err(bad(
            "状态为“部分退款”时退款金额必须大于 0。",
            "amount refunded must be above 0 when the status is 'Partially refunded'.",
        ));
    }
    for (v, zh, en) in [
        (&o.buyer_nick, "买家昵称", "buyer nick"),
        (&o.receiver_name, "收货人", "receiver name"),
        (&o.receiver_address, "收货地址", "receiver address"),
    ] {
        if v.as_deref().is_some_and(|s| s.chars().count() > MAX_TEXT) {
            return Err(bad(
                &format!("{zh}太长（最多 {MAX_TEXT} 个字符）。"),
                &format!("{en} is too long (at most {MAX_TEXT} characters)."),
            ));
        }
    }
    let receiver_phone = text(&o.receiver_phone);
    if let Some(p) = &receiver_phone {
        if p.contains('*') {
            return Err(bad(
                &format!("收货手机“{p}”是打码的号码，不能保存。"),
                &format!("receiver phone '{p}' is masked and cannot be stored."),
            ));
        }
    }
    let receiver_phone = match receiver_phone {
        Some(p) => Some(crate::customers::phone::normalize(&p).map_err(|_| {
            bad(
                &format!("收货手机“{p}”不是有效的手机号码。"),
                &format!("receiver phone '{p}' is not a valid phone number."),
            )
        })?),
        None => None,
    };
    let mut items = Vec::with_capacity(o.items.len());
    for (i, it) in o.items.iter().enumerate() {
        let line = i + 1;
        let name = it.product_name.trim().to_string();
        if name.is_empty() {
            return Err(bad(
                &format!("第 {line} 件商品：商品名称不能为空。"),
                &format!("item {line}: product name must not be empty."),
            ));
        }
        if it.quantity <= 0 {
            return Err(bad(
                &format!("第 {line} 件商品（{name}）：数量必须大于 0。"),
                &format!("item {line} ({name}): quantity must be above 0."),
            ));
        }
        if it.unit_price_fen < 0 {
            return Err(bad(
                &format!("第 {line} 件商品（{name}）：单价不能为负数。"),
                &format!("item {line} ({name}): unit price must not be negative."),
            ));
        }
        items.push(NewOrderItem {
            product_name: name,
            sku: it.sku.trim().to_string(),
            category: it.category.trim().to_string(),
            quantity: it.quantity,
            unit_price_fen: it.unit_price_fen,
        });
    }
    Ok(NewOrder {
        customer_id: o.customer_id,
        channel: o.channel,
        order_no: no,
        status: o.status,
        ordered_at: parse_ts(&ts(o.ordered_at)),
        paid_at: o.paid_at.map(|t| parse_ts(&ts(t))),
        goods_fen: o.goods_fen,
        shipping_fen: o.shipping_fen,
        discount_fen: o.discount_fen,
        paid_fen: o.paid_fen,
        refunded_fen: o.refunded_fen,
        buyer_nick: text(&o.buyer_nick),
        receiver_name: text(&o.receiver_name),
        receiver_phone,
        receiver_address: text(&o.receiver_address),
        note: o.note.trim().to_string(),
        items,
    })
}
