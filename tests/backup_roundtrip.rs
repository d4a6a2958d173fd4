//! A backup restores to exactly the data it was taken from, opens with any user's password or
//! the recovery key, and leaves no plaintext anywhere.

mod backup_common;
mod common;

use backup_common::*;
use common::*;
use laoke::{
    auth::Role,
    backup::{self, Credential},
    customers,
    store::Store,
};

const MARKER: &str = "独一无二的客户名甲乙丙";

fn owner_cred() -> Credential<'static> {
    Credential::Password {
        username: OWNER,
        password: OWNER_PASSWORD,
    }
}

#[test]
fn a_restored_backup_holds_exactly_the_rows_it_was_taken_from() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _rk) = init(&dir);
    for i in 0..40 {
        customers::create(
            &store,
            &s,
            &customer(&format!("客户{i}"), &format!("1380013{i:04}")),
        )
        .unwrap();
    }
    customers::create(&store, &s, &customer(MARKER, "13900139000")).unwrap();
    let key = store.export_raw_key(&s).unwrap();
    let before = table_hashes(&raw_connection(&dir, &key));
    let target = tmp.path().join("usb");
    std::fs::create_dir(&target).unwrap();

    let b =
        backup::create(&store, &s, &target, &mut quiet()).expect("the backup is made and verified");
    assert!(b.path.starts_with(&target));
    assert_eq!(
        b.header.counts["customers"], 41,
        "the header counts the customers"
    );

    let opened = backup::open_backup(&b.path, &owner_cred(), &dir, &mut quiet()).unwrap();
    let inside = table_hashes(&open_raw(opened.db_path(), &key));
    assert_eq!(
        inside, before,
        "every table in the backup equals the store at backup time"
    );
    drop(opened);

    // Work goes on after the backup; the restore brings back the state of the backup.
    customers::create(&store, &s, &customer("后来的客户", "13700137000")).unwrap();
    let prepared =
        backup::prepare_restore(&store, &s, &b.path, &owner_cred(), &mut quiet()).unwrap();
    assert!(prepared
        .safety_backup()
        .path
        .starts_with(dir.join(backup::SAFETY_DIR)));
    let safety = prepared.safety_backup().path.clone();
    let (store, s) = backup::apply_restore(store, prepared).expect("the restore succeeds");
    assert_eq!(
        customer_total(&store, &s),
        41,
        "the customer added after the backup is gone"
    );
    let after = table_hashes(&raw_connection(&dir, &key));
    for t in [
        "customers",
        "customer_phones",
        "customer_nicks",
        "customer_tags",
    ] {
        assert_eq!(after[t], before[t], "{t} is identical after the restore");
    }
    let raw = raw_connection(&dir, &key);
    let n: i64 = raw
        .query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    let actions = audit_actions(&raw);
    assert!(
        actions.iter().any(|a| a.1 == "restore"),
        "the restore is audited: {actions:?}"
    );
    assert!(n > 0);
    let v = laoke::verify::run(&store, &s).unwrap();
    assert!(v.is_ok(), "the restored store passes every check: {v:?}");

    // The safety backup holds the data that was replaced (42 customers).
    let safe = backup::verify_file(&safety, &owner_cred(), &dir, &mut quiet()).unwrap();
    assert_eq!(safe.counts["customers"], 42);
    drop(store);

    // No plaintext customer data anywhere: target, store folder, safety backups.
    for d in [&target, &dir] {
        let hits = files_containing(d, MARKER.as_bytes());
        assert!(hits.is_empty(), "plaintext customer name found in {hits:?}");
        let hits = files_containing(d, b"SQLite format 3");
        assert!(
            hits.is_empty(),
            "an unencrypted SQLite file was found: {hits:?}"
        );
    }
    let leftovers: Vec<_> = files_under(&dir)
        .into_iter()
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".laoke-")
        })
        .collect();
    assert!(
        leftovers.is_empty(),
        "temp files are removed: {leftovers:?}"
    );
}

#[test]
fn the_recovery_key_and_another_users_password_open_a_backup() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, rk) = init(&dir);
    add_user(&store, &s, "xiaoli", Role::Rep, "rep password 1");
    customers::create(&store, &s, &customer(MARKER, "13900139000")).unwrap();
    let target = tmp.path().join("cloud");
    std::fs::create_dir(&target).unwrap();
    let b = backup::create(&store, &s, &target, &mut quiet()).unwrap();

    let h = backup::verify_file(
        &b.path,
        &Credential::RecoveryKey(rk.display()),
        &dir,
        &mut quiet(),
    )
    .expect("the recovery key opens the backup");
    assert_eq!(h.counts["customers"], 1);
    let rep = Credential::Password {
        username: "xiaoli",
        password: "rep password 1",
    };
    backup::verify_file(&b.path, &rep, &dir, &mut quiet()).expect("a rep's password opens it too");
    let wrong = Credential::Password {
        username: OWNER,
        password: "not the password",
    };
    let e = backup::verify_file(&b.path, &wrong, &dir, &mut quiet()).unwrap_err();
    assert_eq!(
        e.code(),
        "wrong_password",
        "a wrong password is refused as such: {e}"
    );
}

#[test]
fn a_new_computer_restores_with_the_recovery_key() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, rk) = init(&dir);
    customers::create(&store, &s, &customer(MARKER, "13900139000")).unwrap();
    let target = tmp.path().join("usb");
    std::fs::create_dir(&target).unwrap();
    let b = backup::create(&store, &s, &target, &mut quiet()).unwrap();
    drop(store);

    let new_dir = tmp.path().join("new-computer");
    let (store, s) = backup::restore_new(
        &new_dir,
        &b.path,
        &Credential::RecoveryKey(rk.display()),
        clock(),
        &mut quiet(),
    )
    .expect("the first-run wizard restores from the backup");
    assert_eq!(s.role(), Role::Owner);
    assert_eq!(customer_total(&store, &s), 1);
    drop(store);
    // The owner's password from the backup works on the new computer.
    let (store, s) = Store::login(&new_dir, OWNER, OWNER_PASSWORD, clock()).unwrap();
    assert_eq!(all_customers(&store, &s)[0].name, MARKER);
    assert!(
        files_containing(&new_dir, MARKER.as_bytes()).is_empty(),
        "no plaintext on the new computer"
    );
}

#[test]
fn only_the_owner_may_restore() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    add_user(&store, &s, "manager1", Role::Manager, "manager password");
    let target = tmp.path().join("usb");
    std::fs::create_dir(&target).unwrap();
    let b = backup::create(&store, &s, &target, &mut quiet()).unwrap();
    drop(store);
    let (store, m) = login(&dir, "manager1", "manager password");
    let e = backup::prepare_restore(&store, &m, &b.path, &owner_cred(), &mut quiet()).unwrap_err();
    assert_eq!(e.code(), "forbidden");
}
