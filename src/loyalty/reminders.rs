//! Points reminders: who has points expiring within 30 or 7 days (Today, `laoke loyalty
//! expiring`), served from what the job stores.
//!
//! Working the list out means replaying the ledger of every customer with a lot coming due: on
//! an ordinary day a handful, but in the month before a mass-expiry day (twelve months after a
//! first run, every lot it earned expires at once) every points holder — 1.4–1.7 s on the
//! 100k-customer benchmark store, for a page that should answer in 50 ms. So the job
//! ([`remember_in_tx`], its last step) keeps `loyalty_expiring`: what is left of each open lot
//! expiring within [`HORIZON_DAYS`], per customer and expiry time, as of a ledger row id. It
//! replays only the customers whose ledger changed since (ledger ids only grow) and those whose
//! lots came into the window since its last run; the replay is the expiry job's own
//! ([`super::lots`]), so the list says what the job will expire.
//!
//! A read ([`expiring_page`]) counts the stored customers in the window (one pass in key order),
//! reads the first page off the expiry index, replays the few customers with ledger rows newer
//! than the stored id (a sale since the last job run is seen at once),
//! and falls back to the full replay ([`expiring_of`], also the liability report's 60/90 days)
//! when the stored window does not cover it (no job run yet, or none for two weeks).

use super::expiry::{candidates, for_each_ledger, inactivity_candidates};
use super::lots::replay_rows;
use crate::{
    auth::{Permission, Session},
    store::Store,
    time::{parse_ts, ts},
    Result,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// How far ahead the job stores the reminder list: the 30-day list stays served from it for
/// 15 days without a job run.
pub const HORIZON_DAYS: i64 = 45;

/// Points of one customer expiring within the window (for reminders and the due list).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExpiringPoints {
    pub customer_id: i64,
    pub customer_name: String,
    pub points: i64,
    /// The earliest expiry among those points.
    pub expires_at: DateTime<Utc>,
}

/// (customer, points, earliest expiry) from a replay of these customers' ledgers: what is left
/// of the open lots expiring after `now` and by `until`. Customers with nothing are left out.
fn replayed(
    conn: &Connection,
    customers: &BTreeSet<i64>,
    now: DateTime<Utc>,
    until: DateTime<Utc>,
    mut f: impl FnMut(i64, Vec<(i64, DateTime<Utc>)>) -> Result<()>,
) -> Result<()> {
    for_each_ledger(conn, customers, |customer, rows| {
        let lots = replay_rows(rows);
        let exp: Vec<(i64, DateTime<Utc>)> = lots
            .expiring(until)
            .into_iter()
            .filter(|x| x.2 > now && x.1 > 0)
            .map(|x| (x.1, x.2))
            .collect();
        if exp.is_empty() {
            return Ok(());
        }
        f(customer, exp)
    })
}

fn sum_of(exp: &[(i64, DateTime<Utc>)], until: DateTime<Utc>) -> (i64, DateTime<Utc>) {
    let points = exp.iter().map(|x| x.0).sum();
    let first = exp.iter().map(|x| x.1).min().unwrap_or(until);
    (points, first)
}

/// Customers with points expiring within `within_days`, by a full replay (the reference the
/// stored list is tested against; the liability report's 30/60/90 days).
pub(crate) fn expiring_of(
    conn: &Connection,
    now: DateTime<Utc>,
    within_days: i64,
) -> Result<Vec<ExpiringPoints>> {
    let until = now + Duration::days(within_days);
    let mut found = Vec::new();
    replayed(conn, &candidates(conn, until)?, now, until, |c, exp| {
        let (points, first) = sum_of(&exp, until);
        found.push((c, points, first));
        Ok(())
    })?;
    let n = found.len();
    named(conn, found, n)
}

/// Sorted soonest first (then by customer); the first `limit` get their names.
fn named(
    conn: &Connection,
    mut found: Vec<(i64, i64, DateTime<Utc>)>,
    limit: usize,
) -> Result<Vec<ExpiringPoints>> {
    found.sort_by_key(|x| (x.2, x.0));
    found.truncate(limit);
    let mut name = conn.prepare_cached("SELECT name FROM customers WHERE id = ?1")?;
    found
        .into_iter()
        .map(|(customer_id, points, expires_at)| {
            Ok(ExpiringPoints {
                customer_id,
                customer_name: name.query_row([customer_id], |r| r.get(0))?,
                points,
                expires_at,
            })
        })
        .collect()
}

/// (stored until, ledger id) of the stored list; None before the job stored one.
fn stored(conn: &Connection) -> Result<Option<(DateTime<Utc>, i64)>> {
    let row: Option<(String, i64)> = conn
        .prepare_cached(
            "SELECT expiring_until, expiring_ledger_id FROM loyalty_job_state WHERE id = 1",
        )?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    match row {
        Some((until, id)) if !until.is_empty() => Ok(Some((parse_ts(&until)?, id))),
        _ => Ok(None),
    }
}

