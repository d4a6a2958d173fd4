//! Entering a year's official holiday arrangement (issue 17): the State Council publishes each
//! year's 放假安排 (days off moved into bridges, 调休 working weekends) late in the year before;
//! until the owner or a manager enters it, that year runs on the computed statutory days. The
//! arrangement comes typed (date, off|work, name) or from an .ics file ([`holidays::ics`]); it
//! replaces the whole year (shop > official > computed, see [`crate::holidays`]). Owner or
//! manager ([`Permission::EnterHolidays`]), audited, and open tickets' SLA due times follow in
//! the same transaction. It lives here, not in `holidays`, because of that recomputation.

use super::calendar::load_schedule;
use crate::{
    audit,
    auth::{Permission, Session},
    holidays::{
        self,
        ics::{self, ArrangementEntry},
        HolidayKind, HolidayYear,
    },
    settings,
    store::{ts, Store},
    Error, Result,
};
use chrono::Datelike;
use serde_json::json;
use std::collections::{BTreeMap, BTreeSet};

/// What an .ics import changed.
#[derive(serde::Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IcsImport {
    /// The years now taken from the shop's arrangement, each as it now applies.
    pub years: Vec<HolidayYear>,
    /// Summaries of events that were neither days off nor working days.
    pub skipped: Vec<String>,
}

/// A year in the supported range; every date in it once; names ≤ 30; at least one day off.
fn check_entries(year: i32, entries: &[ArrangementEntry]) -> Result<()> {
    if !(holidays::statutory::FIRST_YEAR..=holidays::statutory::LAST_YEAR).contains(&year) {
        return Err(Error::invalid(
            format!(
                "年份：{year} 不在 {}–{} 之间。",
                holidays::statutory::FIRST_YEAR,
                holidays::statutory::LAST_YEAR
            ),
            format!(
                "Year: {year} is not between {} and {}.",
                holidays::statutory::FIRST_YEAR,
                holidays::statutory::LAST_YEAR
            ),
        ));
    }
    if !entries.iter().any(|e| e.kind == HolidayKind::Off) {
        return Err(Error::invalid(
            format!("{year} 年的放假安排至少要有一天放假。"),
            format!("The {year} arrangement needs at least one day off."),
        ));
    }
    let mut seen = BTreeSet::new();
    for e in entries {
        if e.day.year() != year {
            return Err(Error::invalid(
                format!("日期 {} 不在 {year} 年。", e.day),
                format!("The date {} is not in {year}.", e.day),
            ));
        }
        if !seen.insert(e.day) {
            return Err(Error::invalid(
                format!("日期 {} 出现了两次。", e.day),
                format!("The date {} is listed twice.", e.day),
            ));
        }
        if e.name.trim().chars().count() > 30 {
            return Err(Error::invalid(
                "名称：最多 30 个字。",
                "Name: at most 30 characters.",
            ));
        }
    }
    Ok(())
}

fn default_name(kind: HolidayKind) -> &'static str {
    match kind {
        HolidayKind::Off => "放假",
        HolidayKind::Work => "调休上班",
    }
}

/// Replace `year` with the typed arrangement (days off and 调休 working days, each once, all in
/// that year, at least one day off). Returns the year as it now applies.
pub fn set_year(
    store: &Store,
    s: &Session,
    year: i32,
    entries: &[ArrangementEntry],
) -> Result<HolidayYear> {
    set_years(
        store,
        s,
        &BTreeMap::from([(year, entries.to_vec())]),
        "typed",
    )?;
    current(store, year)
}

