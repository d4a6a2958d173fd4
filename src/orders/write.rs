//! The one writer of order rows: [`OrderWriter`] is the only code that INSERTs into `orders`,
//! `order_items` and `order_refunds` (a test greps `src/` for it). Every path that writes an
//! order goes through it — a sale entered by hand and an import's changed order
//! (`upsert_in_tx`), an import's new orders (`import::fast`), the demo generator — so an
//! order's list preview (migration 0011) and its refunded total (0012) have one writer, and so
//! will any later rollup.
//!
//! How it writes: new orders are queued with explicit ids, counting up from the largest id when
//! the writer was made — exactly what SQLite would pick, since nothing else writes inside the
//! caller's transaction — so a caller can use an order's id before it is written (the import
//! names the order in its undo range). [`OrderWriter::flush`] writes the queue with multi-row
//! INSERTs (`db::multirow`: five cached statement shapes per table), orders before their items
//! and refund rows. A writer of one order costs one `max(id)` lookup.
//!
//! Refunds are append-only (`order_refunds`, 0012): `orders.refunded_fen` is the sum of the
//! order's rows. A new order with a refunded amount gets one row; a change of the total
//! (`upsert_in_tx`, a refund by hand, an import whose file says another total, an import undo)
//! gets one row with the difference, which may be negative. [`refund_mismatches`] finds orders
//! where the two disagree (`laoke verify`).

use super::model::{NewOrder, NewOrderItem};
use crate::{
    db::multirow::{insert_rows, BATCH},
    store::ts,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, types::ToSql, Connection};
use std::collections::HashMap;

/// Who writes: the import batch the orders belong to (undo) and the source of refund rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Staff, one order at a time (`sales`, `orders::upsert_in_tx` without a batch).
    Manual,
    /// An import batch.
    Import(i64),
    /// The demo generator.
    Demo,
    /// An import undo putting an order back (refund rows only).
    Undo,
}

impl Origin {
    fn batch(self) -> Option<i64> {
        match self {
            Origin::Import(b) => Some(b),
            _ => None,
        }
    }

    /// `order_refunds.source` of the rows this origin writes.
    fn refund_source(self) -> &'static str {
        match self {
            Origin::Manual => "manual",
            Origin::Import(_) => "import",
            Origin::Demo => "demo",
            Origin::Undo => "undo",
        }
    }
}

struct ItemRow {
    order_id: i64,
    position: i64,
    product_id: i64,
    item: NewOrderItem,
}

struct RefundRow {
    order_id: i64,
    amount_fen: i64,
    reason: String,
}

/// Orders, items and refund rows waiting to be written (see the module docs).
pub struct OrderWriter {
    origin: Origin,
    actor: String,
    at: String,
    first_id: i64,
    next_id: i64,
    orders: Vec<(i64, NewOrder)>,
    items: Vec<ItemRow>,
    refunds: Vec<RefundRow>,
    products: HashMap<(String, String), i64>,
    categories: HashMap<String, i64>,
}

