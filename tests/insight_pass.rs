//! The insight scoring pass on real stores, with an injected clock: what counts (refunds,
//! cancellations, merged / erased / deleted customers), lifecycle edges as stored, snapshots
//! equal to a re-score at their month end, preview = save, and the job re-scoring when a day
//! passes or orders change, and not twice.

mod common;

use chrono::{Duration, NaiveDate};
use common::*;
use laoke::{
    auth::{Role, Session},
    clock::{Clock, FixedClock},
    customer_ops,
    customers::{self, merge::MergeChoices, recycle},
    insight::{self, InsightParams, LineMode, RfmClass, Stage},
    jobs,
    orders::OrderStatus,
    sales,
    store::Store,
};
use std::collections::BTreeMap;
use std::sync::Arc;

struct Shop {
    _tmp: tempfile::TempDir,
    store: Store,
    s: Session,
    clock: Arc<FixedClock>,
    phone: u32,
}

impl Shop {
    fn new() -> Shop {
        let (tmp, dir) = temp_store_dir();
        let clock = fixed_clock(); // 2026-03-01 10:00 Shanghai
        let (store, s, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
        Shop {
            _tmp: tmp,
            store,
            s,
            clock,
            phone: 0,
        }
    }

    fn customer(&mut self) -> i64 {
        self.phone += 1;
        let phone = format!("1380013{:04}", self.phone);
        customers::create(
            &self.store,
            &self.s,
            &customer(&format!("客户{}", self.phone), &phone),
        )
        .unwrap()
    }

    /// A paid sale of `fen` for `c`, `days_ago` shop days before the clock's day.
    fn buy(&self, c: i64, days_ago: i64, fen: i64) -> i64 {
        let mut o = in_store_sale(Some(c), "龙井", fen);
        o.ordered_at = Some(self.clock.now() - Duration::days(days_ago));
        sales::create(&self.store, &self.s, &o, &Default::default()).unwrap()
    }

    fn score(&self) -> insight::PassReport {
        insight::score(&self.store, &self.s, None, "test").unwrap()
    }

    fn who(&self, c: i64) -> insight::CustomerInsight {
        insight::customer(&self.store, &self.s, c).unwrap()
    }
}

#[test]
fn refunds_and_cancelled_orders_are_not_counted() {
    let mut shop = Shop::new();
    let c = shop.customer();
    shop.buy(c, 10, 20_000);
    let partly = shop.buy(c, 5, 10_000);
    sales::refund(&shop.store, &shop.s, partly, 4_000, "少发一件").unwrap();
    let cancelled = shop.buy(c, 3, 50_000);
    sales::set_status(&shop.store, &shop.s, cancelled, OrderStatus::Cancelled).unwrap();
    let refunded = shop.buy(c, 2, 30_000);
    sales::refund(&shop.store, &shop.s, refunded, 30_000, "退货").unwrap();
    sales::set_status(&shop.store, &shop.s, refunded, OrderStatus::Refunded).unwrap();
    shop.score();
    let i = shop.who(c);
    assert_eq!((i.f_orders, i.m_fen, i.r_days), (2, 26_000, Some(5)));
    assert!(i.returning);
}

#[test]
fn merged_erased_and_deleted_customers_are_not_scored_and_the_kept_one_has_the_orders() {
    let mut shop = Shop::new();
    let (keep, other, erased, deleted, prospect) = (
        shop.customer(),
        shop.customer(),
        shop.customer(),
        shop.customer(),
        shop.customer(),
    );
    shop.buy(keep, 40, 10_000);
    shop.buy(other, 20, 5_000);
    shop.buy(erased, 20, 5_000);
    shop.buy(deleted, 20, 5_000);
    customer_ops::merge(&shop.store, &shop.s, keep, other, &MergeChoices::default()).unwrap();
    customer_ops::erase(&shop.store, &shop.s, erased).unwrap();
    recycle::delete(&shop.store, &shop.s, deleted).unwrap();
    let r = shop.score();
    assert_eq!((r.customers, r.buyers), (2, 1));
    let k = shop.who(keep);
    assert_eq!((k.f_orders, k.m_fen, k.r_days), (2, 15_000, Some(20)));
    assert_eq!(shop.who(prospect).stage, Stage::Prospect);
    for gone in [other, erased, deleted] {
        let e = insight::customer(&shop.store, &shop.s, gone).unwrap_err();
        assert_eq!(e.code(), "not_found");
    }
    let o = insight::overview(&shop.store, &shop.s).unwrap();
    assert_eq!(o.customers, 2);
    assert_eq!(o.stages.iter().map(|s| s.customers).sum::<u32>(), 2);
}

#[test]
fn stored_stages_fall_on_the_lifecycle_edges() {
    let mut shop = Shop::new();
    let mut want = Vec::new();
    for (days, stage) in [
        (30, Stage::New),
        (31, Stage::Active),
        (90, Stage::Active),
        (91, Stage::Dormant),
        (180, Stage::Dormant),
        (181, Stage::Churned),
    ] {
        let c = shop.customer();
        shop.buy(c, days, 10_000);
        if days != 30 {
            shop.buy(c, days + 400, 10_000); // a second, old order: not new
        }
        want.push((c, days, stage));
    }
    shop.score();
    for (c, days, stage) in want {
        assert_eq!(shop.who(c).stage, stage, "last order {days} days ago");
    }
}

#[test]
fn medians_are_the_default_lines_and_the_explanation_uses_them() {
    let mut shop = Shop::new();
    for (days, n, fen) in [(5, 1, 10_000), (20, 2, 30_000), (60, 3, 50_000)] {
        let c = shop.customer();
        for k in 0..n {
            shop.buy(c, days + k * 7, fen);
        }
    }
    shop.score();
    let st = insight::settings(&shop.store, &shop.s).unwrap();
    assert_eq!(st.params.mode, LineMode::Median);
    assert_eq!((st.medians.r_days, st.medians.f_orders), (20, 2));
    assert_eq!(st.medians.m_fen, 60_000);
    let o = insight::overview(&shop.store, &shop.s).unwrap();
    assert_eq!(
        (o.params.r_days, o.params.f_orders, o.params.m_fen),
        (20, 2, 60_000)
    );
    assert_eq!(o.classes.len(), 8);
    assert_eq!(o.buyers, 3);
}

/// Every customer's stored (class, stage).
fn stored(shop: &Shop, ids: &[i64]) -> BTreeMap<i64, (Option<RfmClass>, Stage)> {
    ids.iter()
        .map(|c| (*c, (shop.who(*c).rfm_class, shop.who(*c).stage)))
        .collect()
}

#[test]
fn a_preview_is_exactly_what_saving_does() {
    let mut shop = Shop::new();
    let mut ids = Vec::new();
    for i in 0..12i64 {
        let c = shop.customer();
        for k in 0..(i % 4) {
            shop.buy(c, 3 + i * 11 + k * 5, 5_000 + i * 7_000);
        }
        ids.push(c);
    }
    shop.score();
    let before = stored(&shop, &ids);
    let p = InsightParams {
        mode: LineMode::Fixed,
        r_days: 40,
        f_orders: 3,
        m_fen: 30_000,
        active_days: 60,
        ..InsightParams::default()
    };
    let pv = insight::preview(&shop.store, &shop.s, &p).unwrap();
    insight::save_settings(&shop.store, &shop.s, &p).unwrap();
    let after = stored(&shop, &ids);
    let mut classes: BTreeMap<(Option<String>, Option<String>), u32> = BTreeMap::new();
    let mut stages: BTreeMap<(Option<String>, Option<String>), u32> = BTreeMap::new();
    let mut moved = 0;
    for c in &ids {
        let (b, a) = (before[c], after[c]);
        if b.0 != a.0 {
            *classes
                .entry((
                    b.0.map(|x| x.as_str().into()),
                    a.0.map(|x| x.as_str().into()),
                ))
                .or_default() += 1;
        }
        if b.1 != a.1 {
            *stages
                .entry((Some(b.1.as_str().into()), Some(a.1.as_str().into())))
                .or_default() += 1;
        }
        moved += u32::from(b != a);
    }
    let cells = |v: &[insight::MoveCell]| -> BTreeMap<_, _> {
        v.iter()
            .map(|c| ((c.from.clone(), c.to.clone()), c.customers))
            .collect()
    };
    assert!(moved > 0, "the change moves someone");
    assert_eq!(pv.moved, moved);
    assert_eq!(cells(&pv.class_moves), classes);
    assert_eq!(cells(&pv.stage_moves), stages);
    assert_eq!(pv.total, ids.len() as u32);
    assert_eq!(insight::settings(&shop.store, &shop.s).unwrap().params, p);
    // a second preview of the saved params moves nobody
    assert_eq!(insight::preview(&shop.store, &shop.s, &p).unwrap().moved, 0);
}

#[test]
fn snapshots_equal_a_rescore_at_that_month_end() {
    let mut shop = Shop::new();
    let mut ids = Vec::new();
    for i in 0..10i64 {
        let c = shop.customer();
        for k in 0..(1 + i % 3) {
            shop.buy(c, 10 + i * 17 + k * 23, 4_000 + i * 3_000);
        }
        ids.push(c);
    }
    let r = shop.score();
    assert_eq!(r.months_added.first().map(String::as_str), Some("2025-08"));
    assert_eq!(r.months_added.last().map(String::as_str), Some("2026-02"));
    assert_eq!(
        insight::months(&shop.store, &shop.s).unwrap(),
        r.months_added
    );
    let history: BTreeMap<i64, Vec<insight::MonthClass>> =
        ids.iter().map(|c| (*c, shop.who(*c).history)).collect();
    for month in &r.months_added {
        let first = NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d").unwrap();
        let end = insight::months::month_end(first);
        insight::score(&shop.store, &shop.s, Some(end), "test").unwrap();
        for c in &ids {
            let now = shop.who(*c);
            let snap = history[c].iter().find(|h| &h.month == month);
            match snap {
                Some(h) => assert_eq!(
                    (h.rfm_class, h.stage),
                    (now.rfm_class, now.stage),
                    "{c} in {month}"
                ),
                None => assert_eq!(now.stage, Stage::Prospect, "{c} has no row in {month}"),
            }
        }
    }
    // a later pass adds no month twice
    assert!(shop.score().months_added.is_empty());
}

#[test]
fn the_job_rescores_when_a_day_passes_or_orders_change_and_not_twice() {
    let mut shop = Shop::new();
    let c = shop.customer();
    shop.buy(c, 3, 10_000);
    let ran = |shop: &Shop| {
        let r = jobs::run_due(&shop.store, &shop.s).unwrap();
        assert!(r.failures.is_empty(), "{:?}", r.failures);
        r.insight.expect("the insight job ran").is_some()
    };
    assert!(ran(&shop), "never scored: the job scores");
    assert!(!ran(&shop), "nothing changed: not twice");
    shop.clock.set(shop.clock.now() + Duration::hours(1));
    assert!(!ran(&shop), "same shop day");
    shop.clock.set(shop.clock.now() + Duration::days(1));
    assert!(ran(&shop), "a new shop day");
    assert_eq!(shop.who(c).r_days, Some(4));
    shop.buy(c, 0, 5_000);
    assert!(ran(&shop), "a new order");
    assert_eq!(shop.who(c).f_orders, 2);
    assert!(!ran(&shop));
}

#[test]
fn reps_see_a_customers_class_but_not_the_insight_screen() {
    let mut shop = Shop::new();
    let c = shop.customer();
    shop.buy(c, 3, 10_000);
    shop.score();
    add_user(&shop.store, &shop.s, "rep", Role::Rep, "rep password 1");
    let dir = shop.store.dir().to_path_buf();
    let (store, rep) = Store::login(&dir, "rep", "rep password 1", shop.clock.clone()).unwrap();
    let i = insight::customer(&store, &rep, c).unwrap();
    // one order: F = 1 is below the floor of 2, however small the shop
    assert_eq!(i.rfm_class, Some(RfmClass::ImportantDevelop));
    assert!(i.reason_zh.contains("F = 1 < 2 ✘"), "{}", i.reason_zh);
    assert!(i.reason_zh.contains("→ 重要发展客户"), "{}", i.reason_zh);
    assert_eq!(
        insight::overview(&store, &rep).unwrap_err().code(),
        "forbidden"
    );
    let p = InsightParams::default();
    assert_eq!(
        insight::save_settings(&store, &rep, &p).unwrap_err().code(),
        "forbidden"
    );
}

#[test]
fn saving_settings_is_audited_and_bad_lines_are_refused() {
    let shop = Shop::new();
    let bad = InsightParams {
        new_days: 100,
        ..InsightParams::default()
    };
    assert_eq!(
        insight::save_settings(&shop.store, &shop.s, &bad)
            .unwrap_err()
            .code(),
        "invalid_input"
    );
    insight::save_settings(&shop.store, &shop.s, &InsightParams::default()).unwrap();
    let conn = raw_connection_as_owner(&shop.store, &shop.s);
    assert!(audit_actions(&conn)
        .iter()
        .any(|a| a.1 == "insight_settings_changed"));
}

/// Every customer's stored scores as the 360 reads them.
fn table(shop: &Shop, ids: &[i64]) -> Vec<String> {
    ids.iter()
        .map(|c| {
            let i = shop.who(*c);
            format!(
                "{c} {:?} {:?} {:?} {} {} {:?} {:?} {:?} {}",
                i.rfm_class,
                i.stage,
                i.r_days,
                i.f_orders,
                i.m_fen,
                i.r_score,
                i.f_score,
                i.m_score,
                i.returning
            )
        })
        .collect()
}

#[test]
fn a_new_day_writes_only_the_rows_that_moved_and_equals_a_full_rewrite() {
    let mut shop = Shop::new();
    let mut ids = Vec::new();
    for i in 0..40 {
        let c = shop.customer();
        if i % 4 != 3 {
            // buyers 2 to 200 days back, some twice; every fourth customer a prospect
            shop.buy(c, 2 + i * 5, 10_000 + i * 1_000);
            if i % 3 == 0 {
                shop.buy(c, 1 + i * 4, 5_000);
            }
        }
        ids.push(c);
    }
    let first = shop.score();
    assert_eq!(first.rows_written, 40, "the first pass writes every row");
    assert_eq!(
        shop.score().rows_written,
        0,
        "nothing changed, nothing written"
    );
    shop.clock.set(shop.clock.now() + Duration::days(1));
    let next = shop.score();
    assert!(
        next.rows_written < first.buyers,
        "a new day moves R for every buyer but writes only what moved: {} rows",
        next.rows_written
    );
    let kept = table(&shop, &ids);
    assert!(
        kept.iter().any(|r| r.contains("Some(3)")),
        "R counts to the new day"
    );
    let conn = raw_connection_as_owner(&shop.store, &shop.s);
    conn.execute("DELETE FROM customer_scores", []).unwrap();
    drop(conn);
    assert_eq!(shop.score().rows_written, 40);
    assert_eq!(
        table(&shop, &ids),
        kept,
        "the updated table equals a full rewrite"
    );
}

#[test]
fn a_pass_after_one_sale_writes_that_customers_row_only() {
    let mut shop = Shop::new();
    let ids: Vec<i64> = (0..20).map(|_| shop.customer()).collect();
    for (i, c) in ids.iter().enumerate() {
        shop.buy(*c, 30 + i as i64, 10_000 + i as i64 * 100);
    }
    // the most recent, most frequent and biggest buyer stays at the top of every quintile
    let top = ids[0];
    shop.buy(top, 10, 90_000);
    shop.score();
    shop.buy(top, 1, 1_000);
    let r = shop.score();
    assert_eq!(r.rows_written, 1);
    assert_eq!(shop.who(top).r_days, Some(1));
    assert_eq!(shop.who(top).f_orders, 3);
}

#[test]
fn r_on_the_360_counts_to_the_stored_pass_day_until_the_next_pass() {
    // the row keeps the last order's day (migration 0018); R is counted to the pass's day
    let mut shop = Shop::new();
    let c = shop.customer();
    shop.buy(c, 12, 10_000);
    shop.score();
    shop.clock.set(shop.clock.now() + Duration::days(3));
    assert_eq!(
        shop.who(c).r_days,
        Some(12),
        "R as of the stored pass's day"
    );
    shop.score();
    assert_eq!(shop.who(c).r_days, Some(15));
}

#[test]
fn every_role_reads_the_class_names_of_the_label_set_the_shop_chose() {
    let mut shop = Shop::new();
    let c = shop.customer();
    shop.buy(c, 3, 10_000);
    let p = InsightParams {
        label_set: "bi".into(),
        ..InsightParams::default()
    };
    insight::save_settings(&shop.store, &shop.s, &p).unwrap();
    add_user(&shop.store, &shop.s, "rep", Role::Rep, "rep password 1");
    let dir = shop.store.dir().to_path_buf();
    let (store, rep) = Store::login(&dir, "rep", "rep password 1", shop.clock.clone()).unwrap();
    let names = insight::class_labels(&store, &rep).unwrap();
    let class = insight::customer(&store, &rep, c)
        .unwrap()
        .rfm_class
        .unwrap();
    let label = names.iter().find(|l| l.code == class).unwrap();
    assert_eq!(names.len(), 8);
    let why = insight::customer(&store, &rep, c).unwrap().reason_zh;
    assert!(
        why.contains(&label.zh),
        "the tag's name is the sentence's: {} / {why}",
        label.zh
    );
    assert_eq!(insight::class_labels(&store, &rep).unwrap(), names);
}
