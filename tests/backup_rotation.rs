//! Rotation keeps the newest backup of each of the last 7 days, 4 ISO weeks and 12 months,
//! never the newest verified one, and never a file that is not ours.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use laoke::backup::{backup_file_name, plan_rotation, RotationPolicy};
use std::collections::BTreeSet;
use std::path::PathBuf;

const STORE: &str = "1a2b3c4d5e6f7a8b";

fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
    Shanghai
        .with_ymd_and_hms(y, m, d, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc)
}

fn file(t: DateTime<Utc>) -> PathBuf {
    PathBuf::from("/usb").join(backup_file_name(t, Shanghai, STORE, 1))
}

#[test]
fn a_year_of_daily_backups_rotates_down_to_exactly_the_expected_files() {
    let mut files: Vec<(PathBuf, DateTime<Utc>, bool)> = Vec::new();
    let stranger = (
        PathBuf::from("/usb/laoke-20250301-100000-1a2b3c4d (1).laokebak"),
        at(2025, 3, 1),
        true,
    );
    files.push(stranger.clone());
    let mut now = at(2025, 3, 1);
    let end = at(2026, 2, 28);
    while now <= end {
        files.push((file(now), now, true));
        let plan = plan_rotation(&files, now, &RotationPolicy::default(), Shanghai);
        files.retain(|f| !plan.delete.contains(&f.0));
        now += Duration::days(1);
    }
    let kept: BTreeSet<String> = files
        .iter()
        .filter(|f| f.0 != stranger.0)
        .map(|f| f.1.with_timezone(&Shanghai).date_naive().to_string())
        .collect();
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap().to_string();
    let mut expected: BTreeSet<String> = (22..=28).map(|day| d(2026, 2, day)).collect(); // 7 days
    expected.extend([d(2026, 2, 15), d(2026, 2, 8)]); // Sundays of the 3 weeks before this one
    expected.extend([
        d(2026, 1, 31),
        d(2025, 12, 31),
        d(2025, 11, 30),
        d(2025, 10, 31),
        d(2025, 9, 30),
        d(2025, 8, 31),
        d(2025, 7, 31),
        d(2025, 6, 30),
        d(2025, 5, 31),
        d(2025, 4, 30),
        d(2025, 3, 31),
    ]); // the last day of the 11 months before this one
    assert_eq!(
        kept, expected,
        "exactly 7 daily + 4 weekly + 12 monthly remain"
    );
    assert_eq!(kept.len(), 20);
    assert!(
        files.iter().any(|f| f.0 == stranger.0),
        "a conflict copy is never deleted"
    );
}

#[test]
fn the_newest_verified_backup_is_never_deleted() {
    let policy = RotationPolicy {
        daily: 1,
        weekly: 0,
        monthly: 0,
    };
    let old = (file(at(2026, 1, 1)), at(2026, 1, 1), true);
    let newer_unverified = (file(at(2026, 1, 5)), at(2026, 1, 5), false);
    let newest_unverified = (file(at(2026, 1, 9)), at(2026, 1, 9), false);
    let plan = plan_rotation(
        &[
            old.clone(),
            newer_unverified.clone(),
            newest_unverified.clone(),
        ],
        at(2026, 1, 9),
        &policy,
        Shanghai,
    );
    assert_eq!(
        plan.delete,
        vec![newer_unverified.0],
        "only the unverified middle one goes"
    );
    assert!(plan.keep.contains(&old.0) && plan.keep.contains(&newest_unverified.0));
}

#[test]
fn several_backups_a_day_keep_only_the_newest_of_that_day() {
    let base = at(2026, 3, 1);
    let files: Vec<_> = (0..5)
        .map(|h| {
            let t = base + Duration::hours(h);
            (file(t), t, true)
        })
        .collect();
    let plan = plan_rotation(
        &files,
        base + Duration::hours(5),
        &RotationPolicy::default(),
        Shanghai,
    );
    assert_eq!(plan.keep, vec![files[4].0.clone()]);
    assert_eq!(plan.delete.len(), 4);
}
