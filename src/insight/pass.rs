//! The scoring pass: every live customer's R/F/M, class, quintiles, stage and 老客 flag as of
//! one shop day, stored in `customer_scores` (only what changed: [`super::write`]) with an
//! `insight_runs` row saying as of when and with which resolved lines — and the monthly
//! snapshots brought up to date — in one transaction. Also where the params live (`settings` key `insight.params`) and when the
//! periodic job should run the pass again ([`is_due`]).

use super::decide::decide;
use super::history::History;
use super::months;
use super::rules::InsightParams;
use super::write;
use crate::{
    auth::{Permission, Session},
    settings,
    store::{ts, Store},
    time, Error, Result,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::time::Instant;

pub const PARAMS_KEY: &str = "insight.params";

/// The params as configured (defaults when never saved or unreadable).
pub fn params_in(conn: &Connection) -> Result<InsightParams> {
    Ok(settings::read_value(conn, PARAMS_KEY)?
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

/// What one pass did.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PassReport {
    /// The as-of shop day, `YYYY-MM-DD`.
    pub as_of: String,
    pub customers: u32,
    pub buyers: u32,
    /// Monthly snapshots written by this pass ("YYYY-MM").
    pub months_added: Vec<String>,
    /// Customers whose stored row this pass wrote (new, changed or gone): a pass after one sale
    /// writes one, a new shop day the buyers whose R moved.
    pub rows_written: u32,
    pub millis: u32,
}

/// The shop day now.
pub(crate) fn today(conn: &Connection, now: DateTime<Utc>) -> NaiveDate {
    time::shop_day_of(now, settings::timezone_in(conn))
}

/// Run the pass as of `as_of` (default: today's shop day). Any signed-in role may run it (it is
/// housekeeping, like the loyalty job); `reason` says why ("job", "import", "settings", …).
pub fn score(
    store: &Store,
    s: &Session,
    as_of: Option<NaiveDate>,
    reason: &str,
) -> Result<PassReport> {
    s.require(Permission::WorkWithCustomers)?;
    store.write(|tx, now| score_in_tx(tx, now, as_of, reason))
}

/// [`score`] inside the caller's transaction (an import, a settings change).
pub fn score_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    as_of: Option<NaiveDate>,
    reason: &str,
) -> Result<PassReport> {
    let started = Instant::now();
    let tz = settings::timezone_in(tx);
    let day = as_of.unwrap_or_else(|| today(tx, now));
    if day > today(tx, now) {
        return Err(Error::invalid(
            format!("不能按将来的日期（{day}）评分。"),
            format!("Cannot score as of a future day ({day})."),
        ));
    }
    let p = params_in(tx)?;
    let hist = History::read(tx, tz, day)?;
    let facts = hist.facts_at(hist.day_number(day), p.window_days);
    let (lines, rows) = decide(&facts, &p);
    let written = write::store_scores(tx, day, &hist.ids, &rows)?;
    let months_added = months::add_missing(tx, &hist, &p, day)?;
    let buyers = facts.iter().filter(|f| f.is_buyer()).count() as u32;
    let millis = started.elapsed().as_millis() as u32;
    tx.execute(
        "INSERT INTO insight_runs (as_of, scored_at, params, customers, millis, reason, source_mark)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params![
            day.to_string(),
            ts(now),
            serde_json::to_string(&super::decide::resolved(&p, &lines)).map_err(|e| Error::Internal(e.to_string()))?,
            hist.ids.len() as i64,
            i64::from(millis),
            reason,
            source_mark(tx)?,
        ],
    )?;
    Ok(PassReport {
        as_of: day.to_string(),
        customers: hist.ids.len() as u32,
        buyers,
        months_added,
        rows_written: written.rows(),
        millis,
    })
}

/// Counts and sums that change whenever a counted order or the set of live customers changes
/// (a scan of `customer_stats` and of `customers`, tens of milliseconds at 100k).
pub(crate) fn source_mark(conn: &Connection) -> Result<String> {
    Ok(conn.query_row(
        "SELECT (SELECT count(*) || ':' || total(orders_count) || ':' || total(spend_fen) || ':'
                        || ifnull(max(last_order_at), '') || ':' || ifnull(min(first_order_at), '')
                 FROM customer_stats)
             || '|' || (SELECT count(*) || ':' || ifnull(max(id), 0) FROM customers
                        WHERE deleted_at IS NULL AND merged_into IS NULL AND erased_at IS NULL)",
        [],
        |r| r.get(0),
    )?)
}

/// The newest run: (as-of day, scored at, resolved params, source mark).
pub(crate) fn last_run(
    conn: &Connection,
) -> Result<Option<(String, String, InsightParams, String)>> {
    let row: Option<(String, String, String, String)> = conn
        .query_row(
            "SELECT as_of, scored_at, params, source_mark FROM insight_runs ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(row.map(|(a, s, p, m)| (a, s, serde_json::from_str(&p).unwrap_or_default(), m)))
}

/// Whether the periodic job should score now: never scored, a new shop day began since the
/// stored as-of day, or the orders / live customers changed since the last pass.
pub fn is_due(conn: &Connection, now: DateTime<Utc>) -> Result<bool> {
    let Some((as_of, _, _, mark)) = last_run(conn)? else {
        return Ok(true);
    };
    Ok(as_of < today(conn, now).to_string() || mark != source_mark(conn)?)
}

/// The job's step: score when [`is_due`]; `None` when nothing needed doing (idempotent).
pub fn run_if_due(store: &Store, s: &Session) -> Result<Option<PassReport>> {
    s.require(Permission::WorkWithCustomers)?;
    if !is_due(store.conn(), store.now())? {
        return Ok(None);
    }
    score(store, s, None, "job").map(Some)
}
