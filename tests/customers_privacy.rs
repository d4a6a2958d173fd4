//! Privacy: service reps see phones masked everywhere and reveal one customer's contacts on
//! the record; consent is kept per channel as an append-only history with one-step withdrawal;
//! erasure anonymises the person while order totals stay; the per-person export is the
//! owner's alone and audited.

mod common;
mod customers_support;

use laoke::{
    auth::Role,
    customers::{self, consent::ConsentChannel, NewCustomer},
    export,
    i18n::Lang,
};

#[test]
fn reps_see_phones_masked_in_every_view_and_a_reveal_is_audited() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("王芳", "13800138000"),
    )
    .unwrap();
    customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("王芳芳", "138-0013-8000"),
    )
    .unwrap();
    let (store, rep) = shop.user("kefu", Role::Rep);

    let c = customers::get(&store, &rep, id).unwrap();
    assert_eq!(c.phones, vec!["138****8000"]);
    assert!(c.contacts_masked);
    assert_eq!(
        c.address.as_deref(),
        Some("王芳的地****"),
        "the street address is hidden too"
    );
    let p = customers::profile(&store, &rep, id).unwrap();
    assert_eq!(p.customer.phones, vec!["138****8000"]);
    assert!(p.can.reveal && !p.can.erase && !p.can.export && !p.can.merge);
    let pairs = customers::duplicates::suggestions(&store, &rep).unwrap();
    assert_eq!(pairs[0].a.phone.as_deref(), Some("138****8000"));
    assert!(common::all_customers(&store, &rep)
        .iter()
        .all(|r| r.phone.as_deref() == Some("138****8000")));

    let full = customers::reveal_contact(&store, &rep, id).unwrap();
    assert_eq!(full.phones, vec!["13800138000"]);
    assert_eq!(
        full.address.as_deref(),
        Some("王芳的地址，西湖区文三路 88 号")
    );
    let reveals: Vec<_> = shop
        .audit()
        .into_iter()
        .filter(|(_, a, s)| a == "customer_contact_revealed" && s == &format!("customer:{id}"))
        .collect();
    assert_eq!(reveals.len(), 1, "the reveal is in the audit log");

    let owner_view = customers::get(&shop.store, &shop.owner, id).unwrap();
    assert_eq!(owner_view.phones, vec!["13800138000"]);
    assert!(!owner_view.contacts_masked);
}

#[test]
fn a_rep_can_edit_a_customer_without_seeing_the_full_number() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("王芳", "13800138000"),
    )
    .unwrap();
    let (store, rep) = shop.user("kefu", Role::Rep);
    let seen = customers::get(&store, &rep, id).unwrap();
    let edit = NewCustomer {
        name: "王芳".into(),
        phones: vec![seen.phones[0].clone(), "13700137000".into()],
        address: seen.address.clone(),
        notes: "改过备注".into(),
        ..Default::default()
    };
    customers::update(&store, &rep, id, &edit).unwrap();
    let after = customers::get(&shop.store, &shop.owner, id).unwrap();
    assert_eq!(
        after.phones,
        vec!["13800138000", "13700137000"],
        "the masked number stands for the real one"
    );
    assert_eq!(
        after.address.as_deref(),
        Some("王芳的地址，西湖区文三路 88 号")
    );
    assert_eq!(after.notes, "改过备注");
}

#[test]
fn consent_is_a_history_per_channel_and_withdrawal_covers_every_channel_at_once() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("钱多多", "13800138000"),
    )
    .unwrap();
    let state = customers::consent::record_choice(
        &shop.store,
        &shop.owner,
        id,
        &[(ConsentChannel::Sms, true), (ConsentChannel::Wechat, true)],
        "in_store_form",
    )
    .unwrap();
    let granted =
        |s: &[customers::ConsentState], c| s.iter().find(|x| x.channel == c).unwrap().granted;
    assert_eq!(granted(&state, ConsentChannel::Sms), Some(true));
    assert_eq!(granted(&state, ConsentChannel::Email), None, "never asked");

    shop.clock.advance(chrono::Duration::days(3));
    let state = customers::consent::withdraw_all(&shop.store, &shop.owner, id).unwrap();
    assert!(state
        .iter()
        .all(|s| s.granted == Some(false) && s.source.as_deref() == Some("withdrawal")));
    let history = customers::consent::history(&shop.store, &shop.owner, id).unwrap();
    assert_eq!(
        history.len(),
        6,
        "2 grants + 4 withdrawals, nothing overwritten"
    );
    assert_eq!(history.last().unwrap().source, "in_store_form");
    assert_eq!(history.last().unwrap().recorded_by, common::OWNER);

    let e = customers::consent::record_choice(
        &shop.store,
        &shop.owner,
        id,
        &[(ConsentChannel::Sms, true)],
        "a rumour",
    )
    .unwrap_err();
    assert!(e.message(Lang::En).contains("Consent source"));
    let raw = shop
        .raw
        .execute("UPDATE customer_consents SET granted = 1", []);
    assert!(
        raw.is_err(),
        "the database refuses to rewrite consent history"
    );
}

