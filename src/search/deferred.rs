//! Deferred index maintenance for bulk writers. The triggers of migrations/0004_search.sql keep
//! the index current row by row, which for a large import is most of its cost: each new
//! customer's grams are written, then rewritten twice when its purchase stats are refreshed,
//! and each order goes to the order-number index alone. An import instead calls [`defer`] at
//! the start of its transaction and [`Deferred::finish`] before committing, naming every
//! customer it touched; the terms of exactly those customers are re-derived and the orders it
//! created are indexed, a few set-based statements in all (migrations/0006_search_deferred.sql).
//!
//! The re-derived terms do not go through the `search_terms_ai` trigger either: it builds each
//! term's 1- and 2-character grams with a query per term, ~7 s for the ~500k terms of a 1M-row
//! first import. [`Deferred::finish`] drops that trigger inside the transaction, writes the
//! terms' FTS rows in one statement and their grams computed by [`super::grams`] (which mirrors
//! the trigger; `tests/import_search_index.rs` compares both, row for row, edge cases included)
//! in sorted multi-row INSERTs, and creates the trigger again from its own text in
//! `sqlite_master`. A term SQLite would measure differently (a NUL inside) is written again with
//! the trigger back on, so the trigger computes its grams itself.
//!
//! The result is the index the triggers would have built. Everything happens inside the
//! caller's transaction: a rollback (error, cancel, dry run) also restores the switch and the
//! trigger; other connections never see the store without it.

use super::grams::{self, Gram};
use crate::Result;
use rusqlite::{params, types::ValueRef, Connection};

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
        let mut ids: Vec<i64> = customers.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        for chunk in ids.chunks(DIRTY_ROWS) {
            let mut sql = String::from("INSERT INTO temp.search_dirty (customer_id) VALUES ");
            for i in 0..chunk.len() {
                sql.push_str(if i == 0 { "(?)" } else { ",(?)" });
            }
            tx.prepare_cached(&sql)?
                .execute(rusqlite::params_from_iter(chunk))?;
        }
        // Existing terms of these customers go through the live search_terms_ad trigger (FTS
        // row and grams deleted with them). Only customers up to the largest one with terms
        // can have any: the customers an import created (the newest ids) are not looked up.
        tx.execute(
            "DELETE FROM search_terms
              WHERE customer_id IN (SELECT customer_id FROM temp.search_dirty
                                     WHERE customer_id <= ?1)",
            [tx.query_row(
                "SELECT coalesce(max(customer_id), 0) FROM search_terms",
                [],
                |r| r.get::<_, i64>(0),
            )?],
        )?;
        // The new terms are written with search_terms_ai dropped (inside this transaction; it
        // is created again from its own text below): their FTS rows in one statement and their
        // grams computed in Rust (search::grams mirrors the trigger), instead of the trigger's
        // per-term gram query.
        let trigger: String = tx.query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'search_terms_ai'",
            [],
            |r| r.get(0),
        )?;
        tx.execute_batch(
            "DROP TRIGGER search_terms_ai;
             INSERT INTO search_terms (src, customer_id, text)
             SELECT src, customer_id, text FROM search_term_source
              WHERE customer_id IN (SELECT customer_id FROM temp.search_dirty)
              ORDER BY src;",
        )?;
        mark("search: customers' terms");
        tx.execute_batch(
            "INSERT INTO search_terms_fts (rowid, text)
             SELECT src, text FROM search_terms
              WHERE customer_id IN (SELECT customer_id FROM temp.search_dirty)
              ORDER BY src;",
        )?;
        mark("search: terms' FTS rows");
        let left_to_trigger = write_grams(tx, mark)?;
        tx.execute_batch(&trigger)?;
        retrigger(tx, &left_to_trigger)?;
        tx.execute_batch("DROP TABLE temp.search_dirty;")?;
        mark("search: grams (insert)");
        tx.execute(
            "INSERT INTO search_orders_fts (rowid, order_no)
             SELECT id, order_no FROM orders WHERE id > ?1 ORDER BY id",
            params![self.max_order_id],
        )?;
        mark("search: order numbers");
        Ok(())
    }
}

/// Ids per multi-row INSERT into the temp table of customers to re-derive.
const DIRTY_ROWS: usize = 500;

/// Rows per multi-row INSERT of grams (5 values each: 1,000 bound values).
const GRAM_ROWS: usize = 200;

/// Write the grams of the terms of `temp.search_dirty` (sorted by the table's key, duplicates
/// dropped as the trigger's INSERT OR IGNORE does). Returns the terms whose grams only the
/// trigger can compute (see search::grams).
fn write_grams(tx: &Connection, mark: &mut dyn FnMut(&'static str)) -> Result<Vec<i64>> {
    let mut out: Vec<Gram> = Vec::new();
    let mut left = Vec::new();
    {
        let mut stmt = tx.prepare(
            "SELECT t.src, t.customer_id, t.text,
                    coalesce((SELECT rank FROM search_customer_rank r
                               WHERE r.customer_id = t.customer_id), 0)
               FROM search_terms t
              WHERE t.customer_id IN (SELECT customer_id FROM temp.search_dirty)",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let src: i64 = r.get(0)?;
            let text = match r.get_ref(2)? {
                ValueRef::Text(t) => std::str::from_utf8(t).ok(),
                _ => None,
            };
            let done = match text {
                Some(text) => grams::term_grams(src, r.get(1)?, text, r.get(3)?, &mut out),
                None => false,
            };
            if !done {
                left.push(src);
            }
        }
    }
    // By term: the src and customer indexes then only grow at their end (new terms have the
    // largest srcs); two rows are the same key exactly when all five columns agree.
    out.sort_unstable_by(|a, b| {
        (a.src, &a.gram, a.kind, a.rank).cmp(&(b.src, &b.gram, b.kind, b.rank))
    });
    out.dedup();
    mark("search: grams (compute, sort)");
    let sql = |n: usize| {
        let mut s = String::from(
            "INSERT OR IGNORE INTO search_grams (gram, kind, rank, customer_id, src) VALUES ",
        );
        for i in 0..n {
            s.push_str(if i == 0 {
                "(?,?,?,?,?)"
            } else {
                ",(?,?,?,?,?)"
            });
        }
        s
    };
    let mut full = tx.prepare(&sql(GRAM_ROWS))?;
    let mut chunks = out.chunks_exact(GRAM_ROWS);
    for chunk in &mut chunks {
        full.execute(rusqlite::params_from_iter(
            chunk.iter().flat_map(gram_values),
        ))?;
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        tx.prepare(&sql(rest.len()))?
            .execute(rusqlite::params_from_iter(
                rest.iter().flat_map(gram_values),
            ))?;
    }
    Ok(left)
}

fn gram_values(g: &Gram) -> [&dyn rusqlite::ToSql; 5] {
    [&g.gram, &g.kind, &g.rank, &g.customer_id, &g.src]
}

/// Write these terms again with search_terms_ai back on: the trigger builds their FTS rows and
/// grams itself (the delete trigger removes what the bulk path wrote for them).
fn retrigger(tx: &Connection, srcs: &[i64]) -> Result<()> {
    for &src in srcs {
        let (customer_id, text): (i64, rusqlite::types::Value) = tx.query_row(
            "SELECT customer_id, text FROM search_terms WHERE src = ?1",
            [src],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        tx.execute("DELETE FROM search_terms WHERE src = ?1", [src])?;
        tx.execute(
            "INSERT INTO search_terms (src, customer_id, text) VALUES (?1, ?2, ?3)",
            params![src, customer_id, text],
        )?;
    }
    Ok(())
}
