//! Deferred index maintenance for bulk writers. The triggers of migrations/0004_search.sql keep
//! the index current row by row, which for a large import is most of its cost: each new
//! customer's grams are written, then rewritten twice when its purchase stats are refreshed,
//! and each order goes to the order-number index alone. An import instead calls [`defer`] at
//! the start of its transaction and [`Deferred::finish`] before committing, naming every
//! customer it touched; the terms of exactly those customers are re-derived and the orders it
//! created are indexed, a few set-based statements in all (migrations/0006_search_deferred.sql).
//!
//! The result is the index the triggers would have built. Everything happens inside the
//! caller's transaction: a rollback (error, cancel, dry run) also restores the switch.

use crate::Result;
use rusqlite::{params, Connection};

/// The switch is on for this transaction; call [`Deferred::finish`] before committing.
#[must_use = "finish() re-derives the search index before the transaction commits"]
pub struct Deferred {
    /// Orders with a larger id were created while deferred (ids only grow inside one
    /// write transaction: nothing else can delete the newest order meanwhile).
    max_order_id: i64,
}

/// Stop the search triggers on customers, phones, nicks, stats and new orders until
/// [`Deferred::finish`]. Only inside a write transaction.
pub fn defer(tx: &Connection) -> Result<Deferred> {
    tx.execute("UPDATE search_control SET deferred = 1 WHERE id = 1", [])?;
    let max_order_id = tx.query_row("SELECT coalesce(max(id), 0) FROM orders", [], |r| r.get(0))?;
    Ok(Deferred { max_order_id })
}

impl Deferred {
    /// Re-derive the search terms (and through the search_terms triggers their FTS rows and
    /// grams, ranked by the current stats — refresh stats first) of `customers`, index the
    /// orders created since [`defer`], and switch the triggers back on. `customers` must hold
    /// every customer whose row, phones, nicks or stats changed while deferred.
    pub fn finish(self, tx: &Connection, customers: impl IntoIterator<Item = i64>) -> Result<()> {
        self.finish_marked(tx, customers, &mut |_| {})
    }

    /// [`Deferred::finish`], calling `mark` after each step (for the import's phase timings).
    pub fn finish_marked(
        self,
        tx: &Connection,
        customers: impl IntoIterator<Item = i64>,
        mark: &mut dyn FnMut(&'static str),
    ) -> Result<()> {
        let deferred: bool = tx.query_row(
            "SELECT deferred FROM search_control WHERE id = 1",
            [],
            |r| r.get(0),
        )?;
        if !deferred {
            // Something switched the triggers back on at once (the row-by-row reference in
            // tests/import_search_index.rs): they kept the index, there is nothing to redo.
            return Ok(());
        }
        tx.execute("UPDATE search_control SET deferred = 0 WHERE id = 1", [])?;
        tx.execute_batch(
            "DROP TABLE IF EXISTS temp.search_dirty;
             CREATE TEMP TABLE search_dirty (customer_id INTEGER PRIMARY KEY);",
        )?;
        {
            let mut ins =
                tx.prepare("INSERT OR IGNORE INTO temp.search_dirty (customer_id) VALUES (?1)")?;
            for id in customers {
                ins.execute([id])?;
            }
        }
        tx.execute_batch(
            "DELETE FROM search_terms
              WHERE customer_id IN (SELECT customer_id FROM temp.search_dirty);
             INSERT INTO search_terms (src, customer_id, text)
             SELECT src, customer_id, text FROM search_term_source
              WHERE customer_id IN (SELECT customer_id FROM temp.search_dirty)
              ORDER BY src;
             DROP TABLE temp.search_dirty;",
        )?;
        mark("search: customers' terms");
        tx.execute(
            "INSERT INTO search_orders_fts (rowid, order_no)
             SELECT id, order_no FROM orders WHERE id > ?1 ORDER BY id",
            params![self.max_order_id],
        )?;
        mark("search: order numbers");
        Ok(())
    }
}
