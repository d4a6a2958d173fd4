//! Property tests: random sequences of orders, refunds, cancellations, redemptions, adjustments,
//! rule changes and time passing (with expiry) keep every balance equal to the sum of its
//! ledger rows and never below zero, the job writes at most one expiry row per customer per
//! run, and the what-if preview equals the applied rules.

mod loyalty_support;

use laoke::{
    loyalty::{self, lots, whatif, ExpiryPolicy},
    orders::{self, OrderStatus},
};
use loyalty_support::{common, shop};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Op {
    Order {
        customer: usize,
        yuan: i64,
    },
    Refund {
        order: usize,
        pct: i64,
    },
    Cancel {
        order: usize,
    },
    Redeem {
        customer: usize,
        order: usize,
        points: i64,
    },
    Adjust {
        customer: usize,
        points: i64,
    },
    Rate {
        per_yuan: i64,
    },
    Expiry {
        months: u32,
        inactivity: bool,
    },
    /// An in-store sale paying part with points at order entry (redemption.rs).
    SaleWithPoints {
        customer: usize,
        yuan: i64,
        points: i64,
    },
    Days(i64),
    Run,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 1..3_000i64).prop_map(|(customer, yuan)| Op::Order { customer, yuan }),
        2 => (0..20usize, 1..=100i64).prop_map(|(order, pct)| Op::Refund { order, pct }),
        1 => (0..20usize).prop_map(|order| Op::Cancel { order }),
        2 => (0..3usize, 0..20usize, 50..3_000i64).prop_map(|(customer, order, points)| Op::Redeem { customer, order, points }),
        1 => (0..3usize, -800..800i64).prop_map(|(customer, points)| Op::Adjust { customer, points }),
        1 => (1..4i64).prop_map(|per_yuan| Op::Rate { per_yuan }),
        1 => (1..13u32, any::<bool>()).prop_map(|(months, inactivity)| Op::Expiry { months, inactivity }),
        2 => (0..3usize, 1..3_000i64, 50..3_000i64).prop_map(|(customer, yuan, points)| Op::SaleWithPoints { customer, yuan, points }),
        3 => (1..200i64).prop_map(Op::Days),
        3 => Just(Op::Run),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, max_shrink_iters: 20, ..ProptestConfig::default() })]

    #[test]
    fn balances_equal_the_sum_of_rows_never_go_negative_and_what_if_equals_applied(
        ops in prop::collection::vec(op(), 5..30),
        final_rate in 1..4i64,
        final_months in 1..13u32,
        final_silver_yuan in 100..2_000i64,
    ) {
        let s = shop();
        let customers: Vec<i64> = (0..3).map(|i| s.customer(&format!("客户{i}"), &format!("1380013800{i}"))).collect();
        let mut orders_made: Vec<(usize, i64)> = Vec::new();
        for op in &ops {
            match *op {
                Op::Order { customer, yuan } => {
                    let id = s.order(customers[customer], yuan * 100, 0);
                    orders_made.push((customer, id));
                }
                Op::Refund { order, pct } => {
                    if let Some(&(_, id)) = orders_made.get(order) {
                        let d = orders::get(&s.store, &s.owner, id).unwrap();
                        let left = d.row.paid_fen - d.row.refunded_fen;
                        let amount = left * pct / 100;
                        if amount > 0 {
                            let _ = laoke::sales::refund(&s.store, &s.owner, id, amount, "");
                        }
                    }
                }
                Op::Cancel { order } => {
                    if let Some(&(_, id)) = orders_made.get(order) {
                        let _ = laoke::sales::set_status(&s.store, &s.owner, id, OrderStatus::Cancelled);
                    }
                }
                Op::Redeem { customer, order, points } => {
                    if let Some(&(_, id)) = orders_made.get(order) {
                        let _ = loyalty::redeem(&s.store, &s.owner, customers[customer], id, points);
                    }
                }
                Op::Adjust { customer, points } => {
                    if points != 0 {
                        let _ = loyalty::adjust(&s.store, &s.owner, customers[customer], points, "随机调整", None);
                    }
                }
                Op::Rate { per_yuan } => s.save_rules(|r| r.points_per_yuan = per_yuan),
                Op::Expiry { months, inactivity } => s.save_rules(|r| {
                    r.expiry = if inactivity { ExpiryPolicy::Inactivity { months } } else { ExpiryPolicy::AfterEarning { months } }
                }),
                Op::SaleWithPoints { customer, yuan, points } => {
                    let m = common::in_store_sale(Some(customers[customer]), "茶", yuan * 100);
                    let r = loyalty::Redemption { points, coupon_grant_id: None };
                    let before = s.ledger_sum(customers[customer]);
                    match laoke::sales::create(&s.store, &s.owner, &m, &r) {
                        Ok(id) => orders_made.push((customer, id)),
                        Err(_) => prop_assert_eq!(s.ledger_sum(customers[customer]), before, "a refused sale changes nothing"),
                    }
                }
                Op::Days(d) => s.advance_days(d),
                Op::Run => {
                    s.run();
                    // one expiry row per customer per run, never a per-lot row
                    let conn = s.raw();
                    let per_run: i64 = conn.query_row(
                        "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM points_ledger
                         WHERE reason = 'expire' GROUP BY customer_id, at)", [], |r| r.get(0)).unwrap();
                    prop_assert!(per_run <= 1, "{} expiry rows for one customer in one run", per_run);
                    let per_lot: i64 = conn.query_row(
                        "SELECT count(*) FROM points_ledger WHERE idempotency_key LIKE 'expire:lot:%'",
                        [], |r| r.get(0)).unwrap();
                    prop_assert_eq!(per_lot, 0);
                }
            }
            for &c in &customers {
                let sum = s.ledger_sum(c);
                let summary = s.summary(c);
                prop_assert_eq!(summary.balance, sum, "the lots replay to the sum of rows");
                let cached: i64 = s.raw().query_row(
                    "SELECT coalesce((SELECT balance FROM points_balances WHERE customer_id = ?1), 0)",
                    [c], |r| r.get(0)).unwrap();
                prop_assert_eq!(cached, sum, "the cache equals the sum");
                prop_assert!(sum >= 0, "balance {} of customer {} after {:?}", sum, c, op);
                prop_assert!(summary.usable <= summary.balance);
                let entries = loyalty::ledger::entries(&s.raw(), c).unwrap();
                let lots = lots::replay(&entries);
                prop_assert_eq!(lots.balance(), sum);
                // every expiry row took exactly what the replay says it closed
                for e in entries.iter().filter(|e| e.reason == loyalty::Reason::Expire) {
                    let closed = lots.closures.iter().find(|x| x.entry_id == e.id);
                    prop_assert_eq!(closed.map(|x| x.points), Some(-e.delta));
                }
            }
        }
        s.run();
        let again = s.run();
        prop_assert!(!again.changed_anything(), "the job is idempotent: {:?}", again);
        let mut rules = loyalty::rules::current(&s.store, &s.owner).unwrap().rules;
        rules.points_per_yuan = final_rate;
        rules.expiry = ExpiryPolicy::AfterEarning { months: final_months };
        rules.tiers[1].threshold_fen = final_silver_yuan * 100;
        s.advance_days(1);
        if let Some(&(c, _)) = orders_made.first() { s.order(customers[c], 50_000, 0); }
        let preview = whatif::preview(&s.store, &s.owner, &rules).unwrap();
        let applied = whatif::apply(&s.store, &s.owner, &rules).unwrap();
        prop_assert_eq!(preview, applied);
        let _ = lots::Lots::default();
    }
}
