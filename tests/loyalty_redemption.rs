//! Paying with points and a coupon while an in-store sale is entered: one transaction with the
//! order (amounts, redeem row, coupon marked used), errors that name the field and create
//! nothing, the preview the entry screen shows equal to what is created, what a refund or a
//! cancellation gives back, and a member tier that follows a customer merge.

mod loyalty_support;

use chrono::Duration;
use laoke::{
    auth::Role,
    i18n::Lang,
    loyalty::{
        self,
        coupons::{self, CouponKind, GrantState, NewCoupon},
        redemption::{self, OrderDraft, Redemption},
        Reason,
    },
    orders::{self, Channel, ManualOrder, OrderStatus},
};
use loyalty_support::{common, shop, Shop};

fn sale(customer: i64, goods_fen: i64) -> ManualOrder {
    common::in_store_sale(Some(customer), "碧螺春", goods_fen)
}

fn draft(customer: i64, goods_fen: i64) -> OrderDraft {
    OrderDraft {
        customer_id: customer,
        channel: Channel::InStore,
        goods_fen,
        shipping_fen: 0,
        discount_fen: 0,
    }
}

/// 满100减10, valid for 30 days, issued to `customer`. Returns the grant id.
fn threshold_coupon(s: &Shop, customer: i64, valid_days: i64) -> i64 {
    let now = s.store.now();
    let def = coupons::create(
        &s.store,
        &s.owner,
        &NewCoupon {
            name: "满100减10".into(),
            kind: CouponKind::Threshold,
            threshold_fen: 10_000,
            amount_fen: 1_000,
            percent_off: 0,
            cap_fen: 0,
            gift: String::new(),
            min_spend_fen: 0,
            channel: None,
            valid_from: now - Duration::days(1),
            valid_to: now + Duration::days(valid_days),
            per_customer_limit: 1,
            total_limit: None,
        },
    )
    .unwrap();
    coupons::issue(&s.store, &s.owner, def.id, &[customer], None).unwrap()[0]
}

/// A customer with 1,000 usable points (a ¥1,000 order 7 days ago).
fn customer_with_points(s: &Shop) -> i64 {
    let c = s.customer("王芳", "13800138000");
    s.order(c, 100_000, 0);
    s.advance_days(7);
    assert_eq!(s.summary(c).usable, 1_000);
    c
}

fn rep(s: &Shop) -> laoke::auth::Session {
    common::add_user(&s.store, &s.owner, "rep1", Role::Rep, "rep password 1");
    laoke::store::Store::login(s.store.dir(), "rep1", "rep password 1", s.clock.clone())
        .unwrap()
        .1
}

