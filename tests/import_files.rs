//! Importing the files shops really have: a GBK Taobao export with trailing-space headers,
//! ="…" order numbers and masked phones; a UTF-8 BOM file; an xlsx; a home-made customer
//! sheet. Re-importing changes nothing, undo takes a batch back, bad rows are named by row and
//! column, malformed files are refused cleanly, and cancel leaves nothing behind.

mod common;

use common::*;
use laoke::{
    auth::{Role, Session},
    export::import_errors,
    import::{self, ImportKind, ImportReport, ImportRequest},
    store::Store,
};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

const TAOBAO_HEADER: &str = "订单编号 ,买家会员名 ,买家支付宝账号 ,买家应付货款 ,买家应付邮费 ,总金额 ,买家实际支付金额 ,订单状态 ,买家留言 ,收货人姓名 ,收货地址 ,联系电话 ,联系手机 ,订单创建时间 ,订单付款时间 ,宝贝标题 ,宝贝种类 ,宝贝总数量 ,退款金额 ";

/// A Taobao export: 3 orders from 2 buyers; 小王 twice, once with a masked phone.
fn taobao_rows() -> Vec<String> {
    vec![
        TAOBAO_HEADER.to_string(),
        "=\"3712345678901234501\",小王爱购物,**,198.00,0.00,198.00,198.00,交易成功,,王芳,浙江省 杭州市 西湖区 文三路 88 号,,'13800138000,2026-01-05 14:02:11,2026-01-05 14:03:00,龙井茶 250g,1,2,0.00".into(),
        "=\"3712345678901234502\",小王爱购物,**,59.00,8.00,67.00,67.00,卖家已发货，等待买家确认,,王芳,浙江省 杭州市 西湖区 文三路 88 号,,138****8000,2026/2/1 9:00,2026/2/1 9:01,紫砂杯,1,1,0.00".into(),
        "=\"3712345678901234503\",李姐的店,**,120.00,0.00,120.00,120.00,交易关闭,,李娟,广东省 深圳市 南山区 科技园,,139****1234,2026-02-10 20:00:00,2026-02-10 20:01:00,桂花乌龙,1,1,120.00".into(),
    ]
}

fn write_gbk(path: &Path, lines: &[String]) {
    let text = lines.join("\r\n") + "\r\n";
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "the fixture is pure GBK");
    std::fs::write(path, bytes).unwrap();
}

fn write_utf8_bom(path: &Path, lines: &[String]) {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice((lines.join("\n") + "\n").as_bytes());
    std::fs::write(path, bytes).unwrap();
}

