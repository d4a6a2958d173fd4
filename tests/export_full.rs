//! The owner's full export ("leaving with your data"): every table in one xlsx workbook, read
//! back the way a spreadsheet program would (calamine), with a fixed clock.

mod common;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use chrono::NaiveDate;
use common::*;
use laoke::{
    auth::{Role, Session},
    customers,
    export::{self, ExportReport},
    i18n::Lang,
    info,
    store::Store,
    users,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const ZH_SHEETS: [&str; 10] = [
    "说明",
    "客户",
    "客户电话",
    "平台昵称",
    "客户标签",
    "用户",
    "设置",
    "备份位置",
    "备份记录",
    "审计日志",
];

/// A store with a few customers, a manager and a (disabled) rep.
fn shop() -> (tempfile::TempDir, PathBuf, Store, Session) {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    for (i, name) in ["王小明", "李娜", "张伟"].iter().enumerate() {
        let mut c = customer(name, &format!("1380013800{i}"));
        c.birthday = Some("--07-11".into());
        c.nicks = vec![("taobao".into(), format!("{name}爱购物"))];
        customers::create(&store, &owner, &c).expect("the owner can add a customer");
    }
    add_user(&store, &owner, "manager", Role::Manager, "manager password");
    let rep = add_user(&store, &owner, "rep", Role::Rep, "rep password 1");
    users::set_disabled(&store, &owner, rep.id, true).expect("the owner can disable a rep");
    (tmp, dir, store, owner)
}

fn export_to(store: &Store, s: &Session, lang: Lang, tmp: &Path) -> (PathBuf, ExportReport) {
    let path = tmp.join("全部数据.xlsx");
    let report = export::full_workbook(store, s, lang, &path)
        .unwrap_or_else(|e| panic!("the owner may export everything: {e} [{}]", e.code()));
    (path, report)
}

fn open(path: &Path) -> Xlsx<std::io::BufReader<std::fs::File>> {
    open_workbook(path).expect("the export opens as an xlsx workbook")
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    open(path)
        .worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name} is in the workbook: {e}"))
}

fn header(range: &Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .expect("a sheet has a header row")
        .iter()
        .map(|c| c.to_string())
        .collect()
}

fn column(range: &Range<Data>, title: &str) -> Vec<Data> {
    let i = header(range)
        .iter()
        .position(|h| h == title)
        .unwrap_or_else(|| panic!("a column headed {title} exists"));
    range.rows().skip(1).map(|r| r[i].clone()).collect()
}

fn data_rows(range: &Range<Data>) -> u64 {
    range.height().saturating_sub(1) as u64
}

