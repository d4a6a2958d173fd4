//! A running backup reports one figure that only grows and ends at its total (the app's
//! progress bar and "about N s left"), and the daily automatic backup picks exactly the targets
//! that are due: no verified backup from today in the shop's timezone, and a failed target only
//! after it has waited 30 minutes. Time comes from an injected clock.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use laoke::{
    backup::{self, JobProgress},
    demo::{self, DemoSpec},
    store::Store,
};

#[test]
fn a_backups_progress_only_grows_and_ends_exactly_at_its_total() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    demo::generate(
        &store,
        &s,
        &DemoSpec {
            customers: 200,
            seed: 3,
        },
    )
    .unwrap();
    laoke::bench::backup::fill_to_size(&store, &s, 4).unwrap();
    let stick = tmp.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let job = backup::prepare(&store, &s, &stick).unwrap();
    let mut seen: Vec<JobProgress> = Vec::new();
    let file = job.run_tracked(&mut |p| seen.push(p)).unwrap();
    let finished = backup::finish(&store, &s, &stick, Ok(file)).unwrap();

    assert!(
        seen.len() > 3,
        "several reports for a 4 MB store: {}",
        seen.len()
    );
    let total = seen[0].total;
    assert!(total > 0);
    assert!(
        seen.iter().all(|p| p.total == total),
        "the total never changes"
    );
    assert!(
        seen.windows(2).all(|w| w[0].done <= w[1].done),
        "done never goes back"
    );
    assert!(seen.iter().all(|p| p.done <= p.total));
    assert_eq!(seen.last().unwrap().done, total, "it ends at the total");
    assert!(
        total >= 3 * (4 << 20) as u64,
        "three passes over a store of at least 4 MB: {total}"
    );
    assert!(finished.path.is_file());
    let st = backup::status(&store, &s, store.now()).unwrap();
    assert!(st.is_empty() || st[0].last_verified.is_some());
}

#[test]
fn a_failed_job_reports_no_false_completion() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let gone = tmp.path().join("gone");
    let job = backup::prepare(&store, &s, &gone).unwrap();
    let mut seen: Vec<JobProgress> = Vec::new();
    let e = job.run_tracked(&mut |p| seen.push(p)).unwrap_err();
    assert_eq!(e.code(), "backup_target_missing");
    assert!(seen.iter().all(|p| p.done < p.total || p.total == 0));
}

#[test]
fn the_daily_backup_is_due_once_per_shop_day_and_a_failed_target_waits_half_an_hour() {
    let (tmp, dir) = temp_store_dir();
    // 2026-03-01 23:30 in Shanghai (15:30 UTC).
    let clock = laoke::clock::FixedClock::new(Utc.with_ymd_and_hms(2026, 3, 1, 15, 30, 0).unwrap());
    let (store, s, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    let stick = tmp.path().join("stick");
    let cloud = tmp.path().join("cloud");
    std::fs::create_dir(&stick).unwrap();
    std::fs::create_dir(&cloud).unwrap();
    let stick_t = backup::add_target(&store, &s, &stick, "U盘").unwrap();
    let cloud_t = backup::add_target(&store, &s, &cloud, "云盘").unwrap();
    let retry = Duration::minutes(backup::RETRY_AFTER_MINUTES);
    let due = |store: &Store| -> Vec<i64> {
        backup::due(store, &s, store.now(), retry)
            .unwrap()
            .into_iter()
            .map(|t| t.id)
            .collect()
    };

    assert_eq!(
        due(&store),
        vec![stick_t.id, cloud_t.id],
        "new targets are due"
    );
    backup::create(&store, &s, &stick, &mut |_| {}).unwrap();
    assert_eq!(due(&store), vec![cloud_t.id], "the stick is done for today");

    // The cloud folder goes away: it fails, and is not retried for 30 minutes.
    std::fs::remove_dir(&cloud).unwrap();
    backup::create(&store, &s, &cloud, &mut |_| {}).unwrap_err();
    clock.advance(Duration::minutes(20));
    // 23:50 Shanghai: still the same day for the stick; the cloud is waiting.
    assert_eq!(due(&store), Vec::<i64>::new(), "a failed target waits");
    clock.advance(Duration::minutes(11));
    // 00:01 Shanghai on 2 March (16:01 UTC, still 1 March in UTC): a new shop day.
    assert_eq!(
        due(&store),
        vec![stick_t.id, cloud_t.id],
        "a new day in the shop's timezone makes every target due; the failed one after 30 min"
    );

    // The exit backup ignores the wait (retry_after = 0).
    std::fs::create_dir(&cloud).unwrap();
    backup::create(&store, &s, &cloud, &mut |_| {}).unwrap();
    backup::create(&store, &s, &stick, &mut |_| {}).unwrap();
    assert!(due(&store).is_empty(), "both done on the new day");
}

#[test]
fn the_due_rule_is_a_pure_function_of_the_targets_and_now() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let stick = tmp.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    backup::add_target(&store, &s, &stick, "").unwrap();
    std::fs::remove_dir(&stick).unwrap();
    backup::create(&store, &s, &stick, &mut |_| {}).unwrap_err();
    let statuses = backup::status(&store, &s, store.now()).unwrap();
    let tz = chrono_tz::Asia::Shanghai;
    let now = store.now();
    let retry = Duration::minutes(30);
    assert!(backup::due_targets(&statuses, now, tz, retry).is_empty());
    assert_eq!(
        backup::due_targets(&statuses, now + Duration::minutes(30), tz, retry).len(),
        1
    );
    assert_eq!(
        backup::due_targets(&statuses, now, tz, Duration::zero()).len(),
        1,
        "with no wait (on exit) a failed target is tried at once"
    );
}