fn import(store: &Store, s: &Session, path: &Path, dry_run: bool) -> ImportReport {
    import::run(
        store,
        s,
        &req(path),
        dry_run,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_or_else(|e| panic!("import of {} failed: {e}", path.display()))
}

fn req(path: &Path) -> ImportRequest {
    ImportRequest {
        path: path.to_path_buf(),
        preset: None,
        mapping: None,
    }
}

fn count(store: &Store, s: &Session, sql: &str) -> i64 {
    let conn = raw_connection_as_owner(store, s);
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

struct Fixture {
    _tmp: tempfile::TempDir,
    files: PathBuf,
    store: Store,
    owner: Session,
}

fn fixture() -> Fixture {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let files = tmp.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    Fixture {
        _tmp: tmp,
        files,
        store,
        owner,
    }
}

#[test]
fn a_gbk_taobao_export_is_recognised_and_buyers_with_masked_phones_are_matched_by_nick() {
    let f = fixture();
    let path = f.files.join("淘宝订单.csv");
    write_gbk(&path, &taobao_rows());

    let info = import::inspect(&f.store, &f.owner, &path, None).unwrap();
    assert_eq!(
        info.preset.map(|p| p.id),
        Some("taobao"),
        "recognised without choosing"
    );
    assert_eq!(info.encoding, Some(import::TextEncoding::Gb18030));

    let r = import(&f.store, &f.owner, &path, false);
    assert_eq!((r.created, r.updated, r.skipped, r.rejected), (3, 0, 0, 0));
    assert_eq!(
        r.customers_created, 2,
        "小王 twice is one customer; 李姐 is the other"
    );
    assert_eq!(r.masked_phones, 2);

    let names: Vec<String> = all_customers(&f.store, &f.owner)
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["王芳", "李娟"]);
    let first = &all_customers(&f.store, &f.owner)[0];
    assert_eq!(
        (
            first.province.as_deref(),
            first.city.as_deref(),
            first.source_channel.as_deref()
        ),
        (Some("浙江"), Some("杭州"), Some("淘宝")),
        "region from the Taobao address; source in words, like the rest of the app"
    );
    assert_eq!(
        count(
            &f.store,
            &f.owner,
            "SELECT count(*) FROM customer_phones WHERE phone LIKE '%*%'"
        ),
        0,
        "a mask is never stored as a phone"
    );
    assert_eq!(
        count(&f.store, &f.owner, "SELECT count(*) FROM orders WHERE order_no = '3712345678901234501' AND channel = 'taobao'"),
        1,
        "the =\"…\" wrapper is gone from the order number"
    );
    assert_eq!(
        count(
            &f.store,
            &f.owner,
            "SELECT count(*) FROM orders WHERE receiver_phone LIKE '%*%'"
        ),
        0
    );
    assert_eq!(
        count(&f.store, &f.owner, "SELECT status = 'refunded' AND refunded_fen = 12000 FROM orders WHERE order_no = '3712345678901234503'"),
        1,
        "a closed order with a full refund is refunded"
    );
    assert_eq!(
        count(&f.store, &f.owner, "SELECT spend_fen FROM customer_stats s JOIN customer_phones p ON p.customer_id = s.customer_id WHERE p.phone = '+8613800138000'"),
        19_800 + 6_700,
        "stats follow the imported orders"
    );
}

#[test]
fn importing_the_same_file_twice_changes_nothing_and_reports_everything_skipped() {
    let f = fixture();
    let path = f.files.join("taobao.csv");
    write_gbk(&path, &taobao_rows());
    import(&f.store, &f.owner, &path, false);
    let orders_before = count(&f.store, &f.owner, "SELECT count(*) FROM orders");

    let again = import(&f.store, &f.owner, &path, false);
    assert_eq!((again.created, again.updated, again.skipped), (0, 0, 3));
    assert_eq!((again.customers_created, again.customers_updated), (0, 0));
    assert_eq!(
        count(&f.store, &f.owner, "SELECT count(*) FROM orders"),
        orders_before
    );
    assert_eq!(customer_total(&f.store, &f.owner), 2);
}

#[test]
fn a_utf8_bom_file_imports_the_same_as_gbk() {
    let f = fixture();
    let path = f.files.join("bom.csv");
    write_utf8_bom(&path, &taobao_rows());
    let info = import::inspect(&f.store, &f.owner, &path, None).unwrap();
    assert_eq!(info.encoding, Some(import::TextEncoding::Utf8Bom));
    assert_eq!(
        info.headers[0], "订单编号",
        "the BOM and trailing spaces are not part of the header"
    );
    let r = import(&f.store, &f.owner, &path, false);
    assert_eq!((r.created, r.rejected, r.customers_created), (3, 0, 2));
}

#[test]
fn an_xlsx_with_real_dates_and_numbers_imports_through_laokes_template() {
    let f = fixture();
    let path = f.files.join("orders.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let headers = [
        "订单号",
        "渠道",
        "订单状态",
        "下单时间",
        "付款时间",
        "买家昵称",
        "收货人",
        "手机",
        "商品名称",
        "数量",
        "单价(元)",
        "实付金额(元)",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = rust_xlsxwriter::ExcelDateTime::parse_from_str("2026-02-03 10:30:00").unwrap();
    let fmt = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm");
    for r in 1..=3u32 {
        ws.write_string(r, 0, format!("MD-{r}")).unwrap();
        ws.write_string(r, 1, "门店").unwrap();
        ws.write_string(r, 2, "交易成功").unwrap();
        ws.write_datetime_with_format(r, 3, &date, &fmt).unwrap();
        ws.write_number(r, 4, 46056.4375).unwrap(); // an Excel serial typed as a number
        ws.write_string(r, 6, format!("顾客{r}")).unwrap();
        ws.write_number(r, 7, 13_800_138_000.0 + r as f64).unwrap();
        ws.write_string(r, 8, "桂花乌龙茶 250g").unwrap();
        ws.write_number(r, 9, 2.0).unwrap();
        ws.write_number(r, 10, 68.0).unwrap();
        ws.write_number(r, 11, 136.0).unwrap();
    }
    book.save(&path).unwrap();

    let r = import(&f.store, &f.owner, &path, false);
    assert_eq!(
        (r.created, r.rejected, r.customers_created),
        (3, 0, 3),
        "{:?}",
        r.rejected_rows
    );
    assert_eq!(
        count(&f.store, &f.owner, "SELECT count(*) FROM orders WHERE channel = 'in_store' AND paid_fen = 13600 AND ordered_at = '2026-02-03T02:30:00.000Z'"),
        3,
        "Excel dates are shop-local (Shanghai) times"
    );
    assert_eq!(
        count(
            &f.store,
            &f.owner,
            "SELECT count(*) FROM order_items WHERE quantity = 2 AND unit_price_fen = 6800"
        ),
        3
    );
}

#[test]
fn bad_rows_are_named_by_row_and_column_go_to_an_error_workbook_and_good_rows_still_import() {
    let f = fixture();
    let path = f.files.join("mixed.csv");
    let mut rows = taobao_rows();
    rows.push("=\"3712345678901234504\",张三,**,abc,0.00,1.00,1.00,交易成功,,张三,地址,,13800138009,2026-02-11 10:00:00,2026-02-11 10:01:00,茶,1,1,0.00".into());
    rows.push("=\"3712345678901234505\",赵六,**,1.00,0.00,1.00,1.00,交易成功,,赵六,地址,,13800138010,昨天,2026-02-11 10:01:00,茶,1,1,0.00".into());
    write_utf8_bom(&path, &rows);

    let dry = import(&f.store, &f.owner, &path, true);
    assert_eq!((dry.created, dry.rejected), (3, 2));
    assert_eq!(dry.batch_id, None);
    assert_eq!(
        customer_total(&f.store, &f.owner),
        0,
        "a dry run changes nothing"
    );

    let problems: Vec<_> = dry.problems().cloned().collect();
    assert_eq!(problems[0].row, 5);
    assert_eq!(problems[0].column.as_deref(), Some("买家应付货款"));
    assert!(
        problems[0].message_en.contains("'abc' is not an amount"),
        "{:?}",
        problems[0]
    );
    assert_eq!(problems[1].row, 6);
    assert_eq!(problems[1].column.as_deref(), Some("订单创建时间"));
    assert!(problems[1].message_zh.contains("不是日期时间"));

    let r = import(&f.store, &f.owner, &path, false);
    assert_eq!(
        (r.created, r.rejected),
        (3, 2),
        "the real import does what the preview said"
    );
    let book = f.files.join("errors.xlsx");
    import_errors::write_error_workbook(
        &r,
        &book,
        laoke::i18n::Lang::ZhCn,
        chrono_tz::Asia::Shanghai,
        f.store.now(),
    )
    .unwrap();
    use calamine::Reader;
    let mut wb = calamine::open_workbook_auto(&book).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0][0], "原行号");
    assert_eq!(rows[0][1], "订单编号", "the original columns come back");
    assert_eq!(rows[0].last().unwrap(), "错误原因");
    assert_eq!(rows.len(), 3, "header + the two bad rows");
    assert_eq!(rows[1][0], "5");
    assert!(
        rows[1].last().unwrap().contains("【买家应付货款】"),
        "{:?}",
        rows[1]
    );
}

