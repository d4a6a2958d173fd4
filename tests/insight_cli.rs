//! `laoke insight score | classes | settings | preview` through the CLI: a pass with a past
//! as-of day, the counts per class and stage in the chosen language, the settings and a preview
//! of a preset that saves nothing.

mod common;

use common::*;
use laoke::customers;

#[test]
fn the_cli_scores_prints_classes_and_settings_and_previews_without_saving() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let (store, owner, _) = init(&dir);
        for (i, fen) in [(0, 12_345), (1, 99_000), (2, 5_000)] {
            let c = customers::create(
                &store,
                &owner,
                &customer(&format!("客户{i}"), &format!("1380013800{i}")),
            )
            .unwrap();
            laoke::sales::create(
                &store,
                &owner,
                &in_store_sale(Some(c), "龙井茶 250g", fen),
                &Default::default(),
            )
            .unwrap();
        }
        customers::create(&store, &owner, &customer("还没买", "13800138009")).unwrap();
    }
    let cli = |lang: &str, args: &[&str]| {
        run_cli(
            laoke_cli(tmp.path(), &dir)
                .args(["--user", OWNER, "--lang", lang])
                .args(args)
                .env("LAOKE_PASSWORD", OWNER_PASSWORD),
        )
    };
    let before = cli("en", &["insight", "classes"]);
    assert!(before.ok, "{}", before.stderr);
    assert!(
        before.stdout.contains("Not scored yet"),
        "{}",
        before.stdout
    );
    // the clock of the fixture: the orders were made on 2026-03-01
    let s = cli("en", &["insight", "score", "--as-of", "2026-03-10"]);
    assert!(s.ok, "{}", s.stderr);
    assert!(
        s.stdout
            .contains("scored as of 2026-03-10: 4 customers, 3 buyers"),
        "{}",
        s.stdout
    );
    let c = cli("zh-CN", &["insight", "classes"]);
    assert!(c.ok, "{}", c.stderr);
    assert!(c.stdout.contains("评分截至 2026-03-10"), "{}", c.stdout);
    assert!(c.stdout.contains("重要发展客户"), "{}", c.stdout);
    assert!(c.stdout.contains("潜在客户"), "{}", c.stdout);
    let line = |out: &str, code: &str| -> String {
        out.lines()
            .find(|l| l.trim_end().ends_with(code))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line(&c.stdout, "prospect").contains(" 1 "), "{}", c.stdout);
    assert!(line(&c.stdout, "new").contains(" 3 "), "{}", c.stdout);
    let st = cli("en", &["insight", "settings"]);
    assert!(st.ok, "{}", st.stderr);
    assert!(st.stdout.contains("lines medians"), "{}", st.stdout);
    assert!(st.stdout.contains("platform"), "{}", st.stdout);
    let p = cli("en", &["insight", "preview", "--preset", "platform"]);
    assert!(p.ok, "{}", p.stderr);
    assert!(
        p.stdout
            .contains("lines fixed lines: R ≤ 60 days · F ≥ 5 · M ≥ ¥500.00"),
        "{}",
        p.stdout
    );
    assert!(
        p.stdout.contains("customers who would move"),
        "{}",
        p.stdout
    );
    let again = cli("en", &["insight", "settings"]);
    assert!(
        again.stdout.contains("lines medians"),
        "a preview saves nothing: {}",
        again.stdout
    );
    let bad = cli("en", &["insight", "score", "--as-of", "10.3.2026"]);
    assert!(
        !bad.ok && bad.stderr.contains("YYYY-MM-DD"),
        "{}",
        bad.stderr
    );
}
