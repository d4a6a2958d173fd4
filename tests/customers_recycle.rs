//! The recycle bin: a deleted customer is hidden, listed in the bin and restorable for 30
//! days; after that the purge (run at login) removes it for good, or anonymises it when it has
//! orders so the shop's history still adds up.

mod common;
mod customers_support;

use chrono::Duration;
use laoke::customers::{self, recycle};

#[test]
fn a_deleted_customer_waits_in_the_bin_and_can_be_restored() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("吴磊", "13800138000"),
    )
    .unwrap();
    recycle::delete(&shop.store, &shop.owner, id).unwrap();
    assert_eq!(common::customer_total(&shop.store, &shop.owner), 0);
    let bin = recycle::list(&shop.store, &shop.owner).unwrap();
    assert_eq!(bin.len(), 1);
    assert_eq!(bin[0].purge_at, shop.now() + Duration::days(30));
    let e = customers::update(
        &shop.store,
        &shop.owner,
        id,
        &common::customer("吴磊", "13800138000"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "conflict", "a customer in the bin is not edited");

    recycle::restore(&shop.store, &shop.owner, id).unwrap();
    assert_eq!(common::customer_total(&shop.store, &shop.owner), 1);
    assert!(recycle::list(&shop.store, &shop.owner).unwrap().is_empty());
    let actions: Vec<String> = shop.audit().into_iter().map(|(_, a, _)| a).collect();
    assert!(
        actions.contains(&"customer_deleted".into())
            && actions.contains(&"customer_restored".into())
    );
}

#[test]
fn after_30_days_the_purge_removes_a_customer_without_orders_and_anonymises_one_with_orders() {
    let shop = customers_support::shop();
    let plain = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("吴磊", "13800138000"),
    )
    .unwrap();
    let buyer = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("郑凯", "13900139000"),
    )
    .unwrap();
    shop.order(buyer, "P1", 25000, "鞋");
    customers::consent::withdraw_all(&shop.store, &shop.owner, plain).unwrap();
    recycle::delete(&shop.store, &shop.owner, plain).unwrap();
    recycle::delete(&shop.store, &shop.owner, buyer).unwrap();

    let day29 = shop.now() + Duration::days(29);
    let r = laoke::customer_ops::purge_expired(&shop.store, &shop.owner, day29).unwrap();
    assert!(
        r.deleted.is_empty() && r.anonymised.is_empty(),
        "still restorable on day 29"
    );
    assert_eq!(recycle::list(&shop.store, &shop.owner).unwrap().len(), 2);

    let day30 = shop.now() + Duration::days(30);
    let r = laoke::customer_ops::purge_expired(&shop.store, &shop.owner, day30).unwrap();
    assert_eq!(r.deleted, vec![plain]);
    assert_eq!(r.anonymised, vec![buyer]);
    assert_eq!(
        customers::get(&shop.store, &shop.owner, plain)
            .unwrap_err()
            .code(),
        "not_found"
    );
    let b = customers::get(&shop.store, &shop.owner, buyer).unwrap();
    assert_eq!(b.name, format!("已删除客户 #{buyer}"));
    assert!(b.phones.is_empty());
    let p = customers::profile(&shop.store, &shop.owner, buyer).unwrap();
    assert_eq!(
        p.stats.total_spend_fen, 25000,
        "the order and its total stay"
    );
    assert!(recycle::list(&shop.store, &shop.owner).unwrap().is_empty());
    assert!(shop.audit().iter().any(|(_, a, _)| a == "customers_purged"));

    let again =
        laoke::customer_ops::purge_expired(&shop.store, &shop.owner, day30 + Duration::days(1))
            .unwrap();
    assert!(
        again.deleted.is_empty() && again.anonymised.is_empty(),
        "nothing twice"
    );
}

#[test]
fn restoring_a_customer_that_is_not_in_the_bin_is_refused() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("吴磊", "13800138000"),
    )
    .unwrap();
    assert_eq!(
        recycle::restore(&shop.store, &shop.owner, id)
            .unwrap_err()
            .code(),
        "conflict"
    );
}
