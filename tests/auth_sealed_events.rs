//! The failed-login record beside the store (`auth-events.json`) holds no user name in clear
//! (issue 18): each attempt is sealed to the store's X25519 key, whose secret only the open
//! store unwraps, and moves into the audit chain at the next login. Old stores without the key
//! pair get one at their next login; an old plaintext file is read once and then replaced.

mod common;

use common::*;
use laoke::{auth::Role, store::Store, verify};
use std::path::Path;

const NAME: &str = "xiaoming";
const PASSWORD: &str = "xiaoming password 1";

fn events(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join("auth-events.json")).expect("the failure is written down")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A store with the rep `xiaoming`, closed.
fn store_with_rep() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    add_user(&store, &owner, NAME, Role::Rep, PASSWORD);
    (tmp, dir)
}

/// Log in as the owner; every `login_failed` subject in the audit log so far, in order.
fn failed_logins(dir: &Path) -> Vec<String> {
    let (store, owner) = login(dir, OWNER, OWNER_PASSWORD);
    let raw = raw_connection_as_owner(&store, &owner);
    assert!(
        verify::run(&store, &owner).unwrap().is_ok(),
        "the chain holds"
    );
    audit_actions(&raw)
        .into_iter()
        .filter(|(_, a, _)| a == "login_failed")
        .map(|(_, _, s)| s)
        .collect()
}

fn drop_seal_key(dir: &Path) {
    let path = dir.join("laoke.keys");
    let mut kf: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert!(kf.get("sealKey").is_some(), "a new store has a sealing key");
    kf.as_object_mut().unwrap().remove("sealKey");
    std::fs::write(&path, serde_json::to_vec(&kf).unwrap()).unwrap();
}

#[test]
fn a_failed_login_is_sealed_on_disk_and_named_in_the_audit_log_at_the_next_login() {
    let (_tmp, dir) = store_with_rep();
    for _ in 0..2 {
        Store::login(&dir, NAME, "a wrong guess", clock())
            .err()
            .expect("wrong password");
    }
    let on_disk = events(&dir);
    assert!(
        !contains(&on_disk, NAME.as_bytes()),
        "no user name in clear: {}",
        String::from_utf8_lossy(&on_disk)
    );
    assert!(
        !contains(&on_disk, hex::encode(NAME).as_bytes()),
        "nor in hex"
    );
    assert_eq!(
        failed_logins(&dir),
        vec![NAME.to_string(), NAME.to_string()],
        "the open store reads both attempts, with the name"
    );
    assert!(!dir.join("auth-events.json").exists(), "moved into the log");
}

#[test]
fn an_old_store_without_a_key_pair_writes_no_name_and_gets_a_key_at_the_next_login() {
    let (_tmp, dir) = store_with_rep();
    drop_seal_key(&dir);
    Store::login(&dir, NAME, "a wrong guess", clock())
        .err()
        .expect("wrong password");
    assert!(
        !contains(&events(&dir), NAME.as_bytes()),
        "nothing to seal to: the name is left out"
    );
    assert_eq!(failed_logins(&dir), vec!["?".to_string()], "still counted");
    let kf: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("laoke.keys")).unwrap()).unwrap();
    assert!(kf.get("sealKey").is_some(), "the login made a key pair");

    Store::login(&dir, NAME, "a wrong guess", clock())
        .err()
        .expect("wrong password");
    assert!(!contains(&events(&dir), NAME.as_bytes()));
    assert_eq!(
        failed_logins(&dir),
        vec!["?".to_string(), NAME.to_string()],
        "from then on the name is sealed and kept"
    );
}

#[test]
fn an_old_plaintext_file_is_read_once_and_then_replaced() {
    let (_tmp, dir) = store_with_rep();
    let old =
        format!(r#"[{{"username":"{NAME}","at":"2026-02-28T01:00:00Z","method":"password"}}]"#);
    std::fs::write(dir.join("auth-events.json"), &old).unwrap();
    assert_eq!(
        failed_logins(&dir),
        vec![NAME.to_string()],
        "the old record reaches the audit log"
    );
    assert!(!dir.join("auth-events.json").exists(), "and is gone");

    // A failure before the next login seals what the old file held, replacing it at once.
    std::fs::write(dir.join("auth-events.json"), &old).unwrap();
    Store::login(&dir, NAME, "a wrong guess", clock())
        .err()
        .expect("wrong password");
    assert!(
        !contains(&events(&dir), NAME.as_bytes()),
        "the plaintext is replaced"
    );
    assert_eq!(
        failed_logins(&dir),
        vec![NAME.to_string(); 3],
        "the first login's, then the old record and the new failure"
    );
}

#[test]
fn a_failed_recovery_attempt_is_recorded_without_a_name() {
    let (_tmp, dir) = store_with_rep();
    let wrong = laoke::crypto::RecoveryKey::generate().display().to_string();
    Store::recover(&dir, &wrong, NAME, "a new password 1", clock())
        .err()
        .expect("wrong recovery key");
    assert!(!contains(&events(&dir), NAME.as_bytes()));
    assert_eq!(failed_logins(&dir), vec!["?".to_string()]);
}
