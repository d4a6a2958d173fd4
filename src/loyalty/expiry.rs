//! Points expiry. The policy in force when a lot is earned is stamped on the lot
//! ([`stamp`]): "after earning" gets its date, "inactivity" its months; a later policy never
//! reaches back. Reminders (30 and 7 days before) are a query: [`expiring`].
//!
//! The job writes **one `expire` row per customer per run** (key
//! `expire:{cutoff}:customer:{id}`), closing every lot of that customer due at that time; its
//! `lot_id` is the newest lot it closes and its delta minus what was left of them (see
//! [`super::lots`] for how the replay reads it). Running again at the same time hits the key;
//! later, the replay shows those lots closed — either way nothing is expired twice. Why one per
//! customer and not one per lot: the mass-expiry day. Twelve months after loyalty is switched on,
//! every lot the first run earned expires at once: on the 100k-customer benchmark store that was
//! 909,346 rows written in the job's one transaction (~26–36 s); now it is 68,853.
//!
//! The rest of that day is made fast too (docs/BENCHMARKS.md, Loyalty: 22–25 s → 1.7–2.2 s with
//! the tiers, on the shared machine). When a LIMITed count shows that lots of at least half the
//! points holders came due since the watermark (`mass_expiry_day`), one sequential pass over
//! the ledger table (`scan`) finds the candidates itself; otherwise they come from an index-only
//! walk (`candidates`) and, if many, the same pass. On that pass a customer with no expiry row
//! yet whose every lot is past its date — everyone, that day — gets its amount from a small
//! summary (`summaries`, exact by construction); the others are replayed (`for_each_ledger`).
//! The rows are written 5,000 per INSERT statement (`write`).

use super::ledger::Reason;
use super::lots::{customer_expiry_key, expiry_kind, replay_rows, LotRow};
use super::rules::{ExpiryPolicy, RuleVersion};
use crate::{
    time::{parse_ts, ts},
    Result,
};
use chrono::{DateTime, Months, Utc};
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExpiryReport {
    /// Customers with points expired = expiry rows written (one per customer per run).
    pub customers: u64,
    /// Lots those rows closed.
    pub lots: u64,
    pub points: i64,
}

/// Customers who may have lots due by `until` (after-earning lots past their date and not
/// closed; customers holding open inactivity lots whose last activity is old enough).
pub(crate) fn candidates(conn: &Connection, until: DateTime<Utc>) -> Result<BTreeSet<i64>> {
    let mut out = BTreeSet::new();
    // Lots past the watermark are open (the job that would have closed one moves the mark past
    // it); before the first run since 0009 the mark is empty and each lot is checked.
    let swept = swept_until(conn)?;
    let sql = if swept.is_empty() {
        "SELECT DISTINCT l.customer_id FROM points_ledger l
         WHERE l.expires_at > ?2 AND l.expires_at <= ?1 AND l.delta > 0
           AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.lot_id = l.id AND x.reason = 'expire')"
    } else {
        "SELECT DISTINCT customer_id FROM points_ledger
         WHERE expires_at > ?2 AND expires_at <= ?1 AND delta > 0"
    };
    let mut stmt = conn.prepare_cached(sql)?;
    for id in stmt.query_map(rusqlite::params![ts(until), swept], |r| r.get::<_, i64>(0))? {
        out.insert(id?);
    }
    inactivity_candidates(conn, until, &mut out)?;
    Ok(out)
}

