//! Points expiry. The policy in force when a lot is earned is stamped on the lot
//! ([`stamp`]): "after earning" gets its date, "inactivity" its months; a later policy never
//! reaches back. The job writes one `expire` row per due lot (idempotency key
//! `expire:lot:{id}`), so running it again changes nothing. Reminders (30 and 7 days before)
//! are a query: [`expiring`].

use super::ledger::{self, append, NewEntry, Reason, Source};
use super::lots::replay;
use super::rules::{ExpiryPolicy, RuleVersion};
use crate::{
    auth::{Permission, Session},
    store::{ts, Store},
    Result,
};
use chrono::{DateTime, Duration, Months, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeSet;

/// (kind, months, expires_at) for a lot earned now under `v`.
pub fn stamp(
    v: &RuleVersion,
    now: DateTime<Utc>,
) -> (&'static str, Option<u32>, Option<DateTime<Utc>>) {
    match v.rules.expiry {
        ExpiryPolicy::Off => ("none", None, None),
        ExpiryPolicy::AfterEarning { months } => (
            "after_earning",
            Some(months),
            now.checked_add_months(Months::new(months)),
        ),
        ExpiryPolicy::Inactivity { months } => ("inactivity", Some(months), None),
    }
}

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExpiryReport {
    pub customers: u64,
    pub lots: u64,
    pub points: i64,
}

/// Customers who may have lots due by `until` (after-earning lots past their date and not
/// closed; customers holding open inactivity lots whose last activity is old enough).
fn candidates(conn: &Connection, until: DateTime<Utc>) -> Result<BTreeSet<i64>> {
    let mut out = BTreeSet::new();
    let mut stmt = conn.prepare_cached(
        "SELECT l.customer_id FROM points_ledger l
         WHERE l.expires_at > ?2 AND l.expires_at <= ?1 AND l.delta > 0
           AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.lot_id = l.id AND x.reason = 'expire')",
    )?;
    let swept = swept_until(conn)?;
    for id in stmt.query_map(rusqlite::params![ts(until), swept], |r| r.get::<_, i64>(0))? {
        out.insert(id?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT l.customer_id, min(l.expiry_months),
                (SELECT max(a.at) FROM points_ledger a WHERE a.customer_id = l.customer_id
                   AND a.reason IN ('earn', 'redeem')),
                max(l.at)
         FROM points_ledger l
         WHERE l.expiry_kind = 'inactivity' AND l.delta > 0
           AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.lot_id = l.id AND x.reason = 'expire')
         GROUP BY l.customer_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, u32>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (id, months, last, lot_at) = row?;
        let last = last.map(|s| crate::store::parse_ts(&s));
        let lot_at = crate::store::parse_ts(&lot_at);
        let from = last.map_or(lot_at, |l| l.max(lot_at));
        if from
            .checked_add_months(Months::new(months))
            .is_some_and(|x| x <= until)
        {
            out.insert(id);
        }
    }
    Ok(out)
}

/// Every after-earning lot expiring up to this time has its `expire` row ('' before the first
/// run). Lots are stamped to expire after the moment they are earned, so no later lot falls
/// behind it.
fn swept_until(conn: &Connection) -> Result<String> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT expiry_swept_until FROM loyalty_job_state WHERE id = 1",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .unwrap_or_default())
}

/// Write the expiry rows due at `now`.
pub fn run_in_tx(tx: &Connection, now: DateTime<Utc>) -> Result<ExpiryReport> {
    let report = write_due(tx, now)?;
    let now_ts = ts(now);
    if now_ts > swept_until(tx)? {
        tx.execute(
            "INSERT INTO loyalty_job_state (id, expiry_swept_until) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET expiry_swept_until = excluded.expiry_swept_until",
            [now_ts],
        )?;
    }
    Ok(report)
}

fn write_due(tx: &Connection, now: DateTime<Utc>) -> Result<ExpiryReport> {
    let mut report = ExpiryReport::default();
    for customer in candidates(tx, now)? {
        let lots = replay(&ledger::entries(tx, customer)?);
        let due = lots.due(now);
        if due.is_empty() {
            continue;
        }
        let mut room = lots.balance().max(0);
        let mut any = false;
        for (lot, remaining) in due {
            let take = remaining.min(room).max(0);
            room -= take;
            let mut e = NewEntry::new(
                customer,
                -take,
                Reason::Expire,
                Source::Job,
                "job",
                now,
                format!("expire:lot:{lot}"),
            );
            e.lot_id = Some(lot);
            if append(tx, &e)?.is_some() {
                report.lots += 1;
                report.points += take;
                any = true;
            }
        }
        if any {
            report.customers += 1;
        }
    }
    Ok(report)
}

/// Points of one customer expiring within the window (for reminders and the due list).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ExpiringPoints {
    pub customer_id: i64,
    pub customer_name: String,
    pub points: i64,
    /// The earliest expiry among those points.
    pub expires_at: DateTime<Utc>,
}

pub(crate) fn expiring_of(
    conn: &Connection,
    now: DateTime<Utc>,
    within_days: i64,
) -> Result<Vec<ExpiringPoints>> {
    let until = now + Duration::days(within_days);
    let mut out = Vec::new();
    let mut name = conn.prepare_cached("SELECT name FROM customers WHERE id = ?1")?;
    for customer in candidates(conn, until)? {
        let lots = replay(&ledger::entries(conn, customer)?);
        let exp: Vec<_> = lots
            .expiring(until)
            .into_iter()
            .filter(|x| x.2 > now)
            .collect();
        let points: i64 = exp.iter().map(|x| x.1).sum();
        if points <= 0 {
            continue;
        }
        let expires_at = exp.iter().map(|x| x.2).min().unwrap_or(until);
        out.push(ExpiringPoints {
            customer_id: customer,
            customer_name: name.query_row([customer], |r| r.get(0))?,
            points,
            expires_at,
        });
    }
    out.sort_by_key(|x| (x.expires_at, x.customer_id));
    Ok(out)
}

/// Customers with points expiring within `within_days` (30 and 7 for the reminders), soonest
/// first. Already expired points are not listed.
pub fn expiring(store: &Store, s: &Session, within_days: i64) -> Result<Vec<ExpiringPoints>> {
    s.require(Permission::WorkWithCustomers)?;
    expiring_of(store.conn(), store.now(), within_days)
}
