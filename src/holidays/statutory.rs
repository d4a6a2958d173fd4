//! The statutory days off of any year, computed: 《全国年节及纪念日放假办法》 (2025 revision,
//! 13 days) — 元旦 1 (1 Jan), 春节 4 (农历除夕 and 正月初一 to 初三), 清明 1 (the day of the
//! 清明 solar term), 劳动节 2 (1–2 May), 端午 1 (五月初五), 中秋 1 (八月十五), 国庆 3 (1–3 Oct).
//!
//! Lunar dates and solar terms come from the `tyme4rs` crate (6tail's Tyme: lunisolar calendar
//! and the 24 terms by the 寿星 astronomical algorithm, Beijing time); no lunar table is written
//! here. A computed year knows the law only: the State Council's yearly notice adds bridge days
//! and 调休 working days, so a computed year has none of those and is shown as
//! "调休待公布 / arrangement not yet published" until the official arrangement is known.

use super::{HolidayDay, HolidayKind, HolidaySource};
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;
use tyme4rs::tyme::lunar::LunarDay;
use tyme4rs::tyme::solar::{SolarDay, SolarTerm};

/// The years the computed layer answers for (the crate reaches further; the SLA map and the
/// settings screen need no more than this).
pub const FIRST_YEAR: i32 = 1901;
pub const LAST_YEAR: i32 = 2100;

fn date(d: &SolarDay) -> NaiveDate {
    NaiveDate::from_ymd_opt(
        d.get_year() as i32,
        d.get_month() as u32,
        d.get_day() as u32,
    )
    .expect("tyme4rs returns valid Gregorian dates")
}

fn lunar(year: i32, month: isize, day: usize) -> NaiveDate {
    date(&LunarDay::from_ymd(year as isize, month, day).get_solar_day())
}

/// The statutory days off of `year`, date order; `None` outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
/// Two festivals on one date (中秋 on 1–3 October) give one day named after both.
pub fn days_off(year: i32) -> Option<Vec<HolidayDay>> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).expect("fixed statutory dates exist");
    // 春节 of the lunar year that starts in `year`: 除夕 is the day before 正月初一.
    let new_year = lunar(year, 1, 1);
    let spring = (-1..=2).map(|i| new_year + chrono::Duration::days(i));
    let qingming = date(&SolarTerm::from_name(year as isize, "清明").get_solar_day());
    let mut list: Vec<(NaiveDate, &str, &str)> = vec![(ymd(1, 1), "元旦", "New Year's Day")];
    list.extend(spring.map(|d| (d, "春节", "Spring Festival")));
    list.push((qingming, "清明节", "Tomb-sweeping Day"));
    list.extend((1..=2).map(|d| (ymd(5, d), "劳动节", "Labour Day")));
    list.push((lunar(year, 5, 5), "端午节", "Dragon Boat Festival"));
    list.push((lunar(year, 8, 15), "中秋节", "Mid-autumn Festival"));
    list.extend((1..=3).map(|d| (ymd(10, d), "国庆节", "National Day")));

    let mut by_day: BTreeMap<NaiveDate, HolidayDay> = BTreeMap::new();
    for (day, zh, en) in list {
        debug_assert_eq!(
            day.year(),
            year,
            "every statutory day of {year} falls in {year}"
        );
        by_day
            .entry(day)
            .and_modify(|d| {
                d.name = format!("{}、{zh}", d.name);
                d.name_en = format!("{} / {en}", d.name_en);
            })
            .or_insert(HolidayDay {
                day,
                kind: HolidayKind::Off,
                name: zh.to_string(),
                name_en: en.to_string(),
                source: HolidaySource::Computed,
            });
    }
    Some(by_day.into_values().collect())
}