fn changed_since(conn: &Connection, ledger_id: i64) -> Result<BTreeSet<i64>> {
    let ids = conn
        .prepare_cached("SELECT DISTINCT customer_id FROM points_ledger WHERE id > ?1")?
        .query_map([ledger_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

/// The job's last step: bring `loyalty_expiring` up to `now` + [`HORIZON_DAYS`]. Writes nothing
/// when nothing changed since the last run at the same time.
pub(crate) fn remember_in_tx(tx: &Connection, now: DateTime<Utc>) -> Result<()> {
    let until = now + Duration::days(HORIZON_DAYS);
    let max_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM points_ledger", [], |r| {
        r.get(0)
    })?;
    let last = stored(tx)?;
    let refresh = match last {
        Some((u, id)) if u == until && id == max_id => return Ok(()),
        // a clock that went back: start over
        Some((u, _)) if u > until => None,
        Some((u, id)) => {
            let mut set = changed_since(tx, id)?;
            // lots that came into the window since the last run
            let mut stmt = tx.prepare_cached(
                "SELECT DISTINCT customer_id FROM points_ledger
                 WHERE expires_at > ?1 AND expires_at <= ?2 AND delta > 0",
            )?;
            for c in stmt.query_map([ts(u), ts(until)], |r| r.get::<_, i64>(0))? {
                set.insert(c?);
            }
            inactivity_candidates(tx, until, &mut set)?;
            Some(set)
        }
        None => None,
    };
    let refresh = match refresh {
        Some(set) => {
            let mut del =
                tx.prepare_cached("DELETE FROM loyalty_expiring WHERE customer_id = ?1")?;
            for c in &set {
                del.execute([c])?;
            }
            tx.execute(
                "DELETE FROM loyalty_expiring WHERE expires_at <= ?1",
                [ts(now)],
            )?;
            set
        }
        None => {
            tx.execute("DELETE FROM loyalty_expiring", [])?;
            candidates(tx, until)?
        }
    };
    let mut put = tx.prepare_cached(
        "INSERT INTO loyalty_expiring (customer_id, expires_at, points) VALUES (?1, ?2, ?3)
         ON CONFLICT (customer_id, expires_at) DO UPDATE SET points = points + excluded.points",
    )?;
    replayed(tx, &refresh, now, until, |c, exp| {
        let mut by_time: BTreeMap<DateTime<Utc>, i64> = BTreeMap::new();
        for (points, at) in exp {
            *by_time.entry(at).or_default() += points;
        }
        for (at, points) in by_time {
            put.execute(params![c, ts(at), points])?;
        }
        Ok(())
    })?;
    tx.execute(
        "INSERT INTO loyalty_job_state (id, expiring_until, expiring_ledger_id) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET expiring_until = excluded.expiring_until,
             expiring_ledger_id = excluded.expiring_ledger_id",
        params![ts(until), max_id],
    )?;
    Ok(())
}

/// Customers with points expiring within `within_days`, soonest first: (how many, the first
/// `limit` with names). Served from the job's stored list when it covers the window (see the
/// module doc); else the full replay.
pub fn expiring_page(
    conn: &Connection,
    now: DateTime<Utc>,
    within_days: i64,
    limit: usize,
) -> Result<(u64, Vec<ExpiringPoints>)> {
    let until = now + Duration::days(within_days);
    let Some((_, ledger_id)) =
        stored(conn)?.filter(|(u, _)| *u >= until && *u - Duration::days(HORIZON_DAYS) <= now)
    else {
        let all = expiring_of(conn, now, within_days)?;
        let n = all.len() as u64;
        return Ok((n, all.into_iter().take(limit).collect()));
    };
    let changed = changed_since(conn, ledger_id)?;
    let (from, to) = (ts(now), ts(until));
    // How many: one pass over the stored rows in key order (customer, time), so the grouping
    // needs no sort (the horizon keeps the table small); customers replayed below are taken out.
    let mut count: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT customer_id FROM loyalty_expiring
             WHERE +expires_at > ?1 AND +expires_at <= ?2 GROUP BY customer_id)",
        )?
        .query_row([&from, &to], |r| r.get(0))?;
    let mut stored_in_window = conn.prepare_cached(
        "SELECT 1 FROM loyalty_expiring WHERE customer_id = ?1 AND expires_at > ?2
         AND expires_at <= ?3 LIMIT 1",
    )?;
    for c in &changed {
        if stored_in_window.exists(params![c, from, to])? {
            count -= 1;
        }
    }
    // The first rows: the expiry index soonest first, until `limit` customers (each customer's
    // first row is its earliest expiry), then each one's points in the window.
    let mut found: Vec<(i64, i64, DateTime<Utc>)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut walk = conn.prepare_cached(
        "SELECT customer_id FROM loyalty_expiring INDEXED BY loyalty_expiring_at
         WHERE expires_at > ?1 AND expires_at <= ?2 ORDER BY expires_at, customer_id",
    )?;
    let mut sum = conn.prepare_cached(
        "SELECT sum(points), min(expires_at) FROM loyalty_expiring
         WHERE customer_id = ?1 AND expires_at > ?2 AND expires_at <= ?3",
    )?;
    let mut rows = walk.query([&from, &to])?;
    while seen.len() < limit {
        let Some(r) = rows.next()? else { break };
        let c: i64 = r.get(0)?;
        if changed.contains(&c) || !seen.insert(c) {
            continue;
        }
        let (points, first): (i64, String) =
            sum.query_row(params![c, from, to], |r| Ok((r.get(0)?, r.get(1)?)))?;
        found.push((c, points, parse_ts(&first)?));
    }
    replayed(conn, &changed, now, until, |c, exp| {
        let (points, first) = sum_of(&exp, until);
        found.push((c, points, first));
        count += 1;
        Ok(())
    })?;
    Ok((count.max(0) as u64, named(conn, found, limit)?))
}

/// Customers with points expiring within `within_days` (30 and 7 for the reminders), soonest
/// first. Already expired points are not listed.
pub fn expiring(store: &Store, s: &Session, within_days: i64) -> Result<Vec<ExpiringPoints>> {
    s.require(Permission::WorkWithCustomers)?;
    Ok(expiring_page(store.conn(), store.now(), within_days, usize::MAX)?.1)
}