fn count(s: &Shop, sql: &str) -> i64 {
    s.raw().query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn a_rep_pays_part_of_an_in_store_sale_with_points_and_a_coupon_in_the_orders_transaction() {
    let s = shop();
    let c = customer_with_points(&s);
    let g = threshold_coupon(&s, c, 30);
    let rep = rep(&s);
    let r = Redemption {
        points: 500,
        coupon_grant_id: Some(g),
    };
    let id =
        laoke::sales::create(&s.store, &rep, &sale(c, 20_000), &r).expect("the sale is entered");
    let o = orders::get(&s.store, &s.owner, id).unwrap();
    assert_eq!(o.row.discount_fen, 1_500, "¥10 coupon + ¥5 of points");
    assert_eq!(o.row.paid_fen, 18_500, "¥200 − ¥15 is paid in money");
    let redeem: (i64, String, Option<i64>, Option<i64>) = s
        .raw()
        .query_row(
            "SELECT delta, source, source_id, base_fen FROM points_ledger WHERE reason = 'redeem'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(redeem, (-500, "order".into(), Some(id), Some(500)));
    let grant = coupons::for_customer(&s.store, &s.owner, c).unwrap();
    assert_eq!(grant[0].state, GrantState::Used);
    assert_eq!(grant[0].order_id, Some(id));
    assert_eq!(grant[0].discount_fen, Some(1_000));
    // 1,000 − 500 redeemed + 185 earned on the money paid (locked for 7 days)
    assert_eq!(s.balance(c), 685);
    assert_eq!(s.summary(c).usable, 500);
    assert_eq!(s.ledger_sum(c), 685);
    let shown = redemption::for_order(&s.store, &s.owner, id).unwrap();
    assert_eq!(
        (shown.points, shown.points_fen, shown.coupon_fen),
        (500, 500, 1_000)
    );
    let audit = common::audit_actions(&s.raw());
    for action in ["order_created", "points_redeemed", "coupon_redeemed"] {
        assert!(audit.iter().any(|a| a.1 == action), "{action} is audited");
    }
}

#[test]
fn the_preview_shows_usable_points_the_maximum_each_coupon_and_the_amount_to_pay() {
    let s = shop();
    let c = customer_with_points(&s);
    let g = threshold_coupon(&s, c, 30);
    let p = redemption::preview(
        &s.store,
        &s.owner,
        &draft(c, 20_000),
        &Redemption::default(),
    )
    .unwrap();
    assert_eq!((p.usable_points, p.usable_value_fen), (1_000, 1_000));
    assert_eq!(
        p.max_points, 1_000,
        "half of ¥200 is more than the points are worth"
    );
    assert_eq!(p.coupons.len(), 1);
    assert_eq!(
        (p.coupons[0].grant_id, p.coupons[0].discount_fen),
        (g, 1_000)
    );
    assert!(p.coupons[0].usable);
    assert_eq!(p.to_pay_fen, 20_000);
    // a small order: the coupon's threshold is not reached, and at most half may be points
    let small = redemption::preview(
        &s.store,
        &s.owner,
        &draft(c, 8_000),
        &Redemption {
            points: 300,
            coupon_grant_id: None,
        },
    )
    .unwrap();
    assert!(!small.coupons[0].usable);
    assert!(small.coupons[0]
        .problem_zh
        .as_deref()
        .unwrap()
        .contains("最低消费"));
    assert_eq!(
        small.max_points, 1_000,
        "all usable points fit in half of ¥80"
    );
    let tiny =
        redemption::preview(&s.store, &s.owner, &draft(c, 1_000), &Redemption::default()).unwrap();
    assert_eq!(tiny.max_points, 500, "half of ¥10 is 500 points");
    assert_eq!((small.points_fen, small.to_pay_fen), (300, 7_700));
    assert_eq!(small.problem_zh, None);
    // with the coupon, the points' maximum is half of what is left after it
    let both = redemption::preview(
        &s.store,
        &s.owner,
        &draft(c, 12_000),
        &Redemption {
            points: 800,
            coupon_grant_id: Some(g),
        },
    )
    .unwrap();
    assert_eq!(both.coupon_fen, 1_000);
    assert_eq!(
        both.max_points, 1_000,
        "half of ¥110 left after the coupon is more"
    );
    assert_eq!(both.to_pay_fen, 12_000 - 1_000 - 800);
    // what the preview says is what creating the order does
    let id = laoke::sales::create(
        &s.store,
        &s.owner,
        &sale(c, 12_000),
        &Redemption {
            points: 800,
            coupon_grant_id: Some(g),
        },
    )
    .unwrap();
    assert_eq!(
        orders::get(&s.store, &s.owner, id).unwrap().row.paid_fen,
        both.to_pay_fen
    );
}

#[test]
fn a_redemption_that_breaks_a_rule_names_the_field_and_creates_nothing() {
    let s = shop();
    let c = customer_with_points(&s);
    let g = threshold_coupon(&s, c, 30);
    let orders_before = count(&s, "SELECT count(*) FROM orders");
    let rows_before = count(&s, "SELECT count(*) FROM points_ledger");
    let cases: Vec<(ManualOrder, Redemption, &str)> = vec![
        (
            sale(c, 20_000),
            Redemption {
                points: 50,
                coupon_grant_id: None,
            },
            "抵扣积分",
        ),
        (
            sale(c, 20_000),
            Redemption {
                points: 2_000,
                coupon_grant_id: None,
            },
            "可用积分只有 1000",
        ),
        (
            sale(c, 1_000),
            Redemption {
                points: 600,
                coupon_grant_id: None,
            },
            "最多抵订单金额的 50%",
        ),
        (
            sale(c, 8_000),
            Redemption {
                points: 0,
                coupon_grant_id: Some(g),
            },
            "最低消费",
        ),
        (
            sale(c, 20_000),
            Redemption {
                points: 0,
                coupon_grant_id: Some(g + 99),
            },
            "优惠券",
        ),
        (
            ManualOrder {
                status: OrderStatus::Unpaid,
                ..sale(c, 20_000)
            },
            Redemption {
                points: 200,
                coupon_grant_id: None,
            },
            "状态",
        ),
        (
            ManualOrder {
                paid_fen: Some(19_000),
                ..sale(c, 20_000)
            },
            Redemption {
                points: 200,
                coupon_grant_id: None,
            },
            "实付金额",
        ),
        (
            ManualOrder {
                customer_id: None,
                ..sale(c, 20_000)
            },
            Redemption {
                points: 200,
                coupon_grant_id: None,
            },
            "客户",
        ),
    ];
    for (m, r, field) in cases {
        let e = laoke::sales::create(&s.store, &s.owner, &m, &r).unwrap_err();
        assert_eq!(e.code(), "invalid_input", "{r:?}: {e}");
        assert!(
            e.message(Lang::ZhCn).contains(field),
            "{r:?}: {}",
            e.message(Lang::ZhCn)
        );
        assert!(!e.message(Lang::En).is_empty());
    }
    // a used coupon and an expired one
    laoke::sales::create(
        &s.store,
        &s.owner,
        &sale(c, 20_000),
        &Redemption {
            points: 0,
            coupon_grant_id: Some(g),
        },
    )
    .unwrap();
    let e = laoke::sales::create(
        &s.store,
        &s.owner,
        &sale(c, 20_000),
        &Redemption {
            points: 0,
            coupon_grant_id: Some(g),
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "conflict");
    assert!(e.message(Lang::ZhCn).contains("优惠券"), "{e}");
    let g2 = threshold_coupon(&s, c, 1);
    s.advance_days(2);
    let e = laoke::sales::create(
        &s.store,
        &s.owner,
        &sale(c, 20_000),
        &Redemption {
            points: 0,
            coupon_grant_id: Some(g2),
        },
    )
    .unwrap_err();
    assert!(e.message(Lang::ZhCn).contains("有效期"), "{e}");
    assert_eq!(
        count(&s, "SELECT count(*) FROM orders"),
        orders_before + 1,
        "only the good sale"
    );
    assert_eq!(
        count(
            &s,
            "SELECT count(*) FROM points_ledger WHERE reason = 'redeem'"
        ),
        0,
        "no points were redeemed"
    );
    assert!(count(&s, "SELECT count(*) FROM points_ledger") > rows_before);
}

#[test]
fn cancelling_the_order_returns_the_points_and_restores_a_still_valid_coupon() {
    let s = shop();
    let c = customer_with_points(&s);
    let g = threshold_coupon(&s, c, 30);
    let id = laoke::sales::create(
        &s.store,
        &s.owner,
        &sale(c, 20_000),
        &Redemption {
            points: 600,
            coupon_grant_id: Some(g),
        },
    )
    .unwrap();
    assert_eq!(s.summary(c).usable, 400);
    laoke::sales::set_status(&s.store, &s.owner, id, OrderStatus::Cancelled).unwrap();
    assert_eq!(
        s.balance(c),
        1_000,
        "redeemed points back, earned points reversed"
    );
    assert_eq!(
        s.summary(c).usable,
        1_000,
        "returned points are usable at once"
    );
    let back: (i64, Option<i64>) = s
        .raw()
        .query_row(
            "SELECT r.delta, r.reverses_id = d.id FROM points_ledger r
             JOIN points_ledger d ON d.reason = 'redeem'
             WHERE r.reverses_id IS NOT NULL AND r.delta > 0",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        back,
        (600, Some(1)),
        "a reversing row points at the redeem row"
    );
    let grant = &coupons::for_customer(&s.store, &s.owner, c).unwrap()[0];
    assert_eq!(
        grant.state,
        GrantState::Unused,
        "the coupon can be used again"
    );
    assert_eq!(grant.order_id, None);
    let first = s.run();
    assert_eq!(
        (first.sync.returned_points, first.sync.restored_coupons),
        (0, 0),
        "nothing is given back twice"
    );
    let again = s.run();
    assert!(!again.changed_anything(), "{again:?}");
    assert_eq!(s.balance(c), 1_000);
    assert!(common::audit_actions(&s.raw())
        .iter()
        .any(|a| a.1 == "coupon_restored"));
}

#[test]
fn a_partial_refund_returns_points_in_proportion_and_a_full_one_the_rest_but_not_an_expired_coupon()
{
    let s = shop();
    let c = customer_with_points(&s);
    let g = threshold_coupon(&s, c, 3);
    // ¥200 goods − ¥10 coupon − ¥8 points: ¥182 paid
    let id = laoke::sales::create(
        &s.store,
        &s.owner,
        &sale(c, 20_000),
        &Redemption {
            points: 800,
            coupon_grant_id: Some(g),
        },
    )
    .unwrap();
    laoke::sales::refund(&s.store, &s.owner, id, 9_100, "退一半").unwrap();
    let returned = |s: &Shop| {
        count(s, "SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE reason = 'reverse' AND delta > 0")
    };
    assert_eq!(
        returned(&s),
        400,
        "half the money back: half the points back"
    );
    assert_eq!(
        coupons::for_customer(&s.store, &s.owner, c).unwrap()[0].state,
        GrantState::Used,
        "a partial refund keeps the coupon used"
    );
    s.advance_days(5); // the coupon's validity ends
    laoke::sales::refund(&s.store, &s.owner, id, 9_100, "全部退").unwrap();
    assert_eq!(
        returned(&s),
        800,
        "a full refund returns every redeemed point"
    );
    let grant = &coupons::for_customer(&s.store, &s.owner, c).unwrap()[0];
    assert_eq!(
        grant.order_id,
        Some(id),
        "an expired coupon stays used on its order"
    );
    s.run();
    assert_eq!(returned(&s), 800);
    assert_eq!(s.balance(c), s.ledger_sum(c));
    let reasons: Vec<Reason> = loyalty::points::history(&s.store, &s.owner, c, 50)
        .unwrap()
        .iter()
        .map(|e| e.reason)
        .collect();
    assert!(reasons.contains(&Reason::Redeem) && reasons.contains(&Reason::Reverse));
}

#[test]
fn an_order_without_a_redemption_is_entered_exactly_as_before() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let id =
        laoke::sales::create(&s.store, &s.owner, &sale(c, 5_000), &Redemption::default()).unwrap();
    let o = orders::get(&s.store, &s.owner, id).unwrap();
    assert_eq!((o.row.discount_fen, o.row.paid_fen), (0, 5_000));
    assert_eq!(s.balance(c), 50);
}

fn tier_of(s: &Shop, c: i64) -> Option<String> {
    loyalty::tiers::status(&s.store, &s.owner, c)
        .unwrap()
        .tier
        .map(|t| t.code)
}

#[test]
fn a_merge_lifts_the_kept_customers_tier_with_the_merged_spend_and_an_undo_restores_it() {
    let s = shop();
    let keep = s.customer("王芳", "13800138000");
    let other = s.customer("王芳（旧号）", "13900139000");
    s.order(keep, 60_000, 0); // ¥600
    s.order(other, 50_000, 0); // ¥500: together ¥1,100 reaches silver (¥1,000)
    s.run();
    let base = tier_of(&s, keep).expect("a buyer has a tier");
    let m =
        laoke::customer_ops::merge(&s.store, &s.owner, keep, other, &Default::default()).unwrap();
    let silver = tier_of(&s, keep).unwrap();
    assert_ne!(silver, base, "upgraded at once");
    let hist = loyalty::tiers::history(&s.store, &s.owner, keep).unwrap();
    assert_eq!(hist[0].reason, "merge");
    assert_eq!(
        (hist[0].from_tier.clone(), hist[0].to_tier.clone()),
        (Some(base.clone()), silver.clone())
    );
    assert_eq!(hist[0].spend_fen, 110_000);
    let again = s.run();
    assert_eq!(
        again.tiers.upgraded + again.tiers.downgraded,
        0,
        "the job agrees: {again:?}"
    );
    laoke::customer_ops::unmerge(&s.store, &s.owner, m.merge_id).unwrap();
    assert_eq!(
        tier_of(&s, keep),
        Some(base.clone()),
        "the undo restores the tier"
    );
    let hist = loyalty::tiers::history(&s.store, &s.owner, keep).unwrap();
    assert_eq!(
        (hist[0].reason.as_str(), hist[0].to_tier.as_str()),
        ("merge", base.as_str())
    );
}

#[test]
fn a_locked_tier_stays_locked_through_a_merge() {
    let s = shop();
    let keep = s.customer("王芳", "13800138000");
    let other = s.customer("王芳（旧号）", "13900139000");
    s.order(keep, 10_000, 0);
    s.order(other, 500_000, 0); // ¥5,000: gold by spend
    s.run();
    let first = loyalty::rules::current(&s.store, &s.owner)
        .unwrap()
        .rules
        .tiers[0]
        .code
        .clone();
    loyalty::tiers::set_lock(&s.store, &s.owner, keep, Some(&first)).unwrap();
    laoke::customer_ops::merge(&s.store, &s.owner, keep, other, &Default::default()).unwrap();
    assert_eq!(tier_of(&s, keep), Some(first));
    let hist = loyalty::tiers::history(&s.store, &s.owner, keep).unwrap();
    assert!(hist.iter().all(|h| h.reason != "merge"));
}
