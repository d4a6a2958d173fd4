//! BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): purchases while
//! alive are Poisson with a gamma(r, α) rate; after each repeat purchase the customer drops out
//! with a beta(a, b) probability. Its likelihood, fit, P(alive) and forecasts. A customer can
//! only drop out after a repeat purchase, so a one-time buyer is always "alive" here — P(alive)
//! for the shop comes from Pareto/NBD or MBG/NBD; BG/NBD stays for expected purchases.

use super::{fit, hyp2f1::ln_hyp2f1, special::ln_gamma, special::log_add_exp, Summary};
use crate::Result;

/// Fitted BG/NBD parameters (α in the fit's time unit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BgNbd {
    pub r: f64,
    pub alpha: f64,
    pub a: f64,
    pub b: f64,
}

impl BgNbd {
    /// ln L of one customer.
    pub fn ll(&self, c: &Summary) -> f64 {
        let BgNbd { r, alpha, a, b } = *self;
        let x = c.x;
        let a1 = ln_gamma(r + x) - ln_gamma(r) + r * alpha.ln();
        let a2 = ln_gamma(a + b) + ln_gamma(b + x) - ln_gamma(b) - ln_gamma(a + b + x);
        let a3 = -(r + x) * (alpha + c.t).ln();
        let a4 = if x > 0.0 {
            a.ln() - (b + x - 1.0).ln() - (r + x) * (alpha + c.t_x).ln()
        } else {
            f64::NEG_INFINITY
        };
        a1 + a2 + log_add_exp(a3, a4)
    }

    /// Σ ln L over the customers.
    pub fn total_ll(&self, cs: &[Summary]) -> f64 {
        cs.iter().map(|c| self.ll(c)).sum()
    }

    /// Maximum-likelihood fit.
    pub fn fit(cs: &[Summary]) -> Result<(BgNbd, f64)> {
        super::check_purchases(cs)?;
        let o = fit::maximise(
            |p| Self::from(p).total_ll(cs),
            &[1.0, super::mean_t(cs), 1.0, 1.0],
        )?;
        Ok((Self::from(&o.params), o.ll))
    }

    fn from(p: &[f64]) -> BgNbd {
        BgNbd {
            r: p[0],
            alpha: p[1],
            a: p[2],
            b: p[3],
        }
    }

    /// P(still alive | x, t_x, T).
    pub fn p_alive(&self, c: &Summary) -> f64 {
        if c.x == 0.0 {
            return 1.0;
        }
        let BgNbd { r, alpha, a, b } = *self;
        let ln_odds =
            a.ln() - (b + c.x - 1.0).ln() + (r + c.x) * ((alpha + c.t).ln() - (alpha + c.t_x).ln());
        super::logistic_of_minus(ln_odds)
    }

    /// E[purchases in (T, T + t] | x, t_x, T] (`None` only where ₂F₁ is undefined). The
    /// formula divides by a − 1 and so does its bracket, so a < 1 is fine; at a = 1 exactly
    /// it is 0/0 and a is moved by 10⁻⁷, far below any fit's precision.
    pub fn expected(&self, c: &Summary, t: f64) -> Option<f64> {
        let BgNbd { r, alpha, a, b } = *self;
        if t <= 0.0 {
            return Some(0.0);
        }
        let a = if (a - 1.0).abs() < 1e-7 {
            1.0 + 1e-7
        } else {
            a
        };
        let x = c.x;
        let z = t / (alpha + c.t + t);
        let ln_f = ln_hyp2f1(r + x, b + x, a + b + x - 1.0, z)?;
        let ln_c = (r + x) * ((alpha + c.t).ln() - (alpha + c.t + t).ln());
        let first = (a + b + x - 1.0) / (a - 1.0);
        let inner = -(ln_c + ln_f).exp_m1(); // 1 − C·₂F₁
        let d = if x > 0.0 {
            1.0 + a / (b + x - 1.0) * ((r + x) * ((alpha + c.t).ln() - (alpha + c.t_x).ln())).exp()
        } else {
            1.0
        };
        super::non_negative(first * inner / d)
    }
}
