//! The SLA arithmetic (pure, no store, no clock): business hours across nights, weekends, a
//! public holiday and a 调休 Saturday, starts outside hours, pause and resume, the 75 % warning,
//! breaches, P1 vs P2 targets — plus property tests that tie `due_at` and `business_secs`.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use laoke::tickets::calendar::official_calendar;
use laoke::tickets::sla::{BusinessHours, DayKind, Pause, Schedule, SlaState};
use laoke::tickets::Priority;
use proptest::prelude::*;
use std::collections::BTreeMap;

const H: i64 = 3600;

fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Shanghai
        .with_ymd_and_hms(y, m, d, h, mi, 0)
        .unwrap()
        .with_timezone(&Utc)
}

/// Default hours (Mon–Sun 09:00–21:00) with the official calendar.
fn shop() -> Schedule {
    Schedule::new(Shanghai, BusinessHours::default(), official_calendar())
}

/// Mon–Fri 09:00–18:00 with the official calendar (so weekends and 调休 matter).
fn office() -> Schedule {
    Schedule::new(
        Shanghai,
        BusinessHours::weekdays(9 * 60, 18 * 60),
        official_calendar(),
    )
}

fn office_without_calendar() -> Schedule {
    Schedule::new(
        Shanghai,
        BusinessHours::weekdays(9 * 60, 18 * 60),
        BTreeMap::new(),
    )
}

#[test]
fn a_p1_first_response_logged_at_ten_is_due_at_noon_the_same_day() {
    // 2026-03-02 is a Monday.
    let due = shop().due_at(
        at(2026, 3, 2, 10, 0),
        Priority::P1.first_response_secs(),
        &[],
    );
    assert_eq!(due, Some(at(2026, 3, 2, 12, 0)));
}

#[test]
fn the_clock_stops_overnight_and_resumes_at_opening() {
    let due = shop().due_at(at(2026, 3, 2, 20, 0), 2 * H, &[]);
    assert_eq!(
        due,
        Some(at(2026, 3, 3, 10, 0)),
        "1 h before closing, 1 h after opening"
    );
    assert_eq!(
        shop().business_secs(at(2026, 3, 2, 20, 0), at(2026, 3, 3, 10, 0), &[]),
        2 * H
    );
}

#[test]
fn a_ticket_logged_before_opening_starts_counting_at_opening() {
    assert_eq!(
        shop().due_at(at(2026, 3, 2, 7, 15), 2 * H, &[]),
        Some(at(2026, 3, 2, 11, 0))
    );
}

#[test]
fn a_ticket_logged_after_closing_starts_counting_the_next_morning() {
    assert_eq!(
        shop().due_at(at(2026, 3, 2, 23, 30), 2 * H, &[]),
        Some(at(2026, 3, 3, 11, 0))
    );
    assert_eq!(
        shop().business_secs(at(2026, 3, 2, 21, 0), at(2026, 3, 3, 9, 0), &[]),
        0
    );
}

#[test]
fn weekends_do_not_count_when_the_shop_is_closed_at_weekends() {
    // Friday 2026-03-06 17:00: 1 h on Friday, then Monday.
    assert_eq!(
        office().due_at(at(2026, 3, 6, 17, 0), 2 * H, &[]),
        Some(at(2026, 3, 9, 10, 0))
    );
    // The default shop is open at weekends: Saturday morning.
    assert_eq!(
        shop().due_at(at(2026, 3, 6, 20, 0), 2 * H, &[]),
        Some(at(2026, 3, 7, 10, 0))
    );
}

#[test]
fn a_public_holiday_does_not_count() {
    // 2026-04-30 (Thu) 20:00; 劳动节 is 2026-05-01..05: the clock resumes on 05-06.
    assert_eq!(
        shop().due_at(at(2026, 4, 30, 20, 0), 2 * H, &[]),
        Some(at(2026, 5, 6, 10, 0))
    );
    assert_eq!(
        shop().business_secs(at(2026, 4, 30, 9, 0), at(2026, 5, 6, 9, 0), &[]),
        12 * H,
        "only Thursday 04-30 counts between these two mornings"
    );
}

