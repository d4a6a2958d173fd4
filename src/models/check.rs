//! The holdout check: fit on the calibration period, forecast each customer's purchase-days in
//! the next period, and compare with what they did — in total and by past frequency (the
//! papers' figure of conditional expectations). How the shop chooses a model, and how the tests
//! prove the models against CDNOW.

use super::{Purchases, Summary};
use crate::Result;

/// Past-frequency groups: x = 0 … 6 and "7 or more".
pub const GROUPS: usize = 8;

/// Forecast vs actual for the customers with one past frequency.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrequencyRow {
    /// Repeat purchase-days in calibration (the last group is "this many or more").
    pub x: u32,
    pub customers: u32,
    /// Mean forecast and mean actual purchase-days in the holdout.
    pub predicted_mean: f64,
    pub actual_mean: f64,
}

/// The whole comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Holdout {
    pub predicted: f64,
    pub actual: u64,
    /// (predicted − actual) / actual, signed (0 when nothing happened and nothing was forecast).
    pub error: f64,
    /// Root mean square of (predicted − actual) per customer.
    pub rmse: f64,
    pub by_frequency: Vec<FrequencyRow>,
}

/// Compare `purchases`' forecasts over `t` units with `actual[i]`, the purchase-days customer
/// `cs[i]` made in that period.
pub fn holdout(purchases: &Purchases, cs: &[Summary], actual: &[u32], t: f64) -> Result<Holdout> {
    let mut rows: Vec<FrequencyRow> = (0..GROUPS)
        .map(|x| FrequencyRow {
            x: x as u32,
            ..Default::default()
        })
        .collect();
    let (mut predicted, mut total, mut sq) = (0.0, 0u64, 0.0);
    for (c, &a) in cs.iter().zip(actual) {
        let e = purchases.expected(c, t)?;
        predicted += e;
        total += u64::from(a);
        sq += (e - f64::from(a)).powi(2);
        let row = &mut rows[(c.x as usize).min(GROUPS - 1)];
        row.customers += 1;
        row.predicted_mean += e;
        row.actual_mean += f64::from(a);
    }
    for r in &mut rows {
        if r.customers > 0 {
            r.predicted_mean /= f64::from(r.customers);
            r.actual_mean /= f64::from(r.customers);
        }
    }
    let n = cs.len().min(actual.len()).max(1) as f64;
    Ok(Holdout {
        predicted,
        actual: total,
        error: if total > 0 {
            (predicted - total as f64) / total as f64
        } else {
            0.0
        },
        rmse: (sq / n).sqrt(),
        by_frequency: rows,
    })
}
