//! Duplicates and merging: pairs are suggested on a shared phone, email, nick or name and
//! address, never merged silently; a merge takes the chosen fields, unions phones, nicks and
//! tags, moves orders and consent; undo within 30 days restores both records exactly, and
//! after 30 days it is refused.

mod common;
mod customers_support;

use chrono::Duration;
use laoke::{
    auth::Role,
    customers::{self, consent::ConsentChannel, DuplicateReason, MergeChoices, NewCustomer},
    i18n::Lang,
};

fn create(shop: &customers_support::Shop, c: &NewCustomer) -> i64 {
    customers::create(&shop.store, &shop.owner, c).expect("a valid customer is created")
}

#[test]
fn duplicates_are_suggested_on_phone_email_nick_and_name_with_address_and_can_be_dismissed() {
    let shop = customers_support::shop();
    let a = create(&shop, &common::customer("张伟", "13800138000"));
    let b = create(&shop, &common::customer("张伟强", "138 0013 8000"));
    let mut c = common::customer("王静", "13900000001");
    c.email = Some("Jing@Example.com".into());
    let c = create(&shop, &c);
    let mut d = common::customer("王晶", "13900000002");
    d.email = Some("jing@example.com ".into());
    let d = create(&shop, &d);
    let mut e = common::customer("刘洋", "13900000003");
    e.nicks = vec![("taobao".into(), "yangyang88".into())];
    let e = create(&shop, &e);
    let mut f = common::customer("刘洋洋", "13900000004");
    f.nicks = vec![("pdd".into(), "YangYang88".into())];
    let f = create(&shop, &f);
    let g = create(&shop, &common::customer("陈静", "13900000005"));
    let h = create(&shop, &common::customer("陈静", "13900000006"));
    let unrelated = create(&shop, &common::customer("黄磊", "13900000007"));

    let pairs = customers::duplicates::suggestions(&shop.store, &shop.owner).unwrap();
    let reasons = |x: i64, y: i64| {
        pairs
            .iter()
            .find(|p| p.a.id == x && p.b.id == y)
            .map(|p| p.reasons.clone())
            .unwrap_or_default()
    };
    assert_eq!(reasons(a, b), vec![DuplicateReason::Phone]);
    assert_eq!(reasons(c, d), vec![DuplicateReason::Email]);
    assert_eq!(reasons(e, f), vec![DuplicateReason::Nick]);
    assert_eq!(
        reasons(g, h),
        vec![DuplicateReason::NameAddress],
        "same name and address"
    );
    assert!(pairs
        .iter()
        .all(|p| p.a.id != unrelated && p.b.id != unrelated));
    let strong_first = pairs.iter().position(|p| p.a.id == g).unwrap();
    assert_eq!(
        strong_first,
        pairs.len() - 1,
        "soft matches come after strong ones"
    );
    assert_eq!(
        common::customer_total(&shop.store, &shop.owner),
        9,
        "nothing is merged by itself"
    );

    customers::duplicates::dismiss(&shop.store, &shop.owner, h, g).unwrap();
    let pairs = customers::duplicates::suggestions(&shop.store, &shop.owner).unwrap();
    assert!(
        !pairs.iter().any(|p| p.a.id == g && p.b.id == h),
        "a dismissed pair stays dismissed"
    );
    assert_eq!(pairs.len(), 3);
}

#[test]
fn the_suggested_kept_record_is_the_one_with_more_orders() {
    let shop = customers_support::shop();
    let a = create(&shop, &common::customer("张伟", "13800138000"));
    let b = create(&shop, &common::customer("张伟", "13800138000"));
    shop.order(b, "T1", 10000, "茶叶");
    let p = customers::merge::preview(&shop.store, &shop.owner, a, b).unwrap();
    assert_eq!((p.keep.id, p.other.id), (b, a));
    assert_eq!((p.keep_orders, p.other_orders), (1, 0));
    assert!(p.differing.is_empty(), "{:?}", p.differing);
}

struct Pair {
    shop: customers_support::Shop,
    keep: i64,
    other: i64,
}

fn two_records_of_one_person() -> Pair {
    let shop = customers_support::shop();
    let mut k = common::customer("张伟", "13800138000");
    k.tags = vec!["回头客".into(), "VIP".into()];
    k.nicks = vec![("taobao".into(), "zw_tb".into())];
    k.birthday = Some("05-01".into());
    let keep = create(&shop, &k);
    let mut o = common::customer("张 伟", "0086 138 0013 8000");
    o.phones.push("13912345678".into());
    o.tags = vec!["回头客".into(), "爱喝茶".into()];
    o.nicks = vec![("jd".into(), "jd_zhangwei".into())];
    o.email = Some("zw@example.com".into());
    o.birthday = Some("1988-05-01".into());
    o.address = Some("杭州市西湖区文二路 1 号".into());
    let other = create(&shop, &o);
    shop.order(keep, "K1", 12000, "茶叶");
    shop.order(keep, "K2", 8000, "茶具");
    shop.order(other, "O1", 30000, "茶叶");
    customers::consent::record_choice(
        &shop.store,
        &shop.owner,
        other,
        &[(ConsentChannel::Sms, true)],
        "in_store_form",
    )
    .unwrap();
    Pair { shop, keep, other }
}

