//! The customer list: paging, search, phone masking by role, and demo data that looks like a
//! real Chinese shop's customers.

mod common;

use common::*;
use laoke::{
    auth::Role,
    customers::{self, CustomerQuery, NewCustomer},
    demo::{self, DemoSpec},
};
use std::collections::HashMap;

fn is_cjk(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[test]
fn a_rep_sees_masked_phones_and_the_owner_sees_full_digits() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    add_user(&store, &owner, "xiaomei", Role::Rep, "rep password 1");
    add_user(
        &store,
        &owner,
        "laozhang",
        Role::Manager,
        "manager password 1",
    );
    customers::create(&store, &owner, &customer("王芳", "+86 138 0013 8000")).unwrap();
    let q = CustomerQuery {
        page: 1,
        page_size: 10,
        search: None,
        ..Default::default()
    };
    let owner_view = customers::list(&store, &owner, &q).unwrap();
    assert_eq!(
        owner_view.rows[0].phone.as_deref(),
        Some("13800138000"),
        "the owner sees the whole number, without +86"
    );
    drop(store);

    let (store, rep) = login(&dir, "xiaomei", "rep password 1");
    let rep_view = customers::list(&store, &rep, &q).unwrap();
    assert_eq!(
        rep_view.rows[0].phone.as_deref(),
        Some("138****8000"),
        "a rep sees the middle digits masked"
    );
    assert_eq!(rep_view.rows[0].name, "王芳", "a rep still sees the name");
    let search = customers::list(
        &store,
        &rep,
        &CustomerQuery {
            search: Some("00138".into()),
            ..q.clone()
        },
    )
    .unwrap();
    assert_eq!(
        search.rows[0].phone.as_deref(),
        Some("138****8000"),
        "search results are masked too"
    );
    drop(store);

    let (store, manager) = login(&dir, "laozhang", "manager password 1");
    let manager_view = customers::list(&store, &manager, &q).unwrap();
    assert_eq!(
        manager_view.rows[0].phone.as_deref(),
        Some("13800138000"),
        "a manager may see full contacts"
    );
}

#[test]
fn the_list_pages_newest_first_and_counts_the_total() {
    let (_tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, owner, _recovery) =
        laoke::store::Store::init(&dir, &owner(), clock.clone()).unwrap();
    for i in 0..25 {
        clock.advance(chrono::Duration::minutes(1));
        customers::create(
            &store,
            &owner,
            &customer(&format!("客户{i:02}"), &format!("1380013{:04}", i)),
        )
        .unwrap();
    }
    let page = |n: u32| {
        customers::list(
            &store,
            &owner,
            &CustomerQuery {
                page: n,
                page_size: 10,
                search: None,
                ..Default::default()
            },
        )
        .unwrap()
    };
    let (p1, p3) = (page(1), page(3));
    assert_eq!(p1.total, 25);
    assert_eq!(p1.rows.len(), 10);
    assert_eq!(p1.rows[0].name, "客户24", "the newest customer comes first");
    assert_eq!(p3.rows.len(), 5, "the last page holds the rest");
    assert_eq!(p3.rows.last().unwrap().name, "客户00");
    assert_eq!(page(4).rows.len(), 0, "past the end is empty, not an error");
    assert_eq!(page(0).page, 1, "page 0 is read as the first page");
    let rows = &p1.rows[0];
    assert_eq!(rows.tags, ["回头客"]);
    assert_eq!(
        (rows.province.as_deref(), rows.city.as_deref()),
        (Some("浙江"), Some("杭州"))
    );
}

