//! The points ledger: one append-only row per change (the database refuses UPDATE and DELETE).
//! Balance = sum of a customer's rows; `points_balances` caches it (kept by a trigger in the same
//! transaction), can be rebuilt from the rows, and `laoke verify` checks it equals the sum.
//!
//! The only writer of `points_ledger` is this file (`tests/one_ledger_writer.rs` fails on an
//! `INSERT INTO points_ledger` anywhere else): [`append`] writes one row (manual adjustments,
//! redemptions, corrections of an order's points, merges); [`append_select`] writes many rows
//! from one SELECT (the earn sweep's INSERT … SELECT over the orders, the birthday bonus) and
//! [`append_select_returning`] does the same and says whose rows were written (the expiry rows,
//! 5,000 per statement from a JSON array). Every row names its idempotency key, and writing a key
//! twice is a no-op: a re-run (job, re-import, retry, repair) never counts twice.

use crate::{store::ts, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PointsReason"))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Earn,
    Redeem,
    Expire,
    Adjust,
    Reverse,
    Bonus,
    Compensation,
    /// Moved between customers by a merge (and back by its undo).
    Transfer,
}

impl Reason {
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Earn => "earn",
            Reason::Redeem => "redeem",
            Reason::Expire => "expire",
            Reason::Adjust => "adjust",
            Reason::Reverse => "reverse",
            Reason::Bonus => "bonus",
            Reason::Compensation => "compensation",
            Reason::Transfer => "transfer",
        }
    }
    pub fn parse(s: &str) -> Option<Reason> {
        use Reason::*;
        [
            Earn,
            Redeem,
            Expire,
            Adjust,
            Reverse,
            Bonus,
            Compensation,
            Transfer,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
    }
    pub fn label_zh(self) -> &'static str {
        match self {
            Reason::Earn => "消费得积分",
            Reason::Redeem => "积分抵扣",
            Reason::Expire => "积分过期",
            Reason::Adjust => "手动调整",
            Reason::Reverse => "退款冲回",
            Reason::Bonus => "奖励积分",
            Reason::Compensation => "补偿积分",
            Reason::Transfer => "合并转入/转出",
        }
    }
    pub fn label_en(self) -> &'static str {
        match self {
            Reason::Earn => "Earned",
            Reason::Redeem => "Redeemed",
            Reason::Expire => "Expired",
            Reason::Adjust => "Adjustment",
            Reason::Reverse => "Reversed (refund)",
            Reason::Bonus => "Bonus",
            Reason::Compensation => "Compensation",
            Reason::Transfer => "Merge transfer",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "PointsSource"))]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Order,
    Ticket,
    Coupon,
    Manual,
    Job,
    Merge,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Order => "order",
            Source::Ticket => "ticket",
            Source::Coupon => "coupon",
            Source::Manual => "manual",
            Source::Job => "job",
            Source::Merge => "merge",
        }
    }
    pub fn parse(s: &str) -> Option<Source> {
        use Source::*;
        [Order, Ticket, Coupon, Manual, Job, Merge]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

/// A row to append. `usable_from` defaults to `at`.
#[derive(Clone, Debug)]
pub struct NewEntry<'a> {
    pub customer_id: i64,
    pub delta: i64,
    pub reason: Reason,
    pub source: Source,
    pub source_id: Option<i64>,
    pub rule_version_id: Option<i64>,
    pub points_per_yuan: Option<i64>,
    pub multiplier_pct: Option<i64>,
    pub base_fen: Option<i64>,
    pub operator: &'a str,
    pub operator_id: Option<i64>,
    pub note: &'a str,
    pub ticket_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub usable_from: Option<DateTime<Utc>>,
    /// ('none' | 'after_earning' | 'inactivity', months, expires_at) for positive rows.
    pub expiry: (&'a str, Option<u32>, Option<DateTime<Utc>>),
    pub lot_id: Option<i64>,
    pub reverses_id: Option<i64>,
    pub idempotency_key: String,
}

impl<'a> NewEntry<'a> {
    /// A row with the usual blanks filled in.
    pub fn new(
        customer_id: i64,
        delta: i64,
        reason: Reason,
        source: Source,
        operator: &'a str,
        at: DateTime<Utc>,
        idempotency_key: String,
    ) -> Self {
        NewEntry {
            customer_id,
            delta,
            reason,
            source,
            source_id: None,
            rule_version_id: None,
            points_per_yuan: None,
            multiplier_pct: None,
            base_fen: None,
            operator,
            operator_id: None,
            note: "",
            ticket_id: None,
            at,
            usable_from: None,
            expiry: ("none", None, None),
            lot_id: None,
            reverses_id: None,
            idempotency_key,
        }
    }
}

/// Append one row unless its idempotency key exists. Returns the new row's id, or None when the
/// key was already written (nothing changed).
pub fn append(conn: &Connection, e: &NewEntry) -> Result<Option<i64>> {
    let n = conn
        .prepare_cached(
            "INSERT INTO points_ledger (customer_id, delta, reason, source, source_id,
                 rule_version_id, points_per_yuan, multiplier_pct, base_fen, operator, operator_id,
                 note, ticket_id, at, usable_from, expiry_kind, expiry_months, expires_at, lot_id,
                 reverses_id, idempotency_key)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                     ?18, ?19, ?20, ?21)
             ON CONFLICT (idempotency_key) DO NOTHING",
        )?
        .execute(params![
            e.customer_id,
            e.delta,
            e.reason.as_str(),
            e.source.as_str(),
            e.source_id,
            e.rule_version_id,
            e.points_per_yuan,
            e.multiplier_pct,
            e.base_fen,
            e.operator,
            e.operator_id,
            e.note,
            e.ticket_id,
            ts(e.at),
            ts(e.usable_from.unwrap_or(e.at)),
            e.expiry.0,
            e.expiry.1,
            e.expiry.2.map(ts),
            e.lot_id,
            e.reverses_id,
            e.idempotency_key,
        ])?;
    Ok((n == 1).then(|| conn.last_insert_rowid()))
}

