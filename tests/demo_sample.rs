//! The sample shop (issue 17): deterministic, alive on every screen, and consistent.
//! Made once at full size (2,000 customers, two years) and checked from every side: every
//! ticket state present, plausible service figures, loyalty on with tiers, coupons and points
//! expiring within 30 and 7 days, `laoke verify` clean; and made twice at a smaller size to
//! prove the same seed and clock give the same shop.

mod common;

use chrono::{Duration, TimeZone, Utc};
use laoke::{
    auth::Session,
    clock::{FixedClock, SharedClock},
    demo::{self, sample, SampleSpec},
    store::Store,
    tickets::reports::{report, Period},
};
use std::sync::Arc;

/// A Tuesday evening in December, Shanghai time (after 双11, before 春节).
fn at() -> SharedClock {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 8, 12, 30, 0).unwrap())
}

fn make(
    dir: &std::path::Path,
    customers: u32,
    seed: u64,
) -> (Store, Session, sample::SampleReport) {
    let owner = common::owner();
    let (store, s, _key, report) =
        sample::create(dir, &owner, at(), &SampleSpec { customers, seed })
            .expect("the sample shop is made");
    (store, s, report)
}

fn count(conn: &rusqlite::Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

#[test]
fn the_same_seed_and_clock_make_the_same_shop() {
    let (_t1, d1) = common::temp_store_dir();
    let (_t2, d2) = common::temp_store_dir();
    let (_t3, d3) = common::temp_store_dir();
    let (_, _, a) = make(&d1, 150, 7);
    let (_, _, b) = make(&d2, 150, 7);
    let (_, _, c) = make(&d3, 150, 8);
    assert_eq!(a, b, "same seed, same clock: same counts and sums");
    assert_ne!(a, c, "another seed, another shop");
    assert_eq!(a.customers, 150);
    assert!(a.orders > 150, "{a:?}");
}

#[test]
fn the_sample_shop_is_alive() {
    let (_tmp, dir) = common::temp_store_dir();
    let started = std::time::Instant::now();
    let (store, s, r) = make(&dir, 2_000, 2026);
    eprintln!(
        "sample shop made in {:.1} s: {r:?}",
        started.elapsed().as_secs_f64()
    );
    assert_eq!(store.now(), at().now(), "reopened on the injected clock");
    let db = common::raw_connection_as_owner(&store, &s);

    // Customers and two years of orders over every channel, with repeat buyers and refunds.
    assert_eq!(r.customers, 2_000);
    assert!((4_000..9_000).contains(&r.orders), "{r:?}");
    for ch in [
        "taobao",
        "tmall",
        "jd",
        "pdd",
        "wechat_shop",
        "douyin",
        "in_store",
    ] {
        let n = count(
            &db,
            &format!("SELECT count(*) FROM orders WHERE channel = '{ch}'"),
        );
        assert!(n > 20, "channel {ch}: {n} orders");
    }
    let first = count(
        &db,
        "SELECT CAST(julianday('2026-12-08') - julianday(min(ordered_at)) AS INTEGER) FROM orders",
    );
    assert!(
        (700..=731).contains(&first),
        "history starts ~2 years back: {first} days"
    );
    let repeat = count(&db, "SELECT count(*) FROM (SELECT customer_id FROM orders GROUP BY customer_id HAVING count(*) >= 3)");
    assert!(repeat > 200, "repeat buyers: {repeat}");
    let partial = count(
        &db,
        "SELECT count(*) FROM orders WHERE status = 'partially_refunded'",
    );
    let full = count(&db, "SELECT count(*) FROM orders WHERE status = 'refunded'");
    assert!(
        partial > 20 && full > 20,
        "refunds: {partial} partial, {full} full"
    );
    // 双11 is the busiest day of the year; the 春节 fortnight the quietest.
    let double11 = count(&db, "SELECT count(*) FROM orders WHERE substr(datetime(ordered_at, '+8 hours'), 1, 10) = '2026-11-11'");
    let ordinary = count(&db, "SELECT count(*) FROM orders WHERE substr(datetime(ordered_at, '+8 hours'), 1, 10) = '2026-09-15'");
    assert!(
        double11 > 5 * ordinary.max(1),
        "双11 {double11} vs an ordinary day {ordinary}"
    );

    // Tickets in every state, a few complaints per hundred orders.
    for st in [
        "new",
        "assigned",
        "in_progress",
        "waiting",
        "resolved",
        "closed",
        "merged",
    ] {
        let n = count(
            &db,
            &format!("SELECT count(*) FROM tickets WHERE state = '{st}'"),
        );
        assert!(n > 0, "no ticket is {st}");
    }
    let complaints = count(&db, "SELECT count(*) FROM tickets WHERE type = 'complaint'");
    let per_100 = complaints as f64 * 100.0 / r.orders as f64;
    assert!(
        (0.5..6.0).contains(&per_100),
        "{per_100:.1} complaints per 100 orders"
    );
    assert!(
        count(
            &db,
            "SELECT count(*) FROM tickets WHERE first_response_breached OR resolution_breached"
        ) > 0
    );

    let late = count(
        &db,
        "SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL AND resolution_breached",
    );
    let resolved = count(
        &db,
        "SELECT count(*) FROM tickets WHERE resolved_at IS NOT NULL",
    );
    assert!(
        late * 100 > resolved * 3 && late * 100 < resolved * 25,
        "some tickets are resolved late: {late} of {resolved}"
    );

    // The service report over the last months shows plausible figures.
    let rep = report(&store, &s, Period::Month, "2026-06-01", "2026-11-30").unwrap();
    for row in &rep.rows {
        let fr = row
            .median_first_response_min
            .expect("first responses every month");
        assert!(
            (5..=240).contains(&fr),
            "{}: first response median {fr} min",
            row.period
        );
        let res = row.median_resolution_min.expect("resolutions every month");
        assert!(res > fr, "{}: resolution median {res} min", row.period);
        let c = row
            .complaints_per_100_orders_x10
            .expect("orders every month");
        assert!(
            (1..=80).contains(&c),
            "{}: {c} ‰ complaints per 100 orders ×10",
            row.period
        );
        assert!(row.csat_permille.is_some(), "{}: CSAT", row.period);
    }

    // Follow-ups, some due around today.
    assert!(r.follow_ups > 50, "{r:?}");
    let due = count(&db, "SELECT count(*) FROM follow_ups WHERE superseded = 0 AND next_contact_on BETWEEN '2026-12-01' AND '2026-12-15'");
    assert!(due > 0, "follow-ups due around today");

    // Loyalty on: tiers, points, redemptions, points expiring within 30 and 7 days, coupons.
    let tiers = count(&db, "SELECT count(DISTINCT tier) FROM customer_tiers");
    assert!(tiers >= 3, "{tiers} tiers in use");
    assert!(r.points_balance > 0);
    assert!(
        count(
            &db,
            "SELECT count(*) FROM points_ledger WHERE reason = 'redeem'"
        ) > 10
    );
    assert!(
        count(
            &db,
            "SELECT count(*) FROM points_ledger WHERE reason = 'expire'"
        ) > 0
    );
    let in30 = laoke::loyalty::expiring(&store, &s, 30).unwrap();
    let in7 = laoke::loyalty::expiring(&store, &s, 7).unwrap();
    assert!(
        !in7.is_empty() && in30.len() > in7.len(),
        "expiring: {} in 30 days, {} in 7",
        in30.len(),
        in7.len()
    );
    let c7 = laoke::loyalty::coupons::expiring(&store, &s, 7).unwrap();
    let c30 = laoke::loyalty::coupons::expiring(&store, &s, 30).unwrap();
    assert!(
        !c7.is_empty() && c30.len() > c7.len(),
        "coupons expiring: {} in 30 days, {} in 7",
        c30.len(),
        c7.len()
    );
    assert!(
        count(
            &db,
            "SELECT count(*) FROM coupon_grants WHERE used_at IS NOT NULL"
        ) > 0
    );

    // Everything adds up: `laoke verify`.
    let v = laoke::verify::run(&store, &s).unwrap();
    assert!(v.is_ok(), "{v:?}");
    // The job has nothing left to do at this clock (points are up to date).
    let job = laoke::loyalty::run(&store, &s).unwrap();
    assert!(!job.changed_anything(), "{job:?}");
}

#[test]
fn the_demo_store_is_the_sample_shop() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = laoke::paths::demo_dir(tmp.path());
    let clock: Arc<FixedClock> =
        FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 8, 12, 30, 0).unwrap());
    let (store, s) = demo::open_or_create(&dir, 60, clock.clone()).unwrap();
    assert_eq!(s.username(), demo::DEMO_USERNAME);
    let db = common::raw_connection_as_owner(&store, &s);
    assert!(count(&db, "SELECT count(*) FROM orders") > 60);
    assert!(count(&db, "SELECT count(*) FROM tickets") > 0);
    drop(store);
    clock.advance(Duration::days(1));
    let (store, s) = demo::open_or_create(&dir, 60, clock).unwrap();
    let db = common::raw_connection_as_owner(&store, &s);
    assert_eq!(
        count(&db, "SELECT count(*) FROM customers"),
        60,
        "reopened, not made again"
    );
}

#[test]
fn a_sample_shop_left_half_built_is_thrown_away_and_built_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = laoke::paths::demo_dir(tmp.path());
    // what a crash half-way leaves: the building folder with a partial store in it, and the
    // empty folder the sample shop goes to
    let building = dir.with_file_name("demo.building");
    std::fs::create_dir_all(&building).unwrap();
    std::fs::write(building.join("laoke.keys"), b"half written").unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    let clock: Arc<FixedClock> =
        FixedClock::new(Utc.with_ymd_and_hms(2026, 12, 8, 12, 30, 0).unwrap());
    let (store, s) = demo::open_or_create(&dir, 40, clock).unwrap();
    let db = common::raw_connection_as_owner(&store, &s);
    assert_eq!(count(&db, "SELECT count(*) FROM customers"), 40);
    assert!(
        !building.exists(),
        "the building folder became the sample shop"
    );
}
