//! The encrypted store on disk: no plaintext anywhere, wrong secrets change nothing, the recovery
//! key opens it, a password change rewrites one key slot, a newer schema is refused, and a
//! standard SQLCipher client given the raw key can read it.

mod common;

use common::*;
use laoke::{
    auth,
    customers::{self, CustomerQuery},
    demo::{self, DemoSpec},
    i18n::Lang,
    store::Store,
    Error,
};
use std::path::Path;

const NAME: &str = "欧阳测试娜";
const PHONE: &str = "13912345678";

fn assert_no_plaintext(dir: &Path, needles: &[&[u8]], when: &str) {
    let files = files_under(dir);
    assert!(
        files.iter().any(|p| p.ends_with("laoke.db")),
        "the scan must at least see the database file ({when}), found {files:?}"
    );
    for needle in needles {
        let hits = files_containing(dir, needle);
        assert!(
            hits.is_empty(),
            "{:?} must not appear in clear in any store file ({when}), but it is in {hits:?}",
            String::from_utf8_lossy(needle)
        );
    }
}

#[test]
fn no_customer_name_phone_or_sqlite_header_is_readable_on_disk() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    for i in 0..20 {
        let name = if i == 7 {
            NAME.to_string()
        } else {
            format!("{NAME}{i}")
        };
        let phone = if i == 7 {
            PHONE.to_string()
        } else {
            format!("1391234{:04}", 1000 + i)
        };
        customers::create(&store, &owner, &customer(&name, &phone))
            .expect("a customer can be created");
    }
    let needles: [&[u8]; 3] = [NAME.as_bytes(), PHONE.as_bytes(), b"SQLite format 3"];

    assert!(
        dir.join("laoke.db-wal").is_file(),
        "with the store open the WAL should exist, otherwise this test does not scan it"
    );
    assert_no_plaintext(&dir, &needles, "store open, WAL present");

    drop(store);
    assert_no_plaintext(&dir, &needles, "store closed");
}

#[test]
fn demo_customers_are_not_readable_on_disk_either() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    demo::generate(
        &store,
        &owner,
        &DemoSpec {
            customers: 200,
            seed: 11,
        },
    )
    .expect("demo data can be generated");
    let rows = all_customers(&store, &owner);
    let sample = &rows[rows.len() / 2];
    let name = sample.name.clone();
    let phone = sample.phone.clone().expect("demo customers have a phone");
    let wechat = rows
        .iter()
        .find_map(|r| r.wechat_id.clone())
        .expect("some demo customers have a WeChat id");
    let needles: [&[u8]; 4] = [
        name.as_bytes(),
        phone.as_bytes(),
        wechat.as_bytes(),
        b"SQLite format 3",
    ];

    assert_no_plaintext(&dir, &needles, "demo store open");
    drop(store);
    assert_no_plaintext(&dir, &needles, "demo store closed");
}

#[test]
fn a_wrong_password_is_refused_and_changes_neither_the_database_nor_the_key_file() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    customers::create(&store, &owner, &customer(NAME, PHONE)).unwrap();
    drop(store);
    let db_before = sha256_file(&dir.join("laoke.db"));
    let keys_before = sha256_file(&dir.join("laoke.keys"));

    let err = Store::login(&dir, OWNER, "not the password", clock())
        .err()
        .expect("a wrong password must not open the store");
    assert!(
        matches!(err, Error::WrongPassword),
        "expected WrongPassword, got {err:?}"
    );
    assert_eq!(err.code(), "wrong_password");
    assert_eq!(err.message(Lang::En), "Wrong user name or password.");

    let err = Store::login(&dir, "nobody", OWNER_PASSWORD, clock())
        .err()
        .expect("an unknown user must not open the store");
    assert_eq!(
        err.code(),
        "wrong_password",
        "an unknown user gets the same error so names cannot be probed"
    );

    assert_eq!(
        sha256_file(&dir.join("laoke.db")),
        db_before,
        "a refused login must not touch the database"
    );
    assert_eq!(
        sha256_file(&dir.join("laoke.keys")),
        keys_before,
        "a refused login must not touch the key slots"
    );
    assert!(
        !dir.join("laoke.db-wal").exists(),
        "a refused login must not even open the database (no WAL appears)"
    );
}

