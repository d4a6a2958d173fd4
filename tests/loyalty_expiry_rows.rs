//! Expiry rows: the job writes one `expire` row per customer per run, closing every lot due at
//! that time (the mass-expiry day of a big store: 68,853 rows instead of 909,346). Re-running
//! adds nothing, old per-lot rows (`expire:lot:{id}`) still replay as before next to new ones,
//! a redemption after a partial expiry takes the right lots first-in first-out, the inactivity
//! policy closes lots by their own deadlines, the history says what a row closed, and the
//! what-if preview still equals the applied rules.

mod loyalty_support;

use chrono::{DateTime, Duration, Utc};
use laoke::{
    loyalty::{self, ledger, lots, whatif, ExpiryPolicy, PointsEntry, Reason, Source},
    store::ts,
};
use loyalty_support::{shop, t0, Shop};

/// The customer's expiry rows: (delta, lot_id, idempotency key), oldest first.
fn expiry_rows(s: &Shop, c: i64) -> Vec<(i64, Option<i64>, String)> {
    let conn = s.raw();
    let mut stmt = conn
        .prepare(
            "SELECT delta, lot_id, idempotency_key FROM points_ledger
             WHERE customer_id = ?1 AND reason = 'expire' ORDER BY id",
        )
        .unwrap();
    let rows = stmt
        .query_map([c], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    rows
}

/// The customer's lots as the replay sees them: (lot entry id, remaining, closed).
fn lot_states(s: &Shop, c: i64) -> Vec<(i64, i64, bool)> {
    let entries = ledger::entries(&s.raw(), c).unwrap();
    lots::replay(&entries)
        .lots
        .iter()
        .map(|l| (l.entry_id, l.remaining, l.closed))
        .collect()
}

/// The id of the customer's newest positive row (the lot just earned).
fn newest_lot(s: &Shop, c: i64) -> i64 {
    s.raw()
        .query_row(
            "SELECT max(id) FROM points_ledger WHERE customer_id = ?1 AND delta > 0",
            [c],
            |r| r.get(0),
        )
        .unwrap()
}

fn order_and_earn(s: &Shop, c: i64, goods_fen: i64) -> i64 {
    s.order(c, goods_fen, 0);
    s.run();
    newest_lot(s, c)
}

fn verify_ok(s: &Shop) {
    let v = laoke::verify::run(&s.store, &s.owner).unwrap();
    assert!(v.is_ok(), "laoke verify is clean: {v:?}");
}

#[test]
fn the_job_writes_one_expiry_row_per_customer_per_run_closing_every_due_lot() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 12 });
    let c = s.customer("王芳", "13800138000");
    let other = s.customer("李强", "13900139000");
    let a = order_and_earn(&s, c, 10_000); // 100
    s.advance_days(20);
    let b = order_and_earn(&s, c, 5_000); // 50
    order_and_earn(&s, other, 3_000); // 30
    s.advance_days(20);
    let last = order_and_earn(&s, c, 2_000); // 20
    assert!(a < b && b < last);
    s.advance_days(400); // every lot of both customers is past its 12 months
    let r = s.run();
    assert_eq!(r.expiry.customers, 2, "two customers had lots due");
    assert_eq!(r.expiry.lots, 4, "four lots closed");
    assert_eq!(r.expiry.points, 200);
    let rows = expiry_rows(&s, c);
    assert_eq!(rows.len(), 1, "one row for the customer's three lots");
    assert_eq!(rows[0].0, -170, "minus what was left of them");
    assert_eq!(
        rows[0].1,
        Some(last),
        "lot_id names the newest lot it closes"
    );
    assert!(
        rows[0].2.starts_with("expire:") && rows[0].2.ends_with(&format!("{c:010}")),
        "the key names the run's cutoff and the customer: {}",
        rows[0].2
    );
    assert!(lot_states(&s, c).iter().all(|l| l.2 && l.1 == 0));
    assert_eq!(s.balance(c), 0);
    assert_eq!(s.ledger_sum(c), 0);
    assert_eq!(s.balance(other), 0);
    verify_ok(&s);
}