#[test]
fn a_tiaoxiu_saturday_is_a_working_day_even_for_a_weekday_only_shop() {
    // 2026-05-09 is a Saturday worked in exchange for 劳动节 (调休).
    let start = at(2026, 5, 8, 17, 0);
    assert_eq!(
        office().due_at(start, 2 * H, &[]),
        Some(at(2026, 5, 9, 10, 0))
    );
    assert_eq!(
        office_without_calendar().due_at(start, 2 * H, &[]),
        Some(at(2026, 5, 11, 10, 0)),
        "without the calendar the Saturday is an ordinary closed weekend day"
    );
    let sat = NaiveDate::from_ymd_opt(2026, 5, 9).unwrap();
    assert_eq!(office().calendar.get(&sat), Some(&DayKind::Workday));
}

#[test]
fn a_shop_edit_removing_a_holiday_makes_the_day_count_again() {
    let mut s = shop();
    s.calendar
        .remove(&NaiveDate::from_ymd_opt(2026, 5, 1).unwrap());
    assert_eq!(
        s.due_at(at(2026, 4, 30, 20, 0), 2 * H, &[]),
        Some(at(2026, 5, 1, 10, 0))
    );
}

#[test]
fn waiting_on_the_customer_pauses_the_clock_and_resuming_continues_it() {
    let start = at(2026, 3, 2, 10, 0);
    let paused = [Pause {
        from: at(2026, 3, 2, 11, 0),
        to: Some(at(2026, 3, 2, 15, 0)),
    }];
    assert_eq!(
        shop().due_at(start, 2 * H, &paused),
        Some(at(2026, 3, 2, 16, 0))
    );
    assert_eq!(
        shop().business_secs(start, at(2026, 3, 2, 16, 0), &paused),
        2 * H
    );
    // A pause across the night and into the next day.
    let overnight = [Pause {
        from: at(2026, 3, 2, 11, 0),
        to: Some(at(2026, 3, 3, 10, 0)),
    }];
    assert_eq!(
        shop().due_at(start, 2 * H, &overnight),
        Some(at(2026, 3, 3, 11, 0))
    );
}

#[test]
fn a_pause_without_an_end_has_no_due_time_and_reads_paused() {
    let start = at(2026, 3, 2, 10, 0);
    let open = [Pause {
        from: at(2026, 3, 2, 10, 30),
        to: None,
    }];
    assert_eq!(shop().due_at(start, 2 * H, &open), None);
    let c = shop().evaluate(start, 2 * H, &open, None, at(2026, 3, 5, 12, 0));
    assert_eq!(c.state, SlaState::Paused);
    assert_eq!(
        c.elapsed_secs,
        30 * 60,
        "only the half hour before the pause counts"
    );
    // A pause that starts after the target ran out does not hide the due time.
    let late = [Pause {
        from: at(2026, 3, 2, 13, 0),
        to: None,
    }];
    assert_eq!(
        shop().due_at(start, 2 * H, &late),
        Some(at(2026, 3, 2, 12, 0))
    );
}

#[test]
fn overlapping_pauses_count_once() {
    let start = at(2026, 3, 2, 10, 0);
    let p = [
        Pause {
            from: at(2026, 3, 2, 11, 0),
            to: Some(at(2026, 3, 2, 13, 0)),
        },
        Pause {
            from: at(2026, 3, 2, 12, 0),
            to: Some(at(2026, 3, 2, 14, 0)),
        },
    ];
    assert_eq!(shop().due_at(start, 2 * H, &p), Some(at(2026, 3, 2, 15, 0)));
}

#[test]
fn the_warning_starts_at_75_percent_and_the_breach_after_100() {
    let start = at(2026, 3, 2, 10, 0);
    let s = shop();
    let ok = s.evaluate(start, 2 * H, &[], None, at(2026, 3, 2, 11, 29));
    assert_eq!((ok.state, ok.percent_used), (SlaState::Ok, 74));
    let warn = s.evaluate(start, 2 * H, &[], None, at(2026, 3, 2, 11, 30));
    assert_eq!((warn.state, warn.percent_used), (SlaState::Warning, 75));
    assert_eq!(s.warn_at(start, 2 * H, &[]), Some(at(2026, 3, 2, 11, 30)));
    let due = s.evaluate(start, 2 * H, &[], None, at(2026, 3, 2, 12, 0));
    assert_eq!(
        due.state,
        SlaState::Warning,
        "exactly at the due time is not yet a breach"
    );
    let late = s.evaluate(start, 2 * H, &[], None, at(2026, 3, 2, 12, 1));
    assert_eq!(late.state, SlaState::Breached);
    // Overnight the elapsed time does not grow: 20:59 vs next 08:59.
    let evening = s.evaluate(start, 24 * H, &[], None, at(2026, 3, 2, 21, 0));
    let morning = s.evaluate(start, 24 * H, &[], None, at(2026, 3, 3, 8, 59));
    assert_eq!(evening.elapsed_secs, morning.elapsed_secs);
}