/// Customers holding an inactivity lot that may be open and due by `until`. A lot is surely
/// closed when an expiry row points at it, or when it is older than the customer's latest
/// per-customer expiry row and was due at that row's time even counted from the customer's
/// *latest* activity (a later start than the job had then, so the test never claims too much).
/// Lots are checked one by one: a bonus lot earned after the last activity must not push back
/// the deadline of the older lots.
pub(crate) fn inactivity_candidates(
    conn: &Connection,
    until: DateTime<Utc>,
    out: &mut BTreeSet<i64>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "WITH c AS (
             SELECT customer_id,
                    max(CASE WHEN reason IN ('earn', 'redeem') THEN at END) AS last,
                    max(CASE WHEN reason = 'expire' AND idempotency_key NOT LIKE 'expire:lot:%'
                             THEN id END) AS xid
             FROM points_ledger
             WHERE customer_id IN (SELECT customer_id FROM points_ledger
                                   WHERE expiry_kind = 'inactivity')
             GROUP BY customer_id)
         SELECT l.customer_id, l.id, l.at, l.expiry_months, c.last, c.xid,
                (SELECT x.at FROM points_ledger x WHERE x.id = c.xid)
         FROM points_ledger l JOIN c ON c.customer_id = l.customer_id
         WHERE l.expiry_kind = 'inactivity' AND l.delta > 0
           AND NOT EXISTS (SELECT 1 FROM points_ledger x WHERE x.lot_id = l.id AND x.reason = 'expire')",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<u32>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<i64>>(5)?,
            r.get::<_, Option<String>>(6)?,
        ))
    })?;
    for row in rows {
        let (customer, lot, lot_at, months, last, xid, x_at) = row?;
        if out.contains(&customer) {
            continue;
        }
        let lot_at = parse_ts(&lot_at)?;
        let from = match last {
            Some(l) => parse_ts(&l)?.max(lot_at),
            None => lot_at,
        };
        let Some(deadline) = months.and_then(|m| from.checked_add_months(Months::new(m))) else {
            continue;
        };
        let closed = match (xid, &x_at) {
            (Some(x), Some(x_at)) => lot < x && deadline <= parse_ts(x_at)?,
            _ => false,
        };
        if !closed && deadline <= until {
            out.insert(customer);
        }
    }
    Ok(())
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
    let planned = plan(tx, now)?;
    write(tx, now, &planned)
}

/// One customer's expiry row to write.
pub(crate) struct Due {
    customer: i64,
    lots: u64,
    points: i64,
    newest_lot: i64,
}

/// Below this many candidates each ledger is read on its own (the everyday job: a handful).
/// Debug builds (the tests) take the one-pass path and its shortcut from 2 candidates, so the
/// small test stores exercise both paths; release builds from 2,000.
const ONE_PASS_FROM: usize = if cfg!(debug_assertions) { 2 } else { 2_000 };

/// Whether one pass over the whole ledger beats a query per candidate. Measured on the
/// benchmark store: the pass costs about as much as 30,000 single-customer queries, so it pays
/// from about half of the customers holding points.
fn one_pass(conn: &Connection, candidates: usize) -> Result<bool> {
    if candidates < ONE_PASS_FROM {
        return Ok(false);
    }
    let holders: i64 = conn
        .prepare_cached("SELECT count(*) FROM points_balances")?
        .query_row([], |r| r.get(0))?;
    Ok(candidates as i64 * 2 >= holders)
}

/// Whether so many after-earning lots came due since the watermark that one pass over the
/// ledger should find the candidates itself: at least as many lots as the one-pass threshold
/// and half of the customers holding points (counted with a LIMIT, so an ordinary day reads a
/// few index entries, not the whole range). Needs a watermark (set by every run since 0009).
fn mass_expiry_day(conn: &Connection, now: DateTime<Utc>, swept: &str) -> Result<bool> {
    if swept.is_empty() {
        return Ok(false);
    }
    let mut count = conn.prepare_cached(
        "SELECT count(*) FROM (SELECT 1 FROM points_ledger
         WHERE expires_at > ?2 AND expires_at <= ?1 AND delta > 0 LIMIT ?3)",
    )?;
    let mut at_least = |n: i64| -> Result<bool> {
        let due: i64 = count.query_row(rusqlite::params![ts(now), swept, n], |r| r.get(0))?;
        Ok(due >= n)
    };
    // an ordinary day stops here, after a few index entries
    if !at_least(ONE_PASS_FROM as i64)? {
        return Ok(false);
    }
    let holders: i64 = conn
        .prepare_cached("SELECT count(*) FROM points_balances")?
        .query_row([], |r| r.get(0))?;
    at_least((ONE_PASS_FROM as i64).max(holders / 2))
}