#[test]
fn running_the_job_again_at_the_same_time_or_later_adds_nothing() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 1 });
    let c = s.customer("王芳", "13800138000");
    order_and_earn(&s, c, 10_000);
    s.advance_days(3);
    order_and_earn(&s, c, 5_000);
    s.advance_days(40);
    assert_eq!(s.run().expiry.points, 150);
    let count = |s: &Shop| -> i64 {
        s.raw()
            .query_row("SELECT count(*) FROM points_ledger", [], |r| r.get(0))
            .unwrap()
    };
    let rows = count(&s);
    let again = s.run();
    assert!(!again.changed_anything(), "same clock: {again:?}");
    assert_eq!(count(&s), rows, "not even a 0-point row");
    for days in [1, 30, 400] {
        s.advance_days(days);
        let later = s.run();
        assert_eq!(later.expiry, Default::default(), "{days} days later");
        assert_eq!(count(&s), rows);
    }
    assert_eq!(s.balance(c), 0, "no point expired twice");
    assert_eq!(expiry_rows(&s, c).len(), 1);
}

fn entry(
    id: i64,
    delta: i64,
    reason: Reason,
    at: DateTime<Utc>,
    expires_at: Option<DateTime<Utc>>,
    lot_id: Option<i64>,
    key: &str,
) -> PointsEntry {
    PointsEntry {
        id,
        customer_id: 1,
        delta,
        reason,
        source: if reason == Reason::Earn {
            Source::Order
        } else {
            Source::Job
        },
        source_id: None,
        rule_version_id: None,
        points_per_yuan: None,
        multiplier_pct: None,
        base_fen: None,
        operator: "job".into(),
        note: String::new(),
        ticket_id: None,
        at,
        usable_from: at,
        expiry_kind: if expires_at.is_some() {
            "after_earning".into()
        } else {
            "none".into()
        },
        expiry_months: expires_at.map(|_| 12),
        expires_at,
        lot_id,
        reverses_id: None,
        idempotency_key: key.into(),
        order_no: None,
        closed_lots: None,
    }
}

#[test]
fn a_ledger_with_old_per_lot_rows_and_new_per_customer_rows_replays_right() {
    let d = |n: i64| t0() + Duration::days(n);
    let rows = vec![
        entry(1, 100, Reason::Earn, d(0), Some(d(365)), None, "earn:1"),
        entry(2, 50, Reason::Earn, d(10), Some(d(375)), None, "earn:2"),
        entry(3, 30, Reason::Earn, d(20), Some(d(385)), None, "earn:3"),
        entry(4, 40, Reason::Earn, d(300), Some(d(665)), None, "earn:4"),
        // spent 120: all of lot 1 and 20 of lot 2
        entry(5, -120, Reason::Redeem, d(301), None, None, "redeem:5"),
        // an old per-lot row: lot 1 (nothing left) at its expiry
        entry(6, 0, Reason::Expire, d(366), None, Some(1), "expire:lot:1"),
        // a new per-customer row: lots 2 and 3 (30 + 30) but not lot 4
        entry(
            7,
            -60,
            Reason::Expire,
            d(390),
            None,
            Some(3),
            "expire:x:customer:1",
        ),
        // another old one after it, for a lot the new row already closed: nothing more taken
        entry(8, 0, Reason::Expire, d(391), None, Some(2), "expire:lot:2"),
    ];
    let l = lots::replay(&rows);
    let state: Vec<_> = l
        .lots
        .iter()
        .map(|l| (l.entry_id, l.remaining, l.closed))
        .collect();
    assert_eq!(
        state,
        vec![(1, 0, true), (2, 0, true), (3, 0, true), (4, 40, false)]
    );
    assert_eq!(l.balance(), 40);
    assert_eq!(l.balance(), rows.iter().map(|e| e.delta).sum::<i64>());
    assert_eq!(l.unmatched, 0);
    assert_eq!(l.usable(d(400)), 40);
    assert!(l.due(d(400)).is_empty(), "nothing left to close at day 400");
    assert_eq!(l.due(d(700)), vec![(4, 40)]);
    let closures: Vec<_> = l.closures.iter().map(|c| (c.entry_id, c.lots)).collect();
    assert_eq!(closures, vec![(6, 1), (7, 2), (8, 1)]);
    assert_eq!(l.closures[1].first_earned_at, d(10));
    assert_eq!(l.closures[1].last_earned_at, d(20));
}

