//! `laoke points CUSTOMER` (by id or phone), `laoke loyalty run` (twice: the second changes
//! nothing) and `laoke loyalty liability`.

mod common;

use common::*;
use laoke::customers;

#[test]
fn the_cli_shows_a_customers_points_runs_the_job_idempotently_and_prints_the_liability() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let (store, owner, _) = init(&dir);
        let wang = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
        laoke::sales::create(
            &store,
            &owner,
            &in_store_sale(Some(wang), "龙井茶 250g", 12_345),
            &Default::default(),
        )
        .unwrap();
    }
    let cli = |args: &[&str]| {
        run_cli(
            laoke_cli(tmp.path(), &dir)
                .args(["--user", OWNER, "--lang", "en"])
                .args(args)
                .env("LAOKE_PASSWORD", OWNER_PASSWORD),
        )
    };
    let first = cli(&["loyalty", "run"]);
    assert!(first.ok, "{}", first.stderr);
    let second = cli(&["loyalty", "run"]);
    assert!(second.ok, "{}", second.stderr);
    let p = cli(&["points", "138 0013 8000"]);
    assert!(p.ok, "{}", p.stderr);
    assert!(p.stdout.contains("Balance: 123"), "{}", p.stdout);
    assert!(p.stdout.contains("Earned"), "{}", p.stdout);
    assert!(p.stdout.contains("Tier: Member"), "{}", p.stdout);
    let by_id = cli(&["points", "1"]);
    assert!(by_id.stdout.contains("Balance: 123"), "{}", by_id.stdout);
    let l = cli(&["loyalty", "liability"]);
    assert!(l.ok, "{}", l.stderr);
    assert!(l.stdout.contains("Outstanding points: 123"), "{}", l.stdout);
    assert!(l.stdout.contains("¥1.23"), "{}", l.stdout);
    let missing = cli(&["points", "13999999999"]);
    assert!(
        !missing.ok && missing.stderr.contains("not_found"),
        "{}",
        missing.stderr
    );
}
