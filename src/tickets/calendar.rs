//! The shop's business hours and holiday calendar, as settings. The official Chinese schedule
//! (holidays and 调休 working days, generated into `holidays_cn.rs`) ships in the binary; the
//! shop's edits are rows in `sla_calendar` that override it for one date (a holiday, a working
//! day, or `normal` = an official entry removed). Reading is open to everyone who works tickets;
//! changing hours or the calendar is a shop setting (owner only), audited, and recomputes the
//! SLA due times of open tickets in the same transaction.

use super::holidays_cn;
use super::sla::{BusinessHours, DayKind, Schedule};
use crate::{
    audit,
    auth::{Permission, Session},
    settings,
    store::{ts, Store},
    Error, Result,
};
use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const HOURS_KEY: &str = "tickets.business_hours";

/// One exceptional date, as shown in settings: what applies, and — when the shop's entry
/// overrides the official schedule — what the official schedule says for that date.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CalendarDay {
    pub day: NaiveDate,
    /// What applies; `None` = an ordinary day (the shop removed an official entry).
    pub kind: Option<DayKind>,
    /// zh-CN name (official), or the name the shop typed.
    pub name: String,
    /// English name (official), or the name the shop typed.
    pub name_en: String,
    /// true = from the official schedule, unchanged by the shop.
    pub official: bool,
    /// The official entry this date has, when the shop's entry overrides it.
    pub official_kind: Option<DayKind>,
    pub official_name: Option<String>,
    pub official_name_en: Option<String>,
}

/// The official schedule, parsed once.
fn official() -> &'static BTreeMap<NaiveDate, (DayKind, &'static str, &'static str)> {
    static MAP: OnceLock<BTreeMap<NaiveDate, (DayKind, &'static str, &'static str)>> =
        OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = BTreeMap::new();
        for (list, kind) in [
            (holidays_cn::HOLIDAYS, DayKind::Holiday),
            (holidays_cn::WORKDAYS, DayKind::Workday),
        ] {
            for (d, zh, en) in list {
                if let Ok(day) = d.parse::<NaiveDate>() {
                    m.insert(day, (kind, *zh, *en));
                }
            }
        }
        m
    })
}

/// The official calendar as a schedule map (for tests and tools).
pub fn official_calendar() -> BTreeMap<NaiveDate, DayKind> {
    official().iter().map(|(d, (k, _, _))| (*d, *k)).collect()
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

/// The schedule the SLA is computed with: shop timezone, hours, official calendar + edits.
pub(crate) fn load_schedule(conn: &Connection, tz: chrono_tz::Tz) -> Result<Schedule> {
    let mut cal = official_calendar();
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

/// The calendar's exceptions in a year: official entries (unless removed) and the shop's own.
pub fn calendar_days(store: &Store, s: &Session, year: i32) -> Result<Vec<CalendarDay>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut map: BTreeMap<NaiveDate, CalendarDay> = official()
        .iter()
        .filter(|(d, _)| chrono::Datelike::year(*d) == year)
        .map(|(d, (k, zh, en))| {
            (
                *d,
                CalendarDay {
                    day: *d,
                    kind: Some(*k),
                    name: zh.to_string(),
                    name_en: en.to_string(),
                    official: true,
                    official_kind: Some(*k),
                    official_name: Some(zh.to_string()),
                    official_name_en: Some(en.to_string()),
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
        let under = official().get(&day);
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
                official_kind: under.map(|(k, _, _)| *k),
                official_name: under.map(|(_, zh, _)| zh.to_string()),
                official_name_en: under.map(|(_, _, en)| en.to_string()),
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
        if kind.is_none() && !official().contains_key(&date) {
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
