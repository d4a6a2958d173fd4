//! Global search: one box for customer names, any part of a phone number, platform nicks,
//! emails, WeChat ids and order numbers, answered while the user types.
//!
//! Why this shape: FTS5's trigram tokenizer only answers queries of 3+ characters, but the
//! commonest searches in a Chinese shop are 1–2 characters (张, 张伟). So queries shorter than
//! 3 characters use a gram table (every 1- and 2-character piece of names and nicks, ordered
//! best-first in its primary key), and longer ones use trigram FTS5 indexes, each candidate
//! checked with a substring test. Everything is maintained by SQLite triggers
//! (migrations/0004_search.sql), so import, merge, erase, recycle bin, demo and manual edits keep
//! it current without calling this module. Only active customers (not deleted, merged or
//! erased) are indexed.
//!
//! Ranking: whole-term match, then start-of-term, then inside; among those, customers with more
//! orders and a more recent last order first. Capped at [`MAX_CUSTOMERS`] + [`MAX_ORDERS`].
//! Reps may search by phone digits, but every phone they get back is masked.

mod customers;
pub mod deferred;
pub mod grams;
mod orders;
pub mod query;

use crate::{
    auth::{Permission, Session},
    store::Store,
    Result,
};

use serde::Serialize;

pub use query::Query;

pub const MAX_CUSTOMERS: usize = 20;
pub const MAX_ORDERS: usize = 10;

/// Which field of a result the query was found in.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MatchField {
    Name,
    Email,
    Wechat,
    Phone,
    Nick,
    OrderNo,
}

impl MatchField {
    pub fn as_str(self) -> &'static str {
        match self {
            MatchField::Name => "name",
            MatchField::Email => "email",
            MatchField::Wechat => "wechat",
            MatchField::Phone => "phone",
            MatchField::Nick => "nick",
            MatchField::OrderNo => "orderNo",
        }
    }
}

/// How well it matched: the whole field, its start, or somewhere inside.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MatchKind {
    Exact,
    Prefix,
    Contains,
}

impl MatchKind {
    pub(crate) fn of(text_lower: &str, q: &str) -> MatchKind {
        if text_lower == q {
            MatchKind::Exact
        } else if text_lower.starts_with(q) {
            MatchKind::Prefix
        } else {
            MatchKind::Contains
        }
    }
}

/// What matched, as the user may see it (a rep sees a matched phone masked).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SearchMatch"))]
#[serde(rename_all = "camelCase")]
pub struct Matched {
    pub field: MatchField,
    pub kind: MatchKind,
    pub text: String,
}

#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SearchCustomerHit"))]
#[serde(rename_all = "camelCase")]
pub struct CustomerHit {
    pub id: i64,
    pub name: String,
    /// First phone; masked for reps.
    pub phone: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub orders_count: i64,
    pub spend_fen: i64,
    pub last_order_at: Option<String>,
    pub matched: Matched,
}

#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "SearchOrderHit"))]
#[serde(rename_all = "camelCase")]
pub struct OrderHit {
    pub id: i64,
    pub order_no: String,
    pub channel: String,
    pub status: String,
    pub ordered_at: String,
    pub paid_fen: i64,
    pub customer_id: Option<i64>,
    pub customer_name: Option<String>,
    pub matched: Matched,
}

#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    /// The query as it was matched (trimmed, lower-case, phone input as digits).
    pub query: String,
    pub customers: Vec<CustomerHit>,
    pub orders: Vec<OrderHit>,
}

/// Search customers and orders for `raw` (what the user typed so far).
pub fn search(store: &Store, s: &Session, raw: &str) -> Result<SearchResults> {
    s.require(Permission::WorkWithCustomers)?;
    let Some(q) = Query::parse(raw) else {
        return Ok(SearchResults::default());
    };
    let conn = store.conn();
    let unmasked = s.role().can(Permission::SeeUnmaskedContacts);
    Ok(SearchResults {
        customers: customers::find(conn, &q, MAX_CUSTOMERS, unmasked)?,
        orders: orders::find(conn, &q, MAX_ORDERS)?,
        query: q.text,
    })
}

/// Merge the trigram indexes into one segment each (seconds on the benchmark store). Worth it
/// after a bulk load (demo data, a big import): queries then read one posting list per trigram.
pub fn optimize_in_tx(tx: &rusqlite::Connection) -> Result<()> {
    tx.execute_batch(
        "INSERT INTO search_terms_fts (search_terms_fts) VALUES ('optimize');
         INSERT INTO search_orders_fts (search_orders_fts) VALUES ('optimize');",
    )?;
    Ok(())
}

/// SQL condition on alias `c` for a list filtered by the search box: every active customer the
/// global search matches (not capped, not ranked), with one bound parameter `?{param}`.
pub fn list_condition(raw: &str, param: usize) -> (String, rusqlite::types::Value) {
    use rusqlite::types::Value;
    let Some(q) = Query::parse(raw) else {
        return (format!("?{param} IS NULL"), Value::Null);
    };
    let sql = if q.uses_trigrams() {
        // The trigram index answers LIKE; instr drops its false positives (detail=none).
        format!(
            "c.id IN (SELECT t.customer_id FROM search_terms t
                       WHERE t.src IN (SELECT rowid FROM search_terms_fts
                                        WHERE search_terms_fts.text LIKE '%' || ?{param} || '%')
                         AND instr(lower(t.text), ?{param}) > 0)"
        )
    } else {
        format!("c.id IN (SELECT customer_id FROM search_grams WHERE gram = ?{param})")
    };
    (sql, Value::Text(q.text))
}

/// Ids of the best-matching active customers (for lists that filter by the search box).
pub fn customer_ids(store: &Store, s: &Session, raw: &str, limit: usize) -> Result<Vec<i64>> {
    s.require(Permission::WorkWithCustomers)?;
    let Some(q) = Query::parse(raw) else {
        return Ok(Vec::new());
    };
    customers::ranked_ids(store.conn(), &q, limit)
        .map(|v| v.into_iter().map(|c| c.customer_id).collect())
}