/// Set-based append: `INSERT INTO points_ledger ({columns}) {select}`, rows whose key exists
/// skipped. `select` yields the named `columns` in order and must end in a WHERE clause (SQLite
/// reads `… SELECT … ON CONFLICT` only after one; `WHERE true` will do). Returns the rows written.
/// One statement, so SQLite keeps one statement journal for all of them (see `expiry::write`).
pub(crate) fn append_select(
    conn: &Connection,
    columns: &str,
    select: &str,
    params: impl rusqlite::Params,
) -> Result<usize> {
    debug_assert!(select.to_ascii_uppercase().contains("WHERE"), "{select}");
    Ok(conn
        .prepare_cached(&format!(
            "INSERT INTO points_ledger ({columns}) {select}
             ON CONFLICT (idempotency_key) DO NOTHING"
        ))?
        .execute(params)?)
}

/// [`append_select`] that returns the customer of every row written (a key already written is
/// not among them).
pub(crate) fn append_select_returning(
    conn: &Connection,
    columns: &str,
    select: &str,
    params: impl rusqlite::Params,
) -> Result<std::collections::HashSet<i64>> {
    debug_assert!(select.to_ascii_uppercase().contains("WHERE"), "{select}");
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO points_ledger ({columns}) {select}
         ON CONFLICT (idempotency_key) DO NOTHING
         RETURNING customer_id"
    ))?;
    let written = stmt
        .query_map(params, |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(written)
}

/// A ledger row as read back.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PointsEntry {
    pub id: i64,
    pub customer_id: i64,
    pub delta: i64,
    pub reason: Reason,
    pub source: Source,
    pub source_id: Option<i64>,
    pub rule_version_id: Option<i64>,
    pub points_per_yuan: Option<i64>,
    pub multiplier_pct: Option<i64>,
    pub base_fen: Option<i64>,
    pub operator: String,
    pub note: String,
    pub ticket_id: Option<i64>,
    pub at: DateTime<Utc>,
    pub usable_from: DateTime<Utc>,
    pub expiry_kind: String,
    pub expiry_months: Option<u32>,
    pub expires_at: Option<DateTime<Utc>>,
    pub lot_id: Option<i64>,
    pub reverses_id: Option<i64>,
    pub idempotency_key: String,
    /// The order's number when the source is an order (filled for the customer's history
    /// only, so the screen can say which order without a lookup per row).
    pub order_no: Option<String>,
    /// For an expiry row: how many lots it closed and when they were earned (filled for the
    /// customer's history only — one per-customer expiry row can close many lots).
    pub closed_lots: Option<Closure>,
}

