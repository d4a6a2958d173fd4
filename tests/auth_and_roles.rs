//! Users and roles, enforced in the core: what a service rep, a manager and the owner may do,
//! disabling and re-enabling users, and failed logins landing in the audit log.

mod common;

use common::*;
use laoke::{
    audit,
    auth::{self, Role},
    i18n::Lang,
    settings::{self, SettingsPatch},
    store::Store,
    users::{self, NewUser},
    verify, Error,
};

const REP_PASSWORD: &str = "rep password 1";
const MANAGER_PASSWORD: &str = "manager password 1";

fn new_user(name: &str) -> NewUser {
    NewUser {
        username: name.into(),
        display_name: name.into(),
        role: Role::Rep,
        password: "another password".into(),
    }
}

fn assert_forbidden<T: std::fmt::Debug>(result: laoke::Result<T>, what: &str) {
    match result {
        Err(e @ Error::Forbidden(_)) => {
            assert_eq!(e.code(), "forbidden");
            assert!(
                !e.message(Lang::En).is_empty(),
                "a forbidden error explains itself"
            );
        }
        other => panic!("{what} must be refused by the core with Forbidden, got {other:?}"),
    }
}

#[test]
fn a_rep_cannot_manage_users_change_settings_or_verify() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    add_user(&store, &owner, "xiaomei", Role::Rep, REP_PASSWORD);
    drop(store);

    let (store, rep) = login(&dir, "xiaomei", REP_PASSWORD);
    assert_eq!(rep.role(), Role::Rep);
    let users_before = std::fs::read(dir.join("laoke.keys")).unwrap();
    assert_forbidden(
        users::add(&store, &rep, &new_user("bob")),
        "a rep adding a user",
    );
    assert_eq!(
        std::fs::read(dir.join("laoke.keys")).unwrap(),
        users_before,
        "a refused add must not create a key slot"
    );
    assert_forbidden(users::list(&store, &rep), "a rep listing users");
    assert_forbidden(
        users::set_disabled(&store, &rep, 1, true),
        "a rep disabling the owner",
    );
    assert_forbidden(
        users::reset_password(&store, &rep, 1, "hijacked password"),
        "a rep resetting the owner's password",
    );
    assert_forbidden(
        settings::update(
            &store,
            &rep,
            &SettingsPatch {
                shop_name: Some("改名".into()),
                ..Default::default()
            },
        ),
        "a rep changing settings",
    );
    assert_forbidden(verify::run(&store, &rep), "a rep verifying the store");
    assert_forbidden(
        store.export_raw_key(&rep).map(|_| ()),
        "a rep exporting the raw key",
    );
    let msg = users::add(&store, &rep, &new_user("bob"))
        .unwrap_err()
        .message(Lang::En);
    assert!(
        msg.contains("service rep"),
        "the message names the role: {msg}"
    );
    drop(store);

    let (store, owner) = login(&dir, OWNER, OWNER_PASSWORD);
    let names: Vec<String> = users::list(&store, &owner)
        .unwrap()
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(
        names,
        ["owner", "xiaomei"],
        "nothing the rep tried was done"
    );
}

#[test]
fn a_manager_can_verify_but_cannot_manage_users_or_settings() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    add_user(&store, &owner, "laozhang", Role::Manager, MANAGER_PASSWORD);
    drop(store);

    let (store, manager) = login(&dir, "laozhang", MANAGER_PASSWORD);
    assert_eq!(manager.role(), Role::Manager);
    assert_forbidden(
        users::add(&store, &manager, &new_user("bob")),
        "a manager adding a user",
    );
    assert_forbidden(users::list(&store, &manager), "a manager listing users");
    assert_forbidden(
        settings::update(
            &store,
            &manager,
            &SettingsPatch {
                idle_lock_minutes: Some(5),
                ..Default::default()
            },
        ),
        "a manager changing settings",
    );
    let report = verify::run(&store, &manager).expect("a manager may verify the store");
    assert!(report.is_ok(), "a fresh store verifies clean: {report:?}");
}