/// Calls `f` with each candidate's rows (in id order), customers in ascending order.
/// Customers without rows are skipped.
pub(crate) fn for_each_ledger(
    conn: &Connection,
    customers: &BTreeSet<i64>,
    mut f: impl FnMut(i64, Vec<LotRow>) -> Result<()>,
) -> Result<()> {
    const COLUMNS: &str = "customer_id, id, delta, reason, at, usable_from, expiry_kind,
        expiry_months, expires_at, lot_id, reverses_id,
        reason = 'expire' AND idempotency_key NOT LIKE 'expire:lot:%'";
    fn row(r: &rusqlite::Row) -> rusqlite::Result<(i64, LotRow)> {
        // borrowed text, no allocation per row: this runs a million times on the mass-expiry day
        let text = |i: usize| -> rusqlite::Result<&str> { Ok(r.get_ref(i)?.as_str()?) };
        let reason = Reason::parse(text(3)?).unwrap_or(Reason::Adjust);
        Ok((
            r.get(0)?,
            LotRow {
                id: r.get(1)?,
                delta: r.get(2)?,
                reason,
                at: parse_ts(text(4)?)?,
                usable_from: parse_ts(text(5)?)?,
                expiry_kind: expiry_kind(text(6)?),
                expiry_months: r.get(7)?,
                expires_at: r.get_ref(8)?.as_str_or_null()?.map(parse_ts).transpose()?,
                lot_id: r.get(9)?,
                reverses_id: r.get(10)?,
                closes_all_due: r.get(11)?,
            },
        ))
    }
    if customers.is_empty() {
        return Ok(());
    }
    if !one_pass(conn, customers.len())? {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM points_ledger WHERE customer_id = ?1 ORDER BY id"
        ))?;
        for &c in customers {
            let rows = stmt
                .query_map([c], row)?
                .map(|r| r.map(|x| x.1))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            if !rows.is_empty() {
                f(c, rows)?;
            }
        }
        return Ok(());
    }
    let mut ledgers: Vec<Vec<LotRow>> = vec![Vec::new(); customers.len()];
    scan(conn, COLUMNS, customers, |i, r| {
        ledgers[i].push(row(r)?.1);
        Ok(())
    })?;
    for (&c, rows) in customers.iter().zip(ledgers) {
        if !rows.is_empty() {
            f(c, rows)?;
        }
    }
    Ok(())
}

/// One pass over the ledger table in rowid (= id) order, calling `f` with the candidate's
/// position in `customers` and the row, for the candidates' rows only. `columns` starts with
/// `customer_id`. Sequential: walking the customer index instead costs a random table read per
/// row (measured ~1.5× slower on the benchmark store).
fn scan(
    conn: &Connection,
    columns: &str,
    customers: &BTreeSet<i64>,
    mut f: impl FnMut(usize, &rusqlite::Row) -> Result<()>,
) -> Result<()> {
    let (Some(&first), Some(&last)) = (customers.first(), customers.last()) else {
        return Ok(());
    };
    // where each candidate's rows go: a direct table over the id range when the candidates are
    // dense (the mass-expiry day), else a binary search
    let sorted: Vec<i64> = customers.iter().copied().collect();
    let span = usize::try_from(last - first + 1).unwrap_or(usize::MAX);
    let direct: Option<Vec<u32>> = (span <= sorted.len().saturating_mul(16)).then(|| {
        let mut t = vec![u32::MAX; span];
        for (i, &c) in sorted.iter().enumerate() {
            t[(c - first) as usize] = i as u32;
        }
        t
    });
    let slot = |c: i64| -> Option<usize> {
        if c < first || c > last {
            return None;
        }
        match &direct {
            Some(t) => Some(t[(c - first) as usize])
                .filter(|&i| i != u32::MAX)
                .map(|i| i as usize),
            None => sorted.binary_search(&c).ok(),
        }
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {columns} FROM points_ledger WHERE +customer_id BETWEEN ?1 AND ?2"
    ))?;
    let mut rows = stmt.query([first, last])?;
    while let Some(r) = rows.next()? {
        if let Some(i) = slot(r.get(0)?) {
            f(i, r)?;
        }
    }
    Ok(())
}

