//! Tiers (upgrade at once, kept for the retention period, then down at most one level, refunds
//! lower the spend, the owner's lock holds) and expiry (FIFO lots, inactivity, never
//! retroactive, reminders), all on a clock the test moves.

mod loyalty_support;

use chrono::Duration;
use laoke::{
    auth::Role,
    loyalty::{self, tiers, ExpiryPolicy},
};
use loyalty_support::{common, shop, Shop};

fn tier(s: &Shop, c: i64) -> Option<String> {
    tiers::status(&s.store, &s.owner, c)
        .unwrap()
        .tier
        .map(|t| t.code)
}

#[test]
fn a_customer_moves_up_at_once_keeps_the_tier_for_12_months_then_drops_one_level_at_a_time() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 50_000, 0);
    s.run();
    assert_eq!(
        tier(&s, c).as_deref(),
        Some("regular"),
        "a first purchase makes a member"
    );
    s.advance_days(3);
    s.order(c, 1_200_000, 0); // ¥12,000 more
    s.run();
    assert_eq!(tier(&s, c).as_deref(), Some("diamond"), "upgrade at once");
    let st = tiers::status(&s.store, &s.owner, c).unwrap();
    assert_eq!(st.next_tier, None);
    s.advance_days(200);
    s.run();
    assert_eq!(
        tier(&s, c).as_deref(),
        Some("diamond"),
        "kept during the retention period"
    );
    s.advance_days(170); // > 12 months after reaching diamond, nothing bought in 12 months
    s.run();
    assert_eq!(
        tier(&s, c).as_deref(),
        Some("gold"),
        "one level down, not straight to regular"
    );
    let again = s.run();
    assert_eq!(
        again.tiers.downgraded, 0,
        "running again at the same clock changes nothing"
    );
    assert_eq!(tier(&s, c).as_deref(), Some("gold"));
    s.advance_days(366);
    s.run();
    assert_eq!(tier(&s, c).as_deref(), Some("silver"));
    let h = tiers::history(&s.store, &s.owner, c).unwrap();
    let reasons: Vec<_> = h
        .iter()
        .rev()
        .map(|x| (x.reason.as_str(), x.to_tier.as_str()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("upgrade", "regular"),
            ("upgrade", "diamond"),
            ("downgrade", "gold"),
            ("downgrade", "silver")
        ],
        "every change is in the history"
    );
}

#[test]
fn refunds_reduce_the_qualifying_spend() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let id = s.order(c, 150_000, 0); // ¥1,500
    s.run();
    assert_eq!(tier(&s, c).as_deref(), Some("silver"));
    laoke::sales::refund(&s.store, &s.owner, id, 100_000, "退货").unwrap();
    let st = tiers::status(&s.store, &s.owner, c).unwrap();
    assert_eq!(st.qualifying_spend_fen, 50_000);
    assert_eq!(st.to_next_fen, Some(250_000), "gold needs ¥3,000");
    s.advance_days(366);
    s.run();
    assert_eq!(tier(&s, c).as_deref(), Some("regular"));
}

#[test]
fn the_owner_can_lock_a_tier_and_the_job_leaves_it_alone() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    s.run();
    common::add_user(
        &s.store,
        &s.owner,
        "mgr",
        Role::Manager,
        "manager password 1",
    );
    let mgr =
        laoke::store::Store::login(s.store.dir(), "mgr", "manager password 1", s.clock.clone())
            .unwrap()
            .1;
    let e = tiers::set_lock(&s.store, &mgr, c, Some("gold")).unwrap_err();
    assert_eq!(e.code(), "forbidden", "only the owner locks tiers");
    let st = tiers::set_lock(&s.store, &s.owner, c, Some("gold")).unwrap();
    assert!(st.locked);
    s.advance_days(800);
    s.run();
    assert_eq!(tier(&s, c).as_deref(), Some("gold"), "a locked tier stays");
    tiers::set_lock(&s.store, &s.owner, c, None).unwrap();
    s.advance_days(400);
    s.run();
    assert_eq!(
        tier(&s, c).as_deref(),
        Some("silver"),
        "unlocked: the job decides again"
    );
}

#[test]
fn a_tier_multiplier_applies_to_the_points_earned() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 300_000, 0); // ¥3,000 -> gold (1.5×) at once
    s.run();
    assert_eq!(tier(&s, c).as_deref(), Some("gold"));
    assert_eq!(
        s.balance(c),
        3_000,
        "the order that lifts the customer earns at the tier it was paid in"
    );
    s.order(c, 10_000, 0);
    s.run();
    assert_eq!(s.balance(c), 3_150, "the next order earns at gold's 1.5×");
}

#[test]
fn points_expire_first_in_first_out_12_months_after_earning() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 12 });
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0); // lot A: 100
    s.run();
    s.advance_days(180);
    let b = s.order(c, 5_000, 0); // lot B: 50
    s.run();
    s.advance_days(30);
    let spend = s.order(c, 100_000, 0); // a big order to redeem on (and its own 1000 points)
    s.run();
    s.advance_days(8);
    loyalty::redeem(&s.store, &s.owner, c, spend, 120).unwrap(); // takes A (100) + 20 of B
    let _ = b;
    s.advance_days(150); // past A's 12 months: nothing left in A
    let r = s.run();
    assert_eq!(r.expiry.points, 0, "A was used up first");
    assert_eq!(s.balance(c), 1_030, "100 + 50 + 1,000 − 120");
    s.advance_days(190); // past B's 12 months
    let r = s.run();
    assert_eq!(r.expiry.points, 30, "what is left of B expires");
    assert_eq!(s.run().expiry.lots, 0, "expiry runs once per lot");
    assert_eq!(s.balance(c), 1_000);
    assert_eq!(s.ledger_sum(c), 1_000);
}

#[test]
fn an_expiry_policy_never_touches_points_earned_before_it() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    s.run();
    s.advance_days(1);
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 1 });
    s.order(c, 5_000, 0);
    s.run();
    s.advance_days(400);
    let r = s.run();
    assert_eq!(
        r.expiry.points, 50,
        "only the points earned under the policy expire"
    );
    assert_eq!(
        s.balance(c),
        100,
        "the 100 points earned before the policy stay"
    );
}

#[test]
fn inactivity_expiry_waits_for_months_without_earning_or_redeeming() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::Inactivity { months: 6 });
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    s.run();
    s.advance_days(150);
    s.order(c, 5_000, 0);
    s.run();
    s.advance_days(160);
    assert_eq!(
        s.run().expiry.points,
        0,
        "active 5 months ago: nothing expires"
    );
    let soon = loyalty::expiring(&s.store, &s.owner, 30).unwrap();
    assert_eq!(soon.len(), 1, "the 30-day reminder lists the customer");
    assert_eq!(soon[0].points, 150);
    assert!(
        soon[0].expires_at > s.store.now()
            && soon[0].expires_at <= s.store.now() + Duration::days(30)
    );
    s.advance_days(30);
    assert_eq!(s.run().expiry.points, 150);
    assert_eq!(s.balance(c), 0);
    assert!(loyalty::expiring(&s.store, &s.owner, 30)
        .unwrap()
        .is_empty());
}
