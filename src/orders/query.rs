//! Reading orders: the filtered, sorted, paged order list with its totals row, one order with
//! items and customer, and the per-customer timeline and summary for the customer 360 page.
//! Filters and sort are whitelisted column names turned into SQL here, never text from the UI.

use super::model::{Channel, OrderStatus};
use super::stats::counted_statuses_sql;
use crate::{
    auth::{Permission, Session},
    phone, settings, Error, Result,
    {store::Store, time::parse_ts},
};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rusqlite::{types::Value, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// What the order list shows: filters (all optional), sort and page.
#[derive(Deserialize, Debug, Clone, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase", default)]
pub struct OrderQuery {
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<Channel>>"))]
    pub channels: Vec<Channel>,
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<OrderStatus>>"))]
    pub statuses: Vec<OrderStatus>,
    /// Shop days (`YYYY-MM-DD`, shop timezone), inclusive.
    pub ordered_from: Option<String>,
    pub ordered_to: Option<String>,
    /// Amount paid, fen, inclusive.
    pub min_paid_fen: Option<i64>,
    pub max_paid_fen: Option<i64>,
    pub customer_id: Option<i64>,
    /// Part of the order number or of a product name.
    pub text: Option<String>,
    /// One of [`OrderSort`]'s column names; default `orderedAt`.
    pub sort: Option<String>,
    /// Descending (default true for the default sort).
    pub desc: Option<bool>,
}

/// One line of the order list.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderRow {
    pub id: i64,
    pub channel: Channel,
    pub order_no: String,
    pub status: OrderStatus,
    pub ordered_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    pub customer_id: Option<i64>,
    pub customer_name: Option<String>,
    pub buyer_nick: Option<String>,
    pub goods_fen: i64,
    pub shipping_fen: i64,
    pub discount_fen: i64,
    pub paid_fen: i64,
    pub refunded_fen: i64,
    /// Paid − refunded: what the shop kept (实收, as the order page says).
    pub kept_fen: i64,
    /// Product names, joined with "、" (first three).
    pub products: String,
    pub item_count: i64,
}

/// The totals row: over every order matching the filter, not just this page.
#[derive(Serialize, Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderTotals {
    pub count: u64,
    pub paid_fen: i64,
    pub refunded_fen: i64,
    /// Paid − refunded over the matches.
    pub kept_fen: i64,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderPage {
    pub rows: Vec<OrderRow>,
    pub page: u32,
    pub page_size: u32,
    pub totals: OrderTotals,
}

/// Columns the order list can sort by (camelCase, as the UI names them) and their SQL.
pub const ORDER_SORTS: &[(&str, &str)] = &[
    ("orderedAt", "o.ordered_at"),
    ("paidAt", "o.paid_at"),
    ("orderNo", "o.order_no"),
    ("channel", "o.channel"),
    ("status", "o.status"),
    ("customerName", "c.name"),
    ("buyerNick", "o.buyer_nick"),
    ("goodsFen", "o.goods_fen"),
    ("shippingFen", "o.shipping_fen"),
    ("discountFen", "o.discount_fen"),
    ("paidFen", "o.paid_fen"),
    ("refundedFen", "o.refunded_fen"),
    ("keptFen", super::stats::KEPT_FEN_SQL),
];

pub(crate) fn like_pattern(term: &str) -> String {
    format!(
        "%{}%",
        term.replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}

/// Start of a shop day in UTC; `field` names the filter in errors.
pub(crate) fn day_start(
    tz: chrono_tz::Tz,
    day: &str,
    next: bool,
    zh: &str,
    en: &str,
) -> Result<String> {
    let d = NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            format!("{zh}“{day}”不是有效日期（例如 2026-03-05）。"),
            format!("{en} '{day}' is not a date (e.g. 2026-03-05)."),
        )
    })?;
    let d = if next { d.succ_opt().unwrap_or(d) } else { d };
    let local = d.and_hms_opt(0, 0, 0).unwrap_or_default();
    let utc = tz
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&local));
    Ok(crate::store::ts(utc))
}