#[test]
fn the_owner_can_add_list_users_change_settings_and_verify() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let rep = add_user(&store, &owner, "xiaomei", Role::Rep, REP_PASSWORD);
    assert_eq!((rep.role, rep.disabled), (Role::Rep, false));
    let list = users::list(&store, &owner).expect("the owner lists users");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].role, Role::Owner);

    let s = settings::update(
        &store,
        &owner,
        &SettingsPatch {
            shop_name: Some("小王的店".into()),
            timezone: Some("Asia/Urumqi".into()),
            idle_lock_minutes: Some(15),
        },
    )
    .expect("the owner changes settings");
    assert_eq!(
        (
            s.shop_name.as_str(),
            s.timezone.as_str(),
            s.idle_lock_minutes
        ),
        ("小王的店", "Asia/Urumqi", 15)
    );
    assert_eq!(
        settings::get(&store, &owner).unwrap(),
        s,
        "settings are stored"
    );
    let bad = settings::update(
        &store,
        &owner,
        &SettingsPatch {
            timezone: Some("Mars/Olympus".into()),
            ..Default::default()
        },
    );
    assert_eq!(
        bad.unwrap_err().code(),
        "invalid_input",
        "an unknown timezone is refused"
    );

    assert!(verify::run(&store, &owner).unwrap().is_ok());
}

#[test]
fn a_new_store_defaults_to_shanghai_time() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let s = settings::get(&store, &owner).unwrap();
    assert_eq!(
        s.timezone, "Asia/Shanghai",
        "the shop timezone defaults to China time"
    );
    assert_eq!(settings::timezone(&store), chrono_tz::Asia::Shanghai);
}

#[test]
fn user_names_are_unique_and_a_second_owner_cannot_be_added() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    add_user(&store, &owner, "xiaomei", Role::Rep, REP_PASSWORD);
    let dup = users::add(&store, &owner, &new_user("XiaoMei")).unwrap_err();
    assert_eq!(
        dup.code(),
        "conflict",
        "user names are case-insensitively unique"
    );
    let second_owner = users::add(
        &store,
        &owner,
        &NewUser {
            username: "boss2".into(),
            display_name: "二老板".into(),
            role: Role::Owner,
            password: "owner password 9".into(),
        },
    )
    .unwrap_err();
    assert_eq!(second_owner.code(), "invalid_input", "a shop has one owner");
    let short = users::add(
        &store,
        &owner,
        &NewUser {
            username: "bob".into(),
            display_name: "bob".into(),
            role: Role::Rep,
            password: "short".into(),
        },
    )
    .unwrap_err();
    assert_eq!(
        short.code(),
        "invalid_input",
        "passwords need at least 8 characters"
    );
}

#[test]
fn a_disabled_user_cannot_log_in_until_the_owner_resets_and_enables_them() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let rep = add_user(&store, &owner, "xiaomei", Role::Rep, REP_PASSWORD);

    let u = users::set_disabled(&store, &owner, rep.id, true).expect("the owner disables a rep");
    assert!(u.disabled);
    let err = Store::login(&dir, "xiaomei", REP_PASSWORD, clock())
        .err()
        .expect("a disabled user must not log in");
    assert_eq!(
        err.code(),
        "wrong_password",
        "the slot is gone, so the password opens nothing"
    );

    let err = users::set_disabled(&store, &owner, rep.id, false).unwrap_err();
    assert!(
        matches!(err, Error::NeedsPasswordReset),
        "enabling without a password is refused, got {err:?}"
    );
    assert_eq!(err.code(), "needs_password_reset");

    users::reset_password(&store, &owner, rep.id, "rep password 2")
        .expect("the owner resets the password");
    let err = Store::login(&dir, "xiaomei", "rep password 2", clock())
        .err()
        .expect("reset alone does not enable the user");
    assert_eq!(err.code(), "user_disabled");

    let u =
        users::set_disabled(&store, &owner, rep.id, false).expect("enabling after a reset works");
    assert!(!u.disabled);
    let (_rep_store, rep_session) = login(&dir, "xiaomei", "rep password 2");
    assert_eq!(rep_session.role(), Role::Rep);
    let err = Store::login(&dir, "xiaomei", REP_PASSWORD, clock())
        .err()
        .expect("the password from before the reset is dead");
    assert_eq!(err.code(), "wrong_password");
}