/// What one expiry row closed (for the points history: how many lots, earned when).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ClosedLots"))]
#[serde(rename_all = "camelCase")]
pub struct Closure {
    /// The expiry row.
    pub entry_id: i64,
    pub lots: u32,
    /// Points it took from them (= minus the row's delta).
    pub points: i64,
    pub first_earned_at: DateTime<Utc>,
    pub last_earned_at: DateTime<Utc>,
}

pub(crate) const ENTRY_COLUMNS: &str = "id, customer_id, delta, reason, source, source_id,
    rule_version_id, points_per_yuan, multiplier_pct, base_fen, operator, note, ticket_id, at,
    usable_from, expiry_kind, expiry_months, expires_at, lot_id, reverses_id, idempotency_key";

pub(crate) fn entry_from_row(r: &rusqlite::Row) -> rusqlite::Result<PointsEntry> {
    use crate::time::parse_ts;
    Ok(PointsEntry {
        id: r.get(0)?,
        customer_id: r.get(1)?,
        delta: r.get(2)?,
        reason: Reason::parse(&r.get::<_, String>(3)?).unwrap_or(Reason::Adjust),
        source: Source::parse(&r.get::<_, String>(4)?).unwrap_or(Source::Manual),
        source_id: r.get(5)?,
        rule_version_id: r.get(6)?,
        points_per_yuan: r.get(7)?,
        multiplier_pct: r.get(8)?,
        base_fen: r.get(9)?,
        operator: r.get(10)?,
        note: r.get(11)?,
        ticket_id: r.get(12)?,
        at: parse_ts(&r.get::<_, String>(13)?)?,
        usable_from: parse_ts(&r.get::<_, String>(14)?)?,
        expiry_kind: r.get(15)?,
        expiry_months: r.get(16)?,
        expires_at: r
            .get::<_, Option<String>>(17)?
            .map(|s| parse_ts(&s))
            .transpose()?,
        lot_id: r.get(18)?,
        reverses_id: r.get(19)?,
        idempotency_key: r.get(20)?,
        order_no: None,
        closed_lots: None,
    })
}

/// Every row of a customer, oldest first.
pub fn entries(conn: &Connection, customer_id: i64) -> Result<Vec<PointsEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ENTRY_COLUMNS} FROM points_ledger WHERE customer_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt
        .query_map([customer_id], entry_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Balance = the sum of the customer's rows (not the cache).
pub fn balance(conn: &Connection, customer_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE customer_id = ?1")?
        .query_row([customer_id], |r| r.get(0))?)
}

/// The cached balance (0 when the customer has no rows).
pub fn cached_balance(conn: &Connection, customer_id: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT balance FROM points_balances WHERE customer_id = ?1")?
        .query_row([customer_id], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// Customers whose cached balance differs from the sum of their rows: (customer, cached, sum).
pub fn balance_mismatches(conn: &Connection) -> Result<Vec<(i64, i64, i64)>> {
    let mut stmt = conn.prepare(
        "WITH s AS (SELECT customer_id, sum(delta) AS total FROM points_ledger GROUP BY customer_id)
         SELECT coalesce(s.customer_id, b.customer_id), coalesce(b.balance, 0), coalesce(s.total, 0)
         FROM s FULL OUTER JOIN points_balances b ON b.customer_id = s.customer_id
         WHERE coalesce(b.balance, 0) <> coalesce(s.total, 0)",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Recompute the cache from the rows (after a restore from an old tool, or if verify complains).
pub fn rebuild_balances(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM points_balances;
         INSERT INTO points_balances (customer_id, balance)
         SELECT customer_id, sum(delta) FROM points_ledger GROUP BY customer_id;",
    )?;
    Ok(())
}

/// Whether the customer has loyalty history (ledger rows, coupons, tier rows) that the
/// append-only ledger must keep pointing at: such a customer is anonymised, not deleted.
pub fn has_records(conn: &Connection, customer_id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM points_ledger WHERE customer_id = ?1)
                 OR EXISTS (SELECT 1 FROM coupon_grants WHERE customer_id = ?1)
                 OR EXISTS (SELECT 1 FROM customer_tiers WHERE customer_id = ?1)
                 OR EXISTS (SELECT 1 FROM tier_history WHERE customer_id = ?1)",
        )?
        .query_row([customer_id], |r| r.get(0))?)
}