/// Days a date filter spans when it has both ends (for the query shape only).
fn span_days(q: &OrderQuery) -> Option<i64> {
    let day = |d: &Option<String>| {
        d.as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
    };
    Some((day(&q.ordered_to)? - day(&q.ordered_from)?).num_days() + 1)
}

/// A date range this short is found first and sorted, rather than walking another index.
const NARROW_DAYS: i64 = 31;

/// `walk` = the sort key when the page walks that column's index: the other conditions are
/// then written `+o.column`, which keeps SQLite from finding all matches through another index
/// and sorting them (a short date range excepted: it is fewer rows than the walk would read).
fn where_clause(
    tz: chrono_tz::Tz,
    q: &OrderQuery,
    walk: Option<&str>,
) -> Result<(String, Vec<Value>)> {
    let mut w = vec!["1 = 1".to_string()];
    let plus = if walk.is_some() { "+" } else { "" };
    let plus_paid = if walk.is_some_and(|k| k != "paidFen") {
        "+"
    } else {
        ""
    };
    let narrow = span_days(q).is_some_and(|d| d <= NARROW_DAYS);
    let plus_date = if walk.is_some_and(|k| k != "orderedAt") && !narrow {
        "+"
    } else {
        ""
    };
    let mut args: Vec<Value> = Vec::new();
    let arg = |v: Value, args: &mut Vec<Value>| {
        args.push(v);
        format!("?{}", args.len())
    };
    if !q.channels.is_empty() {
        let list: Vec<String> = q
            .channels
            .iter()
            .map(|c| format!("'{}'", c.as_str()))
            .collect();
        w.push(format!("{plus}o.channel IN ({})", list.join(", ")));
    }
    if !q.statuses.is_empty() {
        let list: Vec<String> = q
            .statuses
            .iter()
            .map(|c| format!("'{}'", c.as_str()))
            .collect();
        w.push(format!("{plus}o.status IN ({})", list.join(", ")));
    }
    if let Some(d) = q.ordered_from.as_deref().filter(|d| !d.trim().is_empty()) {
        let p = arg(
            Value::Text(day_start(tz, d, false, "下单日期", "Order date")?),
            &mut args,
        );
        w.push(format!("{plus_date}o.ordered_at >= {p}"));
    }
    if let Some(d) = q.ordered_to.as_deref().filter(|d| !d.trim().is_empty()) {
        let p = arg(
            Value::Text(day_start(tz, d, true, "下单日期", "Order date")?),
            &mut args,
        );
        w.push(format!("{plus_date}o.ordered_at < {p}"));
    }
    if let (Some(a), Some(b)) = (q.min_paid_fen, q.max_paid_fen) {
        if a > b {
            return Err(Error::invalid(
                "实付金额：最小值不能大于最大值。",
                "Amount paid: the minimum must not exceed the maximum.",
            ));
        }
    }
    if let Some(v) = q.min_paid_fen {
        let p = arg(Value::Integer(v), &mut args);
        w.push(format!("{plus_paid}o.paid_fen >= {p}"));
    }
    if let Some(v) = q.max_paid_fen {
        let p = arg(Value::Integer(v), &mut args);
        w.push(format!("{plus_paid}o.paid_fen <= {p}"));
    }
    if let Some(v) = q.customer_id {
        let p = arg(Value::Integer(v), &mut args);
        w.push(format!("o.customer_id = {p}"));
    }
    if let Some(t) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let p = arg(Value::Text(like_pattern(t)), &mut args);
        w.push(format!(
            // Products are few: find them first, then their items through the product index,
            // instead of scanning every item of every order.
            "(o.order_no LIKE {p} ESCAPE '\\' OR o.buyer_nick LIKE {p} ESCAPE '\\'
              OR o.id IN (SELECT i.order_id FROM order_items i WHERE i.product_id IN
                          (SELECT pr.id FROM products pr WHERE pr.name LIKE {p} ESCAPE '\\')))"
        ));
    }
    Ok((w.join(" AND "), args))
}

