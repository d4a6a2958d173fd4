//! `laoke orders list`, `show` and `new`: the same orders, filters and totals as the app, and a
//! sale entered from a terminal.

mod common;

use common::*;
use laoke::{
    customers,
    orders::{Channel, ManualOrder, NewOrderItem, OrderStatus},
};

fn sale(customer: Option<i64>, order_no: &str, channel: Channel, price: i64) -> ManualOrder {
    ManualOrder {
        customer_id: customer,
        channel,
        order_no: order_no.into(),
        status: OrderStatus::Paid,
        ordered_at: None,
        shipping_fen: 0,
        discount_fen: 0,
        paid_fen: None,
        note: String::new(),
        items: vec![NewOrderItem {
            product_name: "龙井茶 250g".into(),
            category: "茶叶".into(),
            quantity: 1,
            unit_price_fen: price,
            ..Default::default()
        }],
    }
}

#[test]
fn the_cli_lists_orders_with_totals_and_shows_one() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let (store, owner, _) = init(&dir);
        let wang = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
        laoke::sales::create(
            &store,
            &owner,
            &sale(Some(wang), "T-1001", Channel::Taobao, 12_345),
            &Default::default(),
        )
        .unwrap();
        laoke::sales::create(
            &store,
            &owner,
            &sale(None, "", Channel::InStore, 100_000),
            &Default::default(),
        )
        .unwrap();
        laoke::sales::create(
            &store,
            &owner,
            &sale(None, "T-1001", Channel::Jd, 500),
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

    let all = cli(&["orders", "list"]);
    assert!(all.ok, "{}", all.stderr);
    assert!(all.stdout.contains("orders: 3"), "{}", all.stdout);
    assert!(
        all.stdout.contains("paid: ¥1,128.45"),
        "totals in yuan: {}",
        all.stdout
    );
    assert!(
        all.stdout.contains("MD"),
        "the generated in-store number is listed"
    );

    let taobao = cli(&["orders", "list", "--channel", "淘宝"]);
    assert!(taobao.ok, "{}", taobao.stderr);
    assert!(
        taobao.stdout.contains("orders: 1") && taobao.stdout.contains("王芳"),
        "{}",
        taobao.stdout
    );

    let ambiguous = cli(&["orders", "show", "T-1001"]);
    assert!(!ambiguous.ok, "the number exists on two channels");
    assert!(
        ambiguous.stderr.contains("several channels"),
        "{}",
        ambiguous.stderr
    );

    let one = cli(&["orders", "show", "T-1001", "--channel", "taobao"]);
    assert!(one.ok, "{}", one.stderr);
    assert!(
        one.stdout.contains("王芳") && one.stdout.contains("1 × 龙井茶 250g"),
        "{}",
        one.stdout
    );
    assert!(one.stdout.contains("paid ¥123.45"), "{}", one.stdout);

    let bad = cli(&["orders", "list", "--channel", "ebay"]);
    assert!(
        !bad.ok && bad.stderr.contains("Unknown channel"),
        "{}",
        bad.stderr
    );
}

#[test]
fn the_cli_enters_a_sale_and_refuses_bad_items_and_points_not_there() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let wang = {
        let (store, owner, _) = init(&dir);
        customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap()
    };
    let cli = |args: &[&str]| {
        run_cli(
            laoke_cli(tmp.path(), &dir)
                .args(["--user", OWNER, "--lang", "en"])
                .args(args)
                .env("LAOKE_PASSWORD", OWNER_PASSWORD),
        )
    };
    let w = wang.to_string();
    let sale = cli(&[
        "orders",
        "new",
        "--customer",
        &w,
        "--item",
        "龙井=99.00x2",
        "--item",
        "白茶=12.5",
        "--discount",
        "1.50",
    ]);
    assert!(sale.ok, "{}", sale.stderr);
    assert!(
        sale.stdout.contains("Order entered MD") && sale.stdout.contains("paid ¥209.00"),
        "{}",
        sale.stdout
    );
    let list = cli(&["orders", "list", "--customer", &w]);
    assert!(
        list.stdout.contains("orders: 1") && list.stdout.contains("paid: ¥209.00"),
        "{}",
        list.stdout
    );
    let bad = cli(&["orders", "new", "--item", "龙井"]);
    assert!(
        !bad.ok && bad.stderr.contains("NAME=PRICE"),
        "{}",
        bad.stderr
    );
    // The points the sale just earned are not usable yet: nothing is written.
    let points = cli(&[
        "orders",
        "new",
        "--customer",
        &w,
        "--item",
        "龙井=99",
        "--points",
        "50",
    ]);
    assert!(
        !points.ok && points.stderr.contains("[invalid_input]"),
        "{}",
        points.stderr
    );
    let list = cli(&["orders", "list", "--customer", &w]);
    assert!(list.stdout.contains("orders: 1"), "{}", list.stdout);
}
