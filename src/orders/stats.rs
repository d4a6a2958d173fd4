//! `customer_stats`: per-customer order count, spend, first/last order and top category, kept
//! next to the orders so customer lists can filter and sort 100k customers by them through an
//! index instead of aggregating a million orders per page.
//!
//! One SQL text computes the stats for both paths — [`refresh_stats`] (a few customers, after a
//! write, same transaction) and [`rebuild_all_stats`] (everyone, set-based) — so they cannot
//! drift apart. Counted orders follow [`OrderStatus::counts_as_purchase`]; spend = paid −
//! refunded; a customer with no counted order has no stats row (lists read it as zero).

use super::model::OrderStatus;
use crate::Result;
use rusqlite::Connection;

/// What an order kept after refunds, paid − refunded, as SQL over `o` (a customer's spend, the
/// orders list's 实收 column and its totals row).
pub const KEPT_FEN_SQL: &str = "(o.paid_fen - o.refunded_fen)";

/// What an order kept after refunds, paid − refunded, for a row already read
/// ([`KEPT_FEN_SQL`] in SQL).
pub fn kept_fen(paid_fen: i64, refunded_fen: i64) -> i64 {
    paid_fen - refunded_fen
}

/// `'paid', 'shipped', …` — the statuses that count as a purchase, for `IN (…)`.
pub fn counted_statuses_sql() -> String {
    OrderStatus::ALL
        .into_iter()
        .filter(|s| s.counts_as_purchase())
        .map(|s| format!("'{}'", s.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The INSERT that computes stats for the customers matching `filter` (an SQL condition on
/// `o.customer_id`).
pub(crate) fn stats_sql(filter: &str) -> String {
    let counted = counted_statuses_sql();
    // `+o.customer_id` keeps SQLite from walking the customer index and fetching every order
    // row at random for a full rebuild (a sequential scan plus one sort is 2-3× faster); a single
    // customer's `o.customer_id = ?` still uses the index.
    format!(
        "WITH a AS MATERIALIZED (
             SELECT o.customer_id, count(*) AS n, sum({KEPT_FEN_SQL}) AS spend,
                    min(o.ordered_at) AS first_at, max(o.ordered_at) AS last_at
             FROM orders o
             WHERE +o.customer_id IS NOT NULL AND o.status IN ({counted}) AND {filter}
             GROUP BY +o.customer_id),
         t AS MATERIALIZED (
             SELECT customer_id, category FROM (
                 SELECT customer_id, category,
                        row_number() OVER (PARTITION BY customer_id
                                           ORDER BY spend DESC, category) AS rn
                 FROM (SELECT o.customer_id, i.category,
                              sum(i.quantity * i.unit_price_fen) AS spend
                       FROM orders o JOIN order_items i ON i.order_id = o.id
                       WHERE +o.customer_id IS NOT NULL AND o.status IN ({counted})
                             AND i.category <> '' AND {filter}
                       GROUP BY o.customer_id, i.category))
             WHERE rn = 1)
         INSERT INTO customer_stats (customer_id, orders_count, spend_fen, first_order_at,
                                     last_order_at, top_category)
         SELECT a.customer_id, a.n, a.spend, a.first_at, a.last_at, t.category
         FROM a LEFT JOIN t ON t.customer_id = a.customer_id"
    )
}

/// Recompute the stats of these customers (after their orders changed). Call inside the
/// writing transaction.
pub fn refresh_stats(tx: &Connection, customer_ids: &[i64]) -> Result<()> {
    let mut ids = customer_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    let mut del = tx.prepare_cached("DELETE FROM customer_stats WHERE customer_id = ?1")?;
    let mut ins = tx.prepare_cached(&stats_sql("o.customer_id = ?1"))?;
    for id in ids {
        del.execute([id])?;
        ins.execute([id])?;
    }
    Ok(())
}

/// Recompute every customer's stats in a few set-based statements (the demo generator and
/// repairs use it; about a second per million orders).
pub fn rebuild_all_stats(tx: &Connection) -> Result<()> {
    tx.execute("DELETE FROM customer_stats", [])?;
    tx.execute(&stats_sql("1 = 1"), [])?;
    Ok(())
}
