//! Duplicate suggestions: two live records that share a normalised phone, an email, a platform
//! nick or a WeChat id (strong), or the same name with the same address or city (soft).
//! Suggestions only — nothing is ever merged without the user choosing to.
//!
//! Matches are found by grouping (sorting), never by joining the customers table with itself,
//! so the page stays fast at 100k customers. A value shared by very many records (a shop's own
//! phone typed into every walk-in customer, 张伟 in 杭州) says nothing about one person, so such
//! groups are skipped. A dismissed pair is remembered (in the settings table, as the list is
//! short and rarely changes) and not suggested again.

use super::stats;
use crate::phone;
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::{parse_ts, ts},
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

const DISMISSED_KEY: &str = "customers.duplicates.dismissed";
/// Strong matches in groups larger than this are a shared value, not one person.
const MAX_STRONG_GROUP: usize = 6;
const MAX_SOFT_GROUP: usize = 3;
const MAX_SUGGESTIONS: usize = 500;

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum DuplicateReason {
    Phone,
    Email,
    Nick,
    WechatId,
    NameAddress,
    NameCity,
}

impl DuplicateReason {
    pub fn is_strong(self) -> bool {
        !matches!(
            self,
            DuplicateReason::NameAddress | DuplicateReason::NameCity
        )
    }
}

/// One side of a suggested pair.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DuplicateSide {
    pub id: i64,
    pub name: String,
    /// First phone, masked for service reps.
    pub phone: Option<String>,
    pub city: Option<String>,
    pub orders_count: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DuplicatePair {
    pub a: DuplicateSide,
    pub b: DuplicateSide,
    pub reasons: Vec<DuplicateReason>,
}

const LIVE: &str = "c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL";

fn groups(conn: &Connection, sql: &str) -> Result<Vec<Vec<i64>>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|ids| {
            let mut v: Vec<i64> = ids.split(',').filter_map(|i| i.parse().ok()).collect();
            v.sort_unstable();
            v.dedup();
            v
        })
        .filter(|v| v.len() > 1)
        .collect())
}

fn dismissed(conn: &Connection) -> Result<BTreeSet<(i64, i64)>> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [DISMISSED_KEY],
            |r| r.get(0),
        )
        .optional()?;
    let pairs: Vec<(i64, i64)> = v
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default();
    Ok(pairs.into_iter().collect())
}

/// Suggested duplicate pairs, strongest first.
pub fn suggestions(store: &Store, s: &Session) -> Result<Vec<DuplicatePair>> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let by = |expr: &str, from: &str, extra: &str, max: usize| {
        format!(
            "SELECT group_concat(c.id) FROM {from} WHERE {LIVE} {extra}
             GROUP BY {expr} HAVING count(DISTINCT c.id) BETWEEN 2 AND {max}"
        )
    };
    let sources = [
        (
            DuplicateReason::Phone,
            by(
                "p.phone",
                "customer_phones p JOIN customers c ON c.id = p.customer_id",
                "",
                MAX_STRONG_GROUP,
            ),
        ),
        (
            DuplicateReason::Email,
            by(
                "lower(trim(c.email))",
                "customers c",
                "AND trim(coalesce(c.email, '')) <> ''",
                MAX_STRONG_GROUP,
            ),
        ),
        (
            DuplicateReason::Nick,
            by(
                "lower(trim(n.nick))",
                "customer_nicks n JOIN customers c ON c.id = n.customer_id",
                "AND trim(n.nick) <> ''",
                MAX_STRONG_GROUP,
            ),
        ),
        (
            DuplicateReason::WechatId,
            by(
                "lower(trim(c.wechat_id))",
                "customers c",
                "AND trim(coalesce(c.wechat_id, '')) <> ''",
                MAX_STRONG_GROUP,
            ),
        ),
        (
            DuplicateReason::NameAddress,
            by(
                "trim(c.name), replace(trim(c.address), ' ', '')",
                "customers c",
                "AND trim(coalesce(c.address, '')) <> ''",
                MAX_SOFT_GROUP,
            ),
        ),
        (
            DuplicateReason::NameCity,
            by(
                "trim(c.name), coalesce(c.province, ''), trim(c.city)",
                "customers c",
                "AND trim(coalesce(c.city, '')) <> ''",
                MAX_SOFT_GROUP,
            ),
        ),
    ];
    let mut pairs: BTreeMap<(i64, i64), BTreeSet<DuplicateReason>> = BTreeMap::new();
    for (reason, sql) in &sources {
        for g in groups(conn, sql)? {
            for (i, a) in g.iter().enumerate() {
                for b in &g[i + 1..] {
                    pairs.entry((*a, *b)).or_default().insert(*reason);
                }
            }
        }
    }
    let skip = dismissed(conn)?;
    let mut ranked: Vec<((i64, i64), Vec<DuplicateReason>)> = pairs
        .into_iter()
        .filter(|(k, _)| !skip.contains(k))
        .map(|(k, r)| {
            let mut r: Vec<DuplicateReason> = r.into_iter().collect();
            // "Same name and address" already says "same name and city".
            if r.contains(&DuplicateReason::NameAddress) {
                r.retain(|x| *x != DuplicateReason::NameCity);
            }
            (k, r)
        })
        .collect();
    ranked.sort_by_key(|((a, b), r)| {
        let strong = r.iter().filter(|x| x.is_strong()).count();
        (
            std::cmp::Reverse(strong),
            std::cmp::Reverse(r.len()),
            *a,
            *b,
        )
    });
    ranked.truncate(MAX_SUGGESTIONS);
    let unmasked = s.role().can(Permission::SeeUnmaskedContacts);
    let mut cache: BTreeMap<i64, DuplicateSide> = BTreeMap::new();
    let mut side = |id: i64| -> Result<DuplicateSide> {
        if let Some(s) = cache.get(&id) {
            return Ok(s.clone());
        }
        let (name, city, created): (String, Option<String>, String) = conn.query_row(
            "SELECT name, city, created_at FROM customers WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let first: Option<String> = conn
            .query_row(
                "SELECT phone FROM customer_phones WHERE customer_id = ?1 ORDER BY position, id LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        let v = DuplicateSide {
            id,
            name,
            phone: first.map(|p| {
                if unmasked {
                    phone::display(&p)
                } else {
                    phone::mask(&p)
                }
            }),
            city,
            orders_count: stats::order_count(conn, id)?,
            created_at: parse_ts(&created)?,
        };
        cache.insert(id, v.clone());
        Ok(v)
    };
    let mut out = Vec::with_capacity(ranked.len());
    for ((a, b), reasons) in ranked {
        out.push(DuplicatePair {
            a: side(a)?,
            b: side(b)?,
            reasons,
        });
    }
    Ok(out)
}

/// "Not the same person": the pair is not suggested again (audited).
pub fn dismiss(store: &Store, s: &Session, a: i64, b: i64) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    let key = (a.min(b), a.max(b));
    store.write(|tx, now| {
        let mut set = dismissed(tx)?;
        set.insert(key);
        let list: Vec<(i64, i64)> = set.into_iter().collect();
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![DISMISSED_KEY, json!(list).to_string(), ts(now)],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "duplicate_dismissed",
            &format!("customer:{}", key.0),
            json!({ "other": key.1 }),
        )
    })
}
