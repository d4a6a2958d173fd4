//! The shop's business hours and holiday calendar, as settings. Each year's holidays and 调休
//! working days come from [`crate::holidays`] (the shop's entered arrangement, else the official
//! schedule that ships in the binary, else the statutory days computed from the lunisolar
//! calendar); the shop's own exceptions are rows in `sla_calendar` that override that for one
//! date (a holiday, a working day, or `normal` = an entry of the year's arrangement removed).
//! Reading is open to everyone who works tickets; changing hours or the exceptions is a shop
//! setting (owner only), audited, and recomputes the SLA due times of open tickets in the same
//! transaction.

use super::sla::{BusinessHours, DayKind, Schedule};
use crate::{
    audit,
    auth::{Permission, Session},
    holidays::{self, official_cn, HolidayDay, HolidayKind, HolidaySource},
    settings,
    store::{ts, Store},
    Error, Result,
};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;

const HOURS_KEY: &str = "tickets.business_hours";

/// One exceptional date, as shown in settings: what applies, and — when the shop's entry
/// overrides the official schedule — what the official schedule says for that date.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CalendarDay {
    pub day: NaiveDate,
    /// What applies; `None` = an ordinary day (the shop removed an official entry).
    pub kind: Option<DayKind>,
    /// zh-CN name (of the year's arrangement), or the name the shop typed.
    pub name: String,
    /// English name (of the year's arrangement), or the name the shop typed.
    pub name_en: String,
    /// true = from the year's arrangement (official, computed or entered), unchanged by the
    /// shop's own exception for the date.
    pub official: bool,
    /// Where the year's arrangement comes from (official | computed | shop).
    pub source: HolidaySource,
    /// The arrangement's entry for this date, when the shop's exception overrides it.
    pub official_kind: Option<DayKind>,
    pub official_name: Option<String>,
    pub official_name_en: Option<String>,
}

fn day_kind(k: HolidayKind) -> DayKind {
    match k {
        HolidayKind::Off => DayKind::Holiday,
        HolidayKind::Work => DayKind::Workday,
    }
}

/// The published schedule that ships in the binary (2004–2026) as a schedule map, without the
/// computed years (for tests and tools).
pub fn official_calendar() -> BTreeMap<NaiveDate, DayKind> {
    let mut m = BTreeMap::new();
    for (list, kind) in [
        (official_cn::HOLIDAYS, DayKind::Holiday),
        (official_cn::WORKDAYS, DayKind::Workday),
    ] {
        for (d, _, _) in list {
            if let Ok(day) = d.parse::<NaiveDate>() {
                m.insert(day, kind);
            }
        }
    }
    m
}

/// The year's arrangement (shop > official > computed) by date.
fn arrangement(
    conn: &Connection,
    year: i32,
) -> Result<(HolidaySource, BTreeMap<NaiveDate, HolidayDay>)> {
    Ok(match holidays::year(conn, year)? {
        Some(y) => (y.source, y.days.into_iter().map(|d| (d.day, d)).collect()),
        None => (HolidaySource::Computed, BTreeMap::new()),
    })
}

pub(crate) fn load_hours(conn: &Connection) -> Result<BusinessHours> {
    let v: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [HOURS_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(v.and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

fn overrides(conn: &Connection) -> Result<Vec<(NaiveDate, String, String)>> {
    let mut st = conn.prepare_cached("SELECT day, kind, name FROM sla_calendar ORDER BY day")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?)))?;
    let mut out = Vec::new();
    for r in rows {
        let (d, k, n) = r?;
        if let Ok(day) = d.parse() {
            out.push((day, k, n));
        }
    }
    Ok(out)
}

/// The schedule the SLA is computed with: shop timezone, hours, every year's holidays
/// (entered > official > computed) + the shop's exceptions.
pub(crate) fn load_schedule(conn: &Connection, tz: chrono_tz::Tz) -> Result<Schedule> {
    let mut cal: BTreeMap<NaiveDate, DayKind> = holidays::calendar(conn)?
        .into_iter()
        .map(|(d, k)| (d, day_kind(k)))
        .collect();
    for (day, kind, _) in overrides(conn)? {
        match kind.as_str() {
            "holiday" => cal.insert(day, DayKind::Holiday),
            "workday" => cal.insert(day, DayKind::Workday),
            _ => cal.remove(&day),
        };
    }
    Ok(Schedule::new(tz, load_hours(conn)?, cal))
}

/// The store's schedule.
pub fn schedule(store: &Store, s: &Session) -> Result<Schedule> {
    s.require(Permission::WorkWithCustomers)?;
    load_schedule(store.conn(), settings::timezone(store))
}

pub fn business_hours(store: &Store, s: &Session) -> Result<BusinessHours> {
    s.require(Permission::WorkWithCustomers)?;
    load_hours(store.conn())
}

