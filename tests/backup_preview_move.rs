//! Before restoring, the owner sees what a backup holds (counted from the checked file, not
//! taken from its header) and which files this store verified; no plaintext reaches the disk
//! on the way. And the live data folder can be moved out of a sync folder: copied, checked with
//! the key, switched, and only then removed — a failure midway leaves the old data usable.

mod backup_common;
mod common;

use backup_common::*;
use common::*;
use laoke::{
    backup::{self, Credential},
    datadir,
    paths::{self, LOCATION_FILE},
    store::Store,
};

fn owner_cred() -> Credential<'static> {
    Credential::Password {
        username: OWNER,
        password: OWNER_PASSWORD,
    }
}

#[test]
fn a_backup_preview_counts_customers_and_orders_and_leaves_no_plaintext() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let mut ids = vec![];
    for (name, phone) in [("王芳", "13800138001"), ("李娜", "13800138002")] {
        ids.push(laoke::customers::create(&store, &s, &customer(name, phone)).unwrap());
    }
    laoke::loyalty::points::adjust(&store, &s, ids[0], 120, "开业赠送", None).unwrap();
    let stick = tmp.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    backup::add_target(&store, &s, &stick, "U盘").unwrap();
    let file = backup::create(&store, &s, &stick, &mut quiet()).unwrap();

    let p = backup::preview(&file.path, &owner_cred(), &dir, &mut quiet()).unwrap();
    assert_eq!(p.customers, 2);
    assert_eq!(
        p.orders,
        Some(0),
        "the orders table exists (migration 0003)"
    );
    assert_eq!(
        p.tickets,
        Some(0),
        "the tickets table exists (migration 0008)"
    );
    assert_eq!(
        p.points_balance,
        Some(120),
        "the points ledger's sum (migration 0007)"
    );
    assert_eq!(p.users, 1);
    assert_eq!(p.created_by, OWNER);
    assert!(
        files_containing(&dir, "王芳".as_bytes()).is_empty(),
        "the preview wrote no plaintext into the data folder"
    );
    assert!(
        files_under(&dir).iter().all(|f| !f
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with(".laoke-restore")),
        "the decrypted temp file is gone"
    );

    let wrong = Credential::Password {
        username: OWNER,
        password: "not the password",
    };
    let e = backup::preview(&file.path, &wrong, &dir, &mut quiet()).unwrap_err();
    assert_eq!(e.code(), "wrong_password");

    let listed = backup::list_known(&store, &s, &stick).unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].verified_at.is_some(), "this store verified it");
    std::fs::copy(&file.path, tmp.path().join("elsewhere.laokebak")).unwrap();
    let other = backup::list_known(&store, &s, tmp.path()).unwrap();
    assert!(
        other[0].verified_at.is_none(),
        "a copy elsewhere is not known as verified"
    );
}

#[test]
fn moving_the_data_folder_copies_checks_switches_and_removes_the_old_one() {
    let (tmp, home) = temp_store_dir();
    let (store, s, _) = init(&home);
    laoke::customers::create(&store, &s, &customer("王芳", "13800138001")).unwrap();
    let to = tmp.path().join("local").join("Laoke");
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();

    let (moved, result) = datadir::move_data_dir(store, &s, &home, &to);
    let report = result.unwrap_or_else(|e| panic!("the move works: {e}"));
    let store = moved.expect("the store is open again");
    assert_eq!(store.dir(), to.as_path());
    assert!(report.old_removed);
    assert_eq!(
        paths::resolve_data_dir(&home),
        to,
        "the app now opens the new folder"
    );
    assert!(Store::exists(&to));
    assert!(!Store::exists(&home), "the old copy is gone");
    assert!(home.join(LOCATION_FILE).is_file(), "only the pointer stays");
    assert_eq!(customer_total(&store, &s), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&to).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "the new data folder is the OS account's alone");
    }
    drop(store);
    let (store, s) = login(&to, OWNER, OWNER_PASSWORD);
    assert_eq!(customer_total(&store, &s), 1, "the moved store logs in");
    let actions = audit_actions(&raw_connection_as_owner(&store, &s));
    assert!(actions.iter().any(|(_, a, _)| a == "data_dir_moved"));

    // Moving back home removes the pointer.
    let (moved, result) = datadir::move_data_dir(store, &s, &home, &home);
    result.unwrap();
    assert_eq!(moved.unwrap().dir(), home.as_path());
    assert!(!home.join(LOCATION_FILE).exists());
    assert!(!to.exists());
}

#[test]
fn a_move_into_a_full_disk_fails_and_leaves_the_old_data_usable() {
    if !mount_here_or_rerun("a_move_into_a_full_disk_fails_and_leaves_the_old_data_usable") {
        return;
    }
    let (tmp, home) = temp_store_dir();
    let (store, s, _) = init(&home);
    laoke::customers::create(&store, &s, &customer("王芳", "13800138001")).unwrap();
    laoke::bench::backup::fill_to_size(&store, &s, 2).unwrap();
    let before = customer_total(&store, &s);
    let small = Tmpfs::mount(&tmp.path().join("small"), "size=256k");
    let to = small.0.join("Laoke");
    let (back, result) = datadir::move_data_dir(store, &s, &home, &to);
    let e = result.expect_err("2 MB do not fit into 256 kB");
    assert!(!e.message(laoke::i18n::Lang::En).is_empty());
    let store = back.expect("the old store is open again");
    assert_eq!(store.dir(), home.as_path());
    assert_eq!(customer_total(&store, &s), before, "the old data is intact");
    assert!(!to.exists(), "the partial copy was removed");
    assert!(
        !home.join(LOCATION_FILE).exists(),
        "the pointer was never switched"
    );
    assert_eq!(paths::resolve_data_dir(&home), home);
}

#[test]
fn a_move_refuses_sync_folders_non_empty_folders_and_non_owners() {
    let (tmp, home) = temp_store_dir();
    let (store, s, _) = init(&home);
    add_user(&store, &s, "rep", laoke::auth::Role::Rep, "rep password 1");
    let dropbox = tmp.path().join("Dropbox").join("Laoke");
    std::fs::create_dir_all(dropbox.parent().unwrap()).unwrap();
    let (store, r) = datadir::move_data_dir(store, &s, &home, &dropbox);
    assert_eq!(
        r.unwrap_err().code(),
        "invalid_input",
        "not into another sync folder"
    );
    let full = tmp.path().join("full");
    std::fs::create_dir(&full).unwrap();
    std::fs::write(full.join("x.txt"), "x").unwrap();
    let (store, r) = datadir::move_data_dir(store.unwrap(), &s, &home, &full);
    assert_eq!(
        r.unwrap_err().code(),
        "invalid_input",
        "not into a folder with files"
    );
    drop(store);

    let (store, rep) = login(&home, "rep", "rep password 1");
    let (store, r) = datadir::move_data_dir(store, &rep, &home, &tmp.path().join("new"));
    assert_eq!(
        r.unwrap_err().code(),
        "forbidden",
        "only the owner moves the data"
    );
    assert!(store.is_some() && Store::exists(&home));
    assert!(!tmp.path().join("new").exists());
}