#[test]
fn a_file_that_is_not_a_spreadsheet_or_is_cut_off_is_refused_and_nothing_changes() {
    let f = fixture();
    let png = f.files.join("photo.csv");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let err = import::run(
        &f.store,
        &f.owner,
        &req(&png),
        false,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err
        .message(laoke::i18n::Lang::En)
        .contains("not a spreadsheet"));

    let cut = f.files.join("cut.csv");
    let mut rows = taobao_rows();
    rows.push("=\"3712345678901234509\",\"unterminated".into());
    write_utf8_bom(&cut, &rows);
    let err = import::run(
        &f.store,
        &f.owner,
        &req(&cut),
        false,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(
        err.message(laoke::i18n::Lang::En).contains("Row 5"),
        "{}",
        err.message(laoke::i18n::Lang::En)
    );

    let fake_xlsx = f.files.join("fake.xlsx");
    std::fs::write(&fake_xlsx, b"PK\x03\x04garbage that is not a zip").unwrap();
    let err = import::run(
        &f.store,
        &f.owner,
        &req(&fake_xlsx),
        false,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid_input");

    assert_eq!(customer_total(&f.store, &f.owner), 0);
    assert!(
        import::list(&f.store, &f.owner).unwrap().is_empty(),
        "no batch was recorded"
    );
}

#[test]
fn undo_takes_a_whole_batch_back_and_refuses_when_a_later_import_changed_the_rows() {
    let f = fixture();
    let first = f.files.join("first.csv");
    write_gbk(&first, &taobao_rows());
    let r1 = import(&f.store, &f.owner, &first, false);

    // A second export: order 01 changed status (refund), one new order.
    let mut rows = taobao_rows();
    rows[1] = "=\"3712345678901234501\",小王爱购物,**,198.00,0.00,198.00,198.00,交易关闭,,王芳,浙江省 杭州市 西湖区 文三路 88 号,,'13800138000,2026-01-05 14:02:11,2026-01-05 14:03:00,龙井茶 250g,1,2,198.00".into();
    rows.push("=\"3712345678901234506\",新客人,**,10.00,0.00,10.00,10.00,交易成功,,孙七,地址,,13900139000,2026-02-12 10:00:00,2026-02-12 10:01:00,茶,1,1,0.00".into());
    let second = f.files.join("second.csv");
    write_gbk(&second, &rows);
    let r2 = import(&f.store, &f.owner, &second, false);
    assert_eq!((r2.created, r2.updated, r2.skipped), (1, 1, 2));

    let err = import::undo(&f.store, &f.owner, r1.batch_id.unwrap()).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert!(
        err.message(laoke::i18n::Lang::En).contains("undo #"),
        "{}",
        err.message(laoke::i18n::Lang::En)
    );

    let u2 = import::undo(&f.store, &f.owner, r2.batch_id.unwrap()).unwrap();
    assert_eq!(
        (u2.orders_removed, u2.orders_restored, u2.customers_removed),
        (1, 1, 1)
    );
    assert_eq!(
        count(&f.store, &f.owner, "SELECT status = 'completed' AND refunded_fen = 0 FROM orders WHERE order_no = '3712345678901234501'"),
        1,
        "the order updated by the undone import is back as it was"
    );
    assert_eq!(customer_total(&f.store, &f.owner), 2);

    let u1 = import::undo(&f.store, &f.owner, r1.batch_id.unwrap()).unwrap();
    assert_eq!((u1.orders_removed, u1.customers_removed), (3, 2));
    assert_eq!(count(&f.store, &f.owner, "SELECT count(*) FROM orders"), 0);
    assert_eq!(
        count(&f.store, &f.owner, "SELECT count(*) FROM customer_stats"),
        0
    );
    assert_eq!(customer_total(&f.store, &f.owner), 0);
    let again = import::undo(&f.store, &f.owner, r1.batch_id.unwrap()).unwrap_err();
    assert_eq!(
        again.code(),
        "conflict",
        "an undone import cannot be undone twice"
    );
    let history = import::list(&f.store, &f.owner).unwrap();
    assert!(history.iter().all(|b| b.undone_at.is_some()));
    let audit = audit_actions(&raw_connection_as_owner(&f.store, &f.owner));
    assert_eq!(audit.iter().filter(|a| a.1 == "import").count(), 2);
    assert_eq!(audit.iter().filter(|a| a.1 == "import_undone").count(), 2);
}

#[test]
fn undo_is_refused_when_an_imported_order_was_edited_afterwards() {
    let f = fixture();
    let path = f.files.join("t.csv");
    write_gbk(&path, &taobao_rows());
    let r = import(&f.store, &f.owner, &path, false);
    let conn = raw_connection_as_owner(&f.store, &f.owner);
    conn.execute("UPDATE orders SET note = '改过', updated_at = '2026-03-02T00:00:00.000Z' WHERE order_no = '3712345678901234502'", []).unwrap();
    let err = import::undo(&f.store, &f.owner, r.batch_id.unwrap()).unwrap_err();
    assert!(err
        .message(laoke::i18n::Lang::En)
        .contains("3712345678901234502 was changed after the import"));
    assert_eq!(
        count(&f.store, &f.owner, "SELECT count(*) FROM orders"),
        3,
        "nothing was undone"
    );
}

#[test]
fn a_service_rep_may_import_but_only_owner_or_manager_may_undo() {
    let f = fixture();
    add_user(&f.store, &f.owner, "rep1", Role::Rep, "rep password 1");
    let (store, rep) = login(f.store.dir(), "rep1", "rep password 1");
    let path = f.files.join("t.csv");
    write_gbk(&path, &taobao_rows());
    let r = import(&store, &rep, &path, false);
    let err = import::undo(&store, &rep, r.batch_id.unwrap()).unwrap_err();
    assert_eq!(err.code(), "forbidden");
}

#[test]
fn cancel_during_an_import_leaves_nothing_behind() {
    let f = fixture();
    let path = f.files.join("big.csv");
    let mut rows = vec![TAOBAO_HEADER.to_string()];
    for i in 0..5000 {
        rows.push(format!("=\"37100000000{i:08}\",buyer{i},**,10.00,0.00,10.00,10.00,交易成功,,顾客,地址,,13{:09},2026-01-05 14:02:11,2026-01-05 14:03:00,茶,1,1,0.00", 800_000_000 + i));
    }
    write_utf8_bom(&path, &rows);
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let r = import::run(
        &f.store,
        &f.owner,
        &req(&path),
        false,
        &mut |_| {
            calls += 1;
            cancel.store(true, Ordering::Relaxed);
        },
        &cancel,
    )
    .unwrap();
    assert!(r.cancelled && r.batch_id.is_none());
    assert!(calls >= 1, "progress was reported before the cancel");
    assert_eq!(customer_total(&f.store, &f.owner), 0);
    assert_eq!(count(&f.store, &f.owner, "SELECT count(*) FROM orders"), 0);
    assert!(import::list(&f.store, &f.owner).unwrap().is_empty());
}

#[test]
fn a_home_made_customer_sheet_is_guessed_then_the_confirmed_mapping_is_remembered() {
    let f = fixture();
    let path = f.files.join("客户.csv");
    write_utf8_bom(
        &path,
        &[
            "序号,客户姓名,联系方式,生日,客户等级,备注".into(),
            "1,张三,138-0013-8000,05-20,VIP,喜欢绿茶".into(),
            "2,李四,+86 139 0013 9000,1988/7/1,普通,".into(),
            "3,王五,138****1234,,普通,打码号码".into(),
            "4,,13700137000,,,没有名字".into(),
        ],
    );
    let info = import::inspect(&f.store, &f.owner, &path, None).unwrap();
    assert_eq!(info.mapping.kind, ImportKind::Customers);
    assert_eq!(info.mapping_source, import::MappingSource::Guessed);
    let r = import(&f.store, &f.owner, &path, false);
    assert_eq!((r.created, r.rejected), (3, 1));
    assert_eq!(r.rejected_rows[0].row, 5);
    assert_eq!(
        r.rejected_rows[0].problems[0].column.as_deref(),
        Some("客户姓名")
    );
    assert_eq!(
        count(
            &f.store,
            &f.owner,
            "SELECT count(*) FROM customers WHERE birthday = '--05-20' AND notes = '喜欢绿茶'"
        ),
        1
    );
    assert_eq!(
        count(&f.store, &f.owner, "SELECT count(*) FROM customer_phones"),
        2,
        "the masked number is not a phone"
    );

    let again = import::inspect(&f.store, &f.owner, &path, None).unwrap();
    assert_eq!(again.mapping_source, import::MappingSource::Remembered);
    let r2 = import(&f.store, &f.owner, &path, false);
    assert_eq!(
        (r2.created, r2.updated, r2.skipped),
        (0, 0, 3),
        "the same list again changes nothing"
    );
}

#[test]
fn an_import_on_its_own_worker_connection_lands_in_the_store() {
    let f = fixture();
    let path = f.files.join("t.csv");
    write_gbk(&path, &taobao_rows());
    let worker = import::Worker::new(&f.store, &f.owner).unwrap();
    let handle = std::thread::spawn(move || {
        worker
            .run(&req(&path), false, &mut |_| {}, &AtomicBool::new(false))
            .unwrap()
    });
    let r = handle.join().unwrap();
    assert_eq!(r.created, 3);
    assert_eq!(
        customer_total(&f.store, &f.owner),
        2,
        "the app's connection sees the import"
    );
}
