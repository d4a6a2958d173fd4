//! Orders by hand and in lists: an in-store sale gets a number and counts for its customer,
//! refunds add up to at most what was paid, reps see masked receiver phones, and the order list
//! filters, sorts, pages and totals on the server.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use laoke::{
    auth::Role,
    customers,
    orders::{self, Channel, ManualOrder, NewOrderItem, OrderQuery, OrderStatus, OrderTotals},
};

fn item(name: &str, category: &str, quantity: i64, unit_price_fen: i64) -> NewOrderItem {
    NewOrderItem {
        product_name: name.into(),
        sku: String::new(),
        category: category.into(),
        quantity,
        unit_price_fen,
    }
}

fn sale(customer: Option<i64>, items: Vec<NewOrderItem>) -> ManualOrder {
    ManualOrder {
        customer_id: customer,
        channel: Channel::InStore,
        order_no: String::new(),
        status: OrderStatus::Paid,
        ordered_at: None,
        shipping_fen: 0,
        discount_fen: 0,
        paid_fen: None,
        note: String::new(),
        items,
    }
}

#[test]
fn an_in_store_sale_gets_a_dated_number_and_counts_for_the_customer() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();

    let first = laoke::sales::create(
        &store,
        &owner,
        &sale(
            Some(wang),
            vec![
                item("龙井茶 250g", "茶叶", 2, 6_900),
                item("紫砂杯", "茶具", 1, 8_800),
            ],
        ),
        &Default::default(),
    )
    .unwrap();
    let second = laoke::sales::create(
        &store,
        &owner,
        &sale(Some(wang), vec![item("茶饼", "茶叶", 1, 15_000)]),
        &Default::default(),
    )
    .unwrap();

    let a = orders::get(&store, &owner, first).unwrap();
    let b = orders::get(&store, &owner, second).unwrap();
    assert_eq!(
        a.row.order_no, "MD20260301-001",
        "shop date (Shanghai) plus a sequence"
    );
    assert_eq!(b.row.order_no, "MD20260301-002");
    assert_eq!(
        a.row.goods_fen, 22_600,
        "goods are the sum of the item lines"
    );
    assert_eq!(a.row.paid_fen, 22_600, "paid defaults to what is due");
    assert_eq!(a.items.len(), 2);
    assert_eq!(a.customer.as_ref().map(|c| c.name.as_str()), Some("王芳"));

    let summary = orders::customer_summary_for(&store, &owner, wang).unwrap();
    assert_eq!(summary.orders_count, 2);
    assert_eq!(summary.total_spend_fen, 37_600);
    assert_eq!(summary.average_order_fen, 18_800);
    assert_eq!(
        summary.favourite_categories[0].category, "茶叶",
        "tea: ¥288 of ¥376"
    );
    assert_eq!(summary.favourite_categories[0].spend_fen, 28_800);
    assert_eq!(summary.favourite_categories.len(), 2);

    let timeline = orders::for_customer_page(&store, &owner, wang, 1).unwrap();
    assert_eq!(timeline.totals.count, 2);
    assert_eq!(timeline.rows.len(), 2);
}

#[test]
fn a_taken_order_number_is_a_conflict_and_an_empty_sale_is_refused() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let mut m = sale(None, vec![item("茶饼", "茶叶", 1, 15_000)]);
    m.order_no = "A-1".into();
    laoke::sales::create(&store, &owner, &m, &Default::default()).unwrap();
    let err = laoke::sales::create(&store, &owner, &m, &Default::default()).unwrap_err();
    assert_eq!(
        err.code(),
        "conflict",
        "the same number twice is refused: {err}"
    );

    let err =
        laoke::sales::create(&store, &owner, &sale(None, vec![]), &Default::default()).unwrap_err();
    assert!(
        err.message(laoke::i18n::Lang::En).contains("Items"),
        "{}",
        err.message(laoke::i18n::Lang::En)
    );
    let mut neg = sale(None, vec![item("茶饼", "茶叶", 1, 100)]);
    neg.discount_fen = 500;
    assert_eq!(
        laoke::sales::create(&store, &owner, &neg, &Default::default())
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    let page = orders::list(&store, &owner, &OrderQuery::default()).unwrap();
    assert_eq!(page.totals.count, 1, "only the first order was written");
}