impl OrderWriter {
    /// A writer for `actor` (`orders.created_by`, `order_refunds.actor`) at `now`.
    pub fn new(
        conn: &Connection,
        origin: Origin,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<OrderWriter> {
        let next: i64 = conn
            .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM orders")?
            .query_row([], |r| r.get(0))?;
        Ok(OrderWriter {
            origin,
            actor: actor.to_string(),
            at: ts(now),
            first_id: next,
            next_id: next,
            orders: Vec::new(),
            items: Vec::new(),
            refunds: Vec::new(),
            products: HashMap::new(),
            categories: HashMap::new(),
        })
    }

    /// A writer for changes to existing orders (items, refund rows): no id lookup until it
    /// creates one.
    pub(crate) fn lazy(origin: Origin, actor: &str, now: DateTime<Utc>) -> OrderWriter {
        OrderWriter {
            origin,
            actor: actor.to_string(),
            at: ts(now),
            first_id: 0,
            next_id: 0,
            orders: Vec::new(),
            items: Vec::new(),
            refunds: Vec::new(),
            products: HashMap::new(),
            categories: HashMap::new(),
        }
    }

    /// Queue a new order (already through [`super::normalize`], or built valid like the
    /// demo's) with its items and, when it has a refunded amount, its first refund row.
    /// Returns the id it will have. Products and categories are created at once.
    pub fn create(&mut self, conn: &Connection, o: NewOrder) -> Result<i64> {
        self.create_with_reason(conn, o, "")
    }

    /// [`Self::create`], with the reason its refund row (if any) carries.
    pub(crate) fn create_with_reason(
        &mut self,
        conn: &Connection,
        o: NewOrder,
        refund_reason: &str,
    ) -> Result<i64> {
        if self.next_id == 0 {
            self.next_id = conn
                .prepare_cached("SELECT coalesce(max(id), 0) + 1 FROM orders")?
                .query_row([], |r| r.get(0))?;
            self.first_id = self.next_id;
        }
        let id = self.next_id;
        self.next_id += 1;
        self.queue_items(conn, id, &o.items)?;
        self.refund(id, o.refunded_fen, refund_reason);
        self.orders.push((id, o));
        Ok(id)
    }

    /// How many orders wait (the caller flushes at [`BATCH`], after what they point at).
    pub fn queued(&self) -> usize {
        self.orders.len()
    }

    /// Rows per multi-row INSERT: flush when [`Self::queued`] reaches it.
    pub const BATCH: usize = BATCH;

    /// An order was created by another writer in the same transaction with id `id`: count
    /// on from there.
    pub fn taken_id(&mut self, id: i64) {
        self.next_id = self.next_id.max(id + 1);
    }

    /// The ids this writer handed out, first and last (None: none).
    pub fn created_range(&self) -> Option<(i64, i64)> {
        (self.next_id > self.first_id).then_some((self.first_id, self.next_id - 1))
    }

    /// The items of an existing order become `items` (its preview too); the new rows are
    /// queued.
    pub(crate) fn replace_items(
        &mut self,
        conn: &Connection,
        order_id: i64,
        items: &[NewOrderItem],
    ) -> Result<()> {
        conn.prepare_cached("DELETE FROM order_items WHERE order_id = ?1")?
            .execute([order_id])?;
        self.queue_items(conn, order_id, items)?;
        let (preview, count) = items_preview(items);
        conn.prepare_cached(
            "UPDATE orders SET items_preview = ?2, items_count = ?3 WHERE id = ?1",
        )?
        .execute(params![order_id, preview, count])?;
        Ok(())
    }

    /// Queue a refund row: the order's refunded total changed by `amount_fen` (negative: a
    /// correction down). The caller sets `orders.refunded_fen` to the new total in the same
    /// transaction.
    pub(crate) fn refund(&mut self, order_id: i64, amount_fen: i64, reason: &str) {
        if amount_fen != 0 {
            self.refunds.push(RefundRow {
                order_id,
                amount_fen,
                reason: reason.to_string(),
            });
        }
    }

    fn queue_items(&mut self, conn: &Connection, id: i64, items: &[NewOrderItem]) -> Result<()> {
        for (pos, it) in items.iter().enumerate() {
            let product_id = self.product(conn, &it.product_name, &it.sku, &it.category)?;
            self.items.push(ItemRow {
                order_id: id,
                position: pos as i64,
                product_id,
                item: it.clone(),
            });
        }
        Ok(())
    }

    /// Write everything queued: orders, then their items and refund rows.
    pub fn flush(&mut self, conn: &Connection) -> Result<()> {
        let orders = std::mem::take(&mut self.orders);
        let items = std::mem::take(&mut self.items);
        let refunds = std::mem::take(&mut self.refunds);
        let at = self.at.as_str();
        let actor = self.actor.as_str();
        let batch = self.origin.batch();
        let rows: Vec<OrderParams> = orders.iter().map(order_params).collect();
        insert_rows(
            conn,
            "INSERT INTO orders (id, customer_id, channel, order_no, status, ordered_at, paid_at,
                    goods_fen, shipping_fen, discount_fen, paid_fen, refunded_fen, buyer_nick,
                    receiver_name, receiver_phone, receiver_address, note, import_batch_id,
                    created_by, created_at, updated_at, items_preview, items_count)",
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            &rows,
            |(id, o, ordered, paid, (preview, count)), v| {
                v.extend([
                    *id as &dyn ToSql,
                    &o.order.customer_id,
                    &o.channel_str,
                    &o.order.order_no,
                    &o.status_str,
                    ordered,
                    paid,
                    &o.order.goods_fen,
                    &o.order.shipping_fen,
                    &o.order.discount_fen,
                    &o.order.paid_fen,
                    &o.order.refunded_fen,
                    &o.order.buyer_nick,
                    &o.order.receiver_name,
                    &o.order.receiver_phone,
                    &o.order.receiver_address,
                    &o.order.note,
                    &batch,
                    &actor,
                    &at,
                    &at,
                    preview,
                    count,
                ])
            },
        )?;
        insert_rows(
            conn,
            "INSERT INTO order_items (order_id, position, product_id, product_name, sku, category,
                                      quantity, unit_price_fen)",
            "(?, ?, ?, ?, ?, ?, ?, ?)",
            &items,
            |i, v| {
                v.extend([
                    &i.order_id as &dyn ToSql,
                    &i.position,
                    &i.product_id,
                    &i.item.product_name,
                    &i.item.sku,
                    &i.item.category,
                    &i.item.quantity,
                    &i.item.unit_price_fen,
                ])
            },
        )?;
        let source = self.origin.refund_source();
        insert_rows(
            conn,
            "INSERT INTO order_refunds (order_id, amount_fen, reason, source, import_batch_id,
                                        actor, at)",
            "(?, ?, ?, ?, ?, ?, ?)",
            &refunds,
            |r, v| {
                v.extend([
                    &r.order_id as &dyn ToSql,
                    &r.amount_fen,
                    &r.reason,
                    &source,
                    &batch,
                    &actor,
                    &at,
                ])
            },
        )?;
        Ok(())
    }

    /// The product (name, sku), created when new (its category too); cached for the writer's
    /// life.
    fn product(&mut self, conn: &Connection, name: &str, sku: &str, category: &str) -> Result<i64> {
        let key = (name.to_string(), sku.to_string());
        if let Some(id) = self.products.get(&key) {
            return Ok(*id);
        }
        let at = self.at.as_str();
        let category_id = if category.is_empty() {
            None
        } else if let Some(id) = self.categories.get(category) {
            Some(*id)
        } else {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO categories (name, created_at) VALUES (?1, ?2)",
            )?
            .execute(params![category, at])?;
            let id: i64 = conn
                .prepare_cached("SELECT id FROM categories WHERE name = ?1")?
                .query_row([category], |r| r.get(0))?;
            self.categories.insert(category.to_string(), id);
            Some(id)
        };
        conn.prepare_cached(
            "INSERT INTO products (name, sku, category_id, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name, sku) DO UPDATE SET category_id = coalesce(products.category_id, excluded.category_id)
             WHERE products.category_id IS NULL AND excluded.category_id IS NOT NULL",
        )?
        .execute(params![name, sku, category_id, at])?;
        let id: i64 = conn
            .prepare_cached("SELECT id FROM products WHERE name = ?1 AND sku = ?2")?
            .query_row(params![name, sku], |r| r.get(0))?;
        self.products.insert(key, id);
        Ok(id)
    }
}

