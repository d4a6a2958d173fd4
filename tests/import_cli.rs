//! `laoke import` as a shop owner uses it in a terminal: a dry run prints the counts and changes
//! nothing, the import writes the error workbook next to the file, the history lists the batch,
//! undo takes it back, and the template is written where asked.

mod common;

use common::*;
use std::path::Path;

fn run(tmp: &Path, dir: &Path, args: &[&str]) -> CliRun {
    run_cli(
        laoke_cli(tmp, dir)
            .args(["--user", OWNER, "--lang", "en"])
            .args(args)
            .env("LAOKE_PASSWORD", OWNER_PASSWORD),
    )
}

#[test]
fn import_dry_run_import_list_undo_and_template_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    assert!(run(tmp.path(), &dir, &["init"]).ok);
    let csv = tmp.path().join("orders.csv");
    let text = "订单编号 ,买家会员名 ,买家实际支付金额 ,订单状态 ,收货人姓名 ,联系手机 ,订单创建时间 ,订单付款时间 ,宝贝标题 ,宝贝总数量 \r\n\
        =\"1001\",小王,99.00,交易成功,王芳,138****8000,2026-01-05 14:02:11,2026-01-05 14:03:00,龙井茶,1\r\n\
        =\"1002\",老李,abc,交易成功,李四,13900139000,2026-01-06 10:00:00,2026-01-06 10:01:00,红茶,1\r\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    std::fs::write(&csv, gbk).unwrap();
    let file = csv.to_str().unwrap();

    let dry = run(tmp.path(), &dir, &["import", file, "--dry-run"]);
    assert!(dry.ok, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("Recognised as: Taobao order export"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout
            .contains("orders: created 1, updated 0, skipped (unchanged) 0, rejected 1"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("row 3 [买家实际支付金额]"),
        "{}",
        dry.stdout
    );

    let real = run(tmp.path(), &dir, &["import", file]);
    assert!(real.ok, "{}", real.stderr);
    assert!(real.stdout.contains("created 1"), "{}", real.stdout);
    let errors = tmp.path().join("orders.errors.xlsx");
    assert!(
        errors.is_file(),
        "the error workbook is written next to the file"
    );
    assert!(
        real.stdout.contains("laoke import undo 1"),
        "{}",
        real.stdout
    );

    let list = run(tmp.path(), &dir, &["import", "list"]);
    assert!(
        list.stdout.contains("orders.csv") && list.stdout.contains("+1"),
        "{}",
        list.stdout
    );

    let undo = run(tmp.path(), &dir, &["import", "undo", "1"]);
    assert!(undo.ok, "{}", undo.stderr);
    assert!(undo.stdout.contains("orders removed 1"), "{}", undo.stdout);
    let again = run(tmp.path(), &dir, &["import", "undo", "1"]);
    assert!(
        !again.ok && again.stderr.contains("already been undone"),
        "{}",
        again.stderr
    );

    let template = tmp.path().join("template.xlsx");
    let t = run(
        tmp.path(),
        &dir,
        &["import", "template", template.to_str().unwrap()],
    );
    assert!(t.ok && template.is_file(), "{}", t.stderr);
    let back = run(
        tmp.path(),
        &dir,
        &["import", template.to_str().unwrap(), "--dry-run"],
    );
    assert!(
        back.stdout.contains("Laoke order template"),
        "the template is recognised: {}",
        back.stdout
    );
    assert!(
        back.stdout.contains("created 1"),
        "its example row imports: {}",
        back.stdout
    );
}