#[test]
fn the_recovery_key_opens_the_store_and_sets_a_new_password() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, recovery) = init(&dir);
    let key = recovery.display().to_string();
    drop(recovery);
    customers::create(&store, &owner, &customer(NAME, PHONE)).unwrap();
    drop(store);

    let (store, session) = Store::recover(&dir, &key, OWNER, "new password 1", clock())
        .expect("the recovery key opens the store");
    assert_eq!(session.username(), OWNER);
    let rows = all_customers(&store, &session);
    assert_eq!(rows.len(), 1, "the data must survive a recovery");
    assert_eq!(rows[0].name, NAME);
    drop(store);

    let (store, _s) = login(&dir, OWNER, "new password 1");
    drop(store);
    let err = Store::login(&dir, OWNER, OWNER_PASSWORD, clock())
        .err()
        .expect("the old password must stop working after recovery");
    assert_eq!(err.code(), "wrong_password");
}

#[test]
fn a_typo_in_the_recovery_key_is_caught_by_its_checksum() {
    let (_tmp, dir) = temp_store_dir();
    let (store, _owner, recovery) = init(&dir);
    drop(store);
    let mut typed: Vec<char> = recovery.display().chars().collect();
    typed[5] = if typed[5] == 'A' { 'B' } else { 'A' };
    let typed: String = typed.into_iter().collect();

    let err = Store::recover(&dir, &typed, OWNER, "new password 1", clock())
        .err()
        .expect("a mistyped key must be refused");
    assert!(
        matches!(err, Error::BadRecoveryKey { typo: true }),
        "a changed character is a typo, got {err:?}"
    );
    assert_eq!(err.code(), "bad_recovery_key");

    // Lower case with spaces instead of dashes is how people type it; it must still work.
    let relaxed = recovery.display().to_lowercase().replace('-', " ");
    let (store, _s) = Store::recover(&dir, &relaxed, OWNER, "new password 1", clock())
        .expect("case and separators do not matter");
    drop(store);
}

#[test]
fn a_valid_recovery_key_of_another_store_is_not_a_typo_and_opens_nothing() {
    let (_tmp, dir) = temp_store_dir();
    let (_tmp2, other_dir) = temp_store_dir();
    let (store, _s, _mine) = init(&dir);
    drop(store);
    let (other, _s2, theirs) = init(&other_dir);
    drop(other);
    let keys_before = sha256_file(&dir.join("laoke.keys"));

    let err = Store::recover(&dir, theirs.display(), OWNER, "new password 1", clock())
        .err()
        .expect("another store's key must not open this one");
    assert!(
        matches!(err, Error::BadRecoveryKey { typo: false }),
        "a well-formed key is not a typo, got {err:?}"
    );
    assert_eq!(
        sha256_file(&dir.join("laoke.keys")),
        keys_before,
        "a refused recovery must not change any slot"
    );
    login(&dir, OWNER, OWNER_PASSWORD);
}

fn slots(dir: &Path) -> (serde_json::Value, Vec<serde_json::Value>) {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("laoke.keys")).unwrap())
            .expect("laoke.keys is JSON");
    let slots = json["slots"]
        .as_array()
        .expect("laoke.keys has a slots array")
        .clone();
    (json, slots)
}

fn slot_of<'a>(slots: &'a [serde_json::Value], username: Option<&str>) -> &'a serde_json::Value {
    slots
        .iter()
        .find(|s| match username {
            Some(u) => s["owner"]["kind"] == "user" && s["owner"]["username"] == u,
            None => s["owner"]["kind"] == "recovery",
        })
        .unwrap_or_else(|| panic!("a slot for {username:?} exists"))
}

