//! The earn formula and the rule for refunded money, once (issue 11 "the earn formula once",
//! issue 18 "Ledger correctness"). Pure functions, like `tickets/sla.rs`: no store, no clock.
//!
//! - **Points for an amount**: base (paid − shipping, never below 0) × points per yuan × tier
//!   multiplier ÷ 10,000 (fen → yuan, percent → ×1), rounded down: [`points_for`].
//! - **Points on what was kept**: an order holds its points less the refunded share,
//!   `earned − earned × refunded ÷ paid` with the taken share rounded down (a full refund takes
//!   everything): [`kept_points`]. An order that does not count as a purchase (unpaid,
//!   refunded, cancelled), has no customer or is gone holds nothing: [`order_points`].
//! - **What to write** to bring an order's points (its earn row plus every correcting row) to
//!   that: [`correction`] — more points if the order holds too few, fewer if too many, but a
//!   correction never takes a balance below zero (what cannot be taken now waits for the
//!   customer's next points).
//!
//! Whatever the order of events (a refund before or after the first earn, partial then full,
//! import then job, job then an import of an update, cancelled then paid again), the ledger
//! ends at [`order_points`] because every sweep writes the [`correction`] towards it: the
//! result depends on the order's state and the rate stored on its earn row, never on the path.
//!
//! The set-based sweeps (earn, the what-if replay, the verify check) compute the same in SQL:
//! each function has its SQL twin next to it (`*_sql`, built from the Rust constants), and a
//! test checks both agree on a grid of values.

/// Fen per yuan × 100 percent: the divisor of [`points_for`].
const DIVISOR: i64 = 10_000;

/// The amount points are earned on: paid − shipping, never below 0.
pub fn base_fen(paid_fen: i64, shipping_fen: i64) -> i64 {
    (paid_fen - shipping_fen).max(0)
}

/// [`base_fen`] in SQL, over two SQL expressions.
pub fn base_sql(paid: &str, shipping: &str) -> String {
    format!("max(({paid}) - ({shipping}), 0)")
}

/// Points for `base_fen` at `per_yuan` and `multiplier_pct`, rounded down (i128: no overflow).
pub fn points_for(base_fen: i64, per_yuan: i64, multiplier_pct: i64) -> i64 {
    let p = base_fen.max(0) as i128 * per_yuan as i128 * multiplier_pct as i128 / DIVISOR as i128;
    p as i64
}

/// [`points_for`] in SQL (integer arithmetic; exact for any real amount: a ¥10-million order
/// at 100 points per yuan and 1,000 % stays far below 2⁶³).
pub fn points_sql(base: &str, per_yuan: &str, multiplier_pct: &str) -> String {
    format!("(max(({base}), 0) * ({per_yuan}) * ({multiplier_pct}) / {DIVISOR})")
}

/// The points an order holds once refunds are taken into account: `earned` (its points at full
/// price) less the refunded share `earned × refunded ÷ paid`, that share rounded down (so a
/// full refund takes everything and a partial one never takes more than its share).
pub fn kept_points(earned: i64, paid_fen: i64, refunded_fen: i64) -> i64 {
    if paid_fen <= 0 {
        return 0;
    }
    let refunded = refunded_fen.clamp(0, paid_fen);
    earned - (earned as i128 * refunded as i128 / paid_fen as i128) as i64
}

/// [`kept_points`] in SQL.
pub fn kept_sql(earned: &str, paid: &str, refunded: &str) -> String {
    format!(
        "(CASE WHEN ({paid}) > 0 THEN ({earned}) - ({earned}) * min(max(({refunded}), 0), ({paid})) / ({paid})
              ELSE 0 END)"
    )
}

/// What the store knows of an order when it decides its points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrderFacts {
    /// It has a customer (an anonymous order earns nothing).
    pub has_customer: bool,
    /// Its status counts as a purchase (paid, shipped, completed, partially refunded).
    pub counted: bool,
    pub paid_fen: i64,
    pub shipping_fen: i64,
    pub refunded_fen: i64,
}

/// The points an order holds at `per_yuan` and `multiplier_pct` (the rate and tier multiplier
/// of its earn row: fixed when it first earned). `None` (the order is gone, or was deleted
/// and created again under the same id) holds nothing.
pub fn order_points(order: Option<&OrderFacts>, per_yuan: i64, multiplier_pct: i64) -> i64 {
    match order {
        Some(o) if o.has_customer && o.counted => {
            let earned = points_for(
                base_fen(o.paid_fen, o.shipping_fen),
                per_yuan,
                multiplier_pct,
            );
            kept_points(earned, o.paid_fen, o.refunded_fen)
        }
        _ => 0,
    }
}

/// [`order_points`] in SQL for a counted order with a customer (the caller's WHERE decides
/// the rest): paid, shipping, refunded, rate and multiplier as SQL expressions.
pub fn order_points_sql(
    paid: &str,
    shipping: &str,
    refunded: &str,
    per_yuan: &str,
    multiplier_pct: &str,
) -> String {
    let earned = points_sql(&base_sql(paid, shipping), per_yuan, multiplier_pct);
    kept_sql(&earned, paid, refunded)
}

