//! The customer list as an Excel sheet on the server: filter on tags, region, channel, spend,
//! order count, last order, birthday month and created date; sort by any column; a totals row
//! for the filter; and customers in the recycle bin, merged away or erased never show.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use laoke::{
    customers::{self, CustomerPage, CustomerQuery, NewCustomer},
    orders::{Channel, ManualOrder, NewOrderItem, OrderStatus},
};

struct Shop {
    _tmp: tempfile::TempDir,
    store: laoke::store::Store,
    owner: laoke::auth::Session,
    ids: Vec<i64>,
}

/// Six customers in three provinces; customer i (0-based) has i paid orders of ¥100.
fn shop() -> Shop {
    let (tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, owner, _) = laoke::store::Store::init(&dir, &owner(), clock.clone()).unwrap();
    let people = [
        (
            "王芳",
            "浙江",
            "杭州",
            "taobao",
            "03-08",
            vec!["回头客", "VIP"],
        ),
        ("李娜", "浙江", "宁波", "jd", "1990-03-21", vec!["回头客"]),
        ("张伟", "广东", "深圳", "taobao", "1985-11-02", vec![]),
        ("刘洋", "广东", "广州", "in_store", "", vec!["VIP"]),
        ("陈静", "江苏", "南京", "pdd", "12-24", vec![]),
        ("杨磊", "江苏", "苏州", "taobao", "", vec![]),
    ];
    let mut ids = Vec::new();
    for (i, (name, prov, city, ch, bday, tags)) in people.iter().enumerate() {
        clock.advance(Duration::days(1));
        let c = NewCustomer {
            name: (*name).into(),
            phones: vec![format!("1380013800{i}")],
            province: Some((*prov).into()),
            city: Some((*city).into()),
            source_channel: Some((*ch).into()),
            birthday: (!bday.is_empty()).then(|| bday.to_string()),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        };
        ids.push(customers::create(&store, &owner, &c).unwrap());
    }
    // Customer i has i orders of ¥100 each, the last one in 2026-02-(10+i), Shanghai.
    for (i, id) in ids.iter().enumerate() {
        for k in 0..i {
            laoke::sales::create(
                &store,
                &owner,
                &ManualOrder {
                    customer_id: Some(*id),
                    channel: Channel::InStore,
                    order_no: String::new(),
                    status: OrderStatus::Paid,
                    ordered_at: Some(
                        Utc.with_ymd_and_hms(2026, 2, 10, 2, 0, 0).unwrap()
                            + Duration::days(i as i64)
                            - Duration::days(30 * k as i64),
                    ),
                    shipping_fen: 0,
                    discount_fen: 0,
                    paid_fen: None,
                    note: String::new(),
                    items: vec![NewOrderItem {
                        product_name: "茶饼".into(),
                        category: "茶叶".into(),
                        quantity: 1,
                        unit_price_fen: 10_000,
                        ..Default::default()
                    }],
                },
                &Default::default(),
            )
            .unwrap();
        }
    }
    Shop {
        _tmp: tmp,
        store,
        owner,
        ids,
    }
}

impl Shop {
    fn list(&self, f: impl FnOnce(&mut CustomerQuery)) -> CustomerPage {
        let mut q = CustomerQuery {
            page: 1,
            page_size: 50,
            ..Default::default()
        };
        f(&mut q);
        customers::list(&self.store, &self.owner, &q).unwrap()
    }
    fn names(&self, f: impl FnOnce(&mut CustomerQuery)) -> Vec<String> {
        self.list(f).rows.into_iter().map(|r| r.name).collect()
    }
}

