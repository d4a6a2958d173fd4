//! Every kind of segment condition counts exactly what the customer list shows for the same
//! filter (the list's totals, its rows, and `segments_count`), and picks exactly the customers
//! the fixture says. The scores are a fixture (plain INSERTs), standing in for the insight pass.

mod common;
mod segments_support;

use laoke::segments::{CustomerFilter, MovementCell, SegmentDefinition};
use segments_support::*;

fn def(f: impl FnOnce(&mut SegmentDefinition)) -> SegmentDefinition {
    let mut d = SegmentDefinition::default();
    f(&mut d);
    d
}

fn check(shop: &Shop, d: SegmentDefinition, expected: Vec<i64>) {
    let (list, seg, ids) = shop.counts(&d);
    assert_eq!(list, seg, "segment count = list total for {d:?}");
    assert_eq!(ids, expected, "the customers of {d:?}");
}

#[test]
fn each_score_condition_counts_what_the_list_shows() {
    let shop = shop();
    check(
        &shop,
        def(|d| d.scores.rfm_classes = vec!["important_value".into()]),
        shop.pick(|i| i < 12 && i % 3 == 0),
    );
    check(
        &shop,
        def(|d| d.scores.stages = vec!["dormant".into(), "churned".into()]),
        shop.pick(|i| i < 12 && i % 4 >= 2),
    );
    check(
        &shop,
        def(|d| d.scores.stages = vec!["prospect".into()]),
        shop.pick(|i| i == 12),
    );
    check(
        &shop,
        def(|d| d.scores.returning = Some(true)),
        shop.pick(|i| i < 12 && i % 3 > 0),
    );
    check(
        &shop,
        def(|d| d.scores.returning = Some(false)),
        shop.pick(|i| i == 12 || i % 3 == 0),
    );
}

#[test]
fn tiers_categories_products_and_consent_count_what_the_list_shows() {
    let shop = shop();
    check(
        &shop,
        def(|d| d.scores.tiers = vec!["gold".into()]),
        shop.pick(|i| (9..12).contains(&i)),
    );
    check(
        &shop,
        def(|d| d.scores.categories = vec!["茶具".into()]),
        shop.pick(|i| i < 12 && i % 2 == 1),
    );
    // A product by its name or by its SKU.
    check(
        &shop,
        def(|d| d.scores.products = vec!["龙井".into()]),
        shop.pick(|i| i < 12 && i % 2 == 0),
    );
    check(
        &shop,
        def(|d| d.scores.products = vec!["ZS-9".into()]),
        shop.pick(|i| i < 12 && i % 2 == 1),
    );
    // Customer 4 agreed, then withdrew: the latest choice counts.
    check(
        &shop,
        def(|d| d.scores.consent = vec!["sms".into()]),
        shop.pick(|i| i == 0 || i == 8),
    );
    check(
        &shop,
        def(|d| d.scores.consent = vec!["wechat".into()]),
        vec![],
    );
}

#[test]
fn list_fields_and_score_conditions_combine_with_and() {
    let shop = shop();
    let d = def(|d| {
        d.query.min_spend_fen = Some(50_000);
        d.scores.categories = vec!["茶叶".into()];
        d.scores.returning = Some(true);
    });
    // Spend ≥ ¥500: i ≥ 4; 茶叶: even i; returning: i % 3 > 0.
    check(
        &shop,
        d,
        shop.pick(|i| (4..12).contains(&i) && i % 2 == 0 && i % 3 > 0),
    );
}

#[test]
fn a_movement_cell_opens_exactly_its_customers() {
    let shop = shop();
    let cell = |from: Option<&str>, to: Option<&str>| CustomerFilter {
        movement: Some(MovementCell {
            kind: "class".into(),
            from_month: "2026-01".into(),
            from: from.map(str::to_string),
            to_month: "2026-02".into(),
            to: to.map(str::to_string),
        }),
        ..Default::default()
    };
    // Fixture: in January customer i had class_of(i + 1) (customer 0 none), in February class_of(i).
    let (n, _, ids) = shop.filter_counts(&cell(Some("general_keep"), Some("important_value")));
    assert_eq!(ids, shop.pick(|i| i < 12 && i > 0 && i % 3 == 0));
    assert_eq!(n, ids.len() as u64);
    let (_, _, ids) = shop.filter_counts(&cell(None, Some("important_value")));
    assert_eq!(
        ids,
        shop.pick(|i| i == 0),
        "no class in January (customer 0)"
    );
    let (_, _, ids) = shop.filter_counts(&cell(None, None));
    assert_eq!(
        ids,
        shop.pick(|i| i == 12),
        "not a buyer either month: the prospect"
    );
}

#[test]
fn a_segment_key_in_the_list_filter_counts_like_the_segment() {
    let shop = shop();
    for s in laoke::segments::list(&shop.store, &shop.owner).unwrap() {
        let f = CustomerFilter {
            segment: Some(s.key.clone()),
            ..Default::default()
        };
        let (n, spend, _) = shop.filter_counts(&f);
        assert_eq!(n, s.customers, "{}: list total = segment size", s.key);
        assert_eq!(spend, s.spend_fen, "{}: list spend = segment spend", s.key);
    }
}

#[test]
fn a_bad_code_is_refused_naming_its_field() {
    let shop = shop();
    let bad = [
        def(|d| d.scores.rfm_classes = vec!["vip".into()]),
        def(|d| d.scores.stages = vec!["sleeping".into()]),
        def(|d| d.scores.consent = vec!["fax".into()]),
        def(|d| d.scores.tiers = vec!["platinum".into()]),
    ];
    let fields = ["RFM classes", "Stages", "Consent channels", "Tiers"];
    for (d, field) in bad.iter().zip(fields) {
        let e = laoke::segments::count(&shop.store, &shop.owner, d).unwrap_err();
        assert_eq!(e.code(), "invalid_input");
        let en = e.message(laoke::i18n::Lang::En);
        assert!(en.starts_with(field), "{en} names {field}");
    }
}