/// Replace each year of `by_year`; `how` ("typed", "ics") goes into the audit.
fn set_years(
    store: &Store,
    s: &Session,
    by_year: &BTreeMap<i32, Vec<ArrangementEntry>>,
    how: &str,
) -> Result<()> {
    s.require(Permission::EnterHolidays)?;
    for (year, entries) in by_year {
        check_entries(*year, entries)?;
    }
    let tz = settings::timezone(store);
    store.write(|tx, now| {
        for (year, entries) in by_year {
            tx.execute("DELETE FROM holiday_days WHERE year = ?1", [year])?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO holiday_days (day, year, kind, name, updated_at, updated_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for e in entries {
                let name = match e.name.trim() {
                    "" => default_name(e.kind),
                    n => n,
                };
                ins.execute(rusqlite::params![
                    e.day.to_string(),
                    year,
                    e.kind.as_str(),
                    name,
                    ts(now),
                    s.username()
                ])?;
            }
            let off = entries
                .iter()
                .filter(|e| e.kind == HolidayKind::Off)
                .count();
            audit::record(
                tx,
                now,
                s.audit_actor(),
                "holiday_year_set",
                &year.to_string(),
                json!({ "from": how, "off": off, "work": entries.len() - off }),
            )?;
        }
        super::due::refresh_all_open(tx, &load_schedule(tx, tz)?, now)
    })
}

/// Import days off and 调休 working days from an .ics text; with `only_year`, the other years
/// of the file are left out. Every year the file has (after that filter) is replaced.
pub fn import_ics(
    store: &Store,
    s: &Session,
    text: &str,
    only_year: Option<i32>,
) -> Result<IcsImport> {
    s.require(Permission::EnterHolidays)?;
    let parsed = ics::parse(text).map_err(|e| {
        Error::invalid(
            format!("这个文件不是可读的日历（.ics）文件：{e}"),
            format!("This file is not a readable calendar (.ics) file: {e}"),
        )
    })?;
    let mut by_year: BTreeMap<i32, Vec<ArrangementEntry>> = BTreeMap::new();
    for e in parsed.entries {
        if only_year.is_none() || only_year == Some(e.day.year()) {
            let list = by_year.entry(e.day.year()).or_default();
            // A day listed twice (overlapping events): the last event says what it is.
            list.retain(|x| x.day != e.day);
            list.push(e);
        }
    }
    if by_year.is_empty() {
        let which = only_year.map(|y| y.to_string()).unwrap_or_default();
        return Err(Error::invalid(
            format!("文件里没有 {which} 年的放假或调休上班日（日程标题要含“休”或“班”）。"),
            format!(
                "The file has no {which} days off or working days (event titles say 休 or 班)."
            ),
        ));
    }
    set_years(store, s, &by_year, "ics")?;
    Ok(IcsImport {
        years: by_year
            .keys()
            .map(|y| current(store, *y))
            .collect::<Result<_>>()?,
        skipped: parsed.skipped,
    })
}

/// Largest .ics file read (a year's holidays are a few kilobytes).
const MAX_ICS_BYTES: u64 = 1 << 20;

/// [`import_ics`] from a file (UTF-8, as RFC 5545 says), for the CLI and the app.
pub fn import_ics_file(
    store: &Store,
    s: &Session,
    path: &std::path::Path,
    only_year: Option<i32>,
) -> Result<IcsImport> {
    s.require(Permission::EnterHolidays)?;
    let too_big = std::fs::metadata(path).map_err(Error::Io)?.len() > MAX_ICS_BYTES;
    let text = std::fs::read(path)
        .map_err(Error::Io)
        .map(|b| String::from_utf8(b).ok());
    match (too_big, text?) {
        (false, Some(text)) => import_ics(store, s, &text, only_year),
        _ => Err(Error::invalid(
            "这个文件不是可读的日历（.ics）文件：要求 UTF-8 编码、不超过 1 MB。",
            "This file is not a readable calendar (.ics) file: UTF-8, at most 1 MB.",
        )),
    }
}

/// Forget the shop's arrangement of `year`: it follows the official schedule or the computed
/// statutory days again. Owner or manager; audited; due times follow.
pub fn clear_year(store: &Store, s: &Session, year: i32) -> Result<HolidayYear> {
    s.require(Permission::EnterHolidays)?;
    let tz = settings::timezone(store);
    store.write(|tx, now| {
        let n = tx.execute("DELETE FROM holiday_days WHERE year = ?1", [year])?;
        if n > 0 {
            audit::record(
                tx,
                now,
                s.audit_actor(),
                "holiday_year_cleared",
                &year.to_string(),
                json!({ "days": n }),
            )?;
            super::due::refresh_all_open(tx, &load_schedule(tx, tz)?, now)?;
        }
        Ok(())
    })?;
    current(store, year)
}

/// A year as it applies (every role that works tickets may read it).
pub fn year(store: &Store, s: &Session, year: i32) -> Result<HolidayYear> {
    s.require(Permission::WorkWithCustomers)?;
    current(store, year)
}

fn current(store: &Store, year: i32) -> Result<HolidayYear> {
    holidays::year(store.conn(), year)?.ok_or_else(|| {
        Error::invalid(
            format!(
                "年份：{year} 不在 {}–{} 之间。",
                holidays::statutory::FIRST_YEAR,
                holidays::statutory::LAST_YEAR
            ),
            format!(
                "Year: {year} is not between {} and {}.",
                holidays::statutory::FIRST_YEAR,
                holidays::statutory::LAST_YEAR
            ),
        )
    })
}
