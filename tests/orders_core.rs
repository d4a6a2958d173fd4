//! The order writer and the customer stats behind the lists: the same order twice is one row
//! and changes nothing, a changed order is updated (and undoable within an import batch),
//! stats follow partial refunds, and bad input names the field and changes nothing.

mod common;

use chrono::{TimeZone, Utc};
use common::*;
use laoke::orders::{
    self, Channel, NewOrder, NewOrderItem, OrderSnapshot, OrderStatus, UpsertOutcome,
};
use rusqlite::Connection;

fn paid_order(no: &str, customer: i64) -> NewOrder {
    NewOrder {
        customer_id: Some(customer),
        channel: Channel::Taobao,
        order_no: no.into(),
        status: OrderStatus::Paid,
        ordered_at: Utc.with_ymd_and_hms(2026, 2, 10, 6, 0, 0).unwrap(),
        paid_at: Some(Utc.with_ymd_and_hms(2026, 2, 10, 6, 5, 0).unwrap()),
        goods_fen: 19_800,
        shipping_fen: 0,
        discount_fen: 1_000,
        paid_fen: 18_800,
        refunded_fen: 0,
        buyer_nick: Some("小王爱购物".into()),
        receiver_name: Some("王芳".into()),
        receiver_phone: Some("138 0013 8000".into()),
        receiver_address: Some("浙江省杭州市西湖区文三路 88 号".into()),
        note: String::new(),
        items: vec![
            NewOrderItem {
                product_name: "龙井茶 250g".into(),
                sku: "LJ-250".into(),
                category: "茶叶".into(),
                quantity: 2,
                unit_price_fen: 6_900,
            },
            NewOrderItem {
                product_name: "紫砂杯".into(),
                sku: String::new(),
                category: "茶具".into(),
                quantity: 1,
                unit_price_fen: 6_000,
            },
        ],
    }
}

fn upsert(conn: &mut Connection, o: &NewOrder, batch: Option<i64>) -> laoke::Result<UpsertOutcome> {
    let tx = conn.transaction().unwrap();
    let out = orders::upsert_in_tx(
        &tx,
        "owner",
        o,
        batch,
        Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap(),
    )?;
    if let Some(cid) = o.customer_id {
        orders::refresh_stats(&tx, &[cid])?;
    }
    tx.commit().unwrap();
    Ok(out)
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn stats(conn: &Connection, customer: i64) -> Option<(i64, i64, String, String, Option<String>)> {
    conn.query_row(
        "SELECT orders_count, spend_fen, first_order_at, last_order_at, top_category
         FROM customer_stats WHERE customer_id = ?1",
        [customer],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )
    .ok()
}

fn new_batch(conn: &Connection) -> i64 {
    conn.execute(
        "INSERT INTO import_batches (kind, file_name, file_sha256, preset, created_by, created_at)
         VALUES ('orders', 'taobao.csv', 'abc', 'taobao', 'owner', '2026-03-01T02:00:00.000Z')",
        [],
    )
    .unwrap();
    conn.last_insert_rowid()
}

#[test]
fn the_same_order_twice_is_one_row_and_the_second_time_changes_nothing() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let mut conn = raw_connection_as_owner(&store, &owner);
    let batch = new_batch(&conn);

    let first = upsert(&mut conn, &paid_order("4001", wang), Some(batch)).unwrap();
    let UpsertOutcome::Created(id) = first else {
        panic!("a new order is created, got {first:?}")
    };
    let second = upsert(&mut conn, &paid_order(" 4001 ", wang), Some(batch)).unwrap();
    assert_eq!(
        second,
        UpsertOutcome::Unchanged(id),
        "the same content again is reported unchanged"
    );

    assert_eq!(
        count(&conn, "SELECT count(*) FROM orders"),
        1,
        "one order row"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM order_items"),
        2,
        "its two items, not four"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM products"),
        2,
        "two products created from the items"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM categories"),
        2,
        "and their two categories"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM import_changes"),
        1,
        "only the creation is recorded for undo"
    );
    let phone: String = conn
        .query_row("SELECT receiver_phone FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        phone, "+8613800138000",
        "the receiver phone is stored as E.164"
    );
}

