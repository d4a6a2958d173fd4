//! Facts → lines → class, stage and quintiles for every customer: the one decision the scoring
//! pass, the monthly snapshots and the threshold preview all make, pure (no database), so they
//! cannot disagree.

use super::rules::{self, Facts, InsightParams, Lines, Quintiles, RfmClass, Stage};

/// One customer's computed row.
pub(crate) struct Scored {
    pub facts: Facts,
    pub class: Option<RfmClass>,
    pub stage: Stage,
    pub scores: Option<(u8, u8, u8)>,
}

/// Facts → lines → classes and stages, for every customer (the one place all passes decide).
pub(crate) fn decide(facts: &[Facts], p: &InsightParams) -> (Lines, Vec<Scored>) {
    let lines = rules::resolve(p, facts);
    let q = Quintiles::new(facts);
    let rows = facts
        .iter()
        .map(|f| Scored {
            facts: *f,
            class: rules::classify(f, &lines),
            stage: rules::stage(f, p),
            scores: q.scores(f),
        })
        .collect();
    (lines, rows)
}

/// The params with the lines actually applied (median mode keeps its mode).
pub(crate) fn resolved(p: &InsightParams, lines: &Lines) -> InsightParams {
    InsightParams {
        r_days: lines.r_days,
        f_orders: lines.f_orders,
        m_fen: lines.m_fen,
        ..p.clone()
    }
}
