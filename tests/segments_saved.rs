//! Saved and ready-made segments: the owner and managers save, edit and delete (audited), reps
//! read; names are unique among live segments; the ready-made value bands follow their
//! documented lines; a customer's page says which segments they are in, condition by condition.

mod common;
mod segments_support;

use common::*;
use laoke::{
    auth::Role,
    segments::{self, ready::spend_lines, SegmentDefinition, SegmentSave},
};
use segments_support::*;

fn dormant() -> SegmentDefinition {
    let mut d = SegmentDefinition::default();
    d.scores.stages = vec!["dormant".into()];
    d.query.min_spend_fen = Some(50_000);
    d
}

fn save(name: &str, id: Option<i64>) -> SegmentSave {
    SegmentSave {
        id,
        name: name.into(),
        definition: dormant(),
    }
}

#[test]
fn the_owner_saves_edits_and_deletes_a_segment_and_each_step_is_audited() {
    let shop = shop();
    let s = segments::save(&shop.store, &shop.owner, &save(" 沉睡大客户 ", None)).unwrap();
    assert_eq!(s.name_zh, "沉睡大客户", "the name is trimmed");
    assert_eq!(s.key, format!("saved:{}", s.id.unwrap()));
    // Dormant: i % 4 == 2 (2, 6, 10); spend ≥ ¥500: i ≥ 4 → 6 and 10.
    assert_eq!(s.customers, 2);
    let id = s.id.unwrap();
    let edited = segments::save(
        &shop.store,
        &shop.owner,
        &save("沉睡客户（大额）", Some(id)),
    )
    .unwrap();
    assert_eq!(edited.id, Some(id));
    let keys: Vec<String> = segments::list(&shop.store, &shop.owner)
        .unwrap()
        .into_iter()
        .map(|s| s.key)
        .collect();
    assert!(keys.contains(&format!("saved:{id}")));
    segments::delete(&shop.store, &shop.owner, id).unwrap();
    let keys: Vec<String> = segments::list(&shop.store, &shop.owner)
        .unwrap()
        .into_iter()
        .map(|s| s.key)
        .collect();
    assert!(!keys.contains(&format!("saved:{id}")));
    assert_eq!(
        segments::delete(&shop.store, &shop.owner, id)
            .unwrap_err()
            .code(),
        "not_found"
    );
    let conn = raw_connection_as_owner(&shop.store, &shop.owner);
    let actions: Vec<String> = audit_actions(&conn)
        .into_iter()
        .map(|a| a.1)
        .filter(|a| a.starts_with("segment_"))
        .collect();
    assert_eq!(
        actions,
        ["segment_created", "segment_updated", "segment_deleted"]
    );
}

#[test]
fn a_name_taken_by_a_live_segment_is_refused_and_free_again_after_deleting_it() {
    let shop = shop();
    let a = segments::save(&shop.store, &shop.owner, &save("大客户", None)).unwrap();
    let e = segments::save(&shop.store, &shop.owner, &save("大客户", None)).unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert!(e.message(laoke::i18n::Lang::En).starts_with("Segment name"));
    assert_eq!(
        segments::save(&shop.store, &shop.owner, &save(" ", None))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    segments::delete(&shop.store, &shop.owner, a.id.unwrap()).unwrap();
    segments::save(&shop.store, &shop.owner, &save("大客户", None)).unwrap();
}

#[test]
fn a_manager_may_save_a_rep_may_only_read() {
    let shop = shop();
    add_user(
        &shop.store,
        &shop.owner,
        "mgr",
        Role::Manager,
        "manager password 1",
    );
    add_user(
        &shop.store,
        &shop.owner,
        "rep",
        Role::Rep,
        "rep password 12",
    );
    let (store, mgr) = login(shop.store.dir(), "mgr", "manager password 1");
    let saved = segments::save(&store, &mgr, &save("店长的分组", None)).unwrap();
    let (store, rep) = login(shop.store.dir(), "rep", "rep password 12");
    assert_eq!(
        segments::save(&store, &rep, &save("客服的分组", None))
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        segments::delete(&store, &rep, saved.id.unwrap())
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert!(!segments::list(&store, &rep).unwrap().is_empty());
    segments::count(&store, &rep, &dormant()).unwrap();
    segments::of_customer(&store, &rep, shop.ids[0]).unwrap();
}

#[test]
fn vip_is_the_top_tenth_of_buyers_by_spend_and_value_bands_are_thirds() {
    let shop = shop();
    // Twelve buyers spent ¥100 … ¥1,200: ranks ⌈1.2⌉ = 2, ⌈4⌉ = 4, ⌈8⌉ = 8 from the top.
    let lines = spend_lines(&shop.store, &shop.owner).unwrap().unwrap();
    assert_eq!(
        (lines.buyers, lines.vip, lines.high, lines.mid),
        (12, 110_000, 90_000, 50_000)
    );
    let by_key = |k: &str| {
        segments::list(&shop.store, &shop.owner)
            .unwrap()
            .into_iter()
            .find(|s| s.key == k)
            .unwrap()
    };
    assert_eq!(by_key("ready:vip").customers, 2);
    assert_eq!(by_key("ready:high").customers, 4);
    assert_eq!(by_key("ready:mid").customers, 4);
    assert_eq!(
        by_key("ready:low").customers,
        4,
        "the prospect (no spend) is in no band"
    );
    assert_eq!(by_key("ready:new").customers, 3);
    assert_eq!(by_key("ready:returning").customers, 8);
    let share = by_key("ready:high").share;
    assert!(
        (share - 4.0 / 13.0).abs() < 1e-9,
        "share of all 13 customers: {share}"
    );
}

#[test]
fn a_band_that_ties_away_is_empty() {
    let (_tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    for i in 0..3 {
        let id = laoke::customers::create(
            &store,
            &owner,
            &customer(&format!("同额{i}"), &format!("1380000000{i}")),
        )
        .unwrap();
        laoke::sales::create(&store, &owner, &tea_order(id), &Default::default()).unwrap();
    }
    let all = segments::list(&store, &owner).unwrap();
    let n = |k: &str| all.iter().find(|s| s.key == k).unwrap().customers;
    assert_eq!(
        (
            n("ready:high"),
            n("ready:mid"),
            n("ready:low"),
            n("ready:vip")
        ),
        (3, 0, 0, 3)
    );
}

#[test]
fn a_customer_page_lists_their_segments_condition_by_condition() {
    let shop = shop();
    segments::save(&shop.store, &shop.owner, &save("沉睡大客户", None)).unwrap();
    // Customer 10: dormant, spent ¥1,100 (VIP, high), class general_keep, returning.
    let m = segments::of_customer(&shop.store, &shop.owner, shop.ids[10]).unwrap();
    let keys: Vec<&str> = m.iter().map(|m| m.key.as_str()).collect();
    assert!(
        keys.contains(&"ready:vip")
            && keys.contains(&"ready:high")
            && keys.contains(&"ready:dormant"),
        "{keys:?}"
    );
    assert!(!keys.contains(&"ready:low") && !keys.contains(&"ready:new"));
    let mine = m.iter().find(|m| m.name_zh == "沉睡大客户").unwrap();
    let zh: Vec<&str> = mine.conditions.iter().map(|c| c.zh.as_str()).collect();
    assert_eq!(zh, ["消费金额 ≥ ¥500.00 ✔", "阶段 = 沉睡客户 ✔"]);
    assert_eq!(mine.conditions[1].en, "Stage = Dormant ✔");
    assert!(mine.conditions.iter().all(|c| c.ok));
}