#[test]
fn the_owners_export_has_an_about_sheet_then_one_sheet_per_table_with_every_row() {
    let (tmp, _dir, store, owner) = shop();
    let before: BTreeMap<String, u64> = info::info(&store, &owner)
        .expect("store info")
        .counts
        .into_iter()
        // The search index is derived from the data and rebuilt from it: not exported.
        .filter(|c| !c.table.starts_with("search_"))
        .map(|c| (c.table, c.rows))
        .collect();
    let (path, report) = export_to(&store, &owner, Lang::ZhCn, tmp.path());
    assert!(
        !open(&path)
            .sheet_names()
            .iter()
            .any(|n| n.starts_with("search_")),
        "the derived search index is not exported"
    );

    let names = open(&path).sheet_names();
    assert_eq!(
        names[..ZH_SHEETS.len()],
        ZH_SHEETS,
        "About first, then the core tables in a shop owner's order"
    );
    assert_eq!(
        names.len(),
        1 + before.len(),
        "one sheet per table (later migrations' tables follow)"
    );
    assert!(
        names.iter().any(|n| n == "订单"),
        "orders get a readable name too"
    );
    assert_eq!(
        report.sheets.len(),
        before.len(),
        "the report names one sheet per database table"
    );
    let table_of = |sheet: &str| match sheet {
        "客户" => Some("customers"),
        "客户电话" => Some("customer_phones"),
        "平台昵称" => Some("customer_nicks"),
        "客户标签" => Some("customer_tags"),
        "用户" => Some("users"),
        "设置" => Some("settings"),
        "备份位置" => Some("backup_targets"),
        "备份记录" => Some("backups"),
        "审计日志" => Some("audit_log"),
        _ => None,
    };
    for (name, rows) in &report.sheets {
        let Some(table) = table_of(name) else {
            continue;
        };
        assert_eq!(
            *rows, before[table],
            "the report counts every row of {table}"
        );
        assert_eq!(
            data_rows(&sheet(&path, name)),
            before[table],
            "sheet {name} holds every row of {table}"
        );
    }
    assert_eq!(before["customers"], 3);
    assert_eq!(before["users"], 3);

    let about = sheet(&path, "说明");
    let cells: Vec<String> = about.cells().map(|(_, _, c)| c.to_string()).collect();
    let schema = laoke::db::MIGRATIONS.last().unwrap().0.to_string();
    for expected in [
        "我的小店",
        "店主 (owner, 店主)",
        "Asia/Shanghai",
        schema.as_str(),
    ] {
        assert!(
            cells.iter().any(|c| c == expected),
            "the About sheet shows {expected}: {cells:?}"
        );
    }
    for (sheet_name, rows) in &report.sheets {
        let row = about
            .rows()
            .find(|r| r[0].to_string() == *sheet_name)
            .unwrap_or_else(|| panic!("the About sheet lists {sheet_name}"));
        assert_eq!(
            row[2],
            Data::Float(*rows as f64),
            "the About sheet counts the rows of {sheet_name} as a number"
        );
    }
}

#[test]
fn managers_and_reps_are_refused_a_full_export() {
    let (tmp, dir, store, owner) = shop();
    add_user(&store, &owner, "rep2", Role::Rep, "rep password 2");
    drop(store);
    for (user, password) in [("manager", "manager password"), ("rep2", "rep password 2")] {
        let (store, s) = login(&dir, user, password);
        let path = tmp.path().join(format!("{user}.xlsx"));
        let err = export::full_workbook(&store, &s, Lang::ZhCn, &path)
            .expect_err("only the owner may export the whole store");
        assert_eq!(err.code(), "forbidden", "{user} is refused, not failed");
        assert!(
            err.message(Lang::ZhCn).contains("只有店主"),
            "the message says who may: {}",
            err.message(Lang::ZhCn)
        );
        assert!(!path.exists(), "nothing is written for a refused {user}");
    }
}

