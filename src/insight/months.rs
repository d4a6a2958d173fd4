//! Monthly snapshots (`customer_class_months`): the class and stage of every customer who had
//! bought by each month end, scored as of that month's last shop day with the params of the
//! pass (in median mode, that month's medians). A snapshot is exactly a re-score as of its
//! month end: both go through [`History::facts_at`] and [`super::pass::decide`].
//!
//! The first pass back-fills every completed month from the first counted order's month (at
//! most [`MAX_BACK`] months back) to last month; each later pass adds the months that have
//! completed since. Past months are never rewritten (they are history as it was scored).
//! Cost: the history is read once by the pass; each month is one walk over it in memory, then
//! one multi-row insert of its rows.

use super::history::History;
use super::rules::InsightParams;
use crate::{db::multirow::insert_rows, Result};
use chrono::{Datelike, Months, NaiveDate};
use rusqlite::Connection;

/// How far back the first pass fills in.
pub const MAX_BACK: u32 = 36;

/// More missing months than this: the by-customer index is dropped and built again.
const REBUILD_FROM: usize = 3;
/// As migrations/0016_insight.sql creates it.
const CUSTOMER_INDEX: &str =
    "CREATE INDEX customer_class_months_customer ON customer_class_months (customer_id, month)";

/// "YYYY-MM" of a day.
pub fn month_of(day: NaiveDate) -> String {
    format!("{:04}-{:02}", day.year(), day.month())
}

/// The last day of the month `day` is in.
pub fn month_end(day: NaiveDate) -> NaiveDate {
    let first = day.with_day(1).unwrap_or(day);
    first
        .checked_add_months(Months::new(1))
        .map_or(day, |n| n.pred_opt().unwrap_or(day))
}

/// Completed month ends before `as_of`'s month, from the first order's month (capped), oldest
/// first.
pub(crate) fn completed_month_ends(first_order: NaiveDate, as_of: NaiveDate) -> Vec<NaiveDate> {
    let this_month = as_of.with_day(1).unwrap_or(as_of);
    let cap = this_month
        .checked_sub_months(Months::new(MAX_BACK))
        .unwrap_or(this_month);
    let mut m = first_order.with_day(1).unwrap_or(first_order).max(cap);
    let mut out = Vec::new();
    while m < this_month {
        out.push(month_end(m));
        m = m.checked_add_months(Months::new(1)).unwrap_or(this_month);
    }
    out
}

/// Add the completed months that have no snapshot yet; returns them ("YYYY-MM").
pub(crate) fn add_missing(
    tx: &Connection,
    hist: &History,
    p: &InsightParams,
    as_of: NaiveDate,
) -> Result<Vec<String>> {
    let Some(first) = hist.first_day else {
        return Ok(Vec::new());
    };
    let mut have =
        tx.prepare_cached("SELECT 1 FROM customer_class_months WHERE month = ?1 LIMIT 1")?;
    let mut missing = Vec::new();
    for end in completed_month_ends(hist.date(first), as_of) {
        if !have.exists([month_of(end)])? {
            missing.push(end);
        }
    }
    write_months(tx, hist, p, &missing)
}

/// Write the snapshots of these month ends (none of them stored yet); returns "YYYY-MM" each.
pub(crate) fn write_months(
    tx: &Connection,
    hist: &History,
    p: &InsightParams,
    ends: &[NaiveDate],
) -> Result<Vec<String>> {
    // A back-fill writes months of rows: the by-customer index is built once afterwards (one
    // sort) instead of taking every row at a random place.
    let rebuild = ends.len() > REBUILD_FROM;
    if rebuild {
        tx.execute_batch("DROP INDEX IF EXISTS customer_class_months_customer")?;
    }
    let mut added = Vec::new();
    for end in ends {
        let month = month_of(*end);
        write_month(tx, hist, p, *end, &month)?;
        added.push(month);
    }
    if rebuild {
        tx.execute_batch(CUSTOMER_INDEX)?;
    }
    Ok(added)
}

/// Score as of `end` and store the buyers-to-date.
fn write_month(
    tx: &Connection,
    hist: &History,
    p: &InsightParams,
    end: NaiveDate,
    month: &str,
) -> Result<()> {
    let facts = hist.facts_at(hist.day_number(end), p.window_days);
    let (_, rows) = super::decide::decide(&facts, p);
    let values: Vec<(&str, i64, Option<&'static str>, &'static str)> = hist
        .ids
        .iter()
        .zip(&rows)
        .filter(|(_, r)| r.facts.lifetime > 0)
        .map(|(id, r)| (month, *id, r.class.map(|c| c.as_str()), r.stage.as_str()))
        .collect();
    insert_rows(
        tx,
        "INSERT INTO customer_class_months (month, customer_id, rfm_class, stage)",
        "(?,?,?,?)",
        &values,
        |row, out| {
            out.push(&row.0);
            out.push(&row.1);
            out.push(&row.2);
            out.push(&row.3);
        },
    )
}
