//! Writing what an import creates — customers (with their phones and nicks), orders, items and
//! the undo records — in batches of multi-row INSERTs instead of one statement per row.
//!
//! Why: a million single-row INSERTs pay a million times for what does not depend on the row —
//! opening a cursor per index, the AFTER INSERT trigger's program, and above all SQLite's
//! statement journal (a table with a trigger makes every INSERT journal each existing page it
//! touches, so that the one statement could be rolled back alone: a 4 KiB copy per page per
//! row). One INSERT of 256 rows pays that once. Rows are the same as `orders::upsert_in_tx`'s
//! create branch and `customers::insert` write (the order already passed `orders::normalize`,
//! the customer's fields are cleaned the same way); ids are given explicitly, counting up from
//! the largest id at the start — exactly what SQLite would pick, since nothing else writes
//! inside the import's transaction — so an order can name its customer before either row is
//! written.
//!
//! Undo records: one `customer` row per new customer, and ONE `order_range` row for all the new
//! orders of the batch ([`Pending::record_created_orders`]; `import::undo` removes them
//! set-based) — a million per-order rows cost ~1 s to write and undo went through them one by
//! one.
//!
//! Anything that reads these tables while rows are waiting here must [`Pending::flush`] first
//! (the engine does before touching an existing customer or order); the import flushes at the
//! end of the rows.

use crate::{
    orders::{NewOrder, NewOrderItem},
    store::ts,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, types::ToSql, Connection};
use std::collections::HashMap;

/// Rows per multi-row INSERT (orders; ~5,000 bound values, far below SQLite's limit).
const BATCH: usize = 256;
/// Statement sizes a batch is cut into: five shapes per table stay in the statement cache.
const CHUNKS: [usize; 5] = [BATCH, 64, 16, 4, 1];

/// A customer created by this import, waiting to be written.
struct NewCustomerRow {
    id: i64,
    name: String,
    province: Option<String>,
    city: Option<String>,
    address: Option<String>,
    source: Option<String>,
    phones: Vec<String>,
    nicks: Vec<(String, String)>,
}

struct NewItemRow {
    order_id: i64,
    position: i64,
    product_id: i64,
    item: NewOrderItem,
}

/// Rows created by the import that are not written yet.
pub struct Pending {
    batch: i64,
    actor: String,
    at: String,
    next_customer_id: i64,
    first_order_id: i64,
    next_order_id: i64,
    customers: Vec<NewCustomerRow>,
    orders: Vec<(i64, NewOrder)>,
    items: Vec<NewItemRow>,
    products: HashMap<(String, String), i64>,
    categories: HashMap<String, i64>,
}

