//! The global search box: 1- and 2-character Chinese names, longer names, any 4 digits of a
//! phone, nicks, emails and order-number fragments are found as the user types; the index
//! follows every writer (including plain SQL, as an import or merge would write); customers in
//! the recycle bin, merged away or erased are not found; reps get masked phones back.

mod common;

use common::*;
use laoke::{
    auth::Role,
    auth::Session,
    customers::{self, NewCustomer},
    orders::{Channel, ManualOrder, NewOrderItem, OrderStatus},
    search::{self, MatchField, MatchKind},
    store::Store,
};

fn person(name: &str, phone: &str) -> NewCustomer {
    customer(name, phone)
}

fn names(store: &Store, s: &Session, q: &str) -> Vec<String> {
    search::search(store, s, q)
        .unwrap_or_else(|e| panic!("searching {q:?} works: {e}"))
        .customers
        .into_iter()
        .map(|c| c.name)
        .collect()
}

fn sale(customer: i64, order_no: &str) -> ManualOrder {
    ManualOrder {
        customer_id: Some(customer),
        channel: Channel::Taobao,
        order_no: order_no.into(),
        status: OrderStatus::Paid,
        ordered_at: None,
        shipping_fen: 0,
        discount_fen: 0,
        paid_fen: None,
        note: String::new(),
        items: vec![NewOrderItem {
            product_name: "西湖龙井 250g".into(),
            sku: "SP-LJ250".into(),
            category: "茶叶".into(),
            quantity: 1,
            unit_price_fen: 36_800,
        }],
    }
}

fn shop() -> (tempfile::TempDir, Store, Session) {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    for (name, phone) in [
        ("张伟", "13800138000"),
        ("张伟明", "13912345678"),
        ("李张伟", "13698765432"),
        ("张", "15000001111"),
        ("王芳", "18611112222"),
        ("欧阳娜娜", "17722223333"),
    ] {
        customers::create(&store, &owner, &person(name, phone)).unwrap();
    }
    (tmp, store, owner)
}

#[test]
fn a_one_character_surname_finds_the_exact_name_first_then_names_starting_with_it() {
    let (_tmp, store, owner) = shop();
    let found = names(&store, &owner, "张");
    assert_eq!(found[0], "张", "the whole name 张 ranks first: {found:?}");
    assert!(found.contains(&"张伟".to_string()) && found.contains(&"张伟明".to_string()));
    let inside = found
        .iter()
        .position(|n| n == "李张伟")
        .expect("李张伟 contains 张");
    let prefix = found.iter().position(|n| n == "张伟明").unwrap();
    assert!(
        prefix < inside,
        "start-of-name matches come before inside matches: {found:?}"
    );
    assert!(!found.contains(&"王芳".to_string()));
}

#[test]
fn a_two_character_name_finds_exact_then_prefix_then_inside() {
    let (_tmp, store, owner) = shop();
    let r = search::search(&store, &owner, "张伟").unwrap();
    let got: Vec<(&str, MatchKind)> = r
        .customers
        .iter()
        .map(|c| (c.name.as_str(), c.matched.kind))
        .collect();
    assert_eq!(
        got,
        vec![
            ("张伟", MatchKind::Exact),
            ("张伟明", MatchKind::Prefix),
            ("李张伟", MatchKind::Contains)
        ]
    );
    assert_eq!(r.customers[0].matched.field, MatchField::Name);
    assert_eq!(names(&store, &owner, "阳娜"), vec!["欧阳娜娜"]);
}

#[test]
fn three_and_four_character_names_are_found_whole_or_in_part() {
    let (_tmp, store, owner) = shop();
    assert_eq!(names(&store, &owner, "张伟明"), vec!["张伟明"]);
    assert_eq!(names(&store, &owner, "欧阳娜娜"), vec!["欧阳娜娜"]);
    assert_eq!(names(&store, &owner, "阳娜娜"), vec!["欧阳娜娜"]);
    assert!(names(&store, &owner, "张伟强").is_empty());
}

#[test]
fn any_four_digits_from_the_middle_of_a_phone_find_its_owner() {
    let (_tmp, store, owner) = shop();
    let r = search::search(&store, &owner, "1234").unwrap();
    assert_eq!(r.customers.len(), 1);
    assert_eq!(r.customers[0].name, "张伟明");
    assert_eq!(r.customers[0].matched.field, MatchField::Phone);
    assert_eq!(r.customers[0].matched.text, "13912345678");
    // Typed with separators or the country code, it is the same number.
    assert_eq!(names(&store, &owner, "139-1234"), vec!["张伟明"]);
    assert_eq!(names(&store, &owner, "+86 139 1234 5678"), vec!["张伟明"]);
}