#[test]
fn a_changed_order_is_updated_and_its_before_can_be_restored() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let mut conn = raw_connection_as_owner(&store, &owner);
    let original = paid_order("4002", wang);
    let UpsertOutcome::Created(id) = upsert(&mut conn, &original, None).unwrap() else {
        panic!()
    };

    let batch = new_batch(&conn);
    let mut changed = original.clone();
    changed.status = OrderStatus::Completed;
    changed.items.pop();
    let out = upsert(&mut conn, &changed, Some(batch)).unwrap();
    assert_eq!(
        out,
        UpsertOutcome::Updated(id),
        "same (channel, order no), new content: updated in place"
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM order_items"),
        1,
        "the items are replaced"
    );
    let status: String = conn
        .query_row("SELECT status FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(status, "completed");

    let before: String = conn
        .query_row(
            "SELECT before FROM import_changes WHERE batch_id = ?1 AND action = 'updated' AND entity = 'order'",
            [batch],
            |r| r.get(0),
        )
        .unwrap();
    let before: OrderSnapshot = serde_json::from_str(&before).expect("before is an order snapshot");
    assert_eq!(before.status, "paid");
    assert_eq!(before.items.len(), 2, "the snapshot keeps the old items");

    let tx = conn.transaction().unwrap();
    orders::restore_in_tx(
        &tx,
        &before,
        "owner",
        Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap(),
    )
    .unwrap();
    tx.commit().unwrap();
    let again = upsert(&mut conn, &original, None).unwrap();
    assert_eq!(
        again,
        UpsertOutcome::Unchanged(id),
        "after restoring, the order equals the original again"
    );
}

#[test]
fn stats_count_paid_orders_and_subtract_partial_refunds() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let mut conn = raw_connection_as_owner(&store, &owner);

    upsert(&mut conn, &paid_order("5001", wang), None).unwrap();
    let mut refunded_part = paid_order("5002", wang);
    refunded_part.ordered_at = Utc.with_ymd_and_hms(2026, 2, 20, 6, 0, 0).unwrap();
    refunded_part.paid_at = Some(refunded_part.ordered_at);
    refunded_part.status = OrderStatus::PartiallyRefunded;
    refunded_part.refunded_fen = 6_000;
    upsert(&mut conn, &refunded_part, None).unwrap();
    let mut unpaid = paid_order("5003", wang);
    unpaid.status = OrderStatus::Unpaid;
    unpaid.paid_at = None;
    unpaid.ordered_at = Utc.with_ymd_and_hms(2026, 2, 25, 6, 0, 0).unwrap();
    upsert(&mut conn, &unpaid, None).unwrap();

    let (n, spend, first, last, top) = stats(&conn, wang).expect("the buyer has stats");
    assert_eq!(n, 2, "the unpaid order does not count");
    assert_eq!(
        spend,
        18_800 + 18_800 - 6_000,
        "spend is paid minus refunded"
    );
    assert_eq!(first, "2026-02-10T06:00:00.000Z");
    assert_eq!(
        last, "2026-02-20T06:00:00.000Z",
        "the last counted order, not the unpaid one"
    );
    assert_eq!(
        top.as_deref(),
        Some("茶叶"),
        "tea is where most of the money went"
    );

    let tx = conn.transaction().unwrap();
    orders::rebuild_all_stats(&tx).unwrap();
    tx.commit().unwrap();
    assert_eq!(
        stats(&conn, wang),
        Some((2, 31_600, first, last, Some("茶叶".into()))),
        "a full rebuild gives the same numbers"
    );
}

#[test]
fn a_fully_refunded_order_drops_out_of_the_stats() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let mut conn = raw_connection_as_owner(&store, &owner);
    let mut o = paid_order("6001", wang);
    upsert(&mut conn, &o, None).unwrap();
    o.status = OrderStatus::Refunded;
    o.refunded_fen = o.paid_fen;
    upsert(&mut conn, &o, None).unwrap();
    assert_eq!(stats(&conn, wang), None, "no counted order, no stats row");
}

#[test]
fn bad_input_names_the_field_and_changes_nothing() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let mut conn = raw_connection_as_owner(&store, &owner);

    let mut cases: Vec<(NewOrder, &str, &str)> = Vec::new();
    let mut o = paid_order("  ", wang);
    o.order_no = "  ".into();
    cases.push((o, "订单号", "Order number"));
    let mut o = paid_order("7001", wang);
    o.refunded_fen = o.paid_fen + 1;
    cases.push((o, "退款金额", "amount refunded"));
    let mut o = paid_order("7001", wang);
    o.shipping_fen = -1;
    cases.push((o, "运费", "shipping"));
    let mut o = paid_order("7001", wang);
    o.items[1].quantity = 0;
    cases.push((o, "第 2 件商品", "item 2"));
    let mut o = paid_order("7001", wang);
    o.paid_at = None;
    cases.push((o, "付款时间", "payment time"));
    let mut o = paid_order("7001", wang);
    o.receiver_phone = Some("138****8000".into());
    cases.push((o, "打码", "masked"));
    let mut o = paid_order("7001", wang);
    o.customer_id = Some(999);
    cases.push((o, "客户", "customer #999"));

    for (order, zh, en) in cases {
        let err = upsert(&mut conn, &order, None).expect_err("bad input is refused");
        assert_eq!(err.code(), "invalid_input");
        let (zh_msg, en_msg) = (
            err.message(laoke::i18n::Lang::ZhCn),
            err.message(laoke::i18n::Lang::En),
        );
        assert!(
            zh_msg.contains(zh),
            "the Chinese message names {zh}: {zh_msg}"
        );
        assert!(
            en_msg.contains(en),
            "the English message names {en}: {en_msg}"
        );
    }
    assert_eq!(
        count(&conn, "SELECT count(*) FROM orders"),
        0,
        "nothing was written"
    );
    assert_eq!(count(&conn, "SELECT count(*) FROM products"), 0);
}

