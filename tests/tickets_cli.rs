//! `laoke tickets …`, `laoke today` and `laoke demo --tickets` as a real process on a temp
//! store: a demo with tickets, a queue, one ticket's timeline, logging a ticket, the job twice,
//! the report exported to Excel (`--xlsx`).

mod common;

use common::*;

fn laoke(home: &std::path::Path, dir: &std::path::Path, args: &[&str]) -> CliRun {
    run_cli(
        laoke_cli(home, dir)
            .args(["--user", OWNER])
            .args(args)
            .env("LAOKE_PASSWORD", OWNER_PASSWORD),
    )
}

#[test]
fn the_cli_generates_lists_shows_logs_and_runs_tickets() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let home = tmp.path();
    let out = laoke(
        home,
        &dir,
        &[
            "demo",
            "--customers",
            "200",
            "--orders",
            "500",
            "--tickets",
            "120",
        ],
    );
    assert!(out.ok, "demo: {}", out.stderr);
    assert!(out.stdout.contains("已生成工单： 120"), "{}", out.stdout);
    let list = laoke(home, &dir, &["tickets", "list", "--queue", "all"]);
    assert!(list.ok, "{}", list.stderr);
    let first = list
        .stdout
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.starts_with('T') && first.len() == 7,
        "a ticket number first: {}",
        list.stdout
    );
    let show = laoke(home, &dir, &["--lang", "en", "tickets", "show", &first]);
    assert!(
        show.ok && show.stdout.contains("first response") && show.stdout.contains("Created"),
        "{}{}",
        show.stdout,
        show.stderr
    );
    let new = laoke(
        home,
        &dir,
        &[
            "tickets",
            "new",
            "--customer",
            "1",
            "--type",
            "投诉",
            "--channel",
            "电话",
            "--subject",
            "包装破损",
        ],
    );
    assert!(
        new.ok && new.stdout.contains("已创建工单 T"),
        "{}{}",
        new.stdout,
        new.stderr
    );
    let bad = laoke(
        home,
        &dir,
        &["--lang", "en", "tickets", "list", "--queue", "nope"],
    );
    assert!(
        !bad.ok && bad.stderr.contains("Queue: unknown 'nope'"),
        "{}",
        bad.stderr
    );
    let run1 = laoke(home, &dir, &["tickets", "run"]);
    assert!(run1.ok, "{}", run1.stderr);
    let run2 = laoke(home, &dir, &["--lang", "en", "tickets", "run"]);
    assert!(
        run2.ok && run2.stdout.contains("closed 0, newly breached 0"),
        "idempotent: {}",
        run2.stdout
    );
    let book = tmp.path().join("服务报表.xlsx");
    let report = laoke(
        home,
        &dir,
        &[
            "tickets",
            "report",
            "--from",
            "2020-01-01",
            "--to",
            "2021-12-31",
            "--xlsx",
            book.to_str().unwrap(),
        ],
    );
    assert!(
        report.ok && report.stdout.contains("周期") && report.stderr.contains("已导出"),
        "the report prints and is exported: {}{}",
        report.stdout,
        report.stderr
    );
    use calamine::Reader;
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&book).expect("an xlsx workbook");
    assert_eq!(
        wb.sheet_names(),
        ["说明", "服务指标", "主要原因", "补偿成本"]
    );
    let today = laoke(home, &dir, &["today"]);
    assert!(
        today.ok && today.stdout.contains("SLA 已超时"),
        "{}{}",
        today.stdout,
        today.stderr
    );
}
