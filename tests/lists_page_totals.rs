//! The list pages and their totals rows as two calls (the page appears at once, the totals
//! follow): for every filter and sort the page is exactly the page `list` gives, the totals are
//! exactly its totals, and `has_more` says whether another page exists.

mod common;

use chrono::{Duration, TimeZone, Utc};
use common::*;
use laoke::{
    customers::{self, CustomerQuery},
    orders::{self, Channel, ManualOrder, NewOrderItem, OrderQuery, OrderStatus},
};

type OrderFilter = Box<dyn Fn(&mut OrderQuery)>;
type CustomerFilter = Box<dyn Fn(&mut CustomerQuery)>;

fn sale(customer: Option<i64>, day: i64, fen: i64, channel: Channel) -> ManualOrder {
    ManualOrder {
        customer_id: customer,
        channel,
        order_no: format!("T{day:05}"),
        status: if day % 3 == 0 {
            OrderStatus::Completed
        } else {
            OrderStatus::Paid
        },
        ordered_at: Some(Utc.with_ymd_and_hms(2026, 1, 1, 2, 0, 0).unwrap() + Duration::days(day)),
        shipping_fen: 0,
        discount_fen: 0,
        paid_fen: None,
        note: String::new(),
        items: vec![NewOrderItem {
            product_name: "龙井茶".into(),
            sku: String::new(),
            category: "茶叶".into(),
            quantity: 1,
            unit_price_fen: fen,
        }],
    }
}

#[test]
fn order_pages_and_totals_match_the_combined_list_for_every_filter_and_sort() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let wang = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    let channels = [Channel::Taobao, Channel::Jd, Channel::InStore];
    for day in 0..40 {
        // Repeated amounts, so ties are ordered by id as in the combined list.
        let fen = 1_000 * (1 + day % 7);
        let m = sale(Some(wang), day, fen, channels[day as usize % 3]);
        laoke::sales::create(&store, &owner, &m, &Default::default()).unwrap();
    }
    let filters: Vec<OrderFilter> = vec![
        Box::new(|_| {}),
        Box::new(|q| q.channels = vec![Channel::Taobao]),
        Box::new(|q| {
            q.channels = vec![Channel::Jd, Channel::Taobao];
            q.statuses = vec![OrderStatus::Completed];
        }),
        Box::new(|q| q.min_paid_fen = Some(3_000)),
        Box::new(|q| {
            q.ordered_from = Some("2026-01-05".into());
            q.ordered_to = Some("2026-01-20".into());
        }),
        Box::new(|q| q.ordered_from = Some("2026-01-10".into())),
        Box::new(move |q| q.customer_id = Some(wang)),
    ];
    for f in &filters {
        for sort in ["orderedAt", "paidFen", "orderNo"] {
            for desc in [true, false] {
                for page in 1..=3 {
                    let mut q = OrderQuery {
                        page,
                        page_size: 7,
                        sort: Some(sort.into()),
                        desc: Some(desc),
                        ..Default::default()
                    };
                    f(&mut q);
                    let all = orders::list(&store, &owner, &q).unwrap();
                    let p = orders::page(&store, &owner, &q).unwrap();
                    let t = orders::totals(&store, &owner, &q).unwrap();
                    let ids =
                        |rows: &[orders::OrderRow]| rows.iter().map(|r| r.id).collect::<Vec<_>>();
                    assert_eq!(ids(&p.rows), ids(&all.rows), "{q:?}");
                    assert_eq!(t, all.totals, "{q:?}");
                    assert_eq!(p.has_more, (page as u64) * 7 < t.count, "{q:?}");
                }
            }
        }
    }
}

#[test]
fn order_pages_walk_in_the_sort_order_with_ties_by_id() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    for day in 0..12 {
        let m = sale(None, day, 1_000 * (1 + day % 3), Channel::Taobao);
        laoke::sales::create(&store, &owner, &m, &Default::default()).unwrap();
    }
    let q = OrderQuery {
        page: 1,
        page_size: 50,
        channels: vec![Channel::Taobao],
        sort: Some("paidFen".into()),
        desc: Some(true),
        ..Default::default()
    };
    let rows = orders::page(&store, &owner, &q).unwrap().rows;
    let keys: Vec<(i64, i64)> = rows.iter().map(|r| (r.paid_fen, r.id)).collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(keys, sorted, "biggest first, then newest id first");
    assert_eq!(rows.len(), 12);
}

#[test]
fn customer_pages_and_totals_match_the_combined_list_for_every_filter_and_sort() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let provinces = ["广东", "浙江"];
    let mut ids = Vec::new();
    for i in 0..24 {
        let mut c = customer(&format!("客户{i}"), &format!("1380013{i:04}"));
        c.province = Some(provinces[i % 2].into());
        ids.push(customers::create(&store, &owner, &c).unwrap());
    }
    // Some customers with 0, 1, 2 or 3 orders; equal spends make ties.
    for (i, id) in ids.iter().enumerate() {
        for k in 0..(i % 4) as i64 {
            let m = sale(
                Some(*id),
                i as i64 * 4 + k,
                1_000 * (1 + (i as i64 % 3)),
                Channel::Taobao,
            );
            laoke::sales::create(&store, &owner, &m, &Default::default()).unwrap();
        }
    }
    let filters: Vec<CustomerFilter> = vec![
        Box::new(|_| {}),
        Box::new(|q| q.province = Some("广东".into())),
        Box::new(|q| {
            q.province = Some("浙江".into());
            q.min_orders = Some(2);
        }),
        Box::new(|q| q.min_orders = Some(1)),
        Box::new(|q| q.min_spend_fen = Some(2_500)),
        Box::new(|q| q.last_order_from = Some("2026-01-20".into())),
        Box::new(|q| q.max_orders = Some(1)),
    ];
    for f in &filters {
        for sort in [
            "spendFen",
            "lastOrderAt",
            "ordersCount",
            "createdAt",
            "name",
        ] {
            for desc in [true, false] {
                for page in 1..=3 {
                    let mut q = CustomerQuery {
                        page,
                        page_size: 4,
                        sort: Some(sort.into()),
                        desc: Some(desc),
                        ..Default::default()
                    };
                    f(&mut q);
                    let all = customers::list(&store, &owner, &q).unwrap();
                    let p = customers::page(&store, &owner, &q).unwrap();
                    let t = customers::totals(&store, &owner, &q).unwrap();
                    let ids = |rows: &[customers::CustomerRow]| {
                        rows.iter().map(|r| r.id).collect::<Vec<_>>()
                    };
                    assert_eq!(ids(&p.rows), ids(&all.rows), "{q:?}");
                    assert_eq!(
                        (t.total, t.total_spend_fen),
                        (all.total, all.total_spend_fen),
                        "{q:?}"
                    );
                    assert_eq!(p.has_more, (page as u64) * 4 < t.total, "{q:?}");
                }
            }
        }
    }
}