/// What the fast path needs of one customer's rows.
#[derive(Clone, Copy)]
struct Summary {
    sum: i64,
    lots: u64,
    newest_lot: i64,
    /// Every lot is an after-earning lot past its date.
    all_due: bool,
    /// The customer has an expiry row (so some lot may be closed already).
    expired_before: bool,
    /// An after-earning lot came due since the watermark.
    newly_due: bool,
}

/// The mass-expiry day's shortcut, exact by construction: a customer with no expiry row yet
/// whose every lot (positive row) is an after-earning lot past its date has every lot due and
/// none closed, so the job's amount — what is left of the due lots, at most the balance — is
/// the balance (what is left of all lots is the balance plus any debt), the lot count is the
/// number of positive rows and the newest lot the highest positive id. Those customers need
/// one small summary each from a pass over the table instead of their rows in memory and a
/// replay; the others (returned second) get the replay.
///
/// `found`: `customers` are the candidates already (None), or every customer holding points, the
/// candidates to be found on the pass — a lot come due since the watermark `swept`, or one of
/// the `inactive` candidates (Some) — which spares the candidate search's walk over the expiry
/// index on the mass-expiry day.
fn summaries(
    conn: &Connection,
    now: DateTime<Utc>,
    customers: &BTreeSet<i64>,
    found: Option<(DateTime<Utc>, &BTreeSet<i64>)>,
) -> Result<(Vec<Due>, BTreeSet<i64>)> {
    let mut acc = vec![
        Summary {
            sum: 0,
            lots: 0,
            newest_lot: 0,
            all_due: true,
            expired_before: false,
            newly_due: false,
        };
        customers.len()
    ];
    let swept = found.map(|f| f.0);
    scan(
        conn,
        "customer_id, id, delta, reason, expiry_kind, expires_at",
        customers,
        |i, r| {
            let a = &mut acc[i];
            let delta: i64 = r.get(2)?;
            a.sum += delta;
            let text = |i: usize| -> rusqlite::Result<Option<&str>> {
                Ok(r.get_ref(i)?.as_str_or_null()?)
            };
            if delta > 0 {
                a.lots += 1;
                a.newest_lot = a.newest_lot.max(r.get(1)?);
                let expires = match text(4)? {
                    Some("after_earning") => text(5)?.map(parse_ts).transpose()?,
                    _ => None,
                };
                a.all_due &= expires.is_some_and(|x| x <= now);
                a.newly_due |= expires.is_some_and(|x| x <= now && swept.map_or(true, |w| x > w));
            }
            a.expired_before |= text(3)? == Some(Reason::Expire.as_str());
            Ok(())
        },
    )?;
    let mut quick = Vec::new();
    let mut rest = BTreeSet::new();
    for (&customer, a) in customers.iter().zip(acc) {
        let candidate = match found {
            None => true,
            Some((_, inactive)) => a.newly_due || inactive.contains(&customer),
        };
        if !candidate {
            continue;
        }
        if a.lots > 0 && a.all_due && !a.expired_before {
            quick.push(Due {
                customer,
                lots: a.lots,
                points: a.sum.max(0),
                newest_lot: a.newest_lot,
            });
        } else {
            rest.insert(customer);
        }
    }
    Ok((quick, rest))
}

