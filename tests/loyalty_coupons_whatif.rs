//! Coupons (kinds, every redemption rule, limits, roles, void, reminders), the liability and
//! monthly reports, the customer 360 panel, and the what-if preview that equals the applied rule.

mod loyalty_support;

use chrono::Duration;
use laoke::{
    auth::Role,
    loyalty::{
        self,
        coupons::{self, CouponKind, GrantState, NewCoupon},
        reports, whatif, ExpiryPolicy,
    },
    orders::Channel,
};
use loyalty_support::{common, shop, Shop};

fn coupon(s: &Shop, kind: CouponKind, f: impl FnOnce(&mut NewCoupon)) -> coupons::Coupon {
    let now = s.store.now();
    let mut c = NewCoupon {
        name: "满100减10".into(),
        kind,
        threshold_fen: 0,
        amount_fen: 0,
        percent_off: 0,
        cap_fen: 0,
        gift: String::new(),
        min_spend_fen: 0,
        channel: None,
        valid_from: now - Duration::days(1),
        valid_to: now + Duration::days(30),
        per_customer_limit: 1,
        total_limit: None,
    };
    f(&mut c);
    coupons::create(&s.store, &s.owner, &c).expect("the owner can create a coupon")
}

#[test]
fn a_threshold_coupon_takes_10_yuan_off_orders_of_100_yuan_or_more() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let def = coupon(&s, CouponKind::Threshold, |c| {
        c.threshold_fen = 10_000;
        c.amount_fen = 1_000;
    });
    let g = coupons::issue(&s.store, &s.owner, def.id, &[c], None).unwrap()[0];
    let small = s.order(c, 8_000, 0);
    let e = coupons::redeem(&s.store, &s.owner, g, small).unwrap_err();
    assert!(
        e.message(laoke::i18n::Lang::En).contains("Minimum spend"),
        "{e}"
    );
    let big = s.order(c, 12_000, 0);
    let used = coupons::redeem(&s.store, &s.owner, g, big).unwrap();
    assert_eq!(used.discount_fen, Some(1_000));
    assert_eq!(used.state, GrantState::Used);
    let e = coupons::redeem(&s.store, &s.owner, g, big).unwrap_err();
    assert_eq!(e.code(), "conflict", "a coupon is used once");
}

#[test]
fn a_percentage_coupon_is_capped_and_channel_and_validity_are_checked() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let def = coupon(&s, CouponKind::Percentage, |c| {
        c.percent_off = 20;
        c.cap_fen = 3_000;
        c.channel = Some(Channel::InStore);
    });
    assert_eq!(
        def.def.discount_for(20_000),
        3_000,
        "20 % of ¥200 is ¥40, capped at ¥30"
    );
    assert_eq!(def.def.discount_for(10_000), 2_000);
    let g = coupons::issue(&s.store, &s.owner, def.id, &[c], None).unwrap()[0];
    let o = s.order(c, 20_000, 0);
    s.clock.advance(Duration::days(31));
    let e = coupons::redeem(&s.store, &s.owner, g, o).unwrap_err();
    assert!(e.message(laoke::i18n::Lang::En).contains("validity"), "{e}");
    s.clock.advance(Duration::days(-31));
    assert_eq!(
        coupons::redeem(&s.store, &s.owner, g, o)
            .unwrap()
            .discount_fen,
        Some(3_000)
    );
}

#[test]
fn only_owners_and_managers_issue_coupons_and_limits_refuse_the_whole_issue() {
    let s = shop();
    let a = s.customer("王芳", "13800138000");
    let b = s.customer("李雷", "13900139000");
    let def = coupon(&s, CouponKind::Fixed, |c| {
        c.amount_fen = 500;
        c.total_limit = Some(2);
    });
    common::add_user(&s.store, &s.owner, "rep1", Role::Rep, "rep password 1");
    let rep = laoke::store::Store::login(s.store.dir(), "rep1", "rep password 1", s.clock.clone())
        .unwrap()
        .1;
    assert_eq!(
        coupons::issue(&s.store, &rep, def.id, &[a], None)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let ids = coupons::issue(&s.store, &s.owner, def.id, &[a, b], Some(9)).unwrap();
    assert_eq!(ids.len(), 2, "a list of customers in one action");
    let e = coupons::issue(&s.store, &s.owner, def.id, &[a], None).unwrap_err();
    assert!(e.message(laoke::i18n::Lang::En).contains("Total limit"));
    let held = coupons::for_customer(&s.store, &s.owner, b).unwrap();
    assert_eq!(
        held[0].ticket_id,
        Some(9),
        "a coupon issued from a ticket names it"
    );
    let v = coupons::void(&s.store, &s.owner, ids[0], "发错了").unwrap();
    assert_eq!(v.state, GrantState::Voided);
    let soon = coupons::expiring(&s.store, &s.owner, 7).unwrap();
    assert!(soon.is_empty(), "30 days left: no 7-day reminder yet");
    s.clock.advance(Duration::days(25));
    let soon = coupons::expiring(&s.store, &s.owner, 7).unwrap();
    assert_eq!(
        soon.iter().map(|g| g.customer_id).collect::<Vec<_>>(),
        vec![b]
    );
}

#[test]
fn the_liability_report_counts_outstanding_points_value_and_unused_coupons() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 2 });
    let a = s.customer("王芳", "13800138000");
    s.order(a, 25_000, 0);
    s.run();
    let def = coupon(&s, CouponKind::Fixed, |c| c.amount_fen = 500);
    coupons::issue(&s.store, &s.owner, def.id, &[a], None).unwrap();
    s.clock.advance(Duration::days(10));
    let l = reports::liability(&s.store, &s.owner).unwrap();
    assert_eq!(l.outstanding_points, 250);
    assert_eq!(l.outstanding_value_fen, 250, "100 points = ¥1");
    assert_eq!((l.unused_coupons, l.unused_coupon_value_fen), (1, 500));
    assert_eq!(
        (l.expiring_30_days, l.expiring_60_days, l.expiring_90_days),
        (0, 250, 250)
    );
    let tiers: Vec<(&str, i64)> = l
        .tier_counts
        .iter()
        .map(|(c, n)| (c.as_str(), *n))
        .collect();
    assert_eq!(
        tiers,
        vec![("regular", 1), ("silver", 0), ("gold", 0), ("diamond", 0)],
        "every tier of the rules is listed, lowest first, with its customers"
    );
    let m = reports::monthly(&s.store, &s.owner).unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!((m[0].month.as_str(), m[0].issued), ("2026-03", 250));
}