#[test]
fn a_store_with_old_per_lot_expiry_rows_keeps_them_and_the_job_closes_only_the_rest() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 12 });
    let c = s.customer("王芳", "13800138000");
    let a = order_and_earn(&s, c, 10_000); // 100
    s.advance_days(30);
    let b = order_and_earn(&s, c, 5_000); // 50
    s.advance_days(30);
    let last = order_and_earn(&s, c, 3_000); // 30
    s.advance_days(310); // day 370: only lot a is past its 12 months
                         // what the job before migration 0010 wrote: one row for lot a
    let now = ts(s.store.now());
    s.raw()
        .execute(
            "INSERT INTO points_ledger (customer_id, delta, reason, source, operator, at,
                 usable_from, lot_id, idempotency_key)
             VALUES (?1, -100, 'expire', 'job', 'job', ?2, ?2, ?3, ?4)",
            rusqlite::params![c, now, a, format!("expire:lot:{a}")],
        )
        .unwrap();
    assert_eq!(s.run().expiry.lots, 0, "lot a is closed already");
    assert_eq!(s.balance(c), 80);
    s.advance_days(70); // day 440: b and last are due too
    let r = s.run();
    assert_eq!((r.expiry.lots, r.expiry.points), (2, 80), "only b and last");
    let rows = expiry_rows(&s, c);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].0, -80);
    assert_eq!(rows[1].1, Some(last));
    assert!(lot_states(&s, c).iter().all(|l| l.2 && l.1 == 0));
    assert!(b < last);
    assert_eq!(s.balance(c), 0);
    assert_eq!(s.ledger_sum(c), 0);
    assert!(!s.run().changed_anything());
    verify_ok(&s);
}

#[test]
fn a_redemption_after_a_partial_expiry_takes_first_in_first_out_from_the_lots_still_open() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 6 });
    let c = s.customer("王芳", "13800138000");
    let a = order_and_earn(&s, c, 10_000); // 100, 6 months
    s.advance_days(1);
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 24 });
    let b = order_and_earn(&s, c, 5_000); // 50, 24 months
    s.advance_days(1);
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 6 });
    let cc = order_and_earn(&s, c, 3_000); // 30, 6 months
    s.advance_days(200); // a and cc are due, b is not
    let r = s.run();
    assert_eq!(
        (r.expiry.customers, r.expiry.lots, r.expiry.points),
        (1, 2, 130)
    );
    let rows = expiry_rows(&s, c);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, Some(cc), "the newest lot it closes");
    let spend = s.order(c, 100_000, 0);
    s.run();
    let d = newest_lot(&s, c); // 1,000 points
    s.advance_days(8);
    loyalty::redeem(&s.store, &s.owner, c, spend, 120).unwrap();
    assert_eq!(
        lot_states(&s, c),
        vec![(a, 0, true), (b, 0, false), (cc, 0, true), (d, 930, false)],
        "the redemption took b (the oldest open lot) then d, never the expired lots"
    );
    assert_eq!(s.balance(c), 930);
    s.advance_days(200); // d is past its 6 months, b still has nothing left
    assert_eq!(s.run().expiry.points, 930);
    assert_eq!(s.balance(c), 0);
    assert_eq!(s.ledger_sum(c), 0);
    verify_ok(&s);
}

