//! Issue 17, "a calendar that never runs out": China's statutory holidays for any year computed
//! from the lunisolar calendar, the published schedule (2004–2026) overriding them, the shop's
//! own arrangement (typed or from an .ics file) overriding both, role checks and the audit, the
//! SLA across the 2027 Spring Festival, and `laoke calendar show` as a real process.

mod common;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use common::*;
use laoke::auth::{Role, Session};
use laoke::clock::FixedClock;
use laoke::holidays::{
    self, ics::ArrangementEntry, statutory, HolidayKind, HolidaySource, HolidayYear,
};
use laoke::store::Store;
use laoke::tickets::{arrangement, calendar, sla::DayKind};
use std::collections::BTreeSet;
use std::sync::Arc;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Shanghai
        .with_ymd_and_hms(y, m, day, h, mi, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn off_days(y: &HolidayYear) -> BTreeSet<NaiveDate> {
    y.days
        .iter()
        .filter(|d| d.kind == HolidayKind::Off)
        .map(|d| d.day)
        .collect()
}

fn named(y: &HolidayYear, name: &str) -> Vec<NaiveDate> {
    y.days
        .iter()
        .filter(|d| d.name.contains(name))
        .map(|d| d.day)
        .collect()
}

/// (year, 除夕, 清明, 端午, 中秋) as published (2024–2026 State Council notices; 2027–2030 the
/// lunisolar dates in every Chinese almanac).
const KNOWN: &[(i32, &str, &str, &str, &str)] = &[
    (2024, "2024-02-09", "2024-04-04", "2024-06-10", "2024-09-17"),
    (2025, "2025-01-28", "2025-04-04", "2025-05-31", "2025-10-06"),
    (2026, "2026-02-16", "2026-04-05", "2026-06-19", "2026-09-25"),
    (2027, "2027-02-05", "2027-04-05", "2027-06-09", "2027-09-15"),
    (2028, "2028-01-25", "2028-04-04", "2028-05-28", "2028-10-03"),
    (2029, "2029-02-12", "2029-04-04", "2029-06-16", "2029-09-22"),
    (2030, "2030-02-02", "2030-04-05", "2030-06-05", "2030-09-12"),
];

#[test]
fn statutory_days_follow_the_2025_law_with_lunar_dates_from_the_crate_for_2024_to_2030() {
    for &(year, eve, qingming, duanwu, mid) in KNOWN {
        let days = statutory::days_off(year).expect("2024–2030 are in range");
        let y = HolidayYear {
            year,
            source: HolidaySource::Computed,
            arrangement_published: false,
            days,
        };
        let eve = d(eve);
        assert_eq!(
            named(&y, "春节"),
            (0..4).map(|i| eve + Duration::days(i)).collect::<Vec<_>>(),
            "{year}: 春节 is 除夕 and 正月初一 to 初三"
        );
        assert_eq!(named(&y, "元旦"), vec![d(&format!("{year}-01-01"))]);
        assert_eq!(
            named(&y, "清明"),
            vec![d(qingming)],
            "{year}: 清明 solar term"
        );
        assert_eq!(
            named(&y, "劳动"),
            vec![d(&format!("{year}-05-01")), d(&format!("{year}-05-02"))]
        );
        assert_eq!(named(&y, "端午"), vec![d(duanwu)], "{year}: 五月初五");
        assert_eq!(named(&y, "中秋"), vec![d(mid)], "{year}: 八月十五");
        assert_eq!(named(&y, "国庆").len(), 3, "{year}: 1–3 October");
        // 13 statutory days; in 2028 中秋 falls on 3 October, one date for two festivals.
        let expected = if year == 2028 { 12 } else { 13 };
        assert_eq!(y.days.len(), expected, "{year}: {:?}", y.days);
        assert!(y.days.iter().all(|d| d.kind == HolidayKind::Off));
    }
    assert_eq!(
        named(
            &HolidayYear {
                year: 2028,
                source: HolidaySource::Computed,
                arrangement_published: false,
                days: statutory::days_off(2028).unwrap()
            },
            "中秋"
        ),
        vec![d("2028-10-03")]
    );
    assert!(statutory::days_off(1900).is_none() && statutory::days_off(2101).is_none());
    assert!(statutory::days_off(1901).is_some() && statutory::days_off(2100).is_some());
}

#[test]
fn the_published_tables_of_2024_to_2026_are_the_source_and_hold_every_statutory_day() {
    for year in 2024..=2026 {
        let y = holidays::builtin_year(year).unwrap();
        assert_eq!(y.source, HolidaySource::Official, "{year} was published");
        assert!(y.arrangement_published);
        assert!(
            y.days.iter().any(|d| d.kind == HolidayKind::Work),
            "{year} has 调休 working days"
        );
        let published = off_days(&y);
        let statutory: BTreeSet<NaiveDate> = statutory::days_off(year)
            .unwrap()
            .into_iter()
            .map(|d| d.day)
            .collect();
        let missing: Vec<&NaiveDate> = statutory.difference(&published).collect();
        if year == 2024 {
            // The 2024 schedule followed the earlier law: 除夕 was not yet a statutory day.
            assert_eq!(missing, vec![&d("2024-02-09")]);
        } else {
            assert!(
                missing.is_empty(),
                "{year}: every statutory day is off: {missing:?}"
            );
        }
    }
    let y2026 = holidays::builtin_year(2026).unwrap();
    assert!(
        off_days(&y2026).contains(&d("2026-02-23")),
        "the published bridge days are kept"
    );
    assert!(y2026
        .days
        .iter()
        .any(|x| x.day == d("2026-02-28") && x.kind == HolidayKind::Work));
}

#[test]
fn years_from_2027_are_computed_and_marked_as_not_yet_published() {
    for year in 2027..=2030 {
        let y = holidays::builtin_year(year).unwrap();
        assert_eq!(y.source, HolidaySource::Computed);
        assert!(!y.arrangement_published, "{year}: 调休待公布");
        assert!(y
            .days
            .iter()
            .all(|x| x.kind == HolidayKind::Off && x.source == HolidaySource::Computed));
    }
    let y = holidays::builtin_year(2027).unwrap();
    let days: Vec<String> = y
        .days
        .iter()
        .map(|x| format!("{} {}", x.day, x.name))
        .collect();
    assert_eq!(
        days,
        [
            "2027-01-01 元旦",
            "2027-02-05 春节",
            "2027-02-06 春节",
            "2027-02-07 春节",
            "2027-02-08 春节",
            "2027-04-05 清明节",
            "2027-05-01 劳动节",
            "2027-05-02 劳动节",
            "2027-06-09 端午节",
            "2027-09-15 中秋节",
            "2027-10-01 国庆节",
            "2027-10-02 国庆节",
            "2027-10-03 国庆节",
        ]
    );
}

struct Shop {
    _tmp: tempfile::TempDir,
    store: Store,
    owner: Session,
    clock: Arc<FixedClock>,
}

impl Shop {
    fn login(&self, user: &str, password: &str) -> (Store, Session) {
        Store::login(self.store.dir(), user, password, self.clock.clone()).unwrap()
    }
}

/// A store on Thursday 2027-02-04 10:00 Shanghai (the day before 除夕) with a manager and a rep.
fn shop() -> Shop {
    let (tmp, dir) = temp_store_dir();
    let clock = FixedClock::new(at(2027, 2, 4, 10, 0));
    let (store, owner, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    add_user(
        &store,
        &owner,
        "laowang",
        Role::Manager,
        "manager password 1",
    );
    add_user(&store, &owner, "xiaoli", Role::Rep, "rep password 1");
    Shop {
        _tmp: tmp,
        store,
        owner,
        clock,
    }
}

#[test]
fn the_sla_across_the_2027_spring_festival_no_longer_counts_holiday_hours() {
    let s = shop();
    let sched = calendar::schedule(&s.store, &s.owner).unwrap();
    for day in ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"] {
        assert_eq!(
            sched.calendar.get(&d(day)),
            Some(&DayKind::Holiday),
            "{day} is closed"
        );
    }
    // 24 business hours from Thu 10:00 with 09:00–21:00 every day: 11 h on the 4th, the four
    // days of 春节 closed, 12 h on the 9th, 1 h on the 10th.
    assert_eq!(
        sched.due_at(at(2027, 2, 4, 10, 0), 24 * 3600, &[]),
        Some(at(2027, 2, 10, 10, 0)),
        "before the fix the clock ran through 春节 and the ticket was due on the 6th"
    );
    assert_eq!(
        sched.calendar.get(&d("2026-02-23")),
        Some(&DayKind::Holiday),
        "published years keep their bridge days"
    );
}

fn typed(list: &[(&str, HolidayKind, &str)]) -> Vec<ArrangementEntry> {
    list.iter()
        .map(|(day, kind, name)| ArrangementEntry {
            day: d(day),
            kind: *kind,
            name: name.to_string(),
        })
        .collect()
}

#[test]
fn a_typed_shop_year_overrides_official_and_computed_and_the_sla_follows() {
    let s = shop();
    let (mstore, manager) = s.login("laowang", "manager password 1");
    let (rstore, rep) = s.login("xiaoli", "rep password 1");
    use HolidayKind::{Off, Work};
    let entries = typed(&[
        ("2027-02-05", Off, "春节"),
        ("2027-02-09", Off, "春节"),
        ("2027-02-10", Off, ""),
        ("2027-02-14", Work, "春节"),
    ]);
    let e = arrangement::set_year(&rstore, &rep, 2027, &entries).unwrap_err();
    assert_eq!(e.code(), "forbidden", "a rep may not enter the arrangement");
    let y = arrangement::set_year(&mstore, &manager, 2027, &entries).expect("a manager may");
    assert_eq!(y.source, HolidaySource::Shop);
    assert!(y.arrangement_published);
    assert_eq!(y.days.len(), 4);
    assert_eq!(y.days[2].name, "放假", "an empty name gets a plain one");
    assert!(y.days.iter().all(|x| x.source == HolidaySource::Shop));
    // The whole year comes from the shop: the computed 元旦 is gone.
    let sched = calendar::schedule(&s.store, &s.owner).unwrap();
    assert_eq!(sched.calendar.get(&d("2027-01-01")), None);
    assert_eq!(
        sched.calendar.get(&d("2027-02-10")),
        Some(&DayKind::Holiday)
    );
    assert_eq!(
        sched.calendar.get(&d("2027-02-14")),
        Some(&DayKind::Workday)
    );
    assert_eq!(
        sched.calendar.get(&d("2028-01-01")),
        Some(&DayKind::Holiday),
        "other years stay"
    );
    let listed = calendar::calendar_days(&s.store, &s.owner, 2027).unwrap();
    assert!(listed
        .iter()
        .all(|x| x.source == HolidaySource::Shop && x.official));
    // The shop's own exception for a date still wins over the year's arrangement.
    calendar::set_calendar_day(
        &s.store,
        &s.owner,
        "2027-02-09",
        Some(DayKind::Workday),
        "照常营业",
    )
    .unwrap();
    let sched = calendar::schedule(&s.store, &s.owner).unwrap();
    assert_eq!(
        sched.calendar.get(&d("2027-02-09")),
        Some(&DayKind::Workday)
    );
    // A shop year overrides the official one too, and clearing it brings the official back.
    arrangement::set_year(
        &s.store,
        &s.owner,
        2026,
        &typed(&[("2026-10-01", Off, "国庆节")]),
    )
    .unwrap();
    let sched = calendar::schedule(&s.store, &s.owner).unwrap();
    assert_eq!(
        sched.calendar.get(&d("2026-02-23")),
        None,
        "2026 is the shop's now"
    );
    let back = arrangement::clear_year(&s.store, &s.owner, 2026).unwrap();
    assert_eq!(back.source, HolidaySource::Official);
    let back = arrangement::clear_year(&s.store, &s.owner, 2027).unwrap();
    assert_eq!(back.source, HolidaySource::Computed);
    assert!(!back.arrangement_published);
    let e = arrangement::clear_year(&rstore, &rep, 2027).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let actions: Vec<String> = audit_actions(&raw_connection_as_owner(&s.store, &s.owner))
        .into_iter()
        .map(|(_, a, _)| a)
        .collect();
    assert_eq!(
        actions.iter().filter(|a| *a == "holiday_year_set").count(),
        2,
        "each entered year is audited: {actions:?}"
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "holiday_year_cleared")
            .count(),
        2
    );
}

