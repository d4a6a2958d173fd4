//! Reading a year's official arrangement from an iCalendar (.ics) file, parsed with the
//! `icalendar` crate. The accepted shape (what Chinese holiday calendar feeds publish):
//!
//! * one `VEVENT` per holiday or per working day, all-day (`DTSTART;VALUE=DATE:20270205`) or
//!   timed (the date is taken as written); `DTEND` is exclusive, as RFC 5545 says, so
//!   `DTSTART:20270205` + `DTEND:20270212` covers 5–11 February; without `DTEND`, one day;
//! * the `SUMMARY` says which: a summary containing **班** (补班, 上班, 调休上班) marks working
//!   days, otherwise one containing **休** or **假** (休, 放假, 假期) marks days off, e.g.
//!   `春节（休）`, `春节 假期 第1天/共8天`, `春节补班`, `国庆节 (班)`. The English `off` / `work`
//!   in brackets work too (`Spring Festival (off)`).
//! * the name is the summary without those markers (`春节（休）` → `春节`).
//!
//! Events whose summary says neither are skipped and listed, so an informational event
//! (`腊八节`) does not become a day off by accident.

use super::HolidayKind;
use chrono::{Duration, NaiveDate};
use icalendar::{Calendar, CalendarComponent, Component};

/// One typed or imported day of an arrangement.
#[derive(serde::Deserialize, serde::Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ArrangementEntry {
    pub day: NaiveDate,
    pub kind: HolidayKind,
    pub name: String,
}

/// What an .ics file held.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IcsDays {
    pub entries: Vec<ArrangementEntry>,
    /// Summaries of events that are neither days off nor working days.
    pub skipped: Vec<String>,
}

/// Longest event taken (a holiday block is at most a few weeks; longer is a broken file).
const MAX_EVENT_DAYS: i64 = 31;

pub fn kind_of(summary: &str) -> Option<HolidayKind> {
    let s = summary.to_lowercase();
    if s.contains('班') || s.contains("(work)") || s.contains("（work）") {
        Some(HolidayKind::Work)
    } else if s.contains('休') || s.contains('假') || s.contains("(off)") || s.contains("（off）")
    {
        Some(HolidayKind::Off)
    } else {
        None
    }
}

/// The summary without the markers and the "第1天/共8天" counters.
pub fn name_of(summary: &str) -> String {
    let mut s = summary.trim().to_string();
    for cut in ['(', '（', '[', '【', '·', ':', '：'] {
        if let Some(i) = s.find(cut) {
            s.truncate(i);
        }
    }
    if let Some(i) = s.find('第') {
        if s[i + '第'.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
            s.truncate(i);
        }
    }
    for marker in [
        "调休上班",
        "调休",
        "补班",
        "上班",
        "放假",
        "假期",
        "休",
        "班",
    ] {
        s = s.replace(marker, "");
    }
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(30)
        .collect()
}

/// Parse an .ics text. Errors are English for the caller to wrap (the file is not iCalendar).
pub fn parse(text: &str) -> Result<IcsDays, String> {
    let cal: Calendar = text.parse()?;
    let mut out = IcsDays::default();
    for c in cal.components.iter() {
        let CalendarComponent::Event(e) = c else {
            continue;
        };
        let summary = e.get_summary().unwrap_or("").trim().to_string();
        let Some(start) = e.get_start().map(|d| d.date_naive()) else {
            out.skipped.push(summary);
            continue;
        };
        let Some(kind) = kind_of(&summary) else {
            out.skipped.push(summary);
            continue;
        };
        let end = e
            .get_end()
            .map(|d| d.date_naive())
            .filter(|end| *end > start)
            .unwrap_or(start + Duration::days(1));
        let days = (end - start).num_days().min(MAX_EVENT_DAYS);
        let name = name_of(&summary);
        for i in 0..days {
            out.entries.push(ArrangementEntry {
                day: start + Duration::days(i),
                kind,
                name: name.clone(),
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_say_off_or_work_and_lose_their_markers() {
        assert_eq!(kind_of("春节（休）"), Some(HolidayKind::Off));
        assert_eq!(kind_of("春节 假期 第1天/共8天"), Some(HolidayKind::Off));
        assert_eq!(kind_of("春节补班"), Some(HolidayKind::Work));
        assert_eq!(kind_of("国庆节 (班)"), Some(HolidayKind::Work));
        assert_eq!(kind_of("Spring Festival (off)"), Some(HolidayKind::Off));
        assert_eq!(kind_of("腊八节"), None);
        assert_eq!(name_of("春节（休）"), "春节");
        assert_eq!(name_of("春节 假期 第1天/共8天"), "春节");
        assert_eq!(name_of("春节补班"), "春节");
        assert_eq!(name_of("国庆节(班)"), "国庆节");
        assert_eq!(name_of("Spring Festival (off)"), "Spring Festival");
        assert_eq!(name_of("休"), "");
    }
}