#[test]
fn a_merge_takes_the_chosen_fields_unions_the_rest_and_moves_orders_and_consent() {
    let Pair { shop, keep, other } = two_records_of_one_person();
    let choices = MergeChoices {
        take_from_other: vec!["birthday".into(), "email".into(), "address".into()],
        combine_notes: true,
    };
    let out = laoke::customer_ops::merge(&shop.store, &shop.owner, keep, other, &choices).unwrap();
    assert_eq!(out.moved_orders, 1);

    let p = customers::profile(&shop.store, &shop.owner, keep).unwrap();
    let c = &p.customer;
    assert_eq!(c.name, "张伟", "fields not chosen keep the kept value");
    assert_eq!(c.birthday.as_deref(), Some("1988-05-01"));
    assert_eq!(c.email.as_deref(), Some("zw@example.com"));
    assert_eq!(c.address.as_deref(), Some("杭州市西湖区文二路 1 号"));
    assert_eq!(
        c.phones,
        vec!["13800138000", "13912345678"],
        "phones unioned, no repeat"
    );
    assert_eq!(c.nicks.len(), 2);
    assert_eq!(c.tags, vec!["VIP", "回头客", "爱喝茶"]);
    assert_eq!(c.notes, "张伟 喜欢顺丰\n张 伟 喜欢顺丰");
    assert_eq!(p.stats.orders_count, 3);
    assert_eq!(p.stats.total_spend_fen, 50000);
    assert_eq!(p.stats.average_order_fen, 16666);
    assert_eq!(p.stats.favourite_categories[0].category, "茶叶");
    assert_eq!(p.orders.totals.count, 3);
    let sms = p
        .consent
        .iter()
        .find(|s| s.channel == ConsentChannel::Sms)
        .unwrap();
    assert_eq!(sms.granted, Some(true), "consent history came over");
    assert_eq!(
        p.merges[0].undo_until,
        Some(shop.now() + Duration::days(30))
    );

    let gone = customers::get(&shop.store, &shop.owner, other).unwrap();
    assert_eq!(gone.merged_into, Some(keep));
    assert!(
        common::all_customers(&shop.store, &shop.owner)
            .iter()
            .all(|r| r.id != other),
        "hidden from the list"
    );
    assert!(shop
        .audit()
        .iter()
        .any(|(_, a, s)| a == "customers_merged" && s == &format!("customer:{keep}")));
    assert!(customers::duplicates::suggestions(&shop.store, &shop.owner)
        .unwrap()
        .is_empty());
}

#[test]
fn undo_within_30_days_restores_both_records_exactly() {
    let Pair { shop, keep, other } = two_records_of_one_person();
    let before = (shop.dump(keep), shop.dump(other));
    let profile_before = (
        customers::profile(&shop.store, &shop.owner, keep).unwrap(),
        customers::profile(&shop.store, &shop.owner, other).unwrap(),
    );
    shop.clock.advance(Duration::hours(1));
    let choices = MergeChoices {
        take_from_other: vec!["name".into(), "email".into(), "notes".into()],
        combine_notes: false,
    };
    let m = laoke::customer_ops::merge(&shop.store, &shop.owner, keep, other, &choices).unwrap();
    assert_ne!(shop.dump(keep), before.0);

    shop.clock.advance(Duration::days(29));
    let out = laoke::customer_ops::unmerge(&shop.store, &shop.owner, m.merge_id).unwrap();
    assert_eq!(out.moved_orders, 1);
    assert_eq!(
        shop.dump(keep),
        before.0,
        "the kept record is exactly as before"
    );
    assert_eq!(
        shop.dump(other),
        before.1,
        "the merged record is exactly as before"
    );
    let after = (
        customers::profile(&shop.store, &shop.owner, keep).unwrap(),
        customers::profile(&shop.store, &shop.owner, other).unwrap(),
    );
    assert_eq!(after.0.stats, profile_before.0.stats);
    assert_eq!(after.1.stats, profile_before.1.stats);
    assert_eq!(after.1.consent, profile_before.1.consent);
    assert!(shop
        .audit()
        .iter()
        .any(|(_, a, _)| a == "customers_unmerged"));

    let again = laoke::customer_ops::unmerge(&shop.store, &shop.owner, m.merge_id).unwrap_err();
    assert_eq!(again.code(), "conflict");
}

