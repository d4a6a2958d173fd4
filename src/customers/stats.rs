//! A customer's lifetime numbers and order timeline, read from the orders table, and the
//! `customer_stats` refresh after orders change hands (merge, undo). Counted orders are the ones
//! that count as a purchase (paid, shipped, completed, partially refunded); spend is paid minus
//! refunded, in fen.

use crate::{
    orders::{Channel, OrderStatus},
    store::parse_ts,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

const COUNTED: &str = "('paid', 'shipped', 'completed', 'partially_refunded')";

#[derive(Serialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct LifetimeStats {
    pub orders_count: i64,
    pub spend_fen: i64,
    /// Average order value (spend / orders), rounded down; 0 without orders.
    pub average_order_fen: i64,
    pub first_order_at: Option<DateTime<Utc>>,
    pub last_order_at: Option<DateTime<Utc>>,
    /// Up to three categories by spend.
    pub favourite_categories: Vec<CategoryShare>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CategoryShare {
    pub category: String,
    pub spend_fen: i64,
    pub quantity: i64,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TimelineOrder {
    pub id: i64,
    pub channel: Channel,
    pub order_no: String,
    pub status: OrderStatus,
    pub ordered_at: DateTime<Utc>,
    pub paid_fen: i64,
    pub refunded_fen: i64,
    pub items: Vec<TimelineItem>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct TimelineItem {
    pub product_name: String,
    pub category: String,
    pub quantity: i64,
    pub unit_price_fen: i64,
}

pub(crate) fn lifetime(conn: &Connection, id: i64) -> Result<LifetimeStats> {
    let (orders_count, spend_fen, first, last): (i64, i64, Option<String>, Option<String>) = conn
        .query_row(
            &format!(
                "SELECT count(*), coalesce(sum(paid_fen - refunded_fen), 0), min(ordered_at), max(ordered_at)
                 FROM orders WHERE customer_id = ?1 AND status IN {COUNTED}"
            ),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let favourite_categories = conn
        .prepare_cached(&format!(
            "SELECT i.category, sum(i.quantity * i.unit_price_fen) AS spend, sum(i.quantity)
             FROM order_items i JOIN orders o ON o.id = i.order_id
             WHERE o.customer_id = ?1 AND o.status IN {COUNTED} AND i.category <> ''
             GROUP BY i.category ORDER BY spend DESC, i.category LIMIT 3"
        ))?
        .query_map([id], |r| {
            Ok(CategoryShare {
                category: r.get(0)?,
                spend_fen: r.get(1)?,
                quantity: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(LifetimeStats {
        orders_count,
        spend_fen,
        average_order_fen: if orders_count > 0 {
            spend_fen / orders_count
        } else {
            0
        },
        first_order_at: first.map(|t| parse_ts(&t)),
        last_order_at: last.map(|t| parse_ts(&t)),
        favourite_categories,
    })
}

/// Orders newest first, `page` 1-based; every status (a cancelled order is history too).
pub(crate) fn timeline(
    conn: &Connection,
    id: i64,
    page: u32,
    page_size: u32,
) -> Result<(Vec<TimelineOrder>, u64)> {
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM orders WHERE customer_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let page_size = page_size.clamp(1, 200);
    let offset = (page.max(1) as i64 - 1) * page_size as i64;
    let mut orders: Vec<TimelineOrder> = conn
        .prepare_cached(
            "SELECT id, channel, order_no, status, ordered_at, paid_fen, refunded_fen
             FROM orders WHERE customer_id = ?1
             ORDER BY ordered_at DESC, id DESC LIMIT ?2 OFFSET ?3",
        )?
        .query_map(params![id, page_size, offset], |r| {
            let channel: String = r.get(1)?;
            let status: String = r.get(3)?;
            Ok(TimelineOrder {
                id: r.get(0)?,
                channel: Channel::parse(&channel).unwrap_or(Channel::Other),
                order_no: r.get(2)?,
                status: OrderStatus::parse(&status).unwrap_or(OrderStatus::Unpaid),
                ordered_at: parse_ts(&r.get::<_, String>(4)?),
                paid_fen: r.get(5)?,
                refunded_fen: r.get(6)?,
                items: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut items = conn.prepare_cached(
        "SELECT product_name, category, quantity, unit_price_fen FROM order_items
         WHERE order_id = ?1 ORDER BY position, id",
    )?;
    for o in &mut orders {
        o.items = items
            .query_map([o.id], |r| {
                Ok(TimelineItem {
                    product_name: r.get(0)?,
                    category: r.get(1)?,
                    quantity: r.get(2)?,
                    unit_price_fen: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok((orders, total as u64))
}

/// Recompute one customer's `customer_stats` row from its orders (after orders moved).
pub(crate) fn refresh(conn: &Connection, id: i64) -> Result<()> {
    let s = lifetime(conn, id)?;
    conn.execute(
        "INSERT INTO customer_stats (customer_id, orders_count, spend_fen, first_order_at, last_order_at, top_category)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(customer_id) DO UPDATE SET orders_count = excluded.orders_count,
             spend_fen = excluded.spend_fen, first_order_at = excluded.first_order_at,
             last_order_at = excluded.last_order_at, top_category = excluded.top_category",
        params![
            id,
            s.orders_count,
            s.spend_fen,
            s.first_order_at.map(crate::store::ts),
            s.last_order_at.map(crate::store::ts),
            s.favourite_categories.first().map(|c| c.category.clone())
        ],
    )?;
    Ok(())
}

/// How many orders a customer has (any status): the default kept record in a merge is the one
/// with more.
pub(crate) fn order_count(conn: &Connection, id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM orders WHERE customer_id = ?1",
        [id],
        |r| r.get(0),
    )?)
}