/// An order's values that are not plain fields, computed once per row.
struct OrderView<'o> {
    order: &'o NewOrder,
    channel_str: &'static str,
    status_str: &'static str,
}

type OrderParams<'o> = (
    &'o i64,
    OrderView<'o>,
    String,
    Option<String>,
    (String, i64),
);

fn order_params((id, o): &(i64, NewOrder)) -> OrderParams<'_> {
    (
        id,
        OrderView {
            order: o,
            channel_str: o.channel.as_str(),
            status_str: o.status.as_str(),
        },
        ts(o.ordered_at),
        o.paid_at.map(ts),
        items_preview(&o.items),
    )
}

/// What the orders list shows of an order's items (migration 0011): the first three product
/// names joined with "、", and how many item lines there are.
pub(crate) fn items_preview(items: &[NewOrderItem]) -> (String, i64) {
    let names: Vec<&str> = items
        .iter()
        .take(3)
        .map(|i| i.product_name.as_str())
        .collect();
    (names.join("、"), items.len() as i64)
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

/// Orders whose refunded total differs from the sum of their refund rows (`laoke verify`).
pub fn refund_mismatches(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM orders o
         WHERE o.refunded_fen <> coalesce(
                   (SELECT sum(amount_fen) FROM order_refunds r WHERE r.order_id = o.id), 0)",
        [],
        |r| r.get::<_, i64>(0),
    )? as u64)
}