#[test]
fn a_typed_year_is_refused_when_a_date_is_outside_it_twice_or_no_day_is_off() {
    let s = shop();
    use HolidayKind::{Off, Work};
    for bad in [
        typed(&[("2028-01-01", Off, "元旦")]),
        typed(&[("2027-01-01", Off, "元旦"), ("2027-01-01", Work, "")]),
        typed(&[("2027-02-14", Work, "春节")]),
        typed(&[("2027-01-01", Off, &"长".repeat(31))]),
    ] {
        let e = arrangement::set_year(&s.store, &s.owner, 2027, &bad).unwrap_err();
        assert_eq!(e.code(), "invalid_input", "{bad:?}");
    }
    assert_eq!(
        arrangement::year(&s.store, &s.owner, 2027).unwrap().source,
        HolidaySource::Computed
    );
}

const ICS: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Laoke test//CN\r
BEGIN:VEVENT\r
UID:1@test\r
DTSTART;VALUE=DATE:20261231\r
SUMMARY:元旦（休）\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:2@test\r
DTSTART;VALUE=DATE:20270101\r
DTEND;VALUE=DATE:20270102\r
SUMMARY:元旦 假期 第1天/共1天\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:3@test\r
DTSTART;VALUE=DATE:20270205\r
DTEND;VALUE=DATE:20270212\r
SUMMARY:春节（休）\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:4@test\r
DTSTART;VALUE=DATE:20270214\r
SUMMARY:春节补班\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:5@test\r
DTSTART;VALUE=DATE:20270115\r
SUMMARY:腊八节\r
END:VEVENT\r
END:VCALENDAR\r
";

