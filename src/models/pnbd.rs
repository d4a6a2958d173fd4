//! Pareto/NBD (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader & Hardie's 2005
//! note): purchases while alive are Poisson with a gamma(r, α) rate, and the unobserved lifetime
//! is exponential with a gamma(s, β) rate, so a one-time buyer from long ago is probably gone.
//! This is where the shop's P(alive) comes from. Its likelihood, fit, P(alive) and forecasts.

use super::{fit, hyp2f1::ln_hyp2f1, special::*, Summary};
use crate::Result;

/// Fitted Pareto/NBD parameters (α, β in the fit's time unit).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParetoNbd {
    pub r: f64,
    pub alpha: f64,
    pub s: f64,
    pub beta: f64,
}

impl ParetoNbd {
    /// ln A₀ of the note (the term for "died somewhere in (t_x, T]"), `None` if ₂F₁ failed.
    fn ln_a0(&self, c: &Summary) -> Option<f64> {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let (lo, hi, b) = if alpha < beta {
            (alpha, beta, r + c.x)
        } else {
            (beta, alpha, s + 1.0)
        };
        let rsx = r + s + c.x;
        let term = |t: f64| -> Option<f64> {
            Some(ln_hyp2f1(rsx, b, rsx + 1.0, (hi - lo) / (hi + t))? - rsx * (hi + t).ln())
        };
        Some(log_sub_exp(term(c.t_x)?, term(c.t)?))
    }

    /// ln of the "alive throughout" term, 1 / ((α + T)^(r+x) (β + T)^s).
    fn ln_alive_term(&self, c: &Summary) -> f64 {
        -(self.r + c.x) * (self.alpha + c.t).ln() - self.s * (self.beta + c.t).ln()
    }

    fn ln_died_term(&self, c: &Summary) -> Option<f64> {
        let rsx = self.r + self.s + c.x;
        Some(self.s.ln() - rsx.ln() + self.ln_a0(c)?)
    }

    /// ln L of one customer (NaN when ₂F₁ failed; the fit treats that point as impossible).
    pub fn ll(&self, c: &Summary) -> f64 {
        let ParetoNbd { r, alpha, s, beta } = *self;
        let a1 = ln_gamma(r + c.x) - ln_gamma(r) + r * alpha.ln() + s * beta.ln();
        match self.ln_died_term(c) {
            Some(d) => a1 + log_add_exp(self.ln_alive_term(c), d),
            None => f64::NAN,
        }
    }

    /// Σ ln L over the customers.
    pub fn total_ll(&self, cs: &[Summary]) -> f64 {
        cs.iter().map(|c| self.ll(c)).sum()
    }

    /// Maximum-likelihood fit.
    pub fn fit(cs: &[Summary]) -> Result<(ParetoNbd, f64)> {
        super::check_purchases(cs)?;
        let t = super::mean_t(cs);
        let o = fit::maximise(|p| Self::from(p).total_ll(cs), &[1.0, t, 1.0, t])?;
        Ok((Self::from(&o.params), o.ll))
    }

    fn from(p: &[f64]) -> ParetoNbd {
        ParetoNbd {
            r: p[0],
            alpha: p[1],
            s: p[2],
            beta: p[3],
        }
    }

    /// P(still alive at T | x, t_x, T).
    pub fn p_alive(&self, c: &Summary) -> f64 {
        let Some(died) = self.ln_died_term(c) else {
            return 0.0;
        };
        let alive = self.ln_alive_term(c);
        super::non_negative((alive - log_add_exp(alive, died)).exp()).map_or(0.0, |p| p.min(1.0))
    }

    /// E[purchases in (T, T + t] | x, t_x, T].
    pub fn expected(&self, c: &Summary, t: f64) -> Option<f64> {
        if t <= 0.0 {
            return Some(0.0);
        }
        let ParetoNbd { r, alpha, s, beta } = *self;
        // E = P(alive) · (r + x)/(α + T) · (β + T)/(s − 1) · [1 − ((β + T)/(β + T + t))^(s−1)]
        let ln_ratio = (beta + c.t).ln() - (beta + c.t + t).ln();
        let horizon = if (s - 1.0).abs() < 1e-9 {
            -ln_ratio
        } else {
            -(((s - 1.0) * ln_ratio).exp_m1()) / (s - 1.0)
        };
        let rate = (r + c.x) / (alpha + c.t) * (beta + c.t);
        super::non_negative(self.p_alive(c) * rate * horizon)
    }
}