#[test]
fn the_owner_cannot_be_disabled() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let err = users::set_disabled(&store, &owner, owner.user_id(), true).unwrap_err();
    assert_eq!(
        err.code(),
        "invalid_input",
        "disabling the only owner would lock the shop out"
    );
    drop(store);
    login(&dir, OWNER, OWNER_PASSWORD);
}

#[test]
fn failed_logins_are_written_to_the_audit_log_before_the_next_login() {
    let (_tmp, dir) = temp_store_dir();
    let (store, _owner, _recovery) = init(&dir);
    drop(store);
    let clock = fixed_clock();
    clock.advance(chrono::Duration::minutes(5));
    let err = Store::login(&dir, OWNER, "guessing wrong", clock.clone())
        .err()
        .expect("wrong password");
    assert_eq!(err.code(), "wrong_password");
    clock.advance(chrono::Duration::minutes(1));
    let (store, owner) = Store::login(&dir, OWNER, OWNER_PASSWORD, clock.clone())
        .expect("the right password logs in");

    let raw = raw_connection_as_owner(&store, &owner);
    let actions = audit_actions(&raw);
    let failed = actions
        .iter()
        .position(|(_, a, s)| a == "login_failed" && s == OWNER)
        .unwrap_or_else(|| {
            panic!("a login_failed row naming the owner is expected in {actions:?}")
        });
    let login = actions
        .iter()
        .rposition(|(_, a, _)| a == "login")
        .expect("the successful login is audited");
    assert!(
        failed < login,
        "the failure comes before the login that followed it: {actions:?}"
    );

    let recent = audit::recent(&raw, 50).expect("audit::recent reads the raw connection");
    let row = recent.iter().find(|e| e.action == "login_failed").unwrap();
    assert_eq!(
        row.at, "2026-03-01T02:05:00.000Z",
        "the failure keeps the time it happened, from the injected clock"
    );
    assert!(
        !dir.join("auth-events.json").exists(),
        "the waiting failures were moved into the log"
    );
    assert!(
        verify::run(&store, &owner).unwrap().is_ok(),
        "the chain holds with the failures in it"
    );
}

#[test]
fn a_failed_login_with_an_unknown_name_does_not_record_what_was_typed() {
    let (_tmp, dir) = temp_store_dir();
    let (store, _owner, _recovery) = init(&dir);
    drop(store);
    // People type their password into the name field; it must never be written down.
    let typed = "MySecretPassw0rd";
    Store::login(&dir, typed, OWNER_PASSWORD, clock())
        .err()
        .expect("unknown user");
    assert!(
        files_containing(&dir, typed.as_bytes()).is_empty(),
        "the typed name must not land in any file"
    );
    let (store, owner) = login(&dir, OWNER, OWNER_PASSWORD);
    let raw = raw_connection_as_owner(&store, &owner);
    let actions = audit_actions(&raw);
    assert!(
        actions
            .iter()
            .any(|(_, a, s)| a == "login_failed" && s == "?"),
        "the failure is still counted: {actions:?}"
    );
    assert!(
        !actions.iter().any(|(_, _, s)| s.contains(typed)),
        "but not what was typed"
    );
}

#[test]
fn lock_and_unlock_check_the_password_and_are_audited() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    auth::lock(&store, &owner).unwrap();
    assert_eq!(
        auth::unlock(&store, &owner, "wrong password!")
            .unwrap_err()
            .code(),
        "wrong_password"
    );
    auth::unlock(&store, &owner, OWNER_PASSWORD).expect("the right password lifts the lock");
    let raw = raw_connection_as_owner(&store, &owner);
    let actions: Vec<String> = audit_actions(&raw).into_iter().map(|(_, a, _)| a).collect();
    let tail: Vec<&str> = actions
        .iter()
        .rev()
        .take(4)
        .rev()
        .map(String::as_str)
        .collect();
    assert_eq!(
        tail,
        ["lock", "unlock_failed", "unlock", "raw_key_exported"]
    );
    drop(raw);
    auth::logout(store, owner).expect("logout closes the store");
    assert!(
        !dir.join("laoke.db-wal").exists(),
        "after logout nothing holds the database open"
    );
}
