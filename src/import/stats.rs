//! Purchase stats of the customers a bulk import creates, added up in memory while their orders
//! are written, then inserted — instead of `orders::rebuild_all_stats` reading every order and
//! item of the store again (1.7–2.5 s of a 1M-row first import, docs/BENCHMARKS.md "Import").
//!
//! It computes exactly what `orders::stats::stats_sql` computes, for customers whose every order
//! is a new order of this import (a customer created by the import: no stats row, no other
//! order). Anything else — a customer that existed, or one of the import's new customers that an
//! existing order was moved to — goes through the SQL as before ([`Fresh::forget`]). Per
//! customer, over orders whose status counts as a purchase: count, sum(paid − refunded),
//! min / max of the stored `ordered_at` text, and the top category: largest sum of quantity ×
//! unit price over items with a non-empty category, ties to the smaller category (byte order,
//! SQLite's BINARY). No counted order: no row. An overflow SQLite would refuse falls back to
//! the SQL (which then reports it). `tests/import_bulk.rs` compares the stores the bulk path
//! (this) and the row-by-row path (the SQL) leave, row for row.

use super::fxhash::{FastMap, FastSet};
use crate::{orders::NewOrder, store::ts, Result};
use rusqlite::{types::ToSql, Connection};

#[derive(Default)]
struct Acc {
    orders: i64,
    spend: i64,
    first: String,
    last: String,
    /// Spend per category (a customer buys from a few).
    categories: Vec<(String, i64)>,
}

/// Stats of new customers, order by order.
#[derive(Default)]
pub struct Fresh {
    acc: FastMap<i64, Acc>,
    /// Customers that must be computed by the SQL after all.
    forgotten: FastSet<i64>,
}

impl Fresh {
    /// A new order of `customer`, one the import created and that has no other order.
    pub fn add(&mut self, customer: i64, order: &NewOrder) {
        if self.forgotten.contains(&customer) || !order.status.counts_as_purchase() {
            return;
        }
        let a = self.acc.entry(customer).or_default();
        let at = ts(order.ordered_at);
        let spend = order.paid_fen.checked_sub(order.refunded_fen);
        let mut ok = match spend.and_then(|s| a.spend.checked_add(s)) {
            Some(s) => {
                a.spend = s;
                true
            }
            None => false,
        };
        a.orders += 1;
        if a.orders == 1 || at < a.first {
            a.first = at.clone();
        }
        if a.orders == 1 || at > a.last {
            a.last = at;
        }
        for it in order.items.iter().filter(|i| !i.category.is_empty()) {
            let add = it.quantity.checked_mul(it.unit_price_fen);
            match a.categories.iter_mut().find(|(c, _)| *c == it.category) {
                Some((_, s)) => match add.and_then(|x| s.checked_add(x)) {
                    Some(x) => *s = x,
                    None => ok = false,
                },
                None => match add {
                    Some(x) => a.categories.push((it.category.clone(), x)),
                    None => ok = false,
                },
            }
        }
        if !ok {
            self.forget(customer);
        }
    }

    /// This customer's stats come from the SQL (it has an order that is not new, or a sum
    /// overflowed).
    pub fn forget(&mut self, customer: i64) {
        self.acc.remove(&customer);
        self.forgotten.insert(customer);
    }

    /// Whether the stats of `customer` are computed here.
    pub fn has(&self, customer: i64) -> bool {
        self.acc.contains_key(&customer)
    }

    /// Insert the stats rows (the customers have none yet).
    pub fn insert(self, tx: &Connection) -> Result<()> {
        let mut rows: Vec<(i64, Acc)> = self.acc.into_iter().collect();
        rows.sort_unstable_by_key(|r| r.0);
        let top = |a: &Acc| -> Option<String> {
            a.categories
                .iter()
                .max_by(|x, y| x.1.cmp(&y.1).then_with(|| y.0.cmp(&x.0)))
                .map(|c| c.0.clone())
        };
        let tops: Vec<Option<String>> = rows.iter().map(|r| top(&r.1)).collect();
        const ROWS: usize = 200;
        let sql = |n: usize| {
            let mut s = String::from(
                "INSERT INTO customer_stats (customer_id, orders_count, spend_fen, first_order_at,
                                             last_order_at, top_category) VALUES ",
            );
            for i in 0..n {
                s.push_str(if i == 0 {
                    "(?,?,?,?,?,?)"
                } else {
                    ",(?,?,?,?,?,?)"
                });
            }
            s
        };
        let mut values: Vec<&dyn ToSql> = Vec::with_capacity(ROWS * 6);
        for (chunk, tops) in rows.chunks(ROWS).zip(tops.chunks(ROWS)) {
            values.clear();
            for ((id, a), top) in chunk.iter().zip(tops) {
                values.extend([
                    id as &dyn ToSql,
                    &a.orders,
                    &a.spend,
                    &a.first,
                    &a.last,
                    top,
                ]);
            }
            tx.prepare_cached(&sql(chunk.len()))?
                .execute(values.as_slice())?;
        }
        Ok(())
    }
}