#[test]
fn changing_a_password_rewrites_only_that_users_slot_and_keeps_the_data() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    add_user(
        &store,
        &owner,
        "xiaomei",
        laoke::auth::Role::Rep,
        "rep password 1",
    );
    for i in 0..5 {
        customers::create(
            &store,
            &owner,
            &customer(&format!("客户{i}"), &format!("1380013800{i}")),
        )
        .unwrap();
    }
    let (before_json, before) = slots(&dir);
    let keys_before = sha256_file(&dir.join("laoke.keys"));

    auth::change_own_password(&store, &owner, OWNER_PASSWORD, "owner password 2")
        .expect("the owner can change their password");
    let err = auth::change_own_password(&store, &owner, "wrong old password", "owner password 3")
        .expect_err("the old password is checked");
    assert_eq!(err.code(), "wrong_password");
    drop(store);

    assert_ne!(
        sha256_file(&dir.join("laoke.keys")),
        keys_before,
        "the key file must change"
    );
    let (after_json, after) = slots(&dir);
    assert_eq!(
        after_json["store_id"], before_json["store_id"],
        "the store id is kept"
    );
    assert_eq!(after.len(), before.len(), "no slot appears or disappears");
    assert_ne!(
        slot_of(&after, Some(OWNER)),
        slot_of(&before, Some(OWNER)),
        "the owner's slot is rewrapped"
    );
    for who in [Some("xiaomei"), None] {
        assert_eq!(
            serde_json::to_string(slot_of(&after, who)).unwrap(),
            serde_json::to_string(slot_of(&before, who)).unwrap(),
            "the slot of {who:?} must stay byte-for-byte the same"
        );
    }

    let err = Store::login(&dir, OWNER, OWNER_PASSWORD, clock())
        .err()
        .expect("the old password must no longer open the store");
    assert_eq!(err.code(), "wrong_password");
    let (store, owner) = login(&dir, OWNER, "owner password 2");
    assert_eq!(
        customer_total(&store, &owner),
        5,
        "no customer is lost by a password change"
    );
    drop(store);
    login(&dir, "xiaomei", "rep password 1");
}

#[test]
fn a_store_with_a_newer_schema_is_refused_with_a_clear_message() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let raw = raw_connection_as_owner(&store, &owner);
    drop(store);
    raw.execute_batch("PRAGMA user_version = 999;").unwrap();
    drop(raw);

    let err = Store::login(&dir, OWNER, OWNER_PASSWORD, clock())
        .err()
        .expect("a newer schema must be refused");
    assert_eq!(err.code(), "store_too_new");
    let en = err.message(Lang::En);
    assert!(
        en.contains("999") && en.contains("newer") && en.contains("update"),
        "the message says what to do: {en}"
    );
    let zh = err.message(Lang::ZhCn);
    assert!(
        zh.contains("升级"),
        "the Chinese message says to update too: {zh}"
    );
}

#[test]
fn a_plain_sqlcipher_connection_with_only_the_raw_key_reads_the_store() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    for i in 0..3 {
        customers::create(
            &store,
            &owner,
            &customer(&format!("客户{i}"), &format!("1380013800{i}")),
        )
        .unwrap();
    }
    let hex = store
        .export_raw_key(&owner)
        .expect("the owner may export the raw key");
    drop(store);

    let conn = raw_connection(&dir, &hex);
    let n: i64 = conn
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .expect("SQLCipher 4 defaults open the file");
    assert_eq!(n, 3);
    let wrong = raw_connection(&dir, &"00".repeat(32));
    assert!(
        wrong
            .query_row("SELECT count(*) FROM customers", [], |r| r.get::<_, i64>(0))
            .is_err(),
        "a different key must not read the file"
    );
}

#[test]
fn the_sqlcipher_command_line_client_opens_the_store_with_the_raw_key() {
    let bin = Path::new("/usr/bin/sqlcipher");
    if !bin.exists() {
        eprintln!("note: /usr/bin/sqlcipher is not installed; skipping the external client check");
        return;
    }
    let run = |db: &Path, script: &str| -> String {
        use std::io::Write;
        let mut child = std::process::Command::new(bin)
            .arg(db)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("sqlcipher runs");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(script.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    };
    let version = run(Path::new(":memory:"), "PRAGMA cipher_version;");
    let major: u32 = version
        .trim()
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 4 {
        eprintln!("note: /usr/bin/sqlcipher is SQLCipher {} (< 4, cannot read SQLCipher 4 files); skipping", version.trim());
        return;
    }

    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    for i in 0..4 {
        customers::create(
            &store,
            &owner,
            &customer(&format!("客户{i}"), &format!("1380013800{i}")),
        )
        .unwrap();
    }
    let hex = store.export_raw_key(&owner).unwrap();
    drop(store);
    let out = run(
        &dir.join("laoke.db"),
        &format!(
            "PRAGMA key = \"x'{}'\";\nSELECT count(*) FROM customers;\n",
            hex.as_str()
        ),
    );
    assert_eq!(
        out.lines().last().map(str::trim),
        Some("4"),
        "sqlcipher should print the customer count, printed: {out}"
    );
}

#[test]
fn a_search_finds_customers_by_name_and_phone_digits_inside_the_encrypted_store() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    customers::create(&store, &owner, &customer(NAME, PHONE)).unwrap();
    customers::create(&store, &owner, &customer("李四", "13800138000")).unwrap();
    drop(store);
    let (store, owner) = login(&dir, OWNER, OWNER_PASSWORD);
    for term in ["测试", "12345678"] {
        let page = customers::list(
            &store,
            &owner,
            &CustomerQuery {
                page: 1,
                page_size: 20,
                search: Some(term.into()),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(
            page.total, 1,
            "searching {term:?} finds exactly the one customer after reopening"
        );
        assert_eq!(page.rows[0].name, NAME);
    }
}

#[cfg(unix)]
#[test]
fn a_new_store_folder_is_private_to_its_os_user() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir) = temp_store_dir();
    let (store, _owner, _recovery) = init(&dir);
    drop(store);
    let mode = std::fs::metadata(&dir).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o700,
        "other OS accounts must not list or read the store folder"
    );
}

