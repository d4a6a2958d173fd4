//! The `laoke` command line, run as a real process against a temp store: init, demo, users,
//! info, recovery and messages in both languages. Passwords come from the environment, as in
//! scripts; the real app-data folder is never touched (HOME and LAOKE_DATA_DIR point at a temp dir).

mod common;

use common::*;
use std::path::{Path, PathBuf};

struct Shop {
    tmp: tempfile::TempDir,
    dir: PathBuf,
}

impl Shop {
    fn new() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("store");
        Self { tmp, dir }
    }

    /// `laoke <args>` acting as `user` with `password` in LAOKE_PASSWORD.
    fn run(&self, user: &str, password: &str, args: &[&str]) -> CliRun {
        run_cli(
            laoke_cli(self.tmp.path(), &self.dir)
                .args(["--user", user])
                .args(args)
                .env("LAOKE_PASSWORD", password),
        )
    }

    fn init(&self) -> CliRun {
        let out = self.run(OWNER, OWNER_PASSWORD, &["init"]);
        assert!(out.ok, "init should succeed: {}", out.stderr);
        out
    }
}

fn recovery_key_in(stdout: &str) -> Option<String> {
    const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    stdout.lines().map(str::trim).find_map(|line| {
        let groups: Vec<&str> = line.split('-').collect();
        let ok = groups.len() == 9
            && groups
                .iter()
                .all(|g| g.len() == 4 && g.chars().all(|c| ALPHABET.contains(c)));
        ok.then(|| line.to_string())
    })
}

#[test]
fn init_runs_without_a_prompt_and_prints_a_recovery_key_of_nine_groups() {
    let shop = Shop::new();
    let out = shop.init();
    let key = recovery_key_in(&out.stdout)
        .unwrap_or_else(|| panic!("a 9×4 recovery key is printed: {}", out.stdout));
    assert!(
        out.stdout.contains("恢复密钥"),
        "the default language is Chinese: {}",
        out.stdout
    );
    assert!(shop.dir.join("laoke.db").is_file() && shop.dir.join("laoke.keys").is_file());
    assert!(
        !out.stdout.contains(OWNER_PASSWORD) && !out.stderr.contains(OWNER_PASSWORD),
        "the password is never echoed"
    );

    let again = shop.run(OWNER, OWNER_PASSWORD, &["--lang", "en", "init"]);
    assert!(!again.ok, "a second init must not overwrite the store");
    assert!(again.stderr.contains("[store_exists]"), "{}", again.stderr);

    // The printed key really is this store's recovery key.
    let (store, session) =
        laoke::store::Store::recover(&shop.dir, &key, OWNER, "recovered pass 1", clock())
            .expect("the printed recovery key opens the store");
    assert_eq!(session.username(), OWNER);
    drop(store);
}

fn names_by_id(dir: &Path) -> Vec<String> {
    let (store, owner) = login(dir, OWNER, OWNER_PASSWORD);
    all_customers(&store, &owner)
        .into_iter()
        .map(|r| r.name)
        .collect()
}

#[test]
fn demo_with_the_same_seed_fills_two_stores_with_the_same_customers() {
    let (a, b) = (Shop::new(), Shop::new());
    for shop in [&a, &b] {
        let out = shop.run(
            OWNER,
            OWNER_PASSWORD,
            &["--lang", "en", "demo", "--customers", "300", "--seed", "7"],
        );
        assert!(
            out.ok,
            "demo creates the store and fills it: {}",
            out.stderr
        );
        assert!(
            out.stdout.contains("Demo customers generated: 300"),
            "{}",
            out.stdout
        );
        assert!(
            recovery_key_in(&out.stdout).is_some(),
            "creating a store always shows its recovery key"
        );
    }
    let (names_a, names_b) = (names_by_id(&a.dir), names_by_id(&b.dir));
    assert_eq!(names_a.len(), 300);
    assert_eq!(
        names_a[..20],
        names_b[..20],
        "the same seed gives the same first customers"
    );
    assert_eq!(names_a, names_b, "and the same customers throughout");

    let info = a.run(OWNER, OWNER_PASSWORD, &["--lang", "en", "info"]);
    assert!(info.ok, "{}", info.stderr);
    let has = |table: &str, n: &str| {
        info.stdout
            .lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == [table, n])
    };
    assert!(
        has("customers", "300"),
        "info lists the customer count: {}",
        info.stdout
    );
    assert!(
        has("users", "1"),
        "info lists the user count: {}",
        info.stdout
    );
    let schema = format!(
        "schema version: {}",
        laoke::db::MIGRATIONS.last().unwrap().0
    );
    assert!(info.stdout.contains(&schema), "{}", info.stdout);
    assert!(
        info.stdout.contains(&a.dir.display().to_string()),
        "info shows where the store is: {}",
        info.stdout
    );
}

