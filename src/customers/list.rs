//! The customer list as shop owners use their Excel sheet: filter on any column, sort by any
//! column, page, and a totals row (count, sum of spend) for the current filter — all on the
//! server, so 100k customers stay instant. Spend, order count and last order come from
//! `customer_stats` (kept by the orders module), which is indexed, instead of aggregating orders.
//!
//! Hidden: customers in the recycle bin, merged away or erased. Filters and sorts are
//! whitelisted names turned into SQL here; values are always bound parameters. The text search
//! is one small function ([`search_condition`]) so a better index can replace it.

use super::list_where::{where_clause, Where};
use super::Gender;
use crate::phone;
use crate::{
    auth::{Permission, Session},
    settings,
    store::Store,
    time::parse_ts,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::params_from_iter;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerQuery {
    /// 1-based.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<u32>"))]
    pub page: u32,
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<u32>"))]
    pub page_size: u32,
    /// Name, part of a phone number, WeChat id.
    pub search: Option<String>,
    /// Customers having any of these tags.
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<String>>"))]
    pub tags: Vec<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub source_channel: Option<String>,
    /// Lifetime spend (paid − refunded), fen, inclusive.
    pub min_spend_fen: Option<i64>,
    pub max_spend_fen: Option<i64>,
    /// Counted orders, inclusive.
    pub min_orders: Option<i64>,
    pub max_orders: Option<i64>,
    /// Shop days `YYYY-MM-DD`, inclusive.
    pub last_order_from: Option<String>,
    pub last_order_to: Option<String>,
    /// 1–12.
    pub birthday_month: Option<u32>,
    /// Shop days `YYYY-MM-DD`, inclusive.
    pub created_from: Option<String>,
    pub created_to: Option<String>,
    /// One of [`CUSTOMER_SORTS`]; default `createdAt`.
    pub sort: Option<String>,
    /// Default true (newest / biggest first).
    pub desc: Option<bool>,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomerRow {
    pub id: i64,
    pub name: String,
    pub gender: Gender,
    /// Masked for service reps.
    pub phone: Option<String>,
    pub city: Option<String>,
    pub province: Option<String>,
    pub wechat_id: Option<String>,
    pub tags: Vec<String>,
    pub source_channel: Option<String>,
    pub birthday: Option<String>,
    pub orders_count: i64,
    pub spend_fen: i64,
    pub first_order_at: Option<DateTime<Utc>>,
    pub last_order_at: Option<DateTime<Utc>>,
    pub top_category: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// One page of customers plus the totals for everyone matching the filter.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    pub rows: Vec<CustomerRow>,
    /// Customers matching the filter (all pages).
    pub total: u64,
    /// Their summed spend, fen.
    pub total_spend_fen: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Sortable columns (camelCase, as the UI names them) and their SQL.
pub const CUSTOMER_SORTS: &[(&str, &str)] = &[
    ("createdAt", "c.created_at"),
    ("name", "c.name"),
    ("gender", "c.gender"),
    ("province", "c.province"),
    ("city", "c.city"),
    ("sourceChannel", "c.source_channel"),
    ("wechatId", "c.wechat_id"),
    ("birthday", "substr(c.birthday, -5)"),
    ("ordersCount", "coalesce(s.orders_count, 0)"),
    ("spendFen", "coalesce(s.spend_fen, 0)"),
    ("firstOrderAt", "s.first_order_at"),
    ("lastOrderAt", "s.last_order_at"),
    ("topCategory", "s.top_category"),
];

pub use super::list_where::search_condition;

/// One page of customers without the totals (see [`page`]); `has_more` says whether a next
/// page exists, so the list can page before the totals arrive.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomerRows {
    pub rows: Vec<CustomerRow>,
    pub page: u32,
    pub page_size: u32,
    pub has_more: bool,
}

/// The totals row: customers matching the filter (all pages) and their summed spend, fen.
#[derive(Serialize, Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomerTotals {
    pub total: u64,
    pub total_spend_fen: i64,
}

/// One page of customers matching the filter, sorted, with the count and summed spend of all
/// matches. Phones are masked for service reps.
pub fn list(store: &Store, s: &Session, q: &CustomerQuery) -> Result<CustomerPage> {
    let rows = page(store, s, q)?;
    let t = totals(store, s, q)?;
    Ok(CustomerPage {
        rows: rows.rows,
        total: t.total,
        total_spend_fen: t.total_spend_fen,
        page: rows.page,
        page_size: rows.page_size,
    })
}

/// The count and summed spend of every customer matching the filter: all matches are read, so
/// this comes separately from the page ([`page`]), which appears at once.
pub fn totals(store: &Store, s: &Session, q: &CustomerQuery) -> Result<CustomerTotals> {
    s.require(Permission::WorkWithCustomers)?;
    let w = where_clause(settings::timezone(store), q)?;
    totals_where(store, &w)
}

/// [`totals`] for conditions already built (the list's, plus a caller's own).
pub(crate) fn totals_where(store: &Store, w: &Where) -> Result<CustomerTotals> {
    let where_sql = w.sql.join(" AND ");
    let (total, total_spend_fen): (i64, i64) = store.conn().query_row(
        &format!(
            "SELECT count(*), coalesce(sum(s.spend_fen), 0)
             FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id
             WHERE {where_sql}"
        ),
        params_from_iter(w.args.iter()),
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(CustomerTotals {
        total: total as u64,
        total_spend_fen,
    })
}

/// Sorts on an indexed `customer_stats` column: (sort key, column without the `coalesce`).
const STATS_SORTS: &[(&str, &str)] = &[
    ("spendFen", "s.spend_fen"),
    ("lastOrderAt", "s.last_order_at"),
    ("ordersCount", "s.orders_count"),
];

/// One page of customers matching the filter, sorted, without the totals ([`totals`]).
/// Phones are masked for service reps.
pub fn page(store: &Store, s: &Session, q: &CustomerQuery) -> Result<CustomerRows> {
    s.require(Permission::WorkWithCustomers)?;
    let w = where_clause(settings::timezone(store), q)?;
    page_where(store, s, q, w)
}

/// [`page`] for conditions already built (the list's, plus a caller's own); `q` gives the page
/// and the sort. The caller checked the session's permission.
pub(crate) fn page_where(
    store: &Store,
    s: &Session,
    q: &CustomerQuery,
    w: Where,
) -> Result<CustomerRows> {
    let page = q.page.max(1);
    let page_size = q.page_size.clamp(1, 500);
    let conn = store.conn();
    let sort_key = q.sort.as_deref().unwrap_or("createdAt");
    let col = CUSTOMER_SORTS
        .iter()
        .find(|(k, _)| *k == sort_key)
        .map(|(_, c)| *c)
        .ok_or_else(|| {
            Error::invalid(
                format!("不能按“{sort_key}”排序。"),
                format!("Cannot sort by '{sort_key}'."),
            )
        })?;
    let dir = if q.desc.unwrap_or(true) {
        "DESC"
    } else {
        "ASC"
    };
    let where_sql = w.sql.join(" AND ");
    let join = "LEFT JOIN customer_stats s ON s.customer_id = c.id";
    let offset = (page as u64 - 1) * page_size as u64;
    let limit = page_size as u64 + 1;
    let stats_sort = STATS_SORTS.iter().find(|(k, _)| *k == sort_key);
    let ids_sql = match stats_sort {
        // Every match has a stats row: walk the sort column's index on customer_stats in order
        // (CROSS JOIN keeps that table first) and look each customer up, stopping after the page.
        // Same order as below: the coalesce is a no-op, and c.id = s.customer_id.
        Some((_, scol)) if w.stats_row => format!(
            "SELECT c.id FROM customer_stats s CROSS JOIN customers c
             WHERE c.id = s.customer_id AND {where_sql}
             ORDER BY {scol} {dir}, s.customer_id {dir} LIMIT {limit} OFFSET {offset}"
        ),
        _ => {
            let sort_join = if w.stats || col.contains("s.") {
                join
            } else {
                ""
            };
            format!(
                "SELECT c.id FROM customers c {sort_join} WHERE {where_sql}
                 ORDER BY {col} {dir}, c.id {dir} LIMIT {limit} OFFSET {offset}"
            )
        }
    };
    let mut ids: Vec<i64> = conn
        .prepare(&ids_sql)?
        .query_map(params_from_iter(w.args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let has_more = ids.len() > page_size as usize;
    ids.truncate(page_size as usize);
    let unmasked = s.role().can(Permission::SeeUnmaskedContacts);
    let mut stmt = conn.prepare_cached(
        "SELECT c.id, c.name, c.gender, c.city, c.province, c.wechat_id, c.source_channel,
                c.created_at, c.birthday,
                (SELECT phone FROM customer_phones p WHERE p.customer_id = c.id ORDER BY position LIMIT 1),
                (SELECT group_concat(tag, char(31)) FROM customer_tags t WHERE t.customer_id = c.id),
                coalesce(s.orders_count, 0), coalesce(s.spend_fen, 0), s.first_order_at,
                s.last_order_at, s.top_category
         FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id WHERE c.id = ?1",
    )?;
    let mut rows = Vec::with_capacity(ids.len());
    for id in ids {
        rows.push(stmt.query_row([id], |r| {
            let phone: Option<String> = r.get(9)?;
            let tags: Option<String> = r.get(10)?;
            Ok(CustomerRow {
                id: r.get(0)?,
                name: r.get(1)?,
                gender: Gender::parse(&r.get::<_, String>(2)?),
                city: r.get(3)?,
                province: r.get(4)?,
                wechat_id: r.get(5)?,
                source_channel: r.get(6)?,
                created_at: parse_ts(&r.get::<_, String>(7)?)?,
                birthday: r.get(8)?,
                phone: phone.map(|p| {
                    if unmasked {
                        phone::display(&p)
                    } else {
                        phone::mask(&p)
                    }
                }),
                tags: tags
                    .map(|t| t.split('\u{1f}').map(str::to_string).collect())
                    .unwrap_or_default(),
                orders_count: r.get(11)?,
                spend_fen: r.get(12)?,
                first_order_at: r
                    .get::<_, Option<String>>(13)?
                    .as_deref()
                    .map(parse_ts)
                    .transpose()?,
                last_order_at: r
                    .get::<_, Option<String>>(14)?
                    .as_deref()
                    .map(parse_ts)
                    .transpose()?,
                top_category: r.get(15)?,
            })
        })?);
    }
    Ok(CustomerRows {
        rows,
        page,
        page_size,
        has_more,
    })
}
