//! Each customer reduced to what the models read: x repeat purchase-days, t_x the time of the
//! last purchase and T the age (both from the first purchase), and the mean spend of the repeat
//! purchase-days. Purchases are aggregated one per customer per day, as the papers do (two
//! orders on one day are one purchase, their spend summed), and the first purchase day is the
//! customer's birth, so it counts in neither x nor the mean spend.

/// The time unit the models are fitted in (parameters such as α and β are in it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Days,
    Weeks,
}

impl Unit {
    /// Days in one unit.
    pub fn days(self) -> f64 {
        match self {
            Unit::Days => 1.0,
            Unit::Weeks => 7.0,
        }
    }

    /// The CLI's spelling (`days`, `weeks`).
    pub fn parse(s: &str) -> Option<Unit> {
        match s {
            "days" | "day" | "d" => Some(Unit::Days),
            "weeks" | "week" | "w" => Some(Unit::Weeks),
            _ => None,
        }
    }
}

/// One customer as the models see them, times in a [`Unit`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// Repeat purchase-days (purchase days after the first).
    pub x: f64,
    /// Time from the first to the last purchase day.
    pub t_x: f64,
    /// Time from the first purchase day to the end of the calibration period.
    pub t: f64,
    /// Mean spend (fen) of the repeat purchase-days; 0 when x = 0. Never negative: a day whose
    /// refunds exceed its payments counts as zero spend.
    pub mean_spend_fen: f64,
}

/// The summary of one customer's orders `(day number, net fen)` (sorted by day) as of day
/// `as_of` inclusive; `None` when they had bought nothing by then.
pub fn summarize(orders: &[(i32, i64)], as_of: i32, unit: Unit) -> Option<Summary> {
    let upto = orders.partition_point(|(d, _)| *d <= as_of);
    let seen = &orders[..upto];
    let &(first, _) = seen.first()?;
    let mut days = 0u32;
    let mut repeat_fen = 0i64;
    let mut last = first;
    let mut day_fen = 0i64;
    for &(d, fen) in seen {
        if d != last {
            if last != first {
                repeat_fen += day_fen.max(0);
            }
            days += 1;
            last = d;
            day_fen = 0;
        }
        day_fen = day_fen.saturating_add(fen);
    }
    if last != first {
        repeat_fen += day_fen.max(0);
    }
    let x = f64::from(days);
    Some(Summary {
        x,
        t_x: f64::from(last - first) / unit.days(),
        t: f64::from(as_of - first) / unit.days(),
        mean_spend_fen: if days > 0 { repeat_fen as f64 / x } else { 0.0 },
    })
}

/// Repeat purchase-days in the period after `as_of` up to `until` (inclusive), one per day —
/// what a holdout check compares the forecast with.
pub fn purchase_days_between(orders: &[(i32, i64)], as_of: i32, until: i32) -> u32 {
    let mut n = 0;
    let mut last = None;
    for &(d, _) in orders {
        if d > as_of && d <= until && last != Some(d) {
            n += 1;
            last = Some(d);
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_orders_on_one_day_are_one_purchase_with_their_spend_summed() {
        let s = summarize(&[(0, 100), (7, 300), (7, 200), (14, 100)], 21, Unit::Weeks).unwrap();
        assert_eq!(s.x, 2.0);
        assert_eq!(s.t_x, 2.0);
        assert_eq!(s.t, 3.0);
        assert_eq!(s.mean_spend_fen, 300.0, "(500 + 100) / 2 repeat days");
    }

    #[test]
    fn a_one_order_customer_has_no_repeats_and_no_repeat_spend() {
        let s = summarize(&[(5, 900)], 10, Unit::Days).unwrap();
        assert_eq!((s.x, s.t_x, s.t, s.mean_spend_fen), (0.0, 0.0, 5.0, 0.0));
    }

    #[test]
    fn orders_after_the_as_of_day_do_not_exist_yet() {
        assert!(summarize(&[(11, 900)], 10, Unit::Days).is_none());
        let s = summarize(&[(1, 900), (11, 900)], 10, Unit::Days).unwrap();
        assert_eq!(s.x, 0.0);
        assert_eq!(
            purchase_days_between(&[(1, 9), (11, 9), (11, 9), (12, 9)], 10, 20),
            2
        );
    }

    #[test]
    fn a_refunded_repeat_day_counts_as_a_purchase_with_zero_spend() {
        let s = summarize(&[(0, 100), (3, -50), (4, 100)], 9, Unit::Days).unwrap();
        assert_eq!(s.x, 2.0);
        assert_eq!(s.mean_spend_fen, 50.0);
    }
}