#[test]
fn a_full_export_is_audited_with_the_file_name_and_row_counts() {
    let (tmp, _dir, store, owner) = shop();
    let (_path, report) = export_to(&store, &owner, Lang::ZhCn, tmp.path());
    let conn = raw_connection_as_owner(&store, &owner);
    let (detail, subject, actor): (String, String, String) = conn
        .query_row(
            "SELECT detail, subject, actor_name FROM audit_log WHERE action = 'full_export'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("exactly one full_export entry in the audit log");
    assert_eq!(subject, "全部数据.xlsx", "the entry names the file");
    assert_eq!(actor, OWNER);
    let detail: serde_json::Value = serde_json::from_str(&detail).expect("detail is json");
    assert_eq!(
        detail["rows"]["customers"], 3,
        "the entry counts rows: {detail}"
    );
    assert_eq!(detail["rows"]["users"], 3);
    assert_eq!(detail["bytes"], report.bytes);
    let chain = laoke::verify::run(&store, &owner).expect("verify runs");
    assert!(chain.is_ok(), "the audit chain still holds after an export");
}

#[test]
fn times_are_real_excel_datetimes_in_the_shop_timezone() {
    let (tmp, _dir, store, owner) = shop();
    let (path, _) = export_to(&store, &owner, Lang::ZhCn, tmp.path());
    // The fixed clock is 2026-03-01 02:00 UTC = 10:00 in Shanghai.
    let ten_am = NaiveDate::from_ymd_opt(2026, 3, 1)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .expect("a valid time");
    let customers = sheet(&path, "客户");
    for cell in column(&customers, "创建时间") {
        let Data::DateTime(t) = cell else {
            panic!("created_at is an Excel date, not {cell:?}");
        };
        assert_eq!(t.as_datetime(), Some(ten_am), "shown in shop time");
    }
    for cell in column(&customers, "删除时间") {
        assert_eq!(
            cell,
            Data::Empty,
            "no deletion time stays empty, not 1900-01-00"
        );
    }
    for cell in column(&customers, "生日") {
        assert_eq!(
            cell,
            Data::String("--07-11".into()),
            "birthdays stay text (the year may be unknown)"
        );
    }
    let audit = sheet(&path, "审计日志");
    assert!(
        column(&audit, "时间")
            .iter()
            .all(|c| matches!(c, Data::DateTime(_))),
        "every audit time is a date"
    );
    let about = sheet(&path, "说明");
    let exported_at = about
        .rows()
        .find(|r| r[0] == "导出时间")
        .expect("the About sheet has the export time");
    assert!(
        matches!(&exported_at[1], Data::DateTime(t) if t.as_datetime() == Some(ten_am)),
        "exported at 10:00 shop time: {:?}",
        exported_at[1]
    );
}

#[test]
fn english_exports_have_english_sheet_names_headers_and_yes_no() {
    let (tmp, _dir, store, owner) = shop();
    let (path, report) = export_to(&store, &owner, Lang::En, tmp.path());
    let names = open(&path).sheet_names();
    assert_eq!(
        names[..10],
        [
            "About",
            "Customers",
            "Customer phones",
            "Platform nicknames",
            "Customer tags",
            "Users",
            "Settings",
            "Backup folders",
            "Backups",
            "Audit log"
        ]
    );
    assert_eq!(report.sheets[0], ("Customers".to_string(), 3));
    let customers = header(&sheet(&path, "Customers"));
    for h in ["Customer ID", "Name", "Birthday", "WeChat ID", "Created at"] {
        assert!(customers.iter().any(|c| c == h), "{h} in {customers:?}");
    }
    let users = sheet(&path, "Users");
    let disabled: Vec<String> = column(&users, "Disabled")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(disabled, ["No", "No", "Yes"], "booleans read Yes/No");
    let phones = sheet(&path, "Customer phones");
    assert_eq!(
        column(&phones, "Phone")[0],
        Data::String("+8613800138000".into()),
        "the owner sees full numbers"
    );
    let ids = column(&phones, "Customer ID");
    assert!(
        ids.iter().all(|c| matches!(c, Data::Float(_))),
        "ids are numbers: {ids:?}"
    );
}

#[test]
fn chinese_exports_say_shi_or_fou_for_yes_and_no() {
    let (tmp, _dir, store, owner) = shop();
    let (path, _) = export_to(&store, &owner, Lang::ZhCn, tmp.path());
    let disabled: Vec<String> = column(&sheet(&path, "用户"), "已停用")
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(disabled, ["否", "否", "是"]);
}

#[test]
fn money_becomes_yuan_and_an_unknown_future_table_keeps_its_own_name() {
    let (tmp, _dir, store, owner) = shop();
    {
        let conn = raw_connection_as_owner(&store, &owner);
        conn.execute_batch(
            "CREATE TABLE gift_cards (id INTEGER PRIMARY KEY, balance_fen INTEGER NOT NULL,
                                      issued_at TEXT NOT NULL, is_active INTEGER NOT NULL);
             INSERT INTO gift_cards VALUES (1, 123456, '2026-02-28T16:30:00.000Z', 1);
             INSERT INTO gift_cards VALUES (2, -5, 'not a time', 0);",
        )
        .expect("a later migration could add a table");
    }
    let (path, report) = export_to(&store, &owner, Lang::ZhCn, tmp.path());
    assert!(
        report.sheets.contains(&("gift_cards".to_string(), 2)),
        "an unknown table is exported under its own name: {:?}",
        report.sheets
    );
    let cards = sheet(&path, "gift_cards");
    assert_eq!(
        header(&cards),
        ["编号", "balance_fen", "issued_at", "is_active"]
    );
    assert_eq!(
        column(&cards, "balance_fen"),
        [Data::Float(1234.56), Data::Float(-0.05)],
        "fen are shown as yuan"
    );
    let issued = column(&cards, "issued_at");
    assert!(
        matches!(&issued[0], Data::DateTime(t) if t.as_datetime()
            == NaiveDate::from_ymd_opt(2026, 3, 1).and_then(|d| d.and_hms_opt(0, 30, 0))),
        "*_at is a date in shop time: {:?}",
        issued[0]
    );
    assert_eq!(
        issued[1],
        Data::String("not a time".into()),
        "an unreadable time is kept as text, not dropped"
    );
    assert_eq!(
        column(&cards, "is_active"),
        [Data::String("是".into()), Data::String("否".into())]
    );
}

