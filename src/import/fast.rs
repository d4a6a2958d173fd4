//! Writing what an import creates — customers (with their phones and nicks), orders, items and
//! the undo records — in batches of multi-row INSERTs (`db::multirow`) instead of one statement
//! per row. The orders, their items, previews and refund rows go through the one order writer
//! (`orders::OrderWriter`); this file keeps the customers and the undo records.
//!
//! Customer rows are the same as `customers::insert` writes (the fields are cleaned the same
//! way); ids are given explicitly, counting up from the largest id at the start — exactly what
//! SQLite would pick, since nothing else writes inside the import's transaction — so an order
//! can name its customer before either row is written (the order writer does the same for
//! orders).
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
    db::multirow::{insert_rows, BATCH},
    orders::{NewOrder, OrderWriter, Origin},
    store::ts,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, types::ToSql, Connection};

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

/// Rows created by the import that are not written yet.
pub struct Pending {
    batch: i64,
    at: String,
    next_customer_id: i64,
    customers: Vec<NewCustomerRow>,
    orders: OrderWriter,
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
        Ok(Pending {
            batch,
            at: ts(now),
            next_customer_id: next("customers")?,
            customers: Vec::new(),
            orders: OrderWriter::new(conn, Origin::Import(batch), actor, now)?,
        })
    }

    /// An order was created outside this writer (with SQLite's own id): count on from there.
    pub fn taken_order_id(&mut self, id: i64) {
        self.orders.taken_id(id);
    }

    /// Whether nothing waits to be written.
    pub fn is_empty(&self) -> bool {
        self.customers.is_empty() && self.orders.queued() == 0
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
        let id = self.orders.create(conn, o)?;
        if self.orders.queued() >= OrderWriter::BATCH {
            self.flush(conn)?;
        }
        Ok(id)
    }

    /// Write everything waiting: customers first (orders point at them), then their phones
    /// and nicks and undo records, then the orders (with their items and refund rows).
    pub fn flush(&mut self, conn: &Connection) -> Result<()> {
        let customers = std::mem::take(&mut self.customers);
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
        // orders after the customers they point at
        self.orders.flush(conn)
    }

    /// The undo record of every order this writer created: ONE row for the whole batch,
    /// `('order_range', first id, 'created', before = last id)`. Exact because ids count up
    /// from the largest at the start and nothing else writes inside the import's transaction:
    /// every order whose id is in the range was created by this batch (an order created
    /// through `orders::upsert_in_tx` inside it is in the range too, and has its own row).
    /// Call once, after the last [`Pending::flush`].
    pub fn record_created_orders(&self, conn: &Connection) -> Result<()> {
        if let Some((first, last)) = self.orders.created_range() {
            conn.execute(
                "INSERT INTO import_changes (batch_id, entity, entity_id, action, before)
                 VALUES (?1, 'order_range', ?2, 'created', ?3)",
                params![self.batch, first, last.to_string()],
            )?;
        }
        Ok(())
    }
}
