//! Customer-base models (issue 13), fitted by maximum likelihood on the shop's own history:
//! how many purchases each customer will make, whether they are still a customer, and what they
//! will spend. Pure functions over per-customer summaries, plus one store-facing entry
//! ([`shop`]) that reads the order history and checks the role.
//!
//! - [`summary`]: orders → (x, t_x, T, mean repeat spend), one purchase per customer per day.
//! - [`pnbd`], [`bgnbd`], [`mbgnbd`]: the purchase-count models (likelihood, fit, P(alive),
//!   forecasts); [`purchases`] puts them behind one type. [`gamma_gamma`]: spend.
//! - [`value`]: the 12-month discounted value; [`check`]: forecast vs what happened (holdout).
//! - [`fit`]: the one likelihood search (Nelder-Mead over log-parameters); [`hyp2f1`] and
//!   [`special`]: the special functions.
//!
//! Robust by construction: parameters live in log space, impossible points count as such in
//! the search, every forecast is finite and never negative, and degenerate data (no customers,
//! no repeat purchases, a single day, zero spend, q ≤ 1, no convergence) give a clear
//! [`crate::Error::invalid`] — or, in the shop, a "not enough history" outcome.

pub mod bgnbd;
pub mod check;
pub mod fit;
pub mod gamma_gamma;
pub mod hyp2f1;
pub mod mbgnbd;
pub mod pnbd;
pub mod purchases;
pub mod shop;
pub mod special;
pub mod summary;
pub mod value;

pub use bgnbd::BgNbd;
pub use gamma_gamma::GammaGamma;
pub use mbgnbd::MbgNbd;
pub use pnbd::ParetoNbd;
pub use purchases::{PurchaseModel, Purchases};
pub use summary::{summarize, Summary, Unit};

use crate::{Error, Result};

/// Refuse data a purchase model cannot be fitted on: no customers, no time observed, or no
/// repeat purchase at all (then nothing separates buying slowly from leaving).
pub(crate) fn check_purchases(cs: &[Summary]) -> Result<()> {
    if cs.is_empty() {
        return Err(Error::invalid(
            "没有购买过的客户，无法拟合模型。",
            "No customers with purchases: nothing to fit the model on.",
        ));
    }
    if cs.iter().all(|c| c.t <= 0.0) {
        return Err(Error::invalid(
            "所有订单都在同一天，还看不出购买节奏。",
            "Every order is on one day: there is no rhythm to fit yet.",
        ));
    }
    if cs.iter().all(|c| c.x == 0.0) {
        return Err(Error::invalid(
            "还没有回头客（每位客户只买过一天），无法拟合购买模型。",
            "No repeat customers yet (everyone bought on one day only): the purchase model cannot be fitted.",
        ));
    }
    Ok(())
}

/// Mean age T: a starting scale for α and β.
pub(crate) fn mean_t(cs: &[Summary]) -> f64 {
    (cs.iter().map(|c| c.t).sum::<f64>() / cs.len().max(1) as f64).max(1.0)
}

/// `v` when it is a finite number ≥ 0 (tiny negative rounding → 0), else `None`.
pub(crate) fn non_negative(v: f64) -> Option<f64> {
    if v.is_finite() {
        Some(v.max(0.0))
    } else {
        None
    }
}

/// 1 / (1 + e^l): a probability from log-odds, exact at both ends.
pub(crate) fn logistic_of_minus(l: f64) -> f64 {
    if l.is_nan() {
        return 0.0;
    }
    if l > 0.0 {
        let e = (-l).exp();
        e / (1.0 + e)
    } else {
        1.0 / (1.0 + l.exp())
    }
}