const ROW_COLUMNS: &str = "o.id, o.channel, o.order_no, o.status, o.ordered_at, o.paid_at,
    o.customer_id, c.name, o.buyer_nick, o.goods_fen, o.shipping_fen, o.discount_fen, o.paid_fen,
    o.refunded_fen, o.items_preview, o.items_count";

fn read_row(r: &rusqlite::Row) -> rusqlite::Result<OrderRow> {
    let channel: String = r.get(1)?;
    let status: String = r.get(3)?;
    Ok(OrderRow {
        id: r.get(0)?,
        channel: Channel::parse(&channel).unwrap_or(Channel::Other),
        order_no: r.get(2)?,
        status: OrderStatus::parse(&status).unwrap_or(OrderStatus::Unpaid),
        ordered_at: parse_ts(&r.get::<_, String>(4)?)?,
        paid_at: r
            .get::<_, Option<String>>(5)?
            .as_deref()
            .map(parse_ts)
            .transpose()?,
        customer_id: r.get(6)?,
        customer_name: r.get(7)?,
        buyer_nick: r.get(8)?,
        goods_fen: r.get(9)?,
        shipping_fen: r.get(10)?,
        discount_fen: r.get(11)?,
        paid_fen: r.get(12)?,
        refunded_fen: r.get(13)?,
        kept_fen: super::stats::kept_fen(r.get(12)?, r.get(13)?),
        products: r.get::<_, Option<String>>(14)?.unwrap_or_default(),
        item_count: r.get(15)?,
    })
}

/// One page of orders without the totals row (see [`page`]); `has_more` says whether a next
/// page exists, so the list can page before the totals arrive.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderRows {
    pub rows: Vec<OrderRow>,
    pub page: u32,
    pub page_size: u32,
    pub has_more: bool,
}

/// One page of orders matching the filter, sorted, with the totals row for the whole filter.
pub fn list(store: &Store, s: &Session, q: &OrderQuery) -> Result<OrderPage> {
    s.require(Permission::WorkWithCustomers)?;
    let tz = settings::timezone(store);
    list_in(store.conn(), tz, q)
}

/// One page of orders matching the filter, sorted — without the totals row, which needs every
/// match and so comes separately ([`totals`]): the page appears at once, the totals follow.
pub fn page(store: &Store, s: &Session, q: &OrderQuery) -> Result<OrderRows> {
    s.require(Permission::WorkWithCustomers)?;
    let tz = settings::timezone(store);
    page_in(store.conn(), tz, q)
}

/// The totals row (count, paid, refunded and kept) over every order matching the filter.
pub fn totals(store: &Store, s: &Session, q: &OrderQuery) -> Result<OrderTotals> {
    s.require(Permission::WorkWithCustomers)?;
    let tz = settings::timezone(store);
    totals_in(store.conn(), tz, q)
}

pub(crate) fn list_in(conn: &Connection, tz: chrono_tz::Tz, q: &OrderQuery) -> Result<OrderPage> {
    let rows = page_in(conn, tz, q)?;
    let totals = totals_in(conn, tz, q)?;
    Ok(OrderPage {
        rows: rows.rows,
        page: rows.page,
        page_size: rows.page_size,
        totals,
    })
}

