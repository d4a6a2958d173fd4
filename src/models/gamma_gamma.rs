//! Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Colombo & Jiang 1999): the
//! spend of each repeat purchase is gamma(p, ν) with ν gamma(q, γ) across customers, independent
//! of how often they buy. Fitted on customers with repeat purchases and a positive mean spend;
//! its forecast is each customer's expected average spend, shrunk towards the shop's mean.
//!
//! Spend is fitted in yuan (fen / 100) so γ reads like the papers' dollars; what it returns to
//! callers as money is integer fen, rounded and never negative.

use super::{fit, special::ln_gamma, Summary};
use crate::{Error, Result};

/// Fitted Gamma-Gamma parameters (`v` is the papers' γ, in yuan).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GammaGamma {
    pub p: f64,
    pub q: f64,
    pub v: f64,
}

/// The customers the spend model uses: (x, mean spend in yuan), x > 0 and spend > 0.
pub fn spenders(cs: &[Summary]) -> Vec<(f64, f64)> {
    cs.iter()
        .filter(|c| c.x > 0.0 && c.mean_spend_fen > 0.0)
        .map(|c| (c.x, c.mean_spend_fen / 100.0))
        .collect()
}

impl GammaGamma {
    /// ln L of one customer with x repeat purchases of mean spend m (yuan).
    pub fn ll(&self, x: f64, m: f64) -> f64 {
        let GammaGamma { p, q, v } = *self;
        let px = p * x;
        ln_gamma(px + q) - ln_gamma(px) - ln_gamma(q)
            + q * v.ln()
            + (px - 1.0) * m.ln()
            + px * x.ln()
            - (px + q) * (x * m + v).ln()
    }

    /// Σ ln L over (x, m) pairs.
    pub fn total_ll(&self, xm: &[(f64, f64)]) -> f64 {
        xm.iter().map(|&(x, m)| self.ll(x, m)).sum()
    }

    /// Maximum-likelihood fit on the customers' summaries.
    pub fn fit(cs: &[Summary]) -> Result<(GammaGamma, f64)> {
        let xm = spenders(cs);
        if xm.len() < 2 {
            return Err(Error::invalid(
                "回头客的消费记录太少（需要至少两位消费金额大于零的回头客），无法估计消费金额模型。",
                "Too few repeat customers with spend above zero (at least two are needed) to fit the spend model.",
            ));
        }
        let mean = xm.iter().map(|p| p.1).sum::<f64>() / xm.len() as f64;
        let o = fit::maximise(
            |p| {
                GammaGamma {
                    p: p[0],
                    q: p[1],
                    v: p[2],
                }
                .total_ll(&xm)
            },
            &[1.0, 2.0, mean],
        )?;
        Ok((
            GammaGamma {
                p: o.params[0],
                q: o.params[1],
                v: o.params[2],
            },
            o.ll,
        ))
    }

    fn usable(&self) -> Result<()> {
        if self.q <= 1.0 {
            return Err(Error::invalid(
                format!(
                    "消费金额模型的 q = {:.3} ≤ 1，平均消费没有有限的期望值，不能用于预测。",
                    self.q
                ),
                format!(
                    "The spend model's q = {:.3} ≤ 1: average spend has no finite expectation, so it cannot forecast.",
                    self.q
                ),
            ));
        }
        Ok(())
    }

    /// The shop's mean spend per purchase for a new customer (fen).
    pub fn mean_spend_fen(&self) -> Result<i64> {
        self.usable()?;
        Ok(to_fen(self.p * self.v / (self.q - 1.0)))
    }

    /// E[average spend | x repeat purchases, mean spend m fen] in yuan (f64, for value sums).
    pub fn expected_spend_yuan(&self, x: f64, mean_spend_fen: f64) -> Result<f64> {
        self.usable()?;
        let m = (mean_spend_fen / 100.0).max(0.0);
        let e = self.p * (self.v + x * m) / (self.p * x + self.q - 1.0);
        Ok(if e.is_finite() { e.max(0.0) } else { 0.0 })
    }

    /// E[average spend | x, m] in fen, rounded, never negative.
    pub fn expected_spend_fen(&self, x: f64, mean_spend_fen: f64) -> Result<i64> {
        Ok(to_fen(self.expected_spend_yuan(x, mean_spend_fen)?))
    }
}

/// Yuan (f64) → fen, rounded, never negative, saturating.
pub fn to_fen(yuan: f64) -> i64 {
    let f = (yuan * 100.0).round();
    if f.is_finite() && f > 0.0 {
        f.min(i64::MAX as f64) as i64
    } else {
        0
    }
}