/// The row to write so that an order holding `held` points holds `target`: positive when it
/// holds too few, negative when too many — but never more than the customer's `balance` can
/// give (0 when the balance is 0 or below: the rest waits for the customer's next points).
pub fn correction(held: i64, target: i64, balance: i64) -> i64 {
    if target >= held {
        target - held
    } else {
        -(held - target).min(balance.max(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn sql_value(conn: &Connection, expr: &str) -> i64 {
        conn.query_row(&format!("SELECT {expr}"), [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{expr}: {e}"))
    }

    #[test]
    fn the_rust_rule_and_its_sql_twin_agree_on_a_grid_of_values() {
        let conn = Connection::open_in_memory().unwrap();
        let amounts = [
            0, 1, 99, 100, 101, 150, 999, 9_900, 20_000, 123_457, 10_000_000,
        ];
        let rates = [0, 1, 2, 3, 10];
        let mults = [0, 100, 120, 150, 200, 1_000];
        let mut checked = 0;
        for &paid in &amounts {
            for &shipping in &[0, 1, 800, paid, paid + 1] {
                assert_eq!(
                    base_fen(paid, shipping),
                    sql_value(&conn, &base_sql(&paid.to_string(), &shipping.to_string()))
                );
                for &refunded in &[0, 1, paid / 3, paid / 2, paid - 1, paid, paid + 5] {
                    for &rate in &rates {
                        for &mult in &mults {
                            let (p, s, r) =
                                (paid.to_string(), shipping.to_string(), refunded.to_string());
                            let (rt, m) = (rate.to_string(), mult.to_string());
                            let base = base_fen(paid, shipping);
                            assert_eq!(
                                points_for(base, rate, mult),
                                sql_value(&conn, &points_sql(&base.to_string(), &rt, &m)),
                                "points for {base} at {rate}/yuan {mult}%"
                            );
                            let facts = OrderFacts {
                                has_customer: true,
                                counted: true,
                                paid_fen: paid,
                                shipping_fen: shipping,
                                refunded_fen: refunded,
                            };
                            assert_eq!(
                                order_points(Some(&facts), rate, mult),
                                sql_value(&conn, &order_points_sql(&p, &s, &r, &rt, &m)),
                                "{facts:?} at {rate}/yuan {mult}%"
                            );
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 10_000);
        // the old ±1 traps: negative bases, an earned amount with nothing paid
        assert_eq!(points_for(-500, 1, 100), 0);
        assert_eq!(sql_value(&conn, &points_sql("-500", "1", "100")), 0);
        assert_eq!(kept_points(7, 0, 0), 0);
        assert_eq!(sql_value(&conn, &kept_sql("7", "0", "0")), 0);
    }

    #[test]
    fn points_are_kept_on_what_was_kept() {
        let paid = |paid_fen, refunded_fen| OrderFacts {
            has_customer: true,
            counted: true,
            paid_fen,
            shipping_fen: 0,
            refunded_fen,
        };
        // issue 18: ¥200 paid, ¥50 refunded earns 150, not 200
        assert_eq!(order_points(Some(&paid(20_000, 5_000)), 1, 100), 150);
        assert_eq!(order_points(Some(&paid(20_000, 0)), 1, 100), 200);
        assert_eq!(order_points(Some(&paid(20_000, 20_000)), 1, 100), 0);
        // the share taken is rounded down, so the customer keeps the odd point
        assert_eq!(order_points(Some(&paid(10_000, 3_333)), 1, 150), 150 - 49);
        // shipping earns nothing; a refund takes its share of the whole payment
        let shipped = OrderFacts {
            shipping_fen: 1_000,
            ..paid(11_000, 5_500)
        };
        assert_eq!(order_points(Some(&shipped), 1, 100), 100 - 50);
        // not a purchase, no customer, gone: nothing
        let cancelled = OrderFacts {
            counted: false,
            ..paid(20_000, 0)
        };
        assert_eq!(order_points(Some(&cancelled), 1, 100), 0);
        let anonymous = OrderFacts {
            has_customer: false,
            ..paid(20_000, 0)
        };
        assert_eq!(order_points(Some(&anonymous), 1, 100), 0);
        assert_eq!(order_points(None, 1, 100), 0);
    }

    #[test]
    fn a_correction_moves_either_way_but_never_below_a_zero_balance() {
        assert_eq!(correction(200, 150, 500), -50);
        assert_eq!(correction(200, 150, 20), -20, "only what the balance has");
        assert_eq!(correction(200, 150, 0), 0);
        assert_eq!(
            correction(200, 150, -30),
            0,
            "a customer in debt gives nothing"
        );
        assert_eq!(correction(0, 99, 0), 99, "paid again: the points come back");
        assert_eq!(correction(150, 150, 0), 0);
    }
}