fn clean(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

impl Pending {
    pub fn new(conn: &Connection, batch: i64, actor: &str, now: DateTime<Utc>) -> Result<Pending> {
        let next = |table: &str| -> Result<i64> {
            Ok(conn.query_row(
                &format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"),
                [],
                |r| r.get(0),
            )?)
        };
        let next_order = next("orders")?;
        Ok(Pending {
            batch,
            actor: actor.to_string(),
            at: ts(now),
            next_customer_id: next("customers")?,
            first_order_id: next_order,
            next_order_id: next_order,
            customers: Vec::new(),
            orders: Vec::new(),
            items: Vec::new(),
            products: HashMap::new(),
            categories: HashMap::new(),
        })
    }

    /// An order was created outside this writer (with SQLite's own id): count on from there.
    pub fn taken_order_id(&mut self, id: i64) {
        self.next_order_id = self.next_order_id.max(id + 1);
    }

    /// Whether nothing waits to be written.
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty() && self.orders.is_empty()
    }

    /// A new customer from an order row (name ≤ 60 characters, as `customers::insert` takes
    /// it); returns the id it will have. Nicks a deleted customer still holds are skipped when
    /// written (INSERT OR IGNORE, like `customers::insert`).
    #[allow(clippy::too_many_arguments)]
    pub fn customer(
        &mut self,
        conn: &Connection,
        name: &str,
        phones: Vec<String>,
        nicks: Vec<(String, String)>,
        province: Option<&str>,
        city: Option<&str>,
        address: Option<&str>,
        source: &str,
    ) -> Result<i64> {
        let id = self.next_customer_id;
        self.next_customer_id += 1;
        self.customers.push(NewCustomerRow {
            id,
            name: name.trim().to_string(),
            province: clean(province),
            city: clean(city),
            address: clean(address),
            source: clean(Some(source)),
            phones,
            nicks: nicks
                .into_iter()
                .map(|(p, n)| (p.trim().to_string(), n.trim().to_string()))
                .collect(),
        });
        if self.customers.len() >= BATCH {
            self.flush(conn)?;
        }
        Ok(id)
    }

    /// A normalised order known to be absent; returns the id it will have.
    pub fn order(&mut self, conn: &Connection, o: NewOrder) -> Result<i64> {
        let id = self.next_order_id;
        self.next_order_id += 1;
        for (pos, it) in o.items.iter().enumerate() {
            let product_id = self.product(conn, &it.product_name, &it.sku, &it.category)?;
            self.items.push(NewItemRow {
                order_id: id,
                position: pos as i64,
                product_id,
                item: it.clone(),
            });
        }
        self.orders.push((id, o));
        if self.orders.len() >= BATCH {
            self.flush(conn)?;
        }
        Ok(id)
    }

    /// Write everything waiting: customers first (orders point at them), then their phones
    /// and nicks, orders, items, and the undo records.
    pub fn flush(&mut self, conn: &Connection) -> Result<()> {
        let customers = std::mem::take(&mut self.customers);
        let orders = std::mem::take(&mut self.orders);
        let items = std::mem::take(&mut self.items);
        let at = self.at.as_str();
        let batch = self.batch;
        insert_rows(
            conn,
            "INSERT INTO customers (id, name, gender, birthday, email, wechat_id, qq, province,
                                    city, address, source_channel, notes, created_at, updated_at)",
            "(?, ?, 'unknown', NULL, NULL, NULL, NULL, ?, ?, ?, ?, '', ?, ?)",
            &customers,
            |c, v| {
                v.extend([
                    &c.id as &dyn ToSql,
                    &c.name,
                    &c.province,
                    &c.city,
                    &c.address,
                    &c.source,
                    &at,
                    &at,
                ])
            },
        )?;
        let phones: Vec<(i64, i64, &String)> = customers
            .iter()
            .flat_map(|c| {
                c.phones
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (c.id, i as i64, p))
            })
            .collect();
        insert_rows(
            conn,
            "INSERT INTO customer_phones (customer_id, phone, position)",
            "(?, ?, ?)",
            &phones,
            |p, v| v.extend([&p.0 as &dyn ToSql, p.2, &p.1]),
        )?;
        let nicks: Vec<(i64, &String, &String)> = customers
            .iter()
            .flat_map(|c| c.nicks.iter().map(|(p, n)| (c.id, p, n)))
            .collect();
        insert_rows(
            conn,
            "INSERT OR IGNORE INTO customer_nicks (customer_id, platform, nick)",
            "(?, ?, ?)",
            &nicks,
            |n, v| v.extend([&n.0 as &dyn ToSql, n.1, n.2]),
        )?;
        insert_rows(
            conn,
            "INSERT INTO import_changes (batch_id, entity, entity_id, action, before)",
            "(?, 'customer', ?, 'created', NULL)",
            &customers,
            |c, v| v.extend([&batch as &dyn ToSql, &c.id]),
        )?;
        let rows: Vec<OrderParams> = orders.iter().map(order_params).collect();
        let actor = self.actor.as_str();
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
                    &o.customer_id,
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
        Ok(())
    }

    /// The undo record of every order this writer created: ONE row for the whole batch,
    /// `('order_range', first id, 'created', before = last id)`. Exact because ids count up
    /// from the largest at the start and nothing else writes inside the import's transaction:
    /// every order whose id is in the range was created by this batch (an order created
    /// through `orders::upsert_in_tx` inside it is in the range too, and has its own row).
    /// Call once, after the last [`Pending::flush`].
    pub fn record_created_orders(&self, conn: &Connection) -> Result<()> {
        if self.next_order_id > self.first_order_id {
            conn.execute(
                "INSERT INTO import_changes (batch_id, entity, entity_id, action, before)
                 VALUES (?1, 'order_range', ?2, 'created', ?3)",
                params![
                    self.batch,
                    self.first_order_id,
                    (self.next_order_id - 1).to_string()
                ],
            )?;
        }
        Ok(())
    }

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
    customer_id: Option<i64>,
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
            customer_id: o.customer_id,
            channel_str: o.channel.as_str(),
            status_str: o.status.as_str(),
        },
        ts(o.ordered_at),
        o.paid_at.map(ts),
        crate::orders::write::items_preview(&o.items),
    )
}

/// Insert `rows` with as few statements as possible: full chunks of [`BATCH`] rows, then the
/// rest in chunks of 64, 16, 4 and 1 rows (five statement shapes, each prepared once).
fn insert_rows<'a, T>(
    conn: &Connection,
    head: &str,
    one: &str,
    rows: &'a [T],
    bind: impl Fn(&'a T, &mut Vec<&'a dyn ToSql>),
) -> Result<()> {
    let mut rest = rows;
    let mut values: Vec<&'a dyn ToSql> = Vec::new();
    while !rest.is_empty() {
        let n = CHUNKS.into_iter().find(|c| *c <= rest.len()).unwrap_or(1);
        let (chunk, tail) = rest.split_at(n);
        let mut sql = String::with_capacity(head.len() + 8 + n * (one.len() + 2));
        sql.push_str(head);
        sql.push_str(" VALUES ");
        for i in 0..n {
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(one);
        }
        values.clear();
        for r in chunk {
            bind(r, &mut values);
        }
        conn.prepare_cached(&sql)?.execute(values.as_slice())?;
        rest = tail;
    }
    Ok(())
}