#[test]
fn an_order_is_found_by_its_number_and_the_channel_tells_apart_two_shops_with_the_same_number() {
    use laoke::{orders::find_by_no, sales::create};
    let (_t, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let c = laoke::customers::create(&store, &s, &customer("张伟", "13800138000")).unwrap();
    let mut tb = tea_order(c);
    tb.channel = Channel::Taobao;
    tb.order_no = "3158844912".into();
    let tb_id = create(&store, &s, &tb, &Default::default()).unwrap();
    let mut jd = tb.clone();
    jd.channel = Channel::Jd;
    let jd_id = create(&store, &s, &jd, &Default::default()).unwrap();

    let found = find_by_no(&store, &s, " 3158844912 ", Some(Channel::Jd)).unwrap();
    assert_eq!(found.row.id, jd_id);
    let found = find_by_no(&store, &s, "3158844912", Some(Channel::Taobao)).unwrap();
    assert_eq!(found.row.id, tb_id);
    let both = find_by_no(&store, &s, "3158844912", None).unwrap_err();
    assert!(both.to_string().contains("3158844912"), "{both}");
    assert!(find_by_no(&store, &s, "0000", None).is_err());
}

fn preview(conn: &Connection, id: i64) -> (String, i64) {
    conn.query_row(
        "SELECT items_preview, items_count FROM orders WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

#[test]
fn the_order_list_preview_follows_the_items_through_every_write_and_verify_checks_it() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = laoke::customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let mut conn = raw_connection_as_owner(&store, &owner);

    let mut four = paid_order("4101", wang);
    for name in ["盖碗", "茶盘"] {
        let mut it = four.items[1].clone();
        it.product_name = name.into();
        four.items.push(it);
    }
    let UpsertOutcome::Created(id) = upsert(&mut conn, &four, None).unwrap() else {
        panic!()
    };
    assert_eq!(preview(&conn, id), ("龙井茶 250g、紫砂杯、盖碗".into(), 4));

    let before = orders::snapshot(&conn, id).unwrap();
    let mut one = four.clone();
    one.items.truncate(1);
    one.status = OrderStatus::Completed;
    let batch = new_batch(&conn);
    upsert(&mut conn, &one, Some(batch)).unwrap();
    assert_eq!(
        preview(&conn, id),
        ("龙井茶 250g".into(), 1),
        "an import's update"
    );

    let tx = conn.transaction().unwrap();
    orders::restore_in_tx(
        &tx,
        &before,
        "owner",
        Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap(),
    )
    .unwrap();
    tx.commit().unwrap();
    assert_eq!(
        preview(&conn, id),
        ("龙井茶 250g、紫砂杯、盖碗".into(), 4),
        "undo restores it"
    );

    let manual =
        laoke::sales::create(&store, &owner, &tea_order(wang), &Default::default()).unwrap();
    assert_eq!(
        preview(&conn, manual),
        ("龙井".into(), 1),
        "a sale entered by hand"
    );
    laoke::demo::generate_orders(
        &store,
        &owner,
        &laoke::demo::OrdersSpec {
            orders: 200,
            seed: 3,
        },
    )
    .unwrap();

    let page = orders::page(
        &store,
        &owner,
        &orders::OrderQuery {
            page: 1,
            page_size: 500,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(page.rows.len() > 200);
    let shown = page.rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(
        (shown.products.as_str(), shown.item_count),
        ("龙井茶 250g、紫砂杯、盖碗", 4)
    );

    let report = laoke::verify::run(&store, &owner).unwrap();
    assert_eq!(
        report.order_preview_mismatches, 0,
        "demo, import and hand-entered orders agree"
    );
    assert!(report.is_ok());
    conn.execute("UPDATE orders SET items_count = 9 WHERE id = ?1", [manual])
        .unwrap();
    let report = laoke::verify::run(&store, &owner).unwrap();
    assert_eq!(
        report.order_preview_mismatches, 1,
        "a preview that drifted is found"
    );
}