#[test]
fn the_owner_adds_a_rep_who_is_then_refused_adding_users() {
    let shop = Shop::new();
    shop.init();
    let add = run_cli(
        laoke_cli(shop.tmp.path(), &shop.dir)
            .args(["user", "add", "alice", "--role", "rep"])
            .env("LAOKE_PASSWORD", OWNER_PASSWORD)
            .env("LAOKE_NEW_PASSWORD", "alice password 1"),
    );
    assert!(add.ok, "the owner adds alice: {}", add.stderr);

    let list = shop.run(OWNER, OWNER_PASSWORD, &["user", "list"]);
    assert!(list.ok, "{}", list.stderr);
    let alice = list
        .stdout
        .lines()
        .find(|l| l.split_whitespace().nth(1) == Some("alice"));
    let alice = alice.unwrap_or_else(|| panic!("user list shows alice: {}", list.stdout));
    assert!(
        alice.split_whitespace().any(|w| w == "rep"),
        "alice is a rep: {alice}"
    );

    let refused = run_cli(
        laoke_cli(shop.tmp.path(), &shop.dir)
            .args(["--user", "alice", "user", "add", "bob"])
            .env("LAOKE_PASSWORD", "alice password 1")
            .env("LAOKE_NEW_PASSWORD", "bob password 1"),
    );
    assert!(!refused.ok, "a rep must not add users");
    assert_eq!(refused.code, Some(1));
    assert!(
        refused.stderr.contains("[forbidden]"),
        "the error code says forbidden: {}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("客服没有权限管理用户"),
        "the message says why, in Chinese by default: {}",
        refused.stderr
    );

    let refused_en = shop.run(
        "alice",
        "alice password 1",
        &["--lang", "en", "user", "list"],
    );
    assert!(!refused_en.ok);
    assert!(
        refused_en
            .stderr
            .contains("A service rep may not manage users."),
        "{}",
        refused_en.stderr
    );

    let list = shop.run(OWNER, OWNER_PASSWORD, &["user", "list"]);
    assert!(
        !list.stdout.contains("bob"),
        "bob was not created: {}",
        list.stdout
    );
}

#[test]
fn errors_are_in_english_with_lang_en_and_chinese_by_default() {
    let shop = Shop::new();
    shop.init();
    let zh = shop.run(OWNER, "wrong password", &["info"]);
    assert!(!zh.ok);
    assert_eq!(
        zh.stderr.trim(),
        "错误: 用户名或密码错误。 [wrong_password]"
    );
    let en = shop.run(OWNER, "wrong password", &["--lang", "en", "info"]);
    assert!(!en.ok);
    assert_eq!(
        en.stderr.trim(),
        "error: Wrong user name or password. [wrong_password]"
    );
    let env_lang = run_cli(
        laoke_cli(shop.tmp.path(), &shop.dir)
            .arg("info")
            .env("LAOKE_LANG", "en")
            .env("LAOKE_PASSWORD", "wrong password"),
    );
    assert!(
        env_lang.stderr.contains("Wrong user name or password."),
        "LAOKE_LANG works too: {}",
        env_lang.stderr
    );

    let missing = Shop::new();
    let none = missing.run(OWNER, OWNER_PASSWORD, &["--lang", "en", "info"]);
    assert!(!none.ok);
    assert!(
        none.stderr.contains("No Laoke store found") && none.stderr.contains("[store_missing]"),
        "{}",
        none.stderr
    );
}