#[test]
fn under_the_inactivity_policy_each_lot_expires_by_its_own_deadline_with_one_row_per_run() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::Inactivity { months: 6 });
    let c = s.customer("王芳", "13800138000");
    order_and_earn(&s, c, 10_000); // 100
    s.advance_days(10);
    order_and_earn(&s, c, 5_000); // 50: last activity, day 10
    s.advance_days(10);
    // a bonus on day 20 is not activity; its own deadline is 6 months after it was given
    loyalty::adjust(&s.store, &s.owner, c, 20, "补发积分", None).unwrap();
    s.advance_days(175); // day 195: past day 10 + 6 months, before day 20 + 6 months
    let r = s.run();
    assert_eq!(
        (r.expiry.lots, r.expiry.points),
        (2, 150),
        "the two earned lots expire; the bonus does not push their deadline back"
    );
    assert_eq!(expiry_rows(&s, c).len(), 1);
    let soon = loyalty::expiring(&s.store, &s.owner, 30).unwrap();
    assert_eq!(soon.len(), 1, "the bonus is in the 30-day reminder");
    assert_eq!(soon[0].points, 20);
    assert!(!s.run().changed_anything(), "running again adds nothing");
    s.advance_days(15); // day 210: the bonus's deadline passed
    assert_eq!(s.run().expiry.points, 20);
    assert_eq!(expiry_rows(&s, c).len(), 2, "one row per run");
    assert_eq!(s.balance(c), 0);
    assert!(loyalty::expiring(&s.store, &s.owner, 90)
        .unwrap()
        .is_empty());
    s.advance_days(30);
    assert!(!s.run().changed_anything());
    // earning again starts new lots, which expire 6 months after the new activity
    order_and_earn(&s, c, 4_000);
    s.advance_days(190);
    assert_eq!(s.run().expiry.points, 40);
    assert_eq!(s.balance(c), 0);
    verify_ok(&s);
}

#[test]
fn the_points_history_says_how_many_lots_an_expiry_row_closed_and_when_they_were_earned() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 1 });
    let c = s.customer("王芳", "13800138000");
    order_and_earn(&s, c, 10_000);
    let first = s.store.now();
    s.advance_days(5);
    order_and_earn(&s, c, 5_000);
    let second = s.store.now();
    s.advance_days(60);
    s.run();
    let h = loyalty::points::history(&s.store, &s.owner, c, 20).unwrap();
    let e = h.iter().find(|e| e.reason == Reason::Expire).unwrap();
    assert_eq!(e.delta, -150);
    let closed = e
        .closed_lots
        .as_ref()
        .expect("the expiry row says what it closed");
    assert_eq!(closed.lots, 2);
    assert!(closed.first_earned_at >= first && closed.first_earned_at < second);
    assert!(closed.last_earned_at >= second);
    assert!(h
        .iter()
        .filter(|e| e.reason != Reason::Expire)
        .all(|e| e.closed_lots.is_none()));
}

#[test]
fn what_if_equals_applied_when_the_new_rules_expire_many_lots_of_many_customers_at_once() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 1 });
    let customers: Vec<i64> = (0..3)
        .map(|i| s.customer(&format!("客户{i}"), &format!("1380013800{i}")))
        .collect();
    for &c in &customers {
        order_and_earn(&s, c, 10_000);
    }
    s.advance_days(3);
    for &c in &customers {
        order_and_earn(&s, c, 5_000);
    }
    s.advance_days(60); // every lot is due; the job has not run since
    let mut rules = loyalty::rules::current(&s.store, &s.owner).unwrap().rules;
    rules.points_per_yuan = 2;
    let preview = whatif::preview(&s.store, &s.owner, &rules).unwrap();
    assert_eq!(preview.job.expiry.customers, 3);
    assert_eq!(preview.job.expiry.lots, 6);
    assert_eq!(preview.points_expiring_now, 450);
    for &c in &customers {
        assert!(expiry_rows(&s, c).is_empty(), "the preview wrote nothing");
    }
    let applied = whatif::apply(&s.store, &s.owner, &rules).unwrap();
    assert_eq!(preview, applied);
    for &c in &customers {
        assert_eq!(expiry_rows(&s, c).len(), 1, "one row per customer");
        assert_eq!(s.balance(c), 0);
    }
    verify_ok(&s);
}