/// The expiry rows due at `now`: one per customer with due lots (0 points included, so the
/// lots are closed).
pub(crate) fn plan(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<Due>> {
    let swept = swept_until(conn)?;
    let (mut out, rest) = if mass_expiry_day(conn, now, &swept)? {
        let holders: BTreeSet<i64> = conn
            .prepare_cached("SELECT customer_id FROM points_balances")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut inactive = BTreeSet::new();
        inactivity_candidates(conn, now, &mut inactive)?;
        summaries(
            conn,
            now,
            &holders,
            Some((crate::time::parse_ts(&swept)?, &inactive)),
        )?
    } else {
        let candidates = candidates(conn, now)?;
        if one_pass(conn, candidates.len())? {
            summaries(conn, now, &candidates, None)?
        } else {
            (Vec::new(), candidates)
        }
    };
    for_each_ledger(conn, &rest, |customer, rows| {
        let lots = replay_rows(rows);
        let due = lots.due(now);
        let Some(newest_lot) = due.iter().map(|d| d.0).max() else {
            return Ok(());
        };
        // FIFO within what the customer has (a customer in debt keeps the debt)
        let room = lots.balance().max(0);
        let points = due.iter().map(|d| d.1.max(0)).sum::<i64>().min(room);
        out.push(Due {
            customer,
            lots: due.len() as u64,
            points,
            newest_lot,
        });
        Ok(())
    })?;
    out.sort_by_key(|d| d.customer);
    Ok(out)
}

/// Rows per INSERT statement when writing expiry rows.
const ROWS_PER_STATEMENT: usize = 5_000;

/// Write the planned rows, then move the watermark. Many rows per INSERT statement: inside the
/// job's transaction SQLite keeps a statement journal for every INSERT into the ledger (its
/// balance trigger could fail half-way), copying each page the statement touches — per row that
/// was ~6 page copies plus allocations, most of the cost of 69k single-row inserts (perf:
/// `subjournalPageIfRequired`, `memjrnlWrite`, malloc/free). One statement per 5,000 rows copies
/// each page once (through `ledger::append_select_returning`, the ledger's one set-based writer).
pub(crate) fn write(tx: &Connection, now: DateTime<Utc>, planned: &[Due]) -> Result<ExpiryReport> {
    let mut report = ExpiryReport::default();
    let cutoff = ts(now);
    // the rows are exactly what `ledger::append` writes for an expiry row
    let columns = "customer_id, delta, reason, source, operator, at, usable_from, expiry_kind,
                   lot_id, idempotency_key";
    let select = "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), 'expire', 'job',
                         'job', ?2, ?2, 'none', json_extract(value, '$[2]'),
                         json_extract(value, '$[3]')
                  FROM json_each(?1) WHERE true";
    for chunk in planned.chunks(ROWS_PER_STATEMENT) {
        let rows: Vec<_> = chunk
            .iter()
            .map(|d| {
                serde_json::json!([
                    d.customer,
                    -d.points,
                    d.newest_lot,
                    customer_expiry_key(d.customer, &cutoff)
                ])
            })
            .collect();
        let json = serde_json::Value::Array(rows).to_string();
        let written = super::ledger::append_select_returning(
            tx,
            columns,
            select,
            rusqlite::params![json, cutoff],
        )?;
        // a key already written (a second run at the same time) adds nothing
        for d in chunk.iter().filter(|d| written.contains(&d.customer)) {
            report.customers += 1;
            report.lots += d.lots;
            report.points += d.points;
        }
    }
    if cutoff > swept_until(tx)? {
        tx.execute(
            "INSERT INTO loyalty_job_state (id, expiry_swept_until) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET expiry_swept_until = excluded.expiry_swept_until",
            [cutoff],
        )?;
    }
    Ok(report)
}
