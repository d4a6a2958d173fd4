//! The order history every pass reads, in one ordered scan: each live customer's counted orders
//! as (shop day, net fen), sorted by day. The scoring pass, the monthly back-fill and the
//! threshold preview all compute [`Facts`] from it with [`History::facts_at`], so a snapshot
//! is by construction a re-score as of its month end.
//!
//! Live = not in the recycle bin, not merged away, not erased (as the customer list hides
//! them); a merged customer's orders already belong to the one kept. Counted =
//! [`OrderStatus::counts_as_purchase`]; net = paid − refunded.
//!
//! Speed: one walk of the `orders_customer` index (customer, ordered_at, status, paid,
//! refunded — it covers the query, so no table row is read and nothing is sorted) with no WHERE:
//! the status is checked here, which is a third cheaper than SQLite's `IN (…)` per row; the shop
//! day of an order by binary search over precomputed day starts instead of a timezone lookup
//! per order; the first and last order times as two index seeks (`min` and `max` in one SELECT
//! would scan the table).

use super::rules::Facts;
use crate::{orders::OrderStatus, time, Result};
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use rusqlite::Connection;

/// Shop days numbered from `base`, found from UTC milliseconds by binary search.
struct DayIndex {
    base: NaiveDate,
    /// Start (UTC ms) of day `base + i`.
    starts: Vec<i64>,
}

impl DayIndex {
    fn new(first: NaiveDate, last: NaiveDate, tz: Tz) -> DayIndex {
        let n = (last - first).num_days().max(0) + 2;
        let starts = (0..n)
            .map(|i| time::shop_day_start(first + Duration::days(i), tz).timestamp_millis())
            .collect();
        DayIndex {
            base: first,
            starts,
        }
    }

    fn day(&self, ms: i64) -> i32 {
        self.starts.partition_point(|s| *s <= ms) as i32 - 1
    }
}

/// Every live customer and their counted orders.
pub struct History {
    pub base: NaiveDate,
    /// Live customer ids, ascending.
    pub ids: Vec<i64>,
    /// Orders of `ids[i]` are `orders[start[i]..start[i + 1]]`.
    start: Vec<u32>,
    /// (shop day number from `base`, net fen), by day within a customer.
    orders: Vec<(i32, i64)>,
    /// The first counted order's day number (`None`: no orders).
    pub first_day: Option<i32>,
}

impl History {
    /// Read it in one scan; `until` is the last day anyone will ask about (the as-of day).
    pub fn read(conn: &Connection, tz: Tz, until: NaiveDate) -> Result<History> {
        let ids: Vec<i64> = conn
            .prepare(
                "SELECT id FROM customers
                 WHERE deleted_at IS NULL AND merged_into IS NULL AND erased_at IS NULL
                 ORDER BY id",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let (lo, hi): (Option<String>, Option<String>) = conn.query_row(
            "SELECT (SELECT min(ordered_at) FROM orders), (SELECT max(ordered_at) FROM orders)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let day_of =
            |s: &str| -> Result<NaiveDate> { Ok(time::shop_day_of(time::parse_ts(s)?, tz)) };
        let (first, last) = match (lo, hi) {
            (Some(lo), Some(hi)) => (day_of(&lo)?.min(until), day_of(&hi)?.max(until)),
            _ => (until, until),
        };
        let days = DayIndex::new(first, last, tz);
        let mut start = Vec::with_capacity(ids.len() + 1);
        let mut orders = Vec::new();
        // the stored codes of the statuses that count (compared as stored: no parsing per row)
        let counted: Vec<&str> = OrderStatus::ALL
            .into_iter()
            .filter(|s| s.counts_as_purchase())
            .map(OrderStatus::as_str)
            .collect();
        let mut stmt = conn.prepare(
            "SELECT o.customer_id, o.ordered_at, o.status, o.paid_fen, o.refunded_fen
             FROM orders o INDEXED BY orders_customer
             ORDER BY o.customer_id, o.ordered_at",
        )?;
        let mut rows = stmt.query([])?;
        let mut first_day: Option<i32> = None;
        while let Some(row) = rows.next()? {
            // orders without a customer sort first in the index
            let Some(cid) = row.get::<_, Option<i64>>(0)? else {
                continue;
            };
            let status = row.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
            if !counted.contains(&status) {
                continue;
            }
            // start[i] is fixed when the first order of a customer ≥ ids[i] arrives
            while start.len() < ids.len() && ids[start.len()] <= cid {
                start.push(orders.len() as u32);
            }
            if start.last().is_some() && ids[start.len() - 1] == cid {
                let at = row.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                let day = days.day(time::parse_ts(at)?.timestamp_millis());
                first_day = Some(first_day.map_or(day, |d| d.min(day)));
                let (paid, refunded): (i64, i64) = (row.get(3)?, row.get(4)?);
                orders.push((day, paid - refunded));
            }
        }
        while start.len() <= ids.len() {
            start.push(orders.len() as u32);
        }
        Ok(History {
            base: days.base,
            ids,
            start,
            orders,
            first_day,
        })
    }

    /// The day number of a shop day.
    pub fn day_number(&self, day: NaiveDate) -> i32 {
        (day - self.base).num_days() as i32
    }

    /// The shop day of a day number.
    pub fn date(&self, n: i32) -> NaiveDate {
        self.base + Duration::days(n.into())
    }

    /// The counted orders of `ids[i]`, (day number, net fen) sorted by day — what the customer
    /// models summarise (`crate::models::summarize`).
    pub fn orders_of(&self, i: usize) -> &[(i32, i64)] {
        &self.orders[self.start[i] as usize..self.start[i + 1] as usize]
    }

    /// Orders read.
    pub fn order_count(&self) -> usize {
        self.orders.len()
    }

    /// Every customer's facts as of day `as_of` (orders on later days do not exist yet) with a
    /// window of `window` days (`as_of − window < day ≤ as_of`), in `ids` order.
    pub fn facts_at(&self, as_of: i32, window: u32) -> Vec<Facts> {
        let from = as_of - window as i32;
        (0..self.ids.len())
            .map(|i| {
                let mine = &self.orders[self.start[i] as usize..self.start[i + 1] as usize];
                let upto = mine.partition_point(|(d, _)| *d <= as_of);
                let seen = &mine[..upto];
                let Some(&(last, _)) = seen.last() else {
                    return Facts::default();
                };
                let inside = &seen[seen.partition_point(|(d, _)| *d <= from)..];
                Facts {
                    r_days: Some((as_of - last) as u32),
                    f_orders: inside.len() as u32,
                    m_fen: inside.iter().map(|(_, n)| n).sum(),
                    lifetime: upto as u32,
                }
            })
            .collect()
    }
}