/// Owner only; audited; open tickets' due times follow.
pub fn set_business_hours(store: &Store, s: &Session, hours: &BusinessHours) -> Result<()> {
    s.require(Permission::ManageSettings)?;
    if let Some(p) = hours.problem() {
        return Err(Error::invalid(
            format!("营业时间：每天的开始时间要早于结束时间，且至少一天营业（{p}）。"),
            format!("Business hours: each day opens before it closes and at least one day is open ({p})."),
        ));
    }
    let tz = settings::timezone(store);
    let value = serde_json::to_string(hours).map_err(|e| Error::Internal(e.to_string()))?;
    store.write(|tx, now| {
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            params![HOURS_KEY, value, ts(now)],
        )?;
        audit::record(tx, now, s.audit_actor(), "business_hours_changed", "", json!({ "hours": hours }))?;
        super::due::refresh_all_open(tx, &load_schedule(tx, tz)?, now)
    })
}

/// The calendar's exceptions in a year: the year's arrangement (unless removed) and the shop's
/// own exceptions.
pub fn calendar_days(store: &Store, s: &Session, year: i32) -> Result<Vec<CalendarDay>> {
    s.require(Permission::WorkWithCustomers)?;
    let (source, base) = arrangement(store.conn(), year)?;
    let mut map: BTreeMap<NaiveDate, CalendarDay> = base
        .iter()
        .map(|(d, h)| {
            let k = day_kind(h.kind);
            (
                *d,
                CalendarDay {
                    day: *d,
                    kind: Some(k),
                    name: h.name.clone(),
                    name_en: h.name_en.clone(),
                    official: true,
                    source,
                    official_kind: Some(k),
                    official_name: Some(h.name.clone()),
                    official_name_en: Some(h.name_en.clone()),
                },
            )
        })
        .collect();
    for (day, kind, name) in overrides(store.conn())? {
        if chrono::Datelike::year(&day) != year {
            continue;
        }
        let kind = match kind.as_str() {
            "holiday" => Some(DayKind::Holiday),
            "workday" => Some(DayKind::Workday),
            _ => None,
        };
        let under = base.get(&day);
        if kind.is_none() && under.is_none() {
            continue;
        }
        map.insert(
            day,
            CalendarDay {
                day,
                kind,
                name_en: name.clone(),
                name,
                official: false,
                source,
                official_kind: under.map(|h| day_kind(h.kind)),
                official_name: under.map(|h| h.name.clone()),
                official_name_en: under.map(|h| h.name_en.clone()),
            },
        );
    }
    Ok(map.into_values().collect())
}

/// Undo the shop's entry for a date: it follows the official schedule again (or its weekday
/// when the official schedule has nothing for it). Owner only; audited; due times follow.
pub fn reset_calendar_day(store: &Store, s: &Session, day: &str) -> Result<()> {
    s.require(Permission::ManageSettings)?;
    let date = parse_day(day)?;
    let tz = settings::timezone(store);
    store.write(|tx, now| {
        tx.execute(
            "DELETE FROM sla_calendar WHERE day = ?1",
            [date.to_string()],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "calendar_day_changed",
            &date.to_string(),
            json!({ "kind": "official" }),
        )?;
        super::due::refresh_all_open(tx, &load_schedule(tx, tz)?, now)
    })
}

fn parse_day(day: &str) -> Result<NaiveDate> {
    day.trim().parse().map_err(|_| {
        Error::invalid(
            format!("日期：“{day}”不是 YYYY-MM-DD 格式的日期。"),
            format!("Date: '{day}' is not a YYYY-MM-DD date."),
        )
    })
}

/// Add a holiday or a working day (`Some`), or remove whatever the date has (`None`: the date
/// follows its weekday again). Owner only; audited; open tickets' due times follow.
pub fn set_calendar_day(
    store: &Store,
    s: &Session,
    day: &str,
    kind: Option<DayKind>,
    name: &str,
) -> Result<()> {
    s.require(Permission::ManageSettings)?;
    let date = parse_day(day)?;
    let name = name.trim();
    if name.chars().count() > 30 {
        return Err(Error::invalid(
            "名称：最多 30 个字。",
            "Name: at most 30 characters.",
        ));
    }
    let code = match kind {
        Some(DayKind::Holiday) => "holiday",
        Some(DayKind::Workday) => "workday",
        None => "normal",
    };
    let tz = settings::timezone(store);
    store.write(|tx, now| {
        let in_arrangement = arrangement(tx, chrono::Datelike::year(&date))?.1.contains_key(&date);
        if kind.is_none() && !in_arrangement {
            tx.execute("DELETE FROM sla_calendar WHERE day = ?1", [date.to_string()])?;
        } else {
            tx.execute(
                "INSERT INTO sla_calendar (day, kind, name, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(day) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                   updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                params![date.to_string(), code, name, ts(now), s.username()],
            )?;
        }
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "calendar_day_changed",
            &date.to_string(),
            json!({ "kind": code }),
        )?;
        super::due::refresh_all_open(tx, &load_schedule(tx, tz)?, now)
    })
}
