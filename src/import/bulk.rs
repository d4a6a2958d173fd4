//! Large imports into a store that is small next to them (a shop's first import of its order
//! history): the secondary indexes of `orders` and `order_items` are dropped inside the import's
//! transaction — when the first new order is about to be written, so a file whose orders are
//! all there already changes no index — and created again before it commits.
//!
//! Why: each new order otherwise lands at a random place in five indexes (by customer, by time,
//! by amount, by channel…). Once those indexes outgrow the page cache every order costs page
//! reads, decryption, and re-encrypting pages the cache has to spill — a 1M-row import spent
//! most of its minute there. `CREATE INDEX` instead sorts the keys and writes each index page
//! once, full. SQLite DDL is transactional: an error, a cancel or a dry run rolls the drop back
//! with everything else, and other connections never see the store without its indexes (they
//! read the last commit). The indexes are recreated from their own `CREATE INDEX` text in
//! `sqlite_master`, so an index another migration adds later is handled the same way.
//!
//! Kept while loading: the UNIQUE (channel, order_no) index (it is the duplicate check and
//! cannot be dropped), and indexes the load appends to in order anyway: `order_items_order`
//! (new order ids only grow; an existing order's items are read through it before an update),
//! the partial `orders_batch` (one batch id, growing ids) and `order_items_product` (a shop
//! has few products, so new entries land on a few hot pages). Measured on the 1M-row file
//! (docs/BENCHMARKS.md): building an index afterwards costs 0.7–1 s for the small ones and
//! 1.7–2.7 s for each of the four wide ones (mostly SQLite's in-memory sort); keeping the
//! order-number and unpaid indexes live as well showed no gain beyond the machine's noise, and
//! real order numbers do not arrive in order.

use crate::Result;
use rusqlite::Connection;

/// Below this many rows the row-by-row path is as fast (nothing to rebuild).
pub const MIN_ROWS: u64 = 20_000;

const TABLES: &[&str] = &["orders", "order_items"];
const KEEP: &[&str] = &["order_items_order", "orders_batch", "order_items_product"];

/// Whether an import of about `rows` rows should build the indexes afterwards: only when it
/// brings at least as many orders as the store has (rebuilding the indexes of a big store for
/// a small file would cost more than it saves).
pub fn worth_it(conn: &Connection, rows: u64) -> Result<bool> {
    if rows < MIN_ROWS {
        return Ok(false);
    }
    // max(id) is instant and never below the count; count(*) only when it could matter.
    let max_id: i64 =
        conn.query_row("SELECT coalesce(max(id), 0) FROM orders", [], |r| r.get(0))?;
    if rows >= max_id as u64 {
        return Ok(true);
    }
    let count: i64 = conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0))?;
    Ok(rows >= count as u64)
}

/// Indexes dropped for the load, to create again before the commit.
#[must_use = "rebuild() puts the indexes back before the transaction commits"]
pub struct Dropped {
    indexes: Vec<(String, String)>,
}

/// Drop the secondary indexes of the order tables (inside the import's transaction).
pub fn drop_indexes(tx: &Connection) -> Result<Dropped> {
    let mut indexes = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?1 ORDER BY name",
        )?;
        for table in TABLES {
            let rows = stmt.query_map([table], |r| Ok((r.get(0)?, r.get(1)?)))?;
            for row in rows {
                let (name, sql): (String, String) = row?;
                if !KEEP.contains(&name.as_str()) {
                    indexes.push((name, sql));
                }
            }
        }
    }
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(Dropped { indexes })
}

impl Dropped {
    /// Create every dropped index again, exactly as it was declared.
    pub fn rebuild(self, tx: &Connection) -> Result<()> {
        for (_, sql) in &self.indexes {
            tx.execute_batch(sql)?;
        }
        Ok(())
    }
}