#[test]
fn nicks_emails_and_wechat_ids_are_found_by_any_part() {
    let (_tmp, store, owner) = temp_shop_with_contacts();
    let r = search::search(&store, &owner, "爱购物").unwrap();
    assert_eq!(r.customers[0].name, "赵敏");
    assert_eq!(r.customers[0].matched.field, MatchField::Nick);
    assert_eq!(
        names(&store, &owner, "购物"),
        vec!["赵敏"],
        "two CJK characters inside a nick"
    );
    let r = search::search(&store, &owner, "zhaomin88@").unwrap();
    assert_eq!(r.customers[0].matched.field, MatchField::Email);
    let r = search::search(&store, &owner, "ZHAO_WX").unwrap();
    assert_eq!(
        r.customers[0].matched.field,
        MatchField::Wechat,
        "case does not matter"
    );
    assert_eq!(
        names(&store, &owner, "zh"),
        vec!["赵敏"],
        "two latin letters: start of a term"
    );
}

fn temp_shop_with_contacts() -> (tempfile::TempDir, Store, Session) {
    let (tmp, store, owner) = shop();
    customers::create(
        &store,
        &owner,
        &NewCustomer {
            name: "赵敏".into(),
            phones: vec!["13311112222".into()],
            email: Some("ZhaoMin88@qq.com".into()),
            wechat_id: Some("zhao_wx_2024".into()),
            nicks: vec![("taobao".into(), "小赵爱购物".into())],
            ..Default::default()
        },
    )
    .unwrap();
    (tmp, store, owner)
}

#[test]
fn an_order_number_fragment_finds_the_order_and_its_customer() {
    let (_tmp, store, owner) = shop();
    let wang = search::search(&store, &owner, "王芳").unwrap().customers[0].id;
    laoke::sales::create(
        &store,
        &owner,
        &sale(wang, "3712345678901234567"),
        &Default::default(),
    )
    .unwrap();
    laoke::sales::create(
        &store,
        &owner,
        &sale(wang, "3799999999999999999"),
        &Default::default(),
    )
    .unwrap();
    let r = search::search(&store, &owner, "56789012").unwrap();
    assert_eq!(r.orders.len(), 1);
    assert_eq!(r.orders[0].order_no, "3712345678901234567");
    assert_eq!(r.orders[0].customer_name.as_deref(), Some("王芳"));
    assert_eq!(r.orders[0].matched.kind, MatchKind::Contains);
    laoke::sales::create(
        &store,
        &owner,
        &sale(wang, "260214-505001309472246"),
        &Default::default(),
    )
    .unwrap();
    let r = search::search(&store, &owner, "4-5050").unwrap();
    assert_eq!(
        r.orders[0].order_no, "260214-505001309472246",
        "dashes are kept for orders"
    );
    let r = search::search(&store, &owner, "37").unwrap();
    assert!(r.orders.is_empty(), "order numbers need 3 characters");
    let r = search::search(&store, &owner, "379").unwrap();
    assert_eq!(r.orders[0].order_no, "3799999999999999999");
    assert_eq!(r.orders[0].matched.kind, MatchKind::Prefix);
}