#[test]
fn undo_after_30_days_is_refused_and_changes_nothing() {
    let Pair { shop, keep, other } = two_records_of_one_person();
    let m = laoke::customer_ops::merge(
        &shop.store,
        &shop.owner,
        keep,
        other,
        &MergeChoices::default(),
    )
    .unwrap();
    let merged = (shop.dump(keep), shop.dump(other));
    shop.clock
        .advance(Duration::days(30) + Duration::minutes(1));
    let e = laoke::customer_ops::unmerge(&shop.store, &shop.owner, m.merge_id).unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert!(
        e.message(Lang::ZhCn).contains("30 天"),
        "{}",
        e.message(Lang::ZhCn)
    );
    assert!(e.message(Lang::En).contains("30 days"));
    assert_eq!((shop.dump(keep), shop.dump(other)), merged);
    let recent = customers::merge::recent(&shop.store, &shop.owner).unwrap();
    assert_eq!(recent[0].undo_until, None, "no longer offered");
}

#[test]
fn a_later_merge_must_be_undone_first() {
    let Pair { shop, keep, other } = two_records_of_one_person();
    let third = create(&shop, &common::customer("张伟", "13811112222"));
    let first = laoke::customer_ops::merge(
        &shop.store,
        &shop.owner,
        keep,
        other,
        &MergeChoices::default(),
    )
    .unwrap();
    let second = laoke::customer_ops::merge(
        &shop.store,
        &shop.owner,
        keep,
        third,
        &MergeChoices::default(),
    )
    .unwrap();
    let e = laoke::customer_ops::unmerge(&shop.store, &shop.owner, first.merge_id).unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains(&format!("#{}", second.merge_id)),
        "{}",
        e.message(Lang::En)
    );
    laoke::customer_ops::unmerge(&shop.store, &shop.owner, second.merge_id).unwrap();
    laoke::customer_ops::unmerge(&shop.store, &shop.owner, first.merge_id).unwrap();
    assert_eq!(common::customer_total(&shop.store, &shop.owner), 3);
}

#[test]
fn reps_may_not_merge_or_undo_and_nothing_changes() {
    let Pair { shop, keep, other } = two_records_of_one_person();
    let (store, rep) = shop.user("kefu", Role::Rep);
    let e = laoke::customer_ops::merge(&store, &rep, keep, other, &MergeChoices::default())
        .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let m = laoke::customer_ops::merge(
        &shop.store,
        &shop.owner,
        keep,
        other,
        &MergeChoices::default(),
    )
    .unwrap();
    let e = laoke::customer_ops::unmerge(&store, &rep, m.merge_id).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let (_m, manager) = shop.user("dianzhang", Role::Manager);
    laoke::customer_ops::unmerge(&shop.store, &manager, m.merge_id).expect("a manager may undo");
}

#[test]
fn a_customer_cannot_be_merged_with_itself_or_with_an_unknown_field() {
    let Pair { shop, keep, other } = two_records_of_one_person();
    let e = laoke::customer_ops::merge(
        &shop.store,
        &shop.owner,
        keep,
        keep,
        &MergeChoices::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    let bad = MergeChoices {
        take_from_other: vec!["salary".into()],
        combine_notes: false,
    };
    let e = laoke::customer_ops::merge(&shop.store, &shop.owner, keep, other, &bad).unwrap_err();
    assert!(e.message(Lang::En).contains("salary"));
}

#[test]
fn records_merged_into_a_customer_are_found_through_an_index_not_a_table_scan() {
    let Pair { shop, keep, other } = two_records_of_one_person();
    let choices = MergeChoices {
        take_from_other: vec![],
        combine_notes: false,
    };
    laoke::customer_ops::merge(&shop.store, &shop.owner, keep, other, &choices).unwrap();
    let conn = &shop.raw;
    let merged: Vec<i64> = conn
        .prepare("SELECT id FROM customers WHERE merged_into = ?1")
        .unwrap()
        .query_map([keep], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        merged,
        vec![other],
        "the partial index still finds the merged record"
    );
    let plan: Vec<String> = conn
        .prepare("EXPLAIN QUERY PLAN SELECT id FROM customers WHERE merged_into = ?1")
        .unwrap()
        .query_map([keep], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(
        plan.iter().any(|p| p.contains("customers_merged_into")),
        "migration 0019's index answers `merged_into = ?` (and the foreign-key check on a \
         customer's delete): {plan:?}"
    );
    let numbers: Vec<i64> = laoke::db::MIGRATIONS.iter().map(|m| m.0).collect();
    assert_eq!(
        numbers,
        (1..=numbers.len() as i64).collect::<Vec<_>>(),
        "migrations are numbered without gaps"
    );
    assert!(laoke::db::MIGRATIONS
        .iter()
        .all(|(n, name, _)| name.starts_with(&format!("{n:04}_"))));
}