#[test]
fn erasure_anonymises_the_person_while_orders_and_totals_stay() {
    let shop = customers_support::shop();
    let mut c = common::customer("郑爽", "13800138000");
    c.email = Some("zs@example.com".into());
    c.birthday = Some("1990-01-02".into());
    c.nicks = vec![("taobao".into(), "爽爽".into())];
    let id = customers::create(&shop.store, &shop.owner, &c).unwrap();
    shop.order(id, "E1", 19900, "面膜");
    shop.order(id, "E2", 5000, "口红");
    let before = customers::profile(&shop.store, &shop.owner, id)
        .unwrap()
        .stats;

    let (store, manager) = shop.user("dianzhang", Role::Manager);
    let (rstore, rep) = shop.user("kefu", Role::Rep);
    assert_eq!(
        laoke::customer_ops::erase(&rstore, &rep, id)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    laoke::customer_ops::erase(&store, &manager, id).unwrap();

    let p = customers::profile(&shop.store, &shop.owner, id).unwrap();
    assert_eq!(p.customer.name, format!("已删除客户 #{id}"));
    assert!(
        p.customer.phones.is_empty() && p.customer.nicks.is_empty() && p.customer.tags.is_empty()
    );
    assert_eq!(
        (
            p.customer.email.clone(),
            p.customer.birthday.clone(),
            p.customer.address.clone()
        ),
        (None, None, None)
    );
    assert_eq!(p.customer.notes, "");
    assert!(p.customer.erased_at.is_some());
    assert_eq!(p.stats, before, "order totals stay");
    assert_eq!(p.orders.totals.count, 2);
    let receivers: i64 = shop
        .raw
        .query_row(
            "SELECT count(*) FROM orders WHERE customer_id = ?1 AND (receiver_name IS NOT NULL OR receiver_phone IS NOT NULL OR buyer_nick IS NOT NULL)",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(receivers, 0, "receiver details on the orders are gone too");
    assert!(shop
        .audit()
        .iter()
        .any(|(_, a, s)| a == "customer_erased" && s == &format!("customer:{id}")));
    assert_eq!(
        laoke::customer_ops::erase(&shop.store, &shop.owner, id)
            .unwrap_err()
            .code(),
        "conflict"
    );
    let e = customers::update(
        &shop.store,
        &shop.owner,
        id,
        &common::customer("郑爽", "13800138000"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "conflict");
}

#[test]
fn erasing_a_merged_person_also_clears_the_merge_snapshot_so_undo_is_refused() {
    let shop = customers_support::shop();
    let a = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("郑爽", "13800138000"),
    )
    .unwrap();
    let b = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("郑爽", "13800138000"),
    )
    .unwrap();
    let m =
        laoke::customer_ops::merge(&shop.store, &shop.owner, a, b, &Default::default()).unwrap();
    laoke::customer_ops::erase(&shop.store, &shop.owner, a).unwrap();
    let leftover: i64 = shop
        .raw
        .query_row(
            "SELECT count(*) FROM customer_merges WHERE snapshot LIKE '%郑爽%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(leftover, 0);
    let merged_away = customers::get(&shop.store, &shop.owner, b).unwrap();
    assert!(
        merged_away.erased_at.is_some(),
        "the merged-away record is the same person"
    );
    let e = laoke::customer_ops::unmerge(&shop.store, &shop.owner, m.merge_id).unwrap_err();
    assert_eq!(e.code(), "conflict");
}

#[test]
fn the_per_person_export_is_the_owners_and_is_audited() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("冯媛", "13800138000"),
    )
    .unwrap();
    shop.order(id, "X1", 9900, "围巾");
    customers::consent::record_choice(
        &shop.store,
        &shop.owner,
        id,
        &[(ConsentChannel::Email, true)],
        "online_form",
    )
    .unwrap();
    let out = shop._tmp.path().join("冯媛.xlsx");

    let (store, manager) = shop.user("dianzhang", Role::Manager);
    let e = export::person_workbook(&store, &manager, id, Lang::ZhCn, &out).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    assert!(!out.exists());

    let tables = export::person_tables(&shop.store, &shop.owner, id).unwrap();
    let rows: Vec<usize> = tables.iter().map(|t| t.rows.len()).collect();
    assert_eq!(
        &rows[1..4],
        &[1, 1, 1],
        "one order, one item, one consent row"
    );
    let report = export::person_workbook(&shop.store, &shop.owner, id, Lang::ZhCn, &out).unwrap();
    assert!(out.is_file() && report.bytes > 0);
    assert_eq!(report.sheets.len(), 5);
    assert!(shop
        .audit()
        .iter()
        .any(|(_, a, s)| a == "customer_data_exported" && s == &format!("customer:{id}")));
}