#[test]
fn the_index_follows_every_writer_even_plain_sql() {
    let (_tmp, store, owner) = shop();
    let wang = search::search(&store, &owner, "王芳").unwrap().customers[0].id;
    let raw = raw_connection_as_owner(&store, &owner);

    raw.execute("UPDATE customers SET name = '王芳芳' WHERE id = ?1", [wang])
        .unwrap();
    assert_eq!(names(&store, &owner, "芳芳"), vec!["王芳芳"]);
    assert_eq!(
        search::search(&store, &owner, "王芳").unwrap().customers[0]
            .matched
            .kind,
        MatchKind::Prefix
    );

    raw.execute(
        "UPDATE customer_phones SET phone = '+8613055556666' WHERE customer_id = ?1",
        [wang],
    )
    .unwrap();
    assert_eq!(names(&store, &owner, "5555"), vec!["王芳芳"]);
    assert!(names(&store, &owner, "1111").iter().all(|n| n != "王芳芳"));

    raw.execute(
        "INSERT INTO customer_nicks (customer_id, platform, nick) VALUES (?1, 'jd', 'jd_芳芳小铺')",
        [wang],
    )
    .unwrap();
    assert_eq!(names(&store, &owner, "小铺"), vec!["王芳芳"]);
    raw.execute("DELETE FROM customer_nicks WHERE customer_id = ?1", [wang])
        .unwrap();
    assert!(names(&store, &owner, "小铺").is_empty());
    raw.execute("DELETE FROM customer_phones WHERE customer_id = ?1", [wang])
        .unwrap();
    assert!(names(&store, &owner, "5555").is_empty());

    laoke::sales::create(
        &store,
        &owner,
        &sale(wang, "TB20260301888"),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(
        search::search(&store, &owner, "0301888")
            .unwrap()
            .orders
            .len(),
        1
    );
    raw.execute(
        "UPDATE orders SET order_no = 'TB20260301999' WHERE order_no = 'TB20260301888'",
        [],
    )
    .unwrap();
    assert!(search::search(&store, &owner, "0301888")
        .unwrap()
        .orders
        .is_empty());
    assert_eq!(
        search::search(&store, &owner, "0301999")
            .unwrap()
            .orders
            .len(),
        1
    );
    raw.execute("DELETE FROM order_items", []).unwrap();
    raw.execute("DELETE FROM orders", []).unwrap();
    assert!(search::search(&store, &owner, "0301999")
        .unwrap()
        .orders
        .is_empty());
}

#[test]
fn customers_in_the_recycle_bin_merged_away_or_erased_are_not_found() {
    let (_tmp, store, owner) = shop();
    let raw = raw_connection_as_owner(&store, &owner);
    let id_of = |name: &str| -> i64 {
        raw.query_row("SELECT id FROM customers WHERE name = ?1", [name], |r| {
            r.get(0)
        })
        .unwrap()
    };
    let (zhang, wang, ouyang) = (id_of("张伟"), id_of("王芳"), id_of("欧阳娜娜"));
    raw.execute(
        "UPDATE customers SET deleted_at = '2026-03-01T02:00:00.000Z' WHERE id = ?1",
        [zhang],
    )
    .unwrap();
    raw.execute(
        "UPDATE customers SET merged_into = ?1 WHERE id = ?2",
        [ouyang, wang],
    )
    .unwrap();
    raw.execute(
        "UPDATE customers SET erased_at = '2026-03-01T02:00:00.000Z' WHERE id = ?1",
        [ouyang],
    )
    .unwrap();
    let found = names(&store, &owner, "张伟");
    assert_eq!(found, vec!["张伟明", "李张伟"], "the deleted 张伟 is gone");
    assert!(names(&store, &owner, "王芳").is_empty(), "merged away");
    assert!(
        names(&store, &owner, "8000").is_empty(),
        "deleted customer's phone"
    );
    assert!(names(&store, &owner, "欧阳").is_empty(), "erased");

    // Back from the recycle bin, found again.
    raw.execute(
        "UPDATE customers SET deleted_at = NULL WHERE id = ?1",
        [zhang],
    )
    .unwrap();
    assert_eq!(names(&store, &owner, "张伟")[0], "张伟");
    assert_eq!(names(&store, &owner, "0013"), vec!["张伟"]);
}

#[test]
fn reps_may_search_by_phone_digits_but_see_only_masked_numbers() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    customers::create(&store, &owner, &person("张伟", "13800138000")).unwrap();
    add_user(&store, &owner, "xiaoli", Role::Rep, "rep password 1");
    drop(store);
    let (store, rep) = login(&dir, "xiaoli", "rep password 1");
    let r = search::search(&store, &rep, "0013").unwrap();
    assert_eq!(r.customers.len(), 1);
    assert_eq!(r.customers[0].phone.as_deref(), Some("138****8000"));
    assert_eq!(r.customers[0].matched.text, "138****8000");
    let r = search::search(&store, &rep, "张伟").unwrap();
    assert_eq!(r.customers[0].phone.as_deref(), Some("138****8000"));
    let r = search::search(&store, &owner_session(&dir), "0013").unwrap();
    assert_eq!(r.customers[0].phone.as_deref(), Some("13800138000"));
}

fn owner_session(dir: &std::path::Path) -> Session {
    login(dir, OWNER, OWNER_PASSWORD).1
}

#[test]
fn more_orders_rank_a_customer_higher_among_equal_matches() {
    let (_tmp, store, owner) = shop();
    let li = search::search(&store, &owner, "李张伟").unwrap().customers[0].id;
    let ming = search::search(&store, &owner, "张伟明").unwrap().customers[0].id;
    laoke::sales::create(&store, &owner, &sale(li, "A0001"), &Default::default()).unwrap();
    // Both contain 伟 inside; 李张伟 now has an order, 张伟明 none.
    let found = names(&store, &owner, "伟");
    let (a, b) = (
        found.iter().position(|n| n == "李张伟").unwrap(),
        found.iter().position(|n| n == "张伟明").unwrap(),
    );
    assert!(a < b, "the customer with orders first: {found:?}");
    let _ = ming;
}

#[test]
fn empty_or_blank_queries_find_nothing_and_cost_nothing() {
    let (_tmp, store, owner) = shop();
    let r = search::search(&store, &owner, "   ").unwrap();
    assert!(r.customers.is_empty() && r.orders.is_empty());
}
