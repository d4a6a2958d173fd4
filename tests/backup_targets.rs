//! A backup folder that is gone (stick unplugged), read-only or full gives a clear error, is
//! recorded on the target for the app's warning, and leaves no partial file behind.

mod backup_common;
mod common;

use backup_common::*;
use chrono::Duration;
use common::*;
use laoke::{
    backup,
    demo::{self, DemoSpec},
    i18n::Lang,
    store::Store,
};

#[test]
fn an_unplugged_stick_gives_a_clear_error_and_marks_the_target() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let stick = tmp.path().join("KINGSTON");
    std::fs::create_dir(&stick).unwrap();
    backup::add_target(&store, &s, &stick, "U盘").unwrap();
    std::fs::remove_dir(&stick).unwrap();

    let e = backup::create(&store, &s, &stick, &mut quiet()).unwrap_err();
    assert_eq!(e.code(), "backup_target_missing");
    assert!(
        e.message(Lang::ZhCn).contains("U盘是否已拔出"),
        "{}",
        e.message(Lang::ZhCn)
    );
    let st = backup::status(&store, &s, store.now()).unwrap();
    assert_eq!(
        st[0].target.last_error.as_deref(),
        Some("backup_target_missing")
    );
    assert!(st[0].stale, "no verified backup yet: the app warns");
    assert!(!dir.join("laoke.db-backup").exists());
}

#[test]
fn the_app_warns_when_the_last_verified_backup_is_older_than_three_days() {
    let (tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, s, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    let stick = tmp.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    backup::add_target(&store, &s, &stick, "").unwrap();
    backup::create(&store, &s, &stick, &mut quiet()).unwrap();
    let st = backup::status(&store, &s, store.now()).unwrap();
    assert!(
        !st[0].stale && st[0].last_verified.is_some(),
        "a fresh backup is not stale"
    );
    assert_eq!(st[0].target.last_error, None);
    clock.advance(Duration::days(3) + Duration::minutes(1));
    let st = backup::status(&store, &s, store.now()).unwrap();
    assert!(st[0].stale, "three days later the app warns");
}

#[test]
fn a_read_only_folder_gives_a_clear_error() {
    if !mount_here_or_rerun("a_read_only_folder_gives_a_clear_error") {
        return;
    }
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let ro = tmp.path().join("ro");
    let _mount = Tmpfs::mount(&ro, "ro,size=1m");
    let e = backup::create(&store, &s, &ro, &mut quiet()).unwrap_err();
    assert_eq!(e.code(), "backup_target_read_only", "{e}");
    assert!(e.message(Lang::ZhCn).contains("只读"));
}

#[test]
fn a_full_disk_gives_the_disk_full_error_and_leaves_no_partial_file() {
    if !mount_here_or_rerun("a_full_disk_gives_the_disk_full_error_and_leaves_no_partial_file") {
        return;
    }
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    demo::generate(
        &store,
        &s,
        &DemoSpec {
            customers: 6000,
            seed: 3,
        },
    )
    .unwrap();
    let small = tmp.path().join("small");
    let _mount = Tmpfs::mount(&small, "size=1m");
    let e = backup::create(&store, &s, &small, &mut quiet()).unwrap_err();
    assert_eq!(e.code(), "backup_disk_full", "{e}");
    assert!(e.message(Lang::ZhCn).contains("U盘/磁盘空间不足"));
    let left: Vec<_> = std::fs::read_dir(&small)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .collect();
    assert!(left.is_empty(), "no partial file is left: {left:?}");
    let store_temps: Vec<_> = files_under(&dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".laoke-")
        })
        .collect();
    assert!(
        store_temps.is_empty(),
        "no temp file is left in the store: {store_temps:?}"
    );
    let actions = audit_actions(&raw_connection_as_owner(&store, &s));
    assert!(
        actions.iter().any(|a| a.1 == "backup_failed"),
        "the failure is audited"
    );
}

#[test]
fn a_backup_folder_inside_the_data_folder_is_refused() {
    let (_tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let inner = dir.join("backups");
    std::fs::create_dir(&inner).unwrap();
    assert_eq!(
        backup::add_target(&store, &s, &inner, "")
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}
