//! SIGKILL during a sale paid partly with points and a coupon (`laoke orders new … --points
//! --coupon`, one transaction: the order, the customer's stats and points, the redeem row, the
//! coupon's use, the audit row): after each kill `laoke verify` passes and either all of it is
//! there or none of it (tests/crash_support).

mod common;
mod crash_support;

use chrono::Duration;
use crash_support::*;
use laoke::{
    loyalty::{
        coupons::{self, CouponKind, NewCoupon},
        redemption::{self, OrderDraft, Redemption},
    },
    orders::Channel,
    store::Store,
};

#[test]
fn a_sale_with_redemption_killed_at_random_points_lands_whole_or_not_at_all() {
    let p = prepare(300, 4_000, true);
    let customer = p.query_i64(
        "SELECT customer_id FROM points_balances ORDER BY balance DESC, customer_id LIMIT 1",
    );
    // A ¥10 coupon for the customer, valid around the CLI's (system) clock.
    let (store, s) = Store::login(
        &p.template,
        common::OWNER,
        common::OWNER_PASSWORD,
        laoke::clock::system(),
    )
    .unwrap();
    let now = store.now();
    let coupon = coupons::create(
        &store,
        &s,
        &NewCoupon {
            name: "店庆立减10元".into(),
            kind: CouponKind::Fixed,
            threshold_fen: 0,
            amount_fen: 1_000,
            percent_off: 0,
            cap_fen: 0,
            gift: String::new(),
            min_spend_fen: 0,
            channel: None,
            valid_from: now - Duration::days(1),
            valid_to: now + Duration::days(30),
            per_customer_limit: 1,
            total_limit: None,
        },
    )
    .unwrap();
    let grant = coupons::issue(&store, &s, coupon.id, &[customer], None).unwrap()[0];
    // Two tins of 龙井 at ¥199 and one 白茶 at ¥128, paying half the most points allowed.
    let goods_fen = 2 * 19_900 + 12_800;
    let preview = redemption::preview(
        &store,
        &s,
        &OrderDraft {
            customer_id: customer,
            channel: Channel::InStore,
            goods_fen,
            shipping_fen: 0,
            discount_fen: 0,
        },
        &Redemption {
            points: 0,
            coupon_grant_id: Some(grant),
        },
    )
    .unwrap();
    let points = (preview.max_points / 2).max(preview.min_points);
    assert!(
        points > 0 && points <= preview.max_points,
        "the customer can pay with points: {preview:?}"
    );
    drop(store);
    let (customer, grant, points) = (customer.to_string(), grant.to_string(), points.to_string());
    let n = kill_at_random_points(
        "sale with redemption",
        &p,
        &args(&[
            "orders",
            "new",
            "--customer",
            &customer,
            "--item",
            "龙井=199.00x2",
            "--item",
            "白茶=128",
            "--points",
            &points,
            "--coupon",
            &grant,
        ]),
        0x5a1e,
    );
    assert!(n.kills >= ROUNDS);
}
