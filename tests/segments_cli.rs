//! `laoke segments list|show KEY|count KEY|save`: the ready-made segments with their sizes, one
//! in words, a count alone for scripts, and a segment saved from flags.

mod common;
mod segments_support;

use common::*;

#[test]
fn the_cli_lists_shows_counts_and_saves_segments() {
    let shop = segments_support::shop();
    let dir = shop.store.dir().to_path_buf();
    let home = tempfile::tempdir().unwrap();
    let cli = |lang: &str, args: &[&str]| {
        run_cli(
            laoke_cli(home.path(), &dir)
                .args(["--user", OWNER, "--lang", lang])
                .args(args)
                .env("LAOKE_PASSWORD", OWNER_PASSWORD),
        )
    };
    let list = cli("en", &["segments", "list"]);
    assert!(list.ok, "{}", list.stderr);
    for key in [
        "ready:new",
        "ready:returning",
        "ready:vip",
        "ready:high",
        "ready:mid",
        "ready:low",
        "ready:dormant",
        "ready:churned",
    ] {
        assert!(list.stdout.contains(key), "{key} in {}", list.stdout);
    }
    let show = cli("zh", &["segments", "show", "ready:vip"]);
    assert!(show.ok, "{}", show.stderr);
    assert!(
        show.stdout.contains("消费金额 ≥ ¥1,100.00"),
        "{}",
        show.stdout
    );
    assert!(show.stdout.contains("客户: 2"), "{}", show.stdout);
    let count = cli("en", &["segments", "count", "ready:new"]);
    assert_eq!(count.stdout.trim(), "3", "{}", count.stderr);
    let saved = cli(
        "en",
        &[
            "segments",
            "save",
            "--name",
            "沉睡茶客",
            "--stage",
            "dormant",
            "--category",
            "茶叶",
        ],
    );
    assert!(saved.ok, "{}", saved.stderr);
    assert!(saved.stdout.starts_with("saved:"), "{}", saved.stdout);
    let key = saved.stdout.split_whitespace().next().unwrap().to_string();
    let show = cli("en", &["segments", "show", &key]);
    assert!(
        show.stdout.contains("Stage = Dormant") && show.stdout.contains("Bought in category: 茶叶"),
        "{}",
        show.stdout
    );
    let bad = cli("en", &["segments", "count", "ready:nobody"]);
    assert!(
        !bad.ok && bad.stderr.contains("not a segment key"),
        "{}",
        bad.stderr
    );
}
