//! The customer list as shop owners use their Excel sheet: filter on any column, sort by any
//! column, page, and a totals row (count, sum of spend) for the current filter — all on the
//! server, so 100k customers stay instant. Spend, order count and last order come from
//! `customer_stats` (kept by the orders module), which is indexed, instead of aggregating orders.
//!
//! Hidden: customers in the recycle bin, merged away or erased. Filters and sorts are
//! whitelisted names turned into SQL here; values are always bound parameters. The text search
//! is one small function ([`search_condition`]) so a better index can replace it.

use super::Gender;
use crate::phone;
use crate::{
    auth::{Permission, Session},
    orders::query::day_start,
    settings,
    store::Store,
    time::parse_ts,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params_from_iter, types::Value};
use serde::{Deserialize, Serialize};

#[derive(Deserialize, Default, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerQuery {
    /// 1-based.
    pub page: u32,
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

/// The SQL condition (on alias `c`) and parameter for a text search. The only place that knows
/// how search works: it uses the global search index (crate::search), so 1–2 character Chinese
/// names and any part of a phone, nick, email or WeChat id match without a table scan.
pub fn search_condition(term: &str, param: usize) -> (String, Value) {
    crate::search::list_condition(term, param)
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

struct Where {
    sql: Vec<String>,
    args: Vec<Value>,
    /// Whether a condition reads `customer_stats` (alias `s`).
    stats: bool,
    /// Whether only customers with a `customer_stats` row can match (at least one order, some
    /// spend or a last-order date asked for): the page may then start from that table.
    stats_row: bool,
}

impl Where {
    fn bind(&mut self, v: Value) -> String {
        self.args.push(v);
        format!("?{}", self.args.len())
    }
}

fn where_clause(tz: chrono_tz::Tz, q: &CustomerQuery) -> Result<Where> {
    let mut w = Where {
        sql: vec!["c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL".into()],
        args: Vec::new(),
        stats: false,
        stats_row: false,
    };
    if let Some(term) = text(&q.search) {
        let (sql, v) = search_condition(term, w.args.len() + 1);
        w.args.push(v);
        w.sql.push(sql);
    }
    let tags: Vec<&str> = q
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if !tags.is_empty() {
        let ps: Vec<String> = tags
            .iter()
            .map(|t| w.bind(Value::Text(t.to_string())))
            .collect();
        w.sql.push(format!(
            "EXISTS (SELECT 1 FROM customer_tags t WHERE t.customer_id = c.id AND t.tag IN ({}))",
            ps.join(", ")
        ));
    }
    for (v, col) in [
        (&q.province, "c.province"),
        (&q.city, "c.city"),
        (&q.source_channel, "c.source_channel"),
    ] {
        if let Some(v) = text(v) {
            let p = w.bind(Value::Text(v.to_string()));
            w.sql.push(format!("{col} = {p}"));
        }
    }
    let ranges = [
        (
            q.min_spend_fen,
            q.max_spend_fen,
            "coalesce(s.spend_fen, 0)",
            "消费金额",
            "Spend",
        ),
        (
            q.min_orders,
            q.max_orders,
            "coalesce(s.orders_count, 0)",
            "订单数",
            "Orders",
        ),
    ];
    for (min, max, col, zh, en) in ranges {
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                return Err(Error::invalid(
                    format!("{zh}：最小值不能大于最大值。"),
                    format!("{en}: the minimum must not exceed the maximum."),
                ));
            }
        }
        if let Some(a) = min {
            let p = w.bind(Value::Integer(a));
            w.sql.push(format!("{col} >= {p}"));
            w.stats = true;
            w.stats_row |= a > 0;
        }
        if let Some(b) = max {
            let p = w.bind(Value::Integer(b));
            w.sql.push(format!("{col} <= {p}"));
            w.stats = true;
        }
    }
    let days = [
        (
            &q.last_order_from,
            false,
            "s.last_order_at >=",
            "最近下单日期",
            "Last order date",
        ),
        (
            &q.last_order_to,
            true,
            "s.last_order_at <",
            "最近下单日期",
            "Last order date",
        ),
        (
            &q.created_from,
            false,
            "c.created_at >=",
            "建档日期",
            "Created date",
        ),
        (
            &q.created_to,
            true,
            "c.created_at <",
            "建档日期",
            "Created date",
        ),
    ];
    for (day, next, cond, zh, en) in days {
        if let Some(d) = text(day) {
            let p = w.bind(Value::Text(day_start(tz, d, next, zh, en)?));
            w.sql.push(format!("{cond} {p}"));
            w.stats |= cond.starts_with("s.");
            w.stats_row |= cond.starts_with("s.");
        }
    }
    if let Some(m) = q.birthday_month {
        if !(1..=12).contains(&m) {
            return Err(Error::invalid(
                format!("生日月份：{m} 不是 1–12 之间的月份。"),
                format!("Birthday month: {m} is not a month (1–12)."),
            ));
        }
        let p = w.bind(Value::Text(format!("{m:02}")));
        w.sql.push(format!("substr(c.birthday, -5, 2) = {p}"));
    }
    Ok(w)
}

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
    let page = q.page.max(1);
    let page_size = q.page_size.clamp(1, 500);
    let conn = store.conn();
    let w = where_clause(settings::timezone(store), q)?;
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
