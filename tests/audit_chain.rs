//! The audit log is append-only and hash-chained: the database refuses edits, and someone who
//! gets around that with the raw key is caught by `verify` (core and CLI).

mod common;

use common::*;
use laoke::{customers, verify};

#[test]
fn a_fresh_store_verifies_clean() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let report = verify::run(&store, &owner).expect("the owner may verify");
    assert!(
        report.is_ok(),
        "nothing is wrong with a new store: {report:?}"
    );
    assert!(
        report.audit_rows >= 3,
        "setup writes store_created, user_added and login rows: {report:?}"
    );
    let again = verify::run(&store, &owner).unwrap();
    assert_eq!(
        again.audit_rows,
        report.audit_rows + 1,
        "the check itself is audited"
    );
    assert!(again.is_ok());
}

#[test]
fn the_database_refuses_to_update_or_delete_audit_rows() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let raw = raw_connection_as_owner(&store, &owner);
    let update = raw.execute("UPDATE audit_log SET detail = '{\"x\":1}' WHERE id = 2", []);
    let err = update.expect_err("the trigger must refuse UPDATE on the audit log");
    assert!(
        err.to_string().contains("append-only"),
        "refused by the trigger, not something else: {err}"
    );
    let delete = raw.execute("DELETE FROM audit_log WHERE id = 2", []);
    let err = delete.expect_err("the trigger must refuse DELETE on the audit log");
    assert!(
        err.to_string().contains("append-only"),
        "refused by the trigger, not something else: {err}"
    );
    drop(raw);
    assert!(
        verify::run(&store, &owner).unwrap().is_ok(),
        "the refused statements changed nothing"
    );
}

#[test]
fn an_edited_audit_row_is_reported_at_its_id() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let raw = raw_connection_as_owner(&store, &owner);
    raw.execute_batch("DROP TRIGGER audit_log_no_update;")
        .unwrap();
    raw.execute(
        "UPDATE audit_log SET detail = '{\"role\":\"rep\"}' WHERE id = 2",
        [],
    )
    .unwrap();
    drop(raw);

    let report = verify::run(&store, &owner).unwrap();
    assert!(!report.is_ok(), "an edited row must fail verification");
    assert!(
        report
            .audit_breaks
            .iter()
            .any(|b| b.id == 2 && b.problem.contains("changed")),
        "the break points at row 2 and says it was changed: {:?}",
        report.audit_breaks
    );
    assert!(
        report.audit_breaks.iter().all(|b| b.id == 2),
        "only the edited row is blamed: {:?}",
        report.audit_breaks
    );
    // New rows keep being appended after the break; the break stays visible.
    customers::create(&store, &owner, &customer("张三", "13800138000")).unwrap();
    let later = verify::run(&store, &owner).unwrap();
    assert!(
        later.audit_breaks.iter().any(|b| b.id == 2),
        "the break does not heal: {:?}",
        later.audit_breaks
    );
}

#[test]
fn a_deleted_middle_audit_row_is_reported() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let raw = raw_connection_as_owner(&store, &owner);
    raw.execute_batch("DROP TRIGGER audit_log_no_delete;")
        .unwrap();
    assert_eq!(
        raw.execute("DELETE FROM audit_log WHERE id = 2", [])
            .unwrap(),
        1
    );
    drop(raw);

    let report = verify::run(&store, &owner).unwrap();
    assert!(!report.is_ok(), "a deleted row must fail verification");
    assert!(
        report
            .audit_breaks
            .iter()
            .any(|b| b.id == 3 && b.problem.contains("missing")),
        "the row after the gap reports the missing one: {:?}",
        report.audit_breaks
    );
}

#[test]
fn a_deleted_newest_audit_row_is_reported() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let raw = raw_connection_as_owner(&store, &owner);
    let newest: i64 = raw
        .query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    raw.execute_batch("DROP TRIGGER audit_log_no_delete;")
        .unwrap();
    raw.execute("DELETE FROM audit_log WHERE id = ?1", [newest])
        .unwrap();
    drop(raw);

    let report = verify::run(&store, &owner).unwrap();
    assert!(!report.is_ok(), "a removed tail must fail verification");
    assert!(
        report
            .audit_breaks
            .iter()
            .any(|b| b.problem.contains("newest rows are missing")),
        "the head marker shows rows were cut off the end: {:?}",
        report.audit_breaks
    );
}

#[test]
fn a_deleted_newest_audit_row_is_still_reported_after_the_next_login() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let raw = raw_connection_as_owner(&store, &owner);
    drop(store);
    let newest: i64 = raw
        .query_row("SELECT max(id) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    raw.execute_batch("DROP TRIGGER audit_log_no_delete;")
        .unwrap();
    raw.execute("DELETE FROM audit_log WHERE id = ?1", [newest])
        .unwrap();
    drop(raw);

    // `laoke verify` logs in first, and the login is audited before the check runs.
    let (store, owner) = login(&dir, OWNER, OWNER_PASSWORD);
    let report = verify::run(&store, &owner).unwrap();
    assert!(
        !report.is_ok(),
        "the removed tail must not be papered over by the next audit row: {:?}",
        report.audit_breaks
    );
}

#[test]
fn laoke_verify_exits_non_zero_after_an_audit_row_is_edited() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let init = run_cli(
        laoke_cli(tmp.path(), &dir)
            .args(["--lang", "en", "init"])
            .env("LAOKE_PASSWORD", OWNER_PASSWORD),
    );
    assert!(init.ok, "init works: {}", init.stderr);

    let verify_cmd = || {
        let mut c = laoke_cli(tmp.path(), &dir);
        c.args(["--lang", "en", "verify"])
            .env("LAOKE_PASSWORD", OWNER_PASSWORD);
        c
    };
    let clean = run_cli(&mut verify_cmd());
    assert!(
        clean.ok,
        "a fresh store verifies: {}{}",
        clean.stdout, clean.stderr
    );
    assert!(
        clean.stdout.contains("All checks passed."),
        "{}",
        clean.stdout
    );

    let (store, owner) = login(&dir, OWNER, OWNER_PASSWORD);
    let raw = raw_connection_as_owner(&store, &owner);
    drop(store);
    raw.execute_batch("DROP TRIGGER audit_log_no_update;")
        .unwrap();
    raw.execute(
        "UPDATE audit_log SET actor_name = 'someone else' WHERE id = 1",
        [],
    )
    .unwrap();
    drop(raw);

    let tampered = run_cli(&mut verify_cmd());
    assert!(
        !tampered.ok,
        "verify must fail after tampering: {}",
        tampered.stdout
    );
    assert_eq!(tampered.code, Some(1));
    assert!(
        tampered.stdout.contains("audit chain broken at #1"),
        "the report names the row: {}",
        tampered.stdout
    );
    assert!(
        tampered.stderr.contains("[conflict]"),
        "the error line carries a code: {}",
        tampered.stderr
    );
}