#[test]
fn the_export_lands_whole_with_nothing_else_in_clear_on_disk() {
    let (tmp, dir, store, owner) = shop();
    let out = tmp.path().join("exports");
    std::fs::create_dir(&out).expect("an export folder");
    let (path, _) = export_to(&store, &owner, Lang::ZhCn, &out);
    let files: Vec<PathBuf> = std::fs::read_dir(&out)
        .expect("export folder lists")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(
        files,
        std::slice::from_ref(&path),
        "no temp file is left next to the export"
    );
    assert!(
        files_containing(&dir, "王小明".as_bytes()).is_empty(),
        "the store folder still holds nothing in clear"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path)
            .expect("export")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "only the OS user may read the export");
    }

    let inside = dir.join("export.xlsx");
    let err = export::full_workbook(&store, &owner, Lang::ZhCn, &inside)
        .expect_err("the data folder holds only encrypted files");
    assert_eq!(err.code(), "invalid_input");
    assert!(!inside.exists());
    let csv = out.join("data.csv");
    let err = export::full_workbook(&store, &owner, Lang::ZhCn, &csv)
        .expect_err("the file must be an xlsx");
    assert_eq!(err.code(), "invalid_input");
    let missing = out.join("no such folder").join("x.xlsx");
    let err = export::full_workbook(&store, &owner, Lang::ZhCn, &missing)
        .expect_err("a missing folder is a clear error");
    assert_eq!(err.code(), "invalid_input");
}

#[test]
fn the_cli_exports_everything_for_the_owner_and_refuses_a_manager() {
    let (tmp, dir, store, _owner) = shop();
    drop(store);
    let home = tmp.path().join("home");
    let file = tmp.path().join("all.xlsx");
    let run = run_cli(
        laoke_cli(&home, &dir)
            .env("LAOKE_PASSWORD", OWNER_PASSWORD)
            .args(["--lang", "en", "export", "--all"])
            .arg(&file),
    );
    assert!(run.ok, "owner export succeeds: {}", run.stderr);
    assert!(run.stdout.contains("All data exported"), "{}", run.stdout);
    assert!(run.stdout.contains("Customers"), "{}", run.stdout);
    assert!(open(&file).sheet_names().len() > ZH_SHEETS.len());

    let run = run_cli(
        laoke_cli(&home, &dir)
            .env("LAOKE_PASSWORD", "manager password")
            .args(["--user", "manager", "export", "--all"])
            .arg(tmp.path().join("m.xlsx")),
    );
    assert!(!run.ok, "a manager is refused");
    assert!(run.stderr.contains("[forbidden]"), "{}", run.stderr);
}

#[test]
fn a_store_of_100k_customers_exports_in_one_workbook() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    laoke::demo::generate(
        &store,
        &owner,
        &laoke::demo::DemoSpec {
            customers: 100_000,
            seed: 7,
        },
    )
    .expect("demo data");
    let started = std::time::Instant::now();
    let (path, report) = export_to(&store, &owner, Lang::ZhCn, tmp.path());
    let took = started.elapsed();
    assert_eq!(report.sheets[0], ("客户".to_string(), 100_000));
    assert_eq!(data_rows(&sheet(&path, "客户")), 100_000);
    eprintln!(
        "100k customers: {} MB xlsx in {:.1} s",
        report.bytes / 1_000_000,
        took.as_secs_f64()
    );
}