pub(crate) fn totals_in(
    conn: &Connection,
    tz: chrono_tz::Tz,
    q: &OrderQuery,
) -> Result<OrderTotals> {
    let (where_sql, args) = where_clause(tz, q, None)?;
    Ok(conn.query_row(
        &format!(
            "SELECT count(*), coalesce(sum(o.paid_fen), 0), coalesce(sum(o.refunded_fen), 0),
                    coalesce(sum({KEPT}), 0)
             FROM orders o WHERE {where_sql}",
            KEPT = super::stats::KEPT_FEN_SQL
        ),
        rusqlite::params_from_iter(args.iter()),
        |r| {
            Ok(OrderTotals {
                count: r.get::<_, i64>(0)? as u64,
                paid_fen: r.get(1)?,
                refunded_fen: r.get(2)?,
                kept_fen: r.get(3)?,
            })
        },
    )?)
}

/// Sorts with an index that starts with the sort column and carries the filter columns
/// (migration 0005): the page walks that index in order and stops after the page.
const INDEXED_SORTS: &[&str] = &["orderedAt", "paidFen"];

pub(crate) fn page_in(conn: &Connection, tz: chrono_tz::Tz, q: &OrderQuery) -> Result<OrderRows> {
    let page = q.page.max(1);
    let page_size = q.page_size.clamp(1, 500);
    let sort_key = q.sort.as_deref().unwrap_or("orderedAt");
    let col = ORDER_SORTS
        .iter()
        .find(|(k, _)| *k == sort_key)
        .map(|(_, c)| *c)
        .ok_or_else(|| {
            Error::invalid(
                format!("不能按“{sort_key}”排序。"),
                format!("Cannot sort by '{sort_key}'."),
            )
        })?;
    // Walking the sort index beats finding the matches first and sorting them all, unless one
    // customer's orders (a handful, with their own index) are asked for.
    let walk = (INDEXED_SORTS.contains(&sort_key) && q.customer_id.is_none()).then_some(sort_key);
    let (where_sql, args) = where_clause(tz, q, walk)?;
    let dir = if q.desc.unwrap_or(true) {
        "DESC"
    } else {
        "ASC"
    };
    let needs_customer = sort_key == "customerName";
    let offset = (page as u64 - 1) * page_size as u64;
    let limit = page_size as u64 + 1;
    // Page over ids first (joining customers only when sorting by name), then fetch the rows.
    let ids_sql = if needs_customer {
        format!(
            "SELECT o.id FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
             WHERE {where_sql} ORDER BY {col} {dir}, o.id {dir} LIMIT {limit} OFFSET {offset}"
        )
    } else {
        format!(
            "SELECT o.id FROM orders o WHERE {where_sql}
             ORDER BY {col} {dir}, o.id {dir} LIMIT {limit} OFFSET {offset}"
        )
    };
    let mut ids: Vec<i64> = conn
        .prepare(&ids_sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let has_more = ids.len() > page_size as usize;
    ids.truncate(page_size as usize);
    let mut rows = Vec::with_capacity(ids.len());
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ROW_COLUMNS} FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
         WHERE o.id = ?1"
    ))?;
    for id in ids {
        rows.push(stmt.query_row([id], read_row)?);
    }
    Ok(OrderRows {
        rows,
        page,
        page_size,
        has_more,
    })
}

/// One item line of an order.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemRow {
    pub product_id: Option<i64>,
    pub product_name: String,
    pub sku: String,
    pub category: String,
    pub quantity: i64,
    pub unit_price_fen: i64,
    pub line_fen: i64,
}

/// The customer an order belongs to, as the order page shows it.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderCustomer {
    pub id: i64,
    pub name: String,
    /// Masked for service reps.
    pub phone: Option<String>,
    pub deleted: bool,
}

/// One order with its items and customer.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderDetail {
    #[serde(flatten)]
    pub row: OrderRow,
    pub receiver_name: Option<String>,
    /// Masked for service reps.
    pub receiver_phone: Option<String>,
    pub receiver_address: Option<String>,
    pub note: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub imported: bool,
    pub items: Vec<OrderItemRow>,
    pub customer: Option<OrderCustomer>,
}

