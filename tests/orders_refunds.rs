//! Refunds are append-only (migration 0012): every refund, every change of the refunded total
//! an import brings and every undo is a new `order_refunds` row, and `orders.refunded_fen` is
//! always the sum of the order's rows — by hand, by import, by demo, after an undo, and for
//! orders that had refunds before the table existed. `laoke verify` finds a total that drifted.

mod common;

use common::*;
use laoke::{
    import::{self, ImportRequest},
    orders::{self, OrderStatus},
    sales,
};
use std::sync::atomic::AtomicBool;

/// (amount, reason, source, actor) of an order's refund rows, oldest first.
fn rows(conn: &rusqlite::Connection, order: i64) -> Vec<(i64, String, String, String)> {
    conn.prepare(
        "SELECT amount_fen, reason, source, actor FROM order_refunds WHERE order_id = ?1 ORDER BY id",
    )
    .unwrap()
    .query_map([order], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

fn one(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_orders_list_and_its_totals_show_what_was_kept_after_a_refund() {
    let (_t, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let c = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let refunded = sales::create(
        &store,
        &owner,
        &in_store_sale(Some(c), "龙井茶", 13_000),
        &Default::default(),
    )
    .unwrap();
    sales::refund(&store, &owner, refunded, 3_000, "一盒受潮").unwrap();
    sales::create(
        &store,
        &owner,
        &in_store_sale(Some(c), "普洱饼", 11_000),
        &Default::default(),
    )
    .unwrap();
    let q = orders::OrderQuery {
        page: 1,
        page_size: 20,
        sort: Some("keptFen".into()),
        desc: Some(true),
        ..Default::default()
    };
    let list = orders::list(&store, &owner, &q).unwrap();
    let rows: Vec<(i64, i64, i64, i64)> = list
        .rows
        .iter()
        .map(|r| (r.id, r.paid_fen, r.refunded_fen, r.kept_fen))
        .collect();
    assert_eq!(
        rows[0],
        (refunded + 1, 11_000, 0, 11_000),
        "sorted by what was kept, the ¥110 sale comes before the ¥130 one refunded ¥30"
    );
    assert_eq!(
        rows[1],
        (refunded, 13_000, 3_000, 10_000),
        "the row says ¥100 kept, as the order page's 实收 does, with the ¥30 refund beside it"
    );
    assert_eq!(
        (
            list.totals.paid_fen,
            list.totals.refunded_fen,
            list.totals.kept_fen
        ),
        (24_000, 3_000, 21_000),
        "the totals row sums what was kept too"
    );
    let o = orders::get(&store, &owner, refunded).unwrap();
    assert_eq!(o.row.kept_fen, 10_000, "the order page reads the same row");
}

#[test]
fn a_refund_by_hand_is_a_new_row_and_the_orders_total_is_their_sum() {
    let (_t, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let c = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let id = sales::create(
        &store,
        &owner,
        &in_store_sale(Some(c), "普洱饼", 15_000),
        &Default::default(),
    )
    .unwrap();
    let conn = raw_connection_as_owner(&store, &owner);
    assert!(rows(&conn, id).is_empty(), "a new sale has no refund rows");

    sales::refund(&store, &owner, id, 5_000, " 一饼受潮 ").unwrap();
    sales::set_status(&store, &owner, id, OrderStatus::Refunded).unwrap();
    assert_eq!(
        rows(&conn, id),
        vec![
            (5_000, "一饼受潮".into(), "manual".into(), "owner".into()),
            (10_000, "".into(), "manual".into(), "owner".into()),
        ],
        "the refund, then the rest when the order is marked refunded"
    );
    let o = orders::get(&store, &owner, id).unwrap();
    assert_eq!(o.row.refunded_fen, 15_000);

    let e = conn
        .execute(
            "UPDATE order_refunds SET amount_fen = 1 WHERE order_id = ?1",
            [id],
        )
        .unwrap_err();
    assert!(e.to_string().contains("append-only"), "{e}");

    let report = laoke::verify::run(&store, &owner).unwrap();
    assert_eq!(report.order_refund_mismatches, 0);
    assert!(report.is_ok());
    // a row that does not add up (tampered with outside the app) is found
    conn.execute(
        "INSERT INTO order_refunds (order_id, amount_fen, reason, source, actor, at)
         VALUES (?1, -1, '', 'manual', 'x', '2026-03-01T00:00:00.000Z')",
        [id],
    )
    .unwrap();
    let report = laoke::verify::run(&store, &owner).unwrap();
    assert_eq!(
        report.order_refund_mismatches, 1,
        "a total that drifted is found"
    );
    assert!(!report.is_ok());
}

const HEADER: &str = "订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,收货人姓名,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额";

fn taobao(path: &std::path::Path, refund_01: &str, status_01: &str) {
    let lines = [
        HEADER.to_string(),
        format!("3712345678901234501,小王,198.00,0.00,198.00,{status_01},王芳,13800138000,2026-01-05 14:02:11,2026-01-05 14:03:00,龙井茶 250g,2,{refund_01}"),
        "3712345678901234503,李姐,120.00,0.00,120.00,交易关闭,李娟,13900139000,2026-02-10 20:00:00,2026-02-10 20:01:00,桂花乌龙,1,120.00".into(),
    ];
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
}

fn import_file(
    store: &laoke::store::Store,
    s: &laoke::auth::Session,
    path: &std::path::Path,
) -> i64 {
    let r = import::run(
        store,
        s,
        &ImportRequest {
            path: path.to_path_buf(),
            preset: None,
            mapping: None,
        },
        false,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(r.rejected, 0, "{r:?}");
    r.batch_id.unwrap()
}

#[test]
fn an_import_appends_the_difference_and_its_undo_keeps_total_and_rows_together() {
    let (t, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let conn = raw_connection_as_owner(&store, &owner);
    let first = t.path().join("first.csv");
    taobao(&first, "0.00", "交易成功");
    let b1 = import_file(&store, &owner, &first);
    let o1 = one(
        &conn,
        "SELECT id FROM orders WHERE order_no = '3712345678901234501'",
    );
    let o3 = one(
        &conn,
        "SELECT id FROM orders WHERE order_no = '3712345678901234503'",
    );
    assert!(rows(&conn, o1).is_empty());
    assert_eq!(
        rows(&conn, o3),
        vec![(12_000, "".into(), "import".into(), "owner".into())],
        "a new order with a refund gets its row"
    );
    assert_eq!(
        one(
            &conn,
            &format!("SELECT count(*) FROM order_refunds WHERE import_batch_id = {b1}")
        ),
        1
    );

    // the next export says ¥50 of order 01 came back
    let second = t.path().join("second.csv");
    taobao(&second, "50.00", "交易成功");
    let b2 = import_file(&store, &owner, &second);
    assert_eq!(
        rows(&conn, o1),
        vec![(5_000, "".into(), "import".into(), "owner".into())]
    );
    // and the one after: all of it
    let third = t.path().join("third.csv");
    taobao(&third, "198.00", "交易关闭");
    let b3 = import_file(&store, &owner, &third);
    assert_eq!(
        rows(&conn, o1).iter().map(|r| r.0).collect::<Vec<_>>(),
        vec![5_000, 14_800],
        "each import appends the difference"
    );
    assert_eq!(
        one(
            &conn,
            &format!("SELECT refunded_fen FROM orders WHERE id = {o1}")
        ),
        19_800
    );

    import::undo(&store, &owner, b3).unwrap();
    assert_eq!(
        rows(&conn, o1)
            .iter()
            .map(|r| (r.0, r.2.as_str()))
            .collect::<Vec<_>>(),
        vec![(5_000, "import"), (14_800, "import"), (-14_800, "undo")],
        "undo offsets what the import added"
    );
    assert_eq!(
        one(
            &conn,
            &format!("SELECT refunded_fen FROM orders WHERE id = {o1}")
        ),
        5_000
    );
    import::undo(&store, &owner, b2).unwrap();
    assert_eq!(
        one(
            &conn,
            &format!("SELECT refunded_fen FROM orders WHERE id = {o1}")
        ),
        0
    );
    let report = laoke::verify::run(&store, &owner).unwrap();
    assert_eq!(
        report.order_refund_mismatches, 0,
        "total and rows agree after undo"
    );

    import::undo(&store, &owner, b1).unwrap();
    assert_eq!(one(&conn, "SELECT count(*) FROM orders"), 0);
    assert_eq!(
        one(&conn, "SELECT count(*) FROM order_refunds"),
        0,
        "removed orders take their refund rows with them"
    );
}

#[test]
fn demo_orders_carry_refund_rows_that_add_up() {
    let (_t, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    laoke::demo::generate(
        &store,
        &owner,
        &laoke::demo::DemoSpec {
            customers: 50,
            seed: 1,
        },
    )
    .unwrap();
    laoke::demo::generate_orders(
        &store,
        &owner,
        &laoke::demo::OrdersSpec {
            orders: 600,
            seed: 2,
        },
    )
    .unwrap();
    let conn = raw_connection_as_owner(&store, &owner);
    let refunded = one(&conn, "SELECT count(*) FROM orders WHERE refunded_fen > 0");
    assert!(refunded > 10, "the demo has refunds ({refunded})");
    assert_eq!(
        one(
            &conn,
            "SELECT count(*) FROM order_refunds WHERE source = 'demo'"
        ),
        refunded,
        "one row per refunded demo order"
    );
    let report = laoke::verify::run(&store, &owner).unwrap();
    assert_eq!(report.order_refund_mismatches, 0);
    assert_eq!(report.order_preview_mismatches, 0);
}

#[test]
fn the_migration_gives_each_order_with_refunds_one_row_with_its_total() {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    let migrations = laoke::db::MIGRATIONS;
    let at = migrations
        .iter()
        .position(|m| m.1 == "0012_order_refunds")
        .unwrap();
    for (_, _, sql) in &migrations[..at] {
        conn.execute_batch(sql).unwrap();
    }
    for (no, paid, refunded) in [("A", 10_000, 0), ("B", 10_000, 2_500), ("C", 800, 800)] {
        conn.execute(
            "INSERT INTO orders (channel, order_no, status, ordered_at, paid_at, paid_fen,
                                 refunded_fen, created_by, created_at, updated_at)
             VALUES ('jd', ?1, 'paid', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z',
                     ?2, ?3, 'owner', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z')",
            rusqlite::params![no, paid, refunded],
        )
        .unwrap();
    }
    conn.execute_batch(migrations[at].2).unwrap();
    let got: Vec<(String, i64, String, String)> = conn
        .prepare(
            "SELECT o.order_no, r.amount_fen, r.source, r.at FROM order_refunds r
             JOIN orders o ON o.id = r.order_id ORDER BY o.order_no",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let t = "2025-01-02T00:00:00.000Z".to_string();
    assert_eq!(
        got,
        vec![
            ("B".into(), 2_500, "migrated".into(), t.clone()),
            ("C".into(), 800, "migrated".into(), t),
        ]
    );
    assert_eq!(laoke::orders::write::refund_mismatches(&conn).unwrap(), 0);
}