#[test]
fn the_cli_disables_users_and_resets_a_forgotten_owner_password_with_the_recovery_key() {
    let shop = Shop::new();
    let init = shop.init();
    let key = recovery_key_in(&init.stdout).expect("init prints the recovery key");
    let add = run_cli(
        laoke_cli(shop.tmp.path(), &shop.dir)
            .args(["user", "add", "alice", "--role", "manager"])
            .env("LAOKE_PASSWORD", OWNER_PASSWORD)
            .env("LAOKE_NEW_PASSWORD", "alice password 1"),
    );
    assert!(add.ok, "{}", add.stderr);
    let disable = shop.run(
        OWNER,
        OWNER_PASSWORD,
        &["--lang", "en", "user", "disable", "alice"],
    );
    assert!(
        disable.ok && disable.stdout.contains("alice disabled"),
        "{}{}",
        disable.stdout,
        disable.stderr
    );
    let alice = shop.run("alice", "alice password 1", &["info"]);
    assert!(
        !alice.ok && alice.stderr.contains("[wrong_password]"),
        "a disabled user's password opens nothing: {}",
        alice.stderr
    );

    let recover = run_cli(
        laoke_cli(shop.tmp.path(), &shop.dir)
            .args(["--lang", "en", "user", "passwd", "--recovery-key"])
            .env("LAOKE_RECOVERY_KEY", &key)
            .env("LAOKE_NEW_PASSWORD", "brand new password"),
    );
    assert!(
        recover.ok && recover.stdout.contains("Password updated."),
        "{}{}",
        recover.stdout,
        recover.stderr
    );
    assert!(
        shop.run(OWNER, "brand new password", &["info"]).ok,
        "the new owner password works"
    );
    assert!(
        !shop.run(OWNER, OWNER_PASSWORD, &["info"]).ok,
        "the forgotten one does not"
    );
}

#[test]
fn rawkey_prints_a_pragma_that_opens_the_database() {
    let shop = Shop::new();
    shop.init();
    let out = shop.run(OWNER, OWNER_PASSWORD, &["rawkey"]);
    assert!(out.ok, "{}", out.stderr);
    let line = out.stdout.trim();
    let hex = line
        .strip_prefix("PRAGMA key = \"x'")
        .and_then(|r| r.strip_suffix("'\";"))
        .unwrap_or_else(|| panic!("a PRAGMA key line is printed: {line}"));
    assert_eq!(hex.len(), 64, "a 256-bit key in hex");
    let conn = raw_connection(&shop.dir, hex);
    let owners: i64 = conn
        .query_row("SELECT count(*) FROM users WHERE role = 'owner'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(owners, 1);
}

#[test]
fn demo_without_flags_makes_the_sample_shop_in_an_empty_folder_only() {
    let shop = Shop::new();
    let out = shop.run(OWNER, OWNER_PASSWORD, &["--lang", "en", "demo"]);
    assert!(out.ok, "the sample shop is made: {}", out.stderr);
    assert!(out.stdout.contains("Sample shop created"), "{}", out.stdout);
    assert!(out.stdout.contains("customers: 2000"), "{}", out.stdout);
    assert!(
        recovery_key_in(&out.stdout).is_some(),
        "a new store shows its recovery key"
    );
    let verify = shop.run(OWNER, OWNER_PASSWORD, &["--lang", "en", "verify"]);
    assert!(
        verify.ok,
        "the sample shop verifies: {}{}",
        verify.stdout, verify.stderr
    );

    let again = shop.run(OWNER, OWNER_PASSWORD, &["--lang", "en", "demo"]);
    assert!(!again.ok, "never into an existing store");
    assert!(again.stderr.contains("already here"), "{}", again.stderr);
    let sized = shop.run(
        OWNER,
        OWNER_PASSWORD,
        &["--lang", "en", "demo", "--customers", "5"],
    );
    assert!(
        sized.ok,
        "sizing flags still add to an existing store: {}",
        sized.stderr
    );
    assert!(
        sized.stdout.contains("Demo customers generated: 5"),
        "{}",
        sized.stdout
    );
}