#[test]
fn partial_refunds_add_up_to_at_most_what_was_paid() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let id = laoke::sales::create(
        &store,
        &owner,
        &sale(Some(wang), vec![item("茶饼", "茶叶", 2, 10_000)]),
        &Default::default(),
    )
    .unwrap();

    laoke::sales::refund(&store, &owner, id, 5_000, "一饼受潮").unwrap();
    let o = orders::get(&store, &owner, id).unwrap();
    assert_eq!(o.row.status, OrderStatus::PartiallyRefunded);
    assert_eq!(o.row.refunded_fen, 5_000);
    assert!(
        o.note.contains("一饼受潮"),
        "the reason is kept on the order"
    );
    assert_eq!(
        orders::customer_summary_for(&store, &owner, wang)
            .unwrap()
            .total_spend_fen,
        15_000
    );

    let err = laoke::sales::refund(&store, &owner, id, 15_001, "").unwrap_err();
    assert!(
        err.message(laoke::i18n::Lang::ZhCn).contains("¥150.00"),
        "says how much is left: {}",
        err.message(laoke::i18n::Lang::ZhCn)
    );
    laoke::sales::refund(&store, &owner, id, 15_000, "全部退回").unwrap();
    let o = orders::get(&store, &owner, id).unwrap();
    assert_eq!(
        o.row.status,
        OrderStatus::Refunded,
        "everything back: refunded"
    );
    let s = orders::customer_summary_for(&store, &owner, wang).unwrap();
    assert_eq!(
        (s.orders_count, s.total_spend_fen),
        (0, 0),
        "a refunded order no longer counts"
    );

    let conn = raw_connection_as_owner(&store, &owner);
    let actions: Vec<String> = audit_actions(&conn).into_iter().map(|a| a.1).collect();
    assert_eq!(
        actions.iter().filter(|a| *a == "order_refunded").count(),
        2,
        "each refund is audited"
    );
}

#[test]
fn status_changes_keep_the_rules_and_are_audited() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let mut m = sale(None, vec![item("茶饼", "茶叶", 1, 10_000)]);
    m.status = OrderStatus::Unpaid;
    let id = laoke::sales::create(&store, &owner, &m, &Default::default()).unwrap();
    assert_eq!(
        orders::get(&store, &owner, id).unwrap().row.paid_fen,
        0,
        "unpaid: nothing paid yet"
    );
    laoke::sales::set_status(&store, &owner, id, OrderStatus::Cancelled).unwrap();
    assert_eq!(
        orders::get(&store, &owner, id).unwrap().row.status,
        OrderStatus::Cancelled
    );
    let err =
        laoke::sales::set_status(&store, &owner, id, OrderStatus::PartiallyRefunded).unwrap_err();
    assert_eq!(
        err.code(),
        "invalid_input",
        "partial refunds need an amount"
    );
    let conn = raw_connection_as_owner(&store, &owner);
    assert!(audit_actions(&conn)
        .iter()
        .any(|a| a.1 == "order_status_changed"));
}

#[test]
fn a_rep_sees_the_receiver_phone_masked() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    add_user(&store, &owner, "xiaomei", Role::Rep, "rep password 1");
    let wang = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let id = laoke::sales::create(
        &store,
        &owner,
        &sale(Some(wang), vec![item("茶饼", "茶叶", 1, 100)]),
        &Default::default(),
    )
    .unwrap();
    drop(store);
    let (store, rep) = login(&dir, "xiaomei", "rep password 1");
    let o = orders::get(&store, &rep, id).unwrap();
    assert_eq!(o.customer.unwrap().phone.as_deref(), Some("138****8000"));
}

