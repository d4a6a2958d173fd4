//! The shop layer of the holiday calendar: a year's official arrangement as the owner or a
//! manager entered it, rows of `holiday_days` (migration 0013). Reading only; the write (role
//! check, audit, SLA recomputation) is `tickets::arrangement`.

use super::{HolidayDay, HolidayKind, HolidaySource};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The shop's days of one year (`Some`) or of every year (`None`), date order. The shop types
/// one name; it is shown in both languages.
pub fn days(conn: &Connection, year: Option<i32>) -> crate::Result<Vec<HolidayDay>> {
    let mut st = conn.prepare_cached(
        "SELECT day, kind, name FROM holiday_days WHERE ?1 IS NULL OR year = ?1 ORDER BY day",
    )?;
    let rows = st.query_map([year], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut out = Vec::new();
    for r in rows {
        let (d, k, name) = r?;
        let (Ok(day), Some(kind)) = (d.parse::<NaiveDate>(), HolidayKind::parse(&k)) else {
            continue;
        };
        out.push(HolidayDay {
            day,
            kind,
            name_en: name.clone(),
            name,
            source: HolidaySource::Shop,
        });
    }
    Ok(out)
}

/// The years the shop has entered, ascending.
pub fn years(conn: &Connection) -> crate::Result<Vec<i32>> {
    let mut st = conn.prepare_cached("SELECT DISTINCT year FROM holiday_days ORDER BY year")?;
    let rows = st.query_map([], |r| r.get::<_, i32>(0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}
