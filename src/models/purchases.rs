//! The three purchase-count models behind one type, so callers (the value, the holdout check,
//! the CLI) pick a model by name and never match on it themselves.

use super::{bgnbd::BgNbd, mbgnbd::MbgNbd, pnbd::ParetoNbd, Summary};
use crate::{Error, Result};

/// Which purchase model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PurchaseModel {
    Pnbd,
    Bgnbd,
    Mbgnbd,
}

impl PurchaseModel {
    pub const ALL: [PurchaseModel; 3] = [
        PurchaseModel::Pnbd,
        PurchaseModel::Bgnbd,
        PurchaseModel::Mbgnbd,
    ];

    /// The CLI's name (`pnbd`, `bgnbd`, `mbgnbd`).
    pub fn code(self) -> &'static str {
        match self {
            PurchaseModel::Pnbd => "pnbd",
            PurchaseModel::Bgnbd => "bgnbd",
            PurchaseModel::Mbgnbd => "mbgnbd",
        }
    }

    /// The name in the papers.
    pub fn title(self) -> &'static str {
        match self {
            PurchaseModel::Pnbd => "Pareto/NBD",
            PurchaseModel::Bgnbd => "BG/NBD",
            PurchaseModel::Mbgnbd => "MBG/NBD",
        }
    }

    /// Fit this model by maximum likelihood.
    pub fn fit(self, cs: &[Summary]) -> Result<(Purchases, f64)> {
        Ok(match self {
            PurchaseModel::Pnbd => {
                let (m, ll) = ParetoNbd::fit(cs)?;
                (Purchases::Pnbd(m), ll)
            }
            PurchaseModel::Bgnbd => {
                let (m, ll) = BgNbd::fit(cs)?;
                (Purchases::Bgnbd(m), ll)
            }
            PurchaseModel::Mbgnbd => {
                let (m, ll) = MbgNbd::fit(cs)?;
                (Purchases::Mbgnbd(m), ll)
            }
        })
    }
}

/// A fitted purchase model.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Purchases {
    Pnbd(ParetoNbd),
    Bgnbd(BgNbd),
    Mbgnbd(MbgNbd),
}

impl Purchases {
    /// The parameters as (name, value), names as the CLI prints them.
    pub fn params(&self) -> Vec<(&'static str, f64)> {
        match *self {
            Purchases::Pnbd(m) => {
                vec![("r", m.r), ("alpha", m.alpha), ("s", m.s), ("beta", m.beta)]
            }
            Purchases::Bgnbd(m) => vec![("r", m.r), ("alpha", m.alpha), ("a", m.a), ("b", m.b)],
            Purchases::Mbgnbd(m) => vec![("r", m.r), ("alpha", m.alpha), ("a", m.a), ("b", m.b)],
        }
    }

    /// P(alive) of one customer, in [0, 1].
    pub fn p_alive(&self, c: &Summary) -> f64 {
        match self {
            Purchases::Pnbd(m) => m.p_alive(c),
            Purchases::Bgnbd(m) => m.p_alive(c),
            Purchases::Mbgnbd(m) => m.p_alive(c),
        }
    }

    /// Expected purchase-days in the next `t` units, never negative.
    pub fn expected(&self, c: &Summary, t: f64) -> Result<f64> {
        let e = match self {
            Purchases::Pnbd(m) => m.expected(c, t),
            Purchases::Bgnbd(m) => m.expected(c, t),
            Purchases::Mbgnbd(m) => m.expected(c, t),
        };
        e.ok_or_else(|| {
            Error::invalid(
                "这个模型的参数超出了可以预测购买次数的范围，请换一个模型。",
                "This model's parameters are outside the range where it can forecast purchases; choose another model.",
            )
        })
    }

    /// Σ ln L over the customers.
    pub fn total_ll(&self, cs: &[Summary]) -> f64 {
        match self {
            Purchases::Pnbd(m) => m.total_ll(cs),
            Purchases::Bgnbd(m) => m.total_ll(cs),
            Purchases::Mbgnbd(m) => m.total_ll(cs),
        }
    }
}