#[test]
fn each_filter_narrows_the_list_and_the_totals_follow() {
    let s = shop();
    let all = s.list(|_| {});
    assert_eq!(
        (all.total, all.total_spend_fen),
        (6, 150_000),
        "0+1+2+3+4+5 orders of ¥100"
    );

    assert_eq!(
        s.names(|q| q.tags = vec!["VIP".into()]),
        ["刘洋", "王芳"],
        "newest first"
    );
    assert_eq!(s.list(|q| q.province = Some("浙江".into())).total, 2);
    assert_eq!(s.names(|q| q.city = Some("深圳".into())), ["张伟"]);
    assert_eq!(
        s.list(|q| q.source_channel = Some("taobao".into())).total,
        3
    );

    let big = s.list(|q| q.min_spend_fen = Some(30_000));
    assert_eq!(
        (big.total, big.total_spend_fen),
        (3, 120_000),
        "spend ≥ ¥300: 3 + 4 + 5"
    );
    assert_eq!(
        s.list(|q| q.max_spend_fen = Some(0)).total,
        1,
        "no orders counts as ¥0"
    );
    assert_eq!(
        s.list(|q| {
            q.min_orders = Some(2);
            q.max_orders = Some(3);
        })
        .total,
        2
    );

    // Last orders: customer i on 2026-02-(10+i).
    assert_eq!(
        s.names(|q| {
            q.last_order_from = Some("2026-02-12".into());
            q.last_order_to = Some("2026-02-13".into());
        }),
        ["刘洋", "张伟"]
    );
    assert_eq!(
        s.names(|q| q.birthday_month = Some(3)),
        ["李娜", "王芳"],
        "March, with or without a year"
    );
    assert_eq!(
        s.list(|q| q.created_from = Some("2026-03-05".into())).total,
        3,
        "created 3-5, 3-6, 3-7"
    );
    assert_eq!(
        s.names(|q| q.search = Some("张".into())),
        ["张伟"],
        "search still works"
    );
    assert_eq!(
        s.list(|q| {
            q.province = Some("江苏".into());
            q.min_orders = Some(5);
        })
        .total,
        1,
        "filters combine"
    );
}

#[test]
fn any_column_sorts_both_ways_and_pages() {
    let s = shop();
    let by_spend = s.names(|q| q.sort = Some("spendFen".into()));
    assert_eq!(by_spend, ["杨磊", "陈静", "刘洋", "张伟", "李娜", "王芳"]);
    let cheapest = s.names(|q| {
        q.sort = Some("ordersCount".into());
        q.desc = Some(false);
        q.page_size = 2;
        q.page = 2;
    });
    assert_eq!(
        cheapest,
        ["张伟", "刘洋"],
        "second page of two, fewest orders first"
    );
    let by_last = s.list(|q| {
        q.sort = Some("lastOrderAt".into());
        q.desc = Some(false);
    });
    assert_eq!(
        by_last.rows[0].name, "王芳",
        "never ordered sorts first ascending (empty)"
    );
    for (key, _) in customers::CUSTOMER_SORTS {
        for desc in [true, false] {
            let p = s.list(|q| {
                q.sort = Some(key.to_string());
                q.desc = Some(desc);
            });
            assert_eq!(p.rows.len(), 6, "sorting by {key} keeps everyone");
        }
    }
    let row = &s.list(|q| q.sort = Some("spendFen".into())).rows[0];
    assert_eq!(
        (row.orders_count, row.spend_fen, row.top_category.as_deref()),
        (5, 50_000, Some("茶叶"))
    );
    let err = customers::list(
        &s.store,
        &s.owner,
        &CustomerQuery {
            sort: Some("phone; DROP".into()),
            ..Default::default()
        },
    );
    assert_eq!(
        err.unwrap_err().code(),
        "invalid_input",
        "unknown sort columns are refused"
    );
}

#[test]
fn bad_filters_are_refused_with_the_field_named() {
    let s = shop();
    for (q, en) in [
        (
            CustomerQuery {
                birthday_month: Some(13),
                ..Default::default()
            },
            "Birthday month",
        ),
        (
            CustomerQuery {
                min_spend_fen: Some(5),
                max_spend_fen: Some(1),
                ..Default::default()
            },
            "Spend",
        ),
        (
            CustomerQuery {
                created_from: Some("3月5日".into()),
                ..Default::default()
            },
            "Created date",
        ),
    ] {
        let e = customers::list(&s.store, &s.owner, &q).unwrap_err();
        assert!(
            e.message(laoke::i18n::Lang::En).contains(en),
            "{}",
            e.message(laoke::i18n::Lang::En)
        );
    }
}

#[test]
fn deleted_merged_and_erased_customers_are_not_listed() {
    let s = shop();
    let conn = raw_connection_as_owner(&s.store, &s.owner);
    conn.execute(
        "UPDATE customers SET deleted_at = '2026-03-02T00:00:00.000Z' WHERE id = ?1",
        [s.ids[0]],
    )
    .unwrap();
    conn.execute(
        "UPDATE customers SET merged_into = ?2 WHERE id = ?1",
        [s.ids[1], s.ids[2]],
    )
    .unwrap();
    conn.execute(
        "UPDATE customers SET erased_at = '2026-03-02T00:00:00.000Z' WHERE id = ?1",
        [s.ids[3]],
    )
    .unwrap();
    let page = s.list(|_| {});
    assert_eq!(page.total, 3);
    assert_eq!(
        page.total_spend_fen,
        20_000 + 40_000 + 50_000,
        "their spend leaves the totals too"
    );
}
