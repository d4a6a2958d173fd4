//! The ready-made segments (in code, not stored): 新客户, 老客户, VIP, 高/中/低价值, 沉睡, 流失.
//!
//! - 新客户 / 沉睡 / 流失: the lifecycle stage of the last scoring pass (`new`, `dormant`,
//!   `churned`); 老客户: its 老客 flag (≥ 2 counted orders ever).
//! - VIP = the top 10 % of buyers by lifetime spend (the list's spend column, paid − refunded).
//!   Not the top loyalty tier: tiers are optional and shop-defined, spend is always there. The
//!   line: buyers (live customers with spend > 0) sorted by spend, biggest first; the line is
//!   the spend of the buyer at rank ⌈n × 10 %⌉, and VIP = spend ≥ that line (a tie at the line is
//!   in, so VIP can be a little over 10 %).
//! - 高/中/低价值 = thirds of the buyers by lifetime spend, lines taken the same way at ranks
//!   ⌈n / 3⌉ (high line H) and ⌈2n / 3⌉ (mid line M): high = spend ≥ H, mid = M ≤ spend < H,
//!   low = 0 < spend < M. Lifetime spend rather than the RFM window's M quintiles, so the list
//!   shows the same number the condition names ("消费金额 ≥ ¥1,200.00") and the bands do not
//!   wait for a scoring pass. A band that ties away (everyone spent the same) is empty.
//!
//! The lines are computed on every read (one walk of the spend index), so the segments update
//! themselves like the saved ones.

use super::conditions::{Condition, Part};
use super::definition::SegmentDefinition;
use crate::auth::{Permission, Session};
use crate::customers::list_where::LIVE_SQL;
use crate::{store::Store, Result};
use rusqlite::Connection;

/// Ready-made keys with their names, in the order lists show them.
pub const READY: &[(&str, &str, &str)] = &[
    ("ready:new", "新客户", "New customers"),
    ("ready:returning", "老客户", "Returning customers"),
    ("ready:vip", "VIP", "VIP"),
    ("ready:high", "高价值", "High value"),
    ("ready:mid", "中价值", "Mid value"),
    ("ready:low", "低价值", "Low value"),
    ("ready:dormant", "沉睡客户", "Dormant"),
    ("ready:churned", "流失客户", "Churned"),
];

/// The spend lines of the value segments, fen; `None` when no customer has bought.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpendLines {
    pub buyers: u64,
    pub vip: i64,
    pub high: i64,
    pub mid: i64,
}

/// The spend of the buyer at 1-based rank ⌈n × num / den⌉ of `desc` (sorted biggest first).
fn at_rank(desc: &[i64], num: u64, den: u64) -> i64 {
    let n = desc.len() as u64;
    let rank = (n * num).div_ceil(den).max(1);
    desc[(rank - 1) as usize]
}

/// The lines as of now (see the module doc).
pub fn spend_lines(store: &Store, s: &Session) -> Result<Option<SpendLines>> {
    s.require(Permission::WorkWithCustomers)?;
    lines_in(store.conn())
}

pub(crate) fn lines_in(conn: &Connection) -> Result<Option<SpendLines>> {
    let desc: Vec<i64> = conn
        .prepare_cached(&format!(
            "SELECT s.spend_fen FROM customer_stats s CROSS JOIN customers c
             WHERE c.id = s.customer_id AND s.spend_fen > 0 AND {LIVE_SQL}
             ORDER BY s.spend_fen DESC"
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if desc.is_empty() {
        return Ok(None);
    }
    Ok(Some(SpendLines {
        buyers: desc.len() as u64,
        vip: at_rank(&desc, 1, 10),
        high: at_rank(&desc, 1, 3),
        mid: at_rank(&desc, 2, 3),
    }))
}

fn def(f: impl FnOnce(&mut SegmentDefinition)) -> SegmentDefinition {
    let mut d = SegmentDefinition::default();
    f(&mut d);
    d
}

fn nobody() -> Condition {
    Condition {
        zh: "此档暂无客户（无人消费或消费金额相同）".into(),
        en: "No customer in this band (nobody bought, or all spent the same)".into(),
        part: Part::Nobody,
    }
}

/// A ready-made segment's definition, plus a condition that matches nobody when its band is
/// empty; `None` when the key is not a ready-made one.
pub(crate) fn resolve(
    conn: &Connection,
    key: &str,
) -> Result<Option<(SegmentDefinition, Option<Condition>)>> {
    let stage = |s: &str| def(|d| d.scores.stages = vec![s.to_string()]);
    let band = |lines: Option<SpendLines>, pick: fn(SpendLines) -> (i64, Option<i64>)| match lines
        .map(pick)
    {
        Some((min, max)) if max.map_or(true, |m| m >= min) => (
            def(|d| {
                d.query.min_spend_fen = Some(min);
                d.query.max_spend_fen = max;
            }),
            None,
        ),
        _ => (SegmentDefinition::default(), Some(nobody())),
    };
    Ok(Some(match key {
        "ready:new" => (stage("new"), None),
        "ready:returning" => (def(|d| d.scores.returning = Some(true)), None),
        "ready:dormant" => (stage("dormant"), None),
        "ready:churned" => (stage("churned"), None),
        "ready:vip" => band(lines_in(conn)?, |l| (l.vip, None)),
        "ready:high" => band(lines_in(conn)?, |l| (l.high, None)),
        "ready:mid" => band(lines_in(conn)?, |l| (l.mid, Some(l.high - 1))),
        "ready:low" => band(lines_in(conn)?, |l| (1, Some(l.mid - 1))),
        _ => return Ok(None),
    }))
}