#[test]
fn a_window_stopped_in_time_is_met_and_one_stopped_late_stays_breached() {
    let start = at(2026, 3, 2, 10, 0);
    let s = shop();
    let met = s.evaluate(
        start,
        2 * H,
        &[],
        Some(at(2026, 3, 2, 11, 0)),
        at(2026, 3, 9, 10, 0),
    );
    assert_eq!(met.state, SlaState::Met);
    let late = s.evaluate(
        start,
        2 * H,
        &[],
        Some(at(2026, 3, 2, 13, 0)),
        at(2026, 3, 9, 10, 0),
    );
    assert_eq!(late.state, SlaState::Breached);
}

#[test]
fn p1_and_p2_resolution_targets_are_24_and_48_business_hours() {
    let start = at(2026, 3, 2, 10, 0); // Monday
    assert_eq!(
        shop().due_at(start, Priority::P1.resolution_secs(), &[]),
        Some(at(2026, 3, 4, 10, 0))
    );
    assert_eq!(
        shop().due_at(start, Priority::P2.resolution_secs(), &[]),
        Some(at(2026, 3, 6, 10, 0))
    );
    assert_eq!(
        shop().due_at(start, Priority::P3.resolution_secs(), &[]),
        Some(at(2026, 3, 8, 10, 0))
    );
    assert_eq!(Priority::P2.first_response_secs(), 24 * H);
}

#[test]
fn the_official_calendar_covers_2004_to_2026() {
    let cal = official_calendar();
    assert!(cal.contains_key(&NaiveDate::from_ymd_opt(2004, 1, 1).unwrap()));
    assert_eq!(
        cal.get(&NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()),
        Some(&DayKind::Holiday)
    );
    assert_eq!(
        cal.get(&NaiveDate::from_ymd_opt(2026, 10, 10).unwrap()),
        Some(&DayKind::Workday)
    );
}

#[test]
fn business_hours_must_open_before_they_close_and_open_some_day() {
    assert!(BusinessHours::default().problem().is_none());
    assert!(BusinessHours::weekdays(18 * 60, 9 * 60).problem().is_some());
    assert!(BusinessHours { days: [None; 7] }.problem().is_some());
}

fn any_start() -> impl Strategy<Value = DateTime<Utc>> {
    // Any minute of 2025-12-20 .. 2026-11-10 (crosses 元旦, 春节, 劳动节, 国庆 and their 调休).
    (0i64..(325 * 24 * 60)).prop_map(|m| at(2025, 12, 20, 0, 0) + Duration::minutes(m))
}

fn any_schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![Just(shop()), Just(office())]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn elapsed_business_time_between_start_and_due_equals_the_target(
        s in any_schedule(), start in any_start(), target_min in 1i64..(80 * 60),
        pause_off in 0i64..(3 * 24 * 60), pause_len in 0i64..(2 * 24 * 60),
    ) {
        let target = target_min * 60;
        let p = [Pause { from: start + Duration::minutes(pause_off), to: Some(start + Duration::minutes(pause_off + pause_len)) }];
        let due = s.due_at(start, target, &p).expect("a closed pause always yields a due time");
        prop_assert_eq!(s.business_secs(start, due, &p), target);
        prop_assert!(due > start);
    }

    #[test]
    fn due_time_is_monotone_in_start_time(
        s in any_schedule(), a in any_start(), later_min in 0i64..(5 * 24 * 60), target_min in 1i64..(80 * 60),
    ) {
        let b = a + Duration::minutes(later_min);
        let target = target_min * 60;
        prop_assert!(s.due_at(a, target, &[]) <= s.due_at(b, target, &[]));
    }

    #[test]
    fn due_time_is_monotone_in_the_target(
        s in any_schedule(), start in any_start(), t1 in 1i64..(80 * 60), extra in 0i64..(10 * 60),
    ) {
        prop_assert!(s.due_at(start, t1 * 60, &[]) <= s.due_at(start, (t1 + extra) * 60, &[]));
    }
}
