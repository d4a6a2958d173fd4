//! The customer list's filter turned into SQL: the WHERE clause (on `customers c`, with
//! `customer_stats s` joined when a condition reads it) and its bound values, built from a
//! [`CustomerQuery`]. One home for the list's conditions: the list's page and totals use it, and
//! higher layers (saved segments) add their own conditions to it ([`Where::push`]) instead of
//! writing a second customer query. Filters are whitelisted names; values are always bound.

use super::CustomerQuery;
use crate::{orders::query::day_start, Error, Result};
use rusqlite::types::Value;

/// The SQL condition (on alias `c`) and parameter for a text search. The only place that knows
/// how search works: it uses the global search index (crate::search), so 1–2 character Chinese
/// names and any part of a phone, nick, email or WeChat id match without a table scan.
pub fn search_condition(term: &str, param: usize) -> (String, Value) {
    crate::search::list_condition(term, param)
}

fn text(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The conditions (joined with AND) and their values, numbered `?1…` in order.
pub(crate) struct Where {
    pub(crate) sql: Vec<String>,
    pub(crate) args: Vec<Value>,
    /// Whether a condition reads `customer_stats` (alias `s`).
    pub(crate) stats: bool,
    /// Whether only customers with a `customer_stats` row can match (at least one order, some
    /// spend or a last-order date asked for): the page may then start from that table.
    pub(crate) stats_row: bool,
}

impl Where {
    /// Binds a value; returns its placeholder (`?N`).
    pub(crate) fn bind(&mut self, v: Value) -> String {
        self.args.push(v);
        format!("?{}", self.args.len())
    }

    /// Adds a condition on `c` (its values bound before with [`Where::bind`]).
    pub(crate) fn push(&mut self, sql: String) {
        self.sql.push(sql);
    }
}

/// The list's conditions for `q`; every customer hidden from lists (in the recycle bin, merged
/// away, erased) is left out.
pub(crate) fn where_clause(tz: chrono_tz::Tz, q: &CustomerQuery) -> Result<Where> {
    let mut w = Where::live();
    add_query(&mut w, tz, q)?;
    Ok(w)
}

/// Customers shown in lists: not in the recycle bin, not merged away, not erased (on `c`).
pub(crate) const LIVE_SQL: &str =
    "c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL";

impl Where {
    /// Every customer shown in lists, no other condition.
    pub(crate) fn live() -> Where {
        Where {
            sql: vec![LIVE_SQL.into()],
            args: Vec::new(),
            stats: false,
            stats_row: false,
        }
    }
}

/// Adds the conditions of `q` to `w` (its values numbered after those already bound).
pub(crate) fn add_query(w: &mut Where, tz: chrono_tz::Tz, q: &CustomerQuery) -> Result<()> {
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
    Ok(())
}
