//! Backups from minute one (issue 17): the owner's reminder from the first minute until a
//! verified backup exists and whenever the newest is older than 3 days; a restore records the
//! backup it came from; the weekly deep check; suggested places get their own sub-folder.

mod backup_common;
mod common;

use backup_common::*;
use chrono::Duration;
use common::*;
use laoke::{
    auth::Role,
    backup::{self, Credential, ReminderReason},
    prefs::StoreKind,
    store::Store,
};

fn owner_cred() -> Credential<'static> {
    Credential::Password {
        username: OWNER,
        password: OWNER_PASSWORD,
    }
}

fn reason(store: &Store, s: &laoke::auth::Session) -> Option<ReminderReason> {
    backup::reminder(store, s, StoreKind::Main, store.now())
        .unwrap()
        .map(|r| r.reason)
}

#[test]
fn the_owner_is_reminded_until_a_verified_backup_exists_and_again_after_three_days() {
    let (tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, s, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    assert_eq!(reason(&store, &s), Some(ReminderReason::NoFolder));

    let usb = tmp.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    backup::add_target(&store, &s, &usb, "U盘").unwrap();
    assert_eq!(reason(&store, &s), Some(ReminderReason::NeverBackedUp));

    backup::create(&store, &s, &usb, &mut quiet()).unwrap();
    assert_eq!(
        reason(&store, &s),
        None,
        "a fresh verified backup silences it"
    );

    clock.advance(Duration::days(3) - Duration::minutes(1));
    assert_eq!(reason(&store, &s), None, "three days are fine");
    clock.advance(Duration::days(1));
    let r = backup::reminder(&store, &s, StoreKind::Main, store.now())
        .unwrap()
        .expect("older than 3 days");
    assert_eq!(r.reason, ReminderReason::Stale);
    assert_eq!(r.days_since, Some(3));

    backup::create(&store, &s, &usb, &mut quiet()).unwrap();
    assert_eq!(reason(&store, &s), None);
}

#[test]
fn the_reminder_is_the_owners_and_never_shown_in_the_sample_shop() {
    let (_tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    add_user(&store, &s, "mgr", Role::Manager, "manager password 1");
    add_user(&store, &s, "rep", Role::Rep, "rep password 1");
    drop(store);
    for (user, pw) in [("mgr", "manager password 1"), ("rep", "rep password 1")] {
        let (store, s) = login(&dir, user, pw);
        assert_eq!(reason(&store, &s), None, "{user} sees no banner");
    }
    let (store, s) = login(&dir, OWNER, OWNER_PASSWORD);
    assert!(backup::reminder(&store, &s, StoreKind::Demo, store.now())
        .unwrap()
        .is_none());
    assert_eq!(reason(&store, &s), Some(ReminderReason::NoFolder));
}

#[test]
fn a_restored_store_records_the_backup_it_came_from() {
    let (tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, s, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    let usb = tmp.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let target = backup::add_target(&store, &s, &usb, "U盘").unwrap();
    let b = backup::create(&store, &s, &usb, &mut quiet()).unwrap();

    // The snapshot was taken before its own record was written: without the restore's record
    // the folder would say "never backed up".
    clock.advance(Duration::days(1));
    let prepared =
        backup::prepare_restore(&store, &s, &b.path, &owner_cred(), &mut quiet()).unwrap();
    let (store, s) = backup::apply_restore(store, prepared).unwrap();
    let status = backup::status(&store, &s, store.now()).unwrap();
    let row = status.iter().find(|t| t.target.id == target.id).unwrap();
    let last = row
        .last_verified
        .as_ref()
        .expect("the source backup is recorded");
    assert_eq!(last.path, b.path.display().to_string());
    assert_eq!(last.created_at, b.created_at, "with the backup's own date");
    assert!(!row.stale);
    assert_eq!(reason(&store, &s), None);

    // Its age counts from when it was made, not from the restore.
    clock.advance(Duration::days(3));
    assert_eq!(reason(&store, &s), Some(ReminderReason::Stale));
}

#[test]
fn the_weekly_deep_check_runs_the_full_check_of_the_newest_backup_and_records_a_failure() {
    let (tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, s, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    for i in 0..20 {
        laoke::customers::create(
            &store,
            &s,
            &customer(&format!("客户{i}"), &format!("1380013{i:04}")),
        )
        .unwrap();
    }
    let usb = tmp.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    backup::add_target(&store, &s, &usb, "U盘").unwrap();
    assert!(
        backup::deep_check_due(&store, store.now())
            .unwrap()
            .is_none(),
        "no backup yet"
    );
    let first = backup::create(&store, &s, &usb, &mut quiet()).unwrap();

    let (checked, outcome) = backup::run_deep_check_if_due(&store, &s)
        .unwrap()
        .expect("due: no deep check ever ran");
    assert_eq!(checked.path, first.path.display().to_string());
    outcome.expect("a good backup passes the full integrity_check");
    assert!(
        backup::run_deep_check_if_due(&store, &s).unwrap().is_none(),
        "not again this week"
    );
    assert_eq!(reason(&store, &s), None);

    // A week later the newest backup is checked; this one was damaged on the stick.
    clock.advance(Duration::days(2));
    let second = backup::create(&store, &s, &usb, &mut quiet()).unwrap();
    clock.advance(Duration::days(5));
    let mut bytes = std::fs::read(&second.path).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x5a;
    std::fs::write(&second.path, &bytes).unwrap();
    let (checked, outcome) = backup::run_deep_check_if_due(&store, &s)
        .unwrap()
        .expect("due after 7 days");
    assert_eq!(checked.path, second.path.display().to_string());
    assert!(outcome.is_err(), "the damaged file fails");
    assert_eq!(reason(&store, &s), Some(ReminderReason::DeepCheckFailed));
    let history = backup::history(&store, &s, 10).unwrap();
    let row = history.iter().find(|b| b.path == checked.path).unwrap();
    assert!(row.deep_checked_at.is_some() && row.deep_check_error.is_some());

    // Backing up again writes a good newest backup: the banner goes.
    backup::create(&store, &s, &usb, &mut quiet()).unwrap();
    assert_eq!(reason(&store, &s), None);
}

#[test]
fn a_suggested_place_gets_its_own_backup_subfolder_and_only_the_owner_may_add_it() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let stick = tmp.path().join("KINGSTON");
    std::fs::create_dir(&stick).unwrap();
    let t = backup::add_suggested(&store, &s, &stick, "KINGSTON").unwrap();
    assert_eq!(
        t.path,
        stick.join(backup::BACKUP_SUBFOLDER).display().to_string()
    );
    assert!(stick.join(backup::BACKUP_SUBFOLDER).is_dir());
    assert_eq!(t.label, "KINGSTON");
    let gone = tmp.path().join("pulled-out");
    let err = backup::add_suggested(&store, &s, &gone, "x").unwrap_err();
    assert_eq!(err.code(), "invalid_input");

    add_user(&store, &s, "mgr", Role::Manager, "manager password 1");
    drop(store);
    let (store, m) = login(&dir, "mgr", "manager password 1");
    assert_eq!(
        backup::add_suggested(&store, &m, &stick, "x")
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        backup::suggested_folders(&m, Some(tmp.path()))
            .unwrap_err()
            .code(),
        "forbidden"
    );
}
