//! MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD with a drop-out chance at the first
//! purchase too, so — unlike BG/NBD — a one-time buyer from long ago is probably gone. Its
//! likelihood, fit, P(alive) and forecasts (the same forms as the `lifetimes` package).

use super::{fit, hyp2f1::ln_hyp2f1, special::*, Summary};
use crate::Result;

/// Fitted MBG/NBD parameters (α in the fit's time unit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MbgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl MbgNbd {
    /// ln of the odds of having dropped out after the last purchase.
    fn ln_odds_gone(&self, c: &Summary) -> f64 {
        let MbgNbd { r, alpha, a, b } = *self;
        a.ln() - (b + c.x).ln() + (r + c.x) * ((alpha + c.t).ln() - (alpha + c.t_x).ln())
    }

    /// ln L of one customer.
    pub fn ll(&self, c: &Summary) -> f64 {
        let MbgNbd { r, alpha, a, b } = *self;
        let x = c.x;
        let a1 = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln();
        let a2 = ln_gamma(a + b) + ln_gamma(b + x + 1.0) - ln_gamma(b) - ln_gamma(a + b + x + 1.0);
        let a3 = -(r + x) * (alpha + c.t).ln();
        a1 + a2 + a3 + log_add_exp(0.0, self.ln_odds_gone(c))
    }

    /// Σ ln L over the customers.
    pub fn total_ll(&self, cs: &[Summary]) -> f64 {
        cs.iter().map(|c| self.ll(c)).sum()
    }

    /// Maximum-likelihood fit.
    pub fn fit(cs: &[Summary]) -> Result<(MbgNbd, f64)> {
        super::check_purchases(cs)?;
        let o = fit::maximise(
            |p| Self::from(p).total_ll(cs),
            &[1.0, super::mean_t(cs), 1.0, 1.0],
        )?;
        Ok((Self::from(&o.params), o.ll))
    }

    fn from(p: &[f64]) -> MbgNbd {
        MbgNbd {
            r: p[0],
            alpha: p[1],
            a: p[2],
            b: p[3],
        }
    }

    /// P(still alive | x, t_x, T).
    pub fn p_alive(&self, c: &Summary) -> f64 {
        super::logistic_of_minus(self.ln_odds_gone(c))
    }

    /// E[purchases in (T, T + t] | x, t_x, T] (`None` only where ₂F₁ is undefined). The
    /// formula divides by a − 1 and so does its bracket, so a < 1 is fine; at a = 1 exactly
    /// it is 0/0 and a is moved by 10⁻⁷, far below any fit's precision.
    pub fn expected(&self, c: &Summary, t: f64) -> Option<f64> {
        let MbgNbd { r, alpha, a, b } = *self;
        if t <= 0.0 {
            return Some(0.0);
        }
        let a = if (a - 1.0).abs() < 1e-7 {
            1.0 + 1e-7
        } else {
            a
        };
        let x = c.x;
        let ln_f = ln_hyp2f1(r + x, b + x + 1.0, a + b + x, t / (alpha + c.t + t))?;
        let ln_c = (r + x) * ((alpha + c.t).ln() - (alpha + c.t + t).ln());
        let first = (a + b + x) / (a - 1.0);
        let inner = -(ln_c + ln_f).exp_m1();
        let d = 1.0 + self.ln_odds_gone(c).exp();
        super::non_negative(first * inner / d)
    }
}