#[test]
fn a_damaged_or_newer_key_file_is_refused_with_its_own_error() {
    let (_tmp, dir) = temp_store_dir();
    let (store, _owner, _recovery) = init(&dir);
    drop(store);
    let keys = dir.join("laoke.keys");
    let original = std::fs::read(&keys).unwrap();

    let mut newer: serde_json::Value = serde_json::from_slice(&original).unwrap();
    newer["version"] = serde_json::json!(99);
    std::fs::write(&keys, serde_json::to_vec(&newer).unwrap()).unwrap();
    let err = Store::login(&dir, OWNER, OWNER_PASSWORD, clock())
        .err()
        .expect("a newer key file is refused");
    assert_eq!(
        err.code(),
        "store_too_new",
        "a key file from a newer Laoke asks for an update"
    );

    std::fs::write(&keys, b"{ not json").unwrap();
    let err = Store::login(&dir, OWNER, OWNER_PASSWORD, clock())
        .err()
        .expect("a damaged key file is refused");
    assert_eq!(
        err.code(),
        "key_file_corrupt",
        "a damaged key file is not reported as a wrong password"
    );

    std::fs::remove_file(&keys).unwrap();
    let err = Store::login(&dir, OWNER, OWNER_PASSWORD, clock())
        .err()
        .expect("no key file, no store");
    assert_eq!(err.code(), "store_missing");

    std::fs::write(&keys, &original).unwrap();
    login(&dir, OWNER, OWNER_PASSWORD);
}

#[test]
fn a_key_file_from_another_store_does_not_open_this_database() {
    let (_tmp, dir) = temp_store_dir();
    let (_tmp2, other) = temp_store_dir();
    let (store, owner, _r) = init(&dir);
    customers::create(&store, &owner, &customer(NAME, PHONE)).unwrap();
    drop(store);
    let (store, _s, _r2) = init(&other);
    drop(store);
    let db_before = sha256_file(&dir.join("laoke.db"));
    std::fs::copy(other.join("laoke.keys"), dir.join("laoke.keys")).unwrap();

    let err = Store::login(&dir, OWNER, OWNER_PASSWORD, clock())
        .err()
        .expect("another store's data key must not open this file");
    assert_eq!(
        err.code(),
        "key_file_corrupt",
        "the mismatch is reported, not a crash: {err}"
    );
    assert_eq!(
        sha256_file(&dir.join("laoke.db")),
        db_before,
        "the database is left untouched"
    );
}

#[test]
fn a_failed_recovery_attempt_is_audited_at_the_next_login() {
    let (_tmp, dir) = temp_store_dir();
    let (_tmp2, other) = temp_store_dir();
    let (store, _s, _mine) = init(&dir);
    drop(store);
    let (store, _s, theirs) = init(&other);
    drop(store);
    Store::recover(&dir, theirs.display(), OWNER, "new password 1", clock())
        .err()
        .expect("refused");
    let (store, owner) = login(&dir, OWNER, OWNER_PASSWORD);
    let raw = raw_connection_as_owner(&store, &owner);
    let failed: Vec<String> = raw
        .prepare("SELECT detail FROM audit_log WHERE action = 'login_failed'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(failed.len(), 1, "one failed recovery attempt is in the log");
    assert!(
        failed[0].contains("recovery_key"),
        "it says a recovery key was tried: {}",
        failed[0]
    );
}