#[test]
fn the_order_list_filters_sorts_pages_and_totals_on_the_server() {
    let (_tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, owner, _) = laoke::store::Store::init(&dir, &owner(), clock.clone()).unwrap();
    let wang = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let li = customers::create(&store, &owner, &customer("李娜", "13900139000")).unwrap();
    for day in 0..10 {
        let mut m = sale(
            Some(if day % 2 == 0 { wang } else { li }),
            vec![item(
                if day < 5 { "龙井茶" } else { "普洱茶饼" },
                "茶叶",
                1,
                1_000 * (day + 1),
            )],
        );
        m.ordered_at =
            Some(Utc.with_ymd_and_hms(2026, 2, 1, 2, 0, 0).unwrap() + Duration::days(day));
        if day == 9 {
            m.channel = Channel::Taobao;
            m.order_no = "3300112233".into();
        }
        laoke::sales::create(&store, &owner, &m, &Default::default()).unwrap();
    }
    let q = |f: &dyn Fn(&mut OrderQuery)| {
        let mut q = OrderQuery {
            page: 1,
            page_size: 3,
            ..Default::default()
        };
        f(&mut q);
        orders::list(&store, &owner, &q).unwrap()
    };

    let all = q(&|_| {});
    assert_eq!(
        all.totals,
        OrderTotals {
            count: 10,
            paid_fen: 55_000,
            refunded_fen: 0,
            kept_fen: 55_000
        }
    );
    assert_eq!(all.rows.len(), 3, "one page of three");
    assert_eq!(all.rows[0].paid_fen, 10_000, "newest first by default");

    let by_amount = q(&|q| {
        q.sort = Some("paidFen".into());
        q.desc = Some(false);
        q.page = 2;
    });
    let amounts: Vec<i64> = by_amount.rows.iter().map(|r| r.paid_fen).collect();
    assert_eq!(
        amounts,
        vec![4_000, 5_000, 6_000],
        "page 2 of the cheapest first"
    );

    assert_eq!(q(&|q| q.customer_id = Some(wang)).totals.count, 5);
    assert_eq!(q(&|q| q.channels = vec![Channel::Taobao]).totals.count, 1);
    assert_eq!(
        q(&|q| q.text = Some("普洱".into())).totals.count,
        5,
        "text finds product names"
    );
    assert_eq!(
        q(&|q| q.text = Some("00112".into())).totals.count,
        1,
        "and parts of order numbers"
    );
    let range = q(&|q| {
        q.min_paid_fen = Some(3_000);
        q.max_paid_fen = Some(5_000);
    });
    assert_eq!(
        range.totals,
        OrderTotals {
            count: 3,
            paid_fen: 12_000,
            refunded_fen: 0,
            kept_fen: 12_000
        }
    );
    // 2026-02-03 10:00 Shanghai is day 2; days 2..=4 in shop dates.
    let dates = q(&|q| {
        q.ordered_from = Some("2026-02-03".into());
        q.ordered_to = Some("2026-02-05".into());
    });
    assert_eq!(dates.totals.count, 3, "date range in shop days, inclusive");
    let by_name = q(&|q| {
        q.sort = Some("customerName".into());
        q.desc = Some(false);
        q.page_size = 10;
    });
    assert_eq!(by_name.rows.len(), 10);
    assert!(
        q_err(&store, &owner, "nonsense"),
        "an unknown sort column is refused"
    );
}

fn q_err(store: &laoke::store::Store, s: &laoke::auth::Session, sort: &str) -> bool {
    orders::list(
        store,
        s,
        &OrderQuery {
            sort: Some(sort.into()),
            ..Default::default()
        },
    )
    .is_err_and(|e| e.code() == "invalid_input")
}