#[test]
fn search_treats_percent_and_underscore_literally() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    customers::create(&store, &owner, &customer("张_三", "13800138001")).unwrap();
    customers::create(&store, &owner, &customer("张大三", "13800138002")).unwrap();
    let found = customers::list(
        &store,
        &owner,
        &CustomerQuery {
            page: 1,
            page_size: 10,
            search: Some("张_".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        found.total, 1,
        "an underscore is not a wildcard in a search"
    );
    let none = customers::list(
        &store,
        &owner,
        &CustomerQuery {
            page: 1,
            page_size: 10,
            search: Some("%".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        none.total, 0,
        "a percent sign is not a wildcard in a search"
    );
}

#[test]
fn invalid_customers_are_refused_with_the_field_named() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let masked = customers::create(&store, &owner, &customer("王芳", "138****1234")).unwrap_err();
    assert_eq!(
        masked.code(),
        "invalid_input",
        "a marketplace mask is not a phone"
    );
    let no_name = customers::create(&store, &owner, &NewCustomer::default()).unwrap_err();
    assert!(
        no_name.message(laoke::i18n::Lang::En).starts_with("Name"),
        "the message names the field"
    );
    let bad_mail = customers::create(
        &store,
        &owner,
        &NewCustomer {
            email: Some("not-an-email".into()),
            ..customer("王芳", "13800138000")
        },
    );
    assert_eq!(bad_mail.unwrap_err().code(), "invalid_input");
    assert_eq!(
        customer_total(&store, &owner),
        0,
        "nothing half-written remains"
    );
}

#[test]
fn demo_customers_look_like_real_chinese_shoppers() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    let report = demo::generate(
        &store,
        &owner,
        &DemoSpec {
            customers: 2000,
            seed: 2026,
        },
    )
    .expect("the owner generates demo data");
    assert_eq!(report.customers, 2000);
    let rows = all_customers(&store, &owner);
    assert_eq!(rows.len(), 2000);

    let mut surnames: HashMap<char, usize> = HashMap::new();
    for r in &rows {
        let n = r.name.chars().count();
        assert!(
            (2..=4).contains(&n) && r.name.chars().all(is_cjk),
            "a name is 2–4 Chinese characters: {:?}",
            r.name
        );
        let phone = r
            .phone
            .as_deref()
            .expect("every demo customer has a mobile");
        let b = phone.as_bytes();
        assert!(
            phone.len() == 11
                && b.iter().all(u8::is_ascii_digit)
                && b[0] == b'1'
                && (b'3'..=b'9').contains(&b[1]),
            "the owner sees an 11-digit mainland mobile: {phone:?}"
        );
        assert!(
            r.province.as_deref().is_some_and(|p| !p.is_empty()),
            "every customer has a province: {r:?}"
        );
        assert!(
            r.city.as_deref().is_some_and(|c| !c.is_empty()),
            "every customer has a city: {r:?}"
        );
        assert!(
            r.source_channel.is_some(),
            "every customer came from a channel: {r:?}"
        );
        *surnames.entry(r.name.chars().next().unwrap()).or_default() += 1;
    }

    let mut ranked: Vec<(char, usize)> = surnames.into_iter().collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let top5: Vec<char> = ranked.iter().take(5).map(|r| r.0).collect();
    for s in ['王', '李', '张'] {
        assert!(
            top5.contains(&s),
            "{s} is among the most common surnames, as in China; top five were {top5:?}"
        );
    }
    assert!(
        ranked.len() >= 40,
        "many different surnames appear: {}",
        ranked.len()
    );
    assert!(
        rows.iter().filter(|r| r.wechat_id.is_some()).count() > 1000,
        "most customers have a WeChat id"
    );
    assert!(
        rows.iter().filter(|r| !r.tags.is_empty()).count() > 500,
        "many customers carry tags"
    );
    let provinces: std::collections::HashSet<&str> =
        rows.iter().filter_map(|r| r.province.as_deref()).collect();
    assert!(
        provinces.len() >= 20,
        "customers come from all over China: {provinces:?}"
    );
}

#[test]
fn the_same_demo_seed_gives_the_same_customers() {
    let (_tmp_a, a) = temp_store_dir();
    let (_tmp_b, b) = temp_store_dir();
    let names = |dir: &std::path::Path, seed: u64| {
        let (store, owner, _recovery) = init(dir);
        demo::generate(
            &store,
            &owner,
            &DemoSpec {
                customers: 50,
                seed,
            },
        )
        .unwrap();
        all_customers(&store, &owner)
            .into_iter()
            .map(|r| (r.name, r.phone, r.created_at))
            .collect::<Vec<_>>()
    };
    let first = names(&a, 7);
    assert_eq!(
        first,
        names(&b, 7),
        "the same seed and clock give the same people"
    );
    let (_tmp_c, c) = temp_store_dir();
    assert_ne!(first, names(&c, 8), "another seed gives other people");
}

#[test]
fn a_rep_cannot_generate_demo_data() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _recovery) = init(&dir);
    add_user(&store, &owner, "xiaomei", Role::Rep, "rep password 1");
    drop(store);
    let (store, rep) = login(&dir, "xiaomei", "rep password 1");
    let err = demo::generate(
        &store,
        &rep,
        &DemoSpec {
            customers: 10,
            seed: 1,
        },
    )
    .unwrap_err();
    assert_eq!(
        err.code(),
        "forbidden",
        "bulk-creating customers is not a rep's job"
    );
    assert_eq!(customer_total(&store, &rep), 0);
}

#[test]
fn the_demo_store_is_created_once_and_reopened_after() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = laoke::paths::demo_dir(tmp.path());
    let (store, session) =
        demo::open_or_create(&dir, 30, clock()).expect("the demo store is created");
    assert_eq!(session.username(), demo::DEMO_USERNAME);
    assert_eq!(customer_total(&store, &session), 30);
    assert_eq!(
        laoke::settings::get(&store, &session).unwrap().shop_name,
        "老客演示店"
    );
    drop(store);
    let (store, session) = demo::open_or_create(&dir, 30, clock()).expect("the demo store reopens");
    assert_eq!(
        customer_total(&store, &session),
        30,
        "reopening does not generate again"
    );
}