#[test]
fn the_customer_360_panel_has_points_tier_progress_history_and_coupons() {
    let s = shop();
    let a = s.customer("王芳", "13800138000");
    s.order(a, 60_000, 0);
    s.run();
    let def = coupon(&s, CouponKind::Gift, |c| c.gift = "茶杯一只".into());
    coupons::issue(&s.store, &s.owner, def.id, &[a], None).unwrap();
    let v = loyalty::customer_loyalty(&s.store, &s.owner, a).unwrap();
    assert_eq!(v.points.balance, 600);
    assert_eq!(v.points.locked, 600);
    assert_eq!(
        v.tier.tier.as_ref().map(|t| t.code.as_str()),
        Some("regular")
    );
    assert_eq!(v.tier.to_next_fen, Some(40_000), "¥400 more to silver");
    assert_eq!(v.history.len(), 1);
    assert_eq!(v.tier_history.len(), 1);
    assert_eq!(v.coupons.len(), 1);
}

#[test]
fn applying_new_rules_gives_exactly_what_the_what_if_preview_showed() {
    let s = shop();
    let mut ids = Vec::new();
    for (i, spend) in [50_000i64, 120_000, 350_000, 900_000, 20_000]
        .iter()
        .enumerate()
    {
        let c = s.customer(&format!("客户{i}"), &format!("1380013800{i}"));
        s.order(c, *spend, 0);
        ids.push(c);
    }
    s.run();
    s.advance_days(3);
    s.order(ids[0], 30_000, 0); // ¥800 in total: silver under the new rules
    let mut rules = loyalty::rules::current(&s.store, &s.owner).unwrap().rules;
    rules.points_per_yuan = 2;
    rules.tiers[1].threshold_fen = 50_000; // silver from ¥500
    rules.expiry = ExpiryPolicy::AfterEarning { months: 6 };
    let before = loyalty::rules::history(&s.store, &s.owner).unwrap().len();
    let preview = whatif::preview(&s.store, &s.owner, &rules).unwrap();
    assert_eq!(
        loyalty::rules::history(&s.store, &s.owner).unwrap().len(),
        before,
        "the preview saves nothing"
    );
    assert_eq!(
        preview.customers_changing_tier, 1,
        "¥800 reaches the new silver: {preview:?}"
    );
    assert_eq!(
        preview.replay_points_new,
        2 * preview.replay_points_current,
        "twice the rate, same multipliers"
    );
    assert_eq!(
        preview.liability_change_points, 0,
        "the ¥300 order earned when it was written; no expiry due yet"
    );
    let applied = whatif::apply(&s.store, &s.owner, &rules).unwrap();
    assert_eq!(
        applied, preview,
        "applying gives exactly the simulated result"
    );
    let again = s.run();
    assert!(
        !again.changed_anything(),
        "after apply the job has nothing left to do: {again:?}"
    );
}

#[test]
fn a_coupon_entered_as_shop_days_is_valid_from_the_first_midnight_to_the_last_second() {
    use chrono::NaiveDate;
    let s = shop();
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let entry = NewCoupon {
        name: "十一月满减".into(),
        kind: CouponKind::Fixed,
        threshold_fen: 0,
        amount_fen: 500,
        percent_off: 0,
        cap_fen: 0,
        gift: String::new(),
        min_spend_fen: 0,
        channel: None,
        valid_from: day(11, 1),
        valid_to: day(11, 30),
        per_customer_limit: 1,
        total_limit: None,
    };
    let c = coupons::create_in_shop_days(&s.store, &s.owner, &entry).unwrap();
    // the shop's default timezone is Asia/Shanghai (UTC+8)
    assert_eq!(
        laoke::time::ts(c.def.valid_from),
        "2026-10-31T16:00:00.000Z"
    );
    assert_eq!(laoke::time::ts(c.def.valid_to), "2026-11-30T15:59:59.000Z");
    assert_eq!((c.first_day, c.last_day), (day(11, 1), day(11, 30)));
    let listed = coupons::list(&s.store, &s.owner).unwrap();
    assert_eq!(
        (listed[0].first_day, listed[0].last_day),
        (day(11, 1), day(11, 30))
    );
    // one day is a valid coupon; a last day before the first is refused, naming the field
    let one = NewCoupon {
        valid_to: day(11, 1),
        ..entry.clone()
    };
    assert!(coupons::create_in_shop_days(&s.store, &s.owner, &one).is_ok());
    let bad = NewCoupon {
        valid_to: day(10, 31),
        ..entry
    };
    let e = coupons::create_in_shop_days(&s.store, &s.owner, &bad).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(e.message(laoke::i18n::Lang::ZhCn).contains("有效期"), "{e}");
}