#[test]
fn an_ics_import_takes_days_off_and_working_days_from_the_event_titles() {
    let s = shop();
    let r = arrangement::import_ics(&s.store, &s.owner, ICS, Some(2027)).unwrap();
    assert_eq!(
        r.skipped,
        ["腊八节"],
        "informational events are listed, not taken"
    );
    assert_eq!(r.years.len(), 1, "--year 2027 leaves 2026-12-31 out");
    let y = &r.years[0];
    assert_eq!((y.year, y.source), (2027, HolidaySource::Shop));
    let lines: Vec<String> = y
        .days
        .iter()
        .map(|x| format!("{} {} {}", x.day, x.kind.as_str(), x.name))
        .collect();
    let mut expected = vec!["2027-01-01 off 元旦".to_string()];
    expected.extend((5..=11).map(|n| format!("2027-02-{n:02} off 春节")));
    expected.push("2027-02-14 work 春节".into());
    assert_eq!(lines, expected, "DTEND is exclusive: 5–11 February");
    assert_eq!(
        holidays::year(&raw_connection_as_owner(&s.store, &s.owner), 2026)
            .unwrap()
            .unwrap()
            .source,
        HolidaySource::Official,
        "2026 untouched"
    );
    let (rstore, rep) = s.login("xiaoli", "rep password 1");
    assert_eq!(
        arrangement::import_ics(&rstore, &rep, ICS, None)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let e = arrangement::import_ics(&s.store, &s.owner, "not a calendar", None).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let e = arrangement::import_ics(&s.store, &s.owner, ICS, Some(2029)).unwrap_err();
    assert_eq!(e.code(), "invalid_input", "nothing for 2029 in the file");
}

#[test]
fn unpublished_holidays_ahead_are_the_computed_days_off_only() {
    let s = shop();
    let conn = raw_connection_as_owner(&s.store, &s.owner);
    let ahead = holidays::unpublished_ahead(&conn, d("2026-12-06"), 30).unwrap();
    assert_eq!(
        ahead.iter().map(|x| x.day).collect::<Vec<_>>(),
        vec![d("2027-01-01")]
    );
    arrangement::set_year(
        &s.store,
        &s.owner,
        2027,
        &typed(&[("2027-01-01", HolidayKind::Off, "元旦")]),
    )
    .unwrap();
    assert!(holidays::unpublished_ahead(&conn, d("2026-12-06"), 30)
        .unwrap()
        .is_empty());
}

#[test]
fn the_cli_shows_a_year_one_line_a_day_with_its_source() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let home = tmp.path();
    let run = |args: &[&str]| {
        run_cli(
            laoke_cli(home, &dir)
                .args(["--user", OWNER])
                .args(args)
                .env("LAOKE_PASSWORD", OWNER_PASSWORD),
        )
    };
    let out = run(&["demo", "--customers", "10"]);
    assert!(out.ok, "demo: {}", out.stderr);
    let out = run(&["calendar", "show", "2027"]);
    assert!(out.ok, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 13, "{}", out.stdout);
    assert_eq!(lines[0], "2027-01-01 off 元旦 (computed)");
    assert_eq!(lines[1], "2027-02-05 off 春节 (computed)");
    assert!(out.stderr.contains("调休待公布"), "{}", out.stderr);
    let out = run(&["calendar", "show", "2026"]);
    assert!(
        out.stdout
            .lines()
            .any(|l| l == "2026-02-28 work 春节 (official)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.is_empty(),
        "a published year has no warning: {}",
        out.stderr
    );
    let ics = tmp.path().join("2027.ics");
    std::fs::write(&ics, ICS).unwrap();
    let out = run(&[
        "calendar",
        "import",
        ics.to_str().unwrap(),
        "--year",
        "2027",
    ]);
    assert!(out.ok, "{}", out.stderr);
    let out = run(&["--lang", "en", "calendar", "show", "2027"]);
    assert!(
        out.stdout
            .lines()
            .any(|l| l == "2027-02-14 work 春节 (shop)"),
        "{}",
        out.stdout
    );
    let out = run(&[
        "calendar",
        "set",
        "2027",
        "2027-01-01:off:元旦",
        "2027-02-07:work",
    ]);
    assert!(out.ok, "{}", out.stderr);
    assert_eq!(
        out.stdout.lines().collect::<Vec<_>>(),
        [
            "2027-01-01 off 元旦 (shop)",
            "2027-02-07 work 调休上班 (shop)"
        ]
    );
    let out = run(&["calendar", "set", "2027", "2027-01-01:maybe"]);
    assert!(!out.ok, "a bad kind is refused");
}