/// One order with its items and customer; phones masked for reps.
pub fn get(store: &Store, s: &Session, id: i64) -> Result<OrderDetail> {
    s.require(Permission::WorkWithCustomers)?;
    let unmasked = s.role().can(Permission::SeeUnmaskedContacts);
    get_in(store.conn(), id, unmasked)
}

fn show_phone(p: &str, unmasked: bool) -> String {
    if unmasked {
        phone::display(p)
    } else {
        phone::mask(p)
    }
}

pub(crate) fn get_in(conn: &Connection, id: i64, unmasked: bool) -> Result<OrderDetail> {
    let found = conn
        .query_row(
            &format!(
                "SELECT {ROW_COLUMNS}, o.receiver_name, o.receiver_phone, o.receiver_address,
                        o.note, o.created_by, o.created_at, o.updated_at, o.import_batch_id
                 FROM orders o LEFT JOIN customers c ON c.id = o.customer_id WHERE o.id = ?1"
            ),
            [id],
            |r| {
                Ok((
                    read_row(r)?,
                    r.get::<_, Option<String>>(16)?,
                    r.get::<_, Option<String>>(17)?,
                    r.get::<_, Option<String>>(18)?,
                    r.get::<_, String>(19)?,
                    r.get::<_, String>(20)?,
                    r.get::<_, String>(21)?,
                    r.get::<_, String>(22)?,
                    r.get::<_, Option<i64>>(23)?,
                ))
            },
        )
        .optional()?;
    let Some((row, rname, rphone, raddr, note, by, created, updated, batch)) = found else {
        return Err(Error::not_found(
            format!("订单（编号 {id}）不存在。"),
            format!("Order #{id} does not exist."),
        ));
    };
    let items = conn
        .prepare_cached(
            "SELECT product_id, product_name, sku, category, quantity, unit_price_fen
             FROM order_items WHERE order_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |r| {
            let q: i64 = r.get(4)?;
            let p: i64 = r.get(5)?;
            Ok(OrderItemRow {
                product_id: r.get(0)?,
                product_name: r.get(1)?,
                sku: r.get(2)?,
                category: r.get(3)?,
                quantity: q,
                unit_price_fen: p,
                line_fen: q * p,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let customer = match row.customer_id {
        Some(cid) => conn
            .query_row(
                "SELECT c.id, c.name, c.deleted_at IS NOT NULL OR c.merged_into IS NOT NULL,
                        (SELECT phone FROM customer_phones p WHERE p.customer_id = c.id
                         ORDER BY position LIMIT 1)
                 FROM customers c WHERE c.id = ?1",
                [cid],
                |r| {
                    Ok(OrderCustomer {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        deleted: r.get(2)?,
                        phone: r
                            .get::<_, Option<String>>(3)?
                            .map(|p| show_phone(&p, unmasked)),
                    })
                },
            )
            .optional()?,
        None => None,
    };
    Ok(OrderDetail {
        row,
        receiver_name: rname,
        receiver_phone: rphone.map(|p| show_phone(&p, unmasked)),
        receiver_address: raddr,
        note,
        created_by: by,
        created_at: parse_ts(&created)?,
        updated_at: parse_ts(&updated)?,
        imported: batch.is_some(),
        items,
        customer,
    })
}

/// Orders per page in a customer's timeline.
pub const TIMELINE_PAGE_SIZE: u32 = 20;

/// A customer's orders, newest first (the 360 page timeline), [`TIMELINE_PAGE_SIZE`] per page;
/// `page` is 1-based. The caller checks the session.
pub fn for_customer(conn: &Connection, customer_id: i64, page: u32) -> Result<OrderPage> {
    list_in(
        conn,
        chrono_tz::Asia::Shanghai, // no day filters here, so the timezone does not matter
        &OrderQuery {
            page,
            page_size: TIMELINE_PAGE_SIZE,
            customer_id: Some(customer_id),
            ..Default::default()
        },
    )
}

/// Money spent in one category.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CategorySpend {
    pub category: String,
    pub spend_fen: i64,
}

/// Lifetime numbers for the customer 360 page (counted orders only; spend = paid − refunded).
#[derive(Serialize, Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomerSummary {
    pub total_spend_fen: i64,
    pub orders_count: i64,
    /// Rounded down to the fen; 0 without orders.
    pub average_order_fen: i64,
    pub first_order_at: Option<DateTime<Utc>>,
    pub last_order_at: Option<DateTime<Utc>>,
    /// Top 3 categories by item value.
    pub favourite_categories: Vec<CategorySpend>,
}

/// Lifetime spend, orders, average order, first/last order and the top 3 categories of one
/// customer. The caller checks the session.
pub fn customer_summary(conn: &Connection, customer_id: i64) -> Result<CustomerSummary> {
    let counted = counted_statuses_sql();
    let base = conn
        .query_row(
            "SELECT orders_count, spend_fen, first_order_at, last_order_at
             FROM customer_stats WHERE customer_id = ?1",
            [customer_id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            },
        )
        .optional()?;
    let Some((n, spend, first, last)) = base else {
        return Ok(CustomerSummary::default());
    };
    let favourite_categories = conn
        .prepare_cached(&format!(
            "SELECT i.category, sum(i.quantity * i.unit_price_fen) AS spend
             FROM orders o JOIN order_items i ON i.order_id = o.id
             WHERE o.customer_id = ?1 AND o.status IN ({counted}) AND i.category <> ''
             GROUP BY i.category ORDER BY spend DESC, i.category LIMIT 3"
        ))?
        .query_map([customer_id], |r| {
            Ok(CategorySpend {
                category: r.get(0)?,
                spend_fen: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(CustomerSummary {
        total_spend_fen: spend,
        orders_count: n,
        average_order_fen: if n > 0 { spend.div_euclid(n) } else { 0 },
        first_order_at: first.as_deref().map(parse_ts).transpose()?,
        last_order_at: last.as_deref().map(parse_ts).transpose()?,
        favourite_categories,
    })
}

/// [`for_customer`] for a signed-in user.
pub fn for_customer_page(
    store: &Store,
    s: &Session,
    customer_id: i64,
    page: u32,
) -> Result<OrderPage> {
    s.require(Permission::WorkWithCustomers)?;
    for_customer(store.conn(), customer_id, page)
}

/// [`customer_summary`] for a signed-in user.
pub fn customer_summary_for(
    store: &Store,
    s: &Session,
    customer_id: i64,
) -> Result<CustomerSummary> {
    s.require(Permission::WorkWithCustomers)?;
    customer_summary(store.conn(), customer_id)
}

/// One order by its number (and channel, when the same number exists on several channels).
pub fn find_by_no(
    store: &Store,
    s: &Session,
    order_no: &str,
    channel: Option<Channel>,
) -> Result<OrderDetail> {
    s.require(Permission::WorkWithCustomers)?;
    let no = order_no.trim();
    let conn = store.conn();
    let found: Vec<(i64, String)> = conn
        .prepare_cached("SELECT id, channel FROM orders WHERE order_no = ?1 ORDER BY channel")?
        .query_map([no], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let matching: Vec<&(i64, String)> = found
        .iter()
        .filter(|(_, c)| channel.map_or(true, |want| want.as_str() == c))
        .collect();
    match matching.as_slice() {
        [] => Err(Error::not_found(
            format!("没有订单号为 {no} 的订单。"),
            format!("No order with number {no}."),
        )),
        [(id, _)] => get(store, s, *id),
        many => {
            let list = many
                .iter()
                .map(|(_, c)| c.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            Err(Error::conflict(
                format!("订单号 {no} 在多个渠道都有（{list}），请指定渠道。"),
                format!("Order number {no} exists on several channels ({list}); name the channel."),
            ))
        }
    }
}
