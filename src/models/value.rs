//! A customer's discounted value over the next 12 months: expected purchases month by month
//! (months of 365.25 / 12 days; `lifetimes` counts 4.345 weeks) from a purchase model, times the
//! Gamma-Gamma expected spend, discounted at a monthly rate. Returned as integer fen, rounded and
//! never negative.

use super::{gamma_gamma::to_fen, GammaGamma, Purchases, Summary, Unit};
use crate::{Error, Result};

/// Months in the value.
pub const MONTHS: u32 = 12;

/// The 12-month discounted value (fen) of customer `c` (times in `unit`), discounted at
/// `monthly_rate` (0.01 = 1 % a month; 0 ≤ rate < 1).
pub fn twelve_month_value_fen(
    purchases: &Purchases,
    spend: &GammaGamma,
    c: &Summary,
    unit: Unit,
    monthly_rate: f64,
) -> Result<i64> {
    if !(0.0..1.0).contains(&monthly_rate) {
        return Err(Error::invalid(
            "月折现率需要在 0 到 1 之间（例如 0.01 表示每月 1%）。",
            "The monthly discount rate must be from 0 up to 1 (0.01 is 1 % a month).",
        ));
    }
    let avg = spend.expected_spend_yuan(c.x, c.mean_spend_fen)?;
    let month = 365.25 / 12.0 / unit.days();
    let mut before = 0.0;
    let mut total = 0.0;
    for i in 1..=MONTHS {
        let upto = purchases.expected(c, month * f64::from(i))?;
        let in_month = (upto - before).max(0.0);
        before = upto;
        total += in_month * avg / (1.0 + monthly_rate).powi(i as i32);
    }
    Ok(to_fen(total))
}
