//! What the Insight screen and the 360 page read — only stored results, never a pass: the
//! overview (classes, funnel, 老客), the months with snapshots, the movement between two months,
//! and one customer's class explained. Counts cover live customers only, like the customer list,
//! so every number opens a list of exactly that many customers.

use super::labels::{self, ClassLabel};
use super::pass::{last_run, params_in};
use super::rules::{InsightParams, Lines, RfmClass, Stage};
use crate::{
    auth::{Permission, Session},
    store::Store,
    Error, Result,
};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Serialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClassCount {
    pub code: RfmClass,
    pub customers: u32,
    pub share: f64,
    pub spend_fen: i64,
    pub spend_share: f64,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StageCount {
    pub code: Stage,
    pub customers: u32,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InsightOverview {
    /// The as-of shop day of the stored pass; `None`: never scored.
    pub as_of: Option<String>,
    pub scored_at: Option<String>,
    /// The params with the lines actually applied.
    pub params: InsightParams,
    pub customers: u32,
    pub buyers: u32,
    pub classes: Vec<ClassCount>,
    pub stages: Vec<StageCount>,
    pub returning: u32,
    pub labels: Vec<ClassLabel>,
}

pub fn overview(store: &Store, s: &Session) -> Result<InsightOverview> {
    s.require(Permission::SeeInsight)?;
    overview_in(store.conn())
}

pub(crate) fn overview_in(conn: &Connection) -> Result<InsightOverview> {
    let run = last_run(conn)?;
    let params = match &run {
        Some((_, _, p, _)) => p.clone(),
        None => params_in(conn)?,
    };
    let mut classes: Vec<ClassCount> = RfmClass::ALL
        .into_iter()
        .map(|code| ClassCount {
            code,
            customers: 0,
            share: 0.0,
            spend_fen: 0,
            spend_share: 0.0,
        })
        .collect();
    let mut stmt = conn.prepare_cached(
        "SELECT rfm_class, count(*), sum(m_fen) FROM customer_scores
         WHERE rfm_class IS NOT NULL GROUP BY rfm_class",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(c) = RfmClass::parse(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?) {
            classes[c.index()].customers = r.get(1)?;
            classes[c.index()].spend_fen = r.get(2)?;
        }
    }
    let buyers: u32 = classes.iter().map(|c| c.customers).sum();
    let spend: i64 = classes.iter().map(|c| c.spend_fen).sum();
    for c in &mut classes {
        c.share = ratio(i64::from(c.customers), i64::from(buyers));
        c.spend_share = ratio(c.spend_fen, spend);
    }
    let mut stages: Vec<StageCount> = Stage::ALL
        .into_iter()
        .map(|code| StageCount { code, customers: 0 })
        .collect();
    let mut stmt =
        conn.prepare_cached("SELECT stage, count(*) FROM customer_scores GROUP BY stage")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        if let Some(st) = Stage::parse(r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?) {
            stages[st.index()].customers = r.get(1)?;
        }
    }
    let returning: u32 = conn.query_row(
        "SELECT count(*) FROM customer_scores WHERE is_returning = 1",
        [],
        |r| r.get(0),
    )?;
    Ok(InsightOverview {
        as_of: run.as_ref().map(|r| r.0.clone()),
        scored_at: run.as_ref().map(|r| r.1.clone()),
        labels: labels::labels(&params.label_set),
        params,
        customers: stages.iter().map(|s| s.customers).sum(),
        buyers,
        classes,
        stages,
        returning,
    })
}

fn ratio(a: i64, b: i64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Months with snapshots, oldest first.
pub fn months(store: &Store, s: &Session) -> Result<Vec<String>> {
    s.require(Permission::SeeInsight)?;
    // a skip-scan of the primary key: one seek per month
    let mut out = Vec::new();
    let mut next = String::new();
    let mut stmt = store.conn().prepare_cached(
        "SELECT month FROM customer_class_months WHERE month > ?1 ORDER BY month LIMIT 1",
    )?;
    while let Some(m) = stmt
        .query_row([&next], |r| r.get::<_, String>(0))
        .optional()?
    {
        next = m.clone();
        out.push(m);
    }
    Ok(out)
}

/// Class or stage.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    Class,
    Stage,
}

/// How many customers went from `from` to `to` (`None`: no class / not yet a buyer).
#[derive(Serialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoveCell {
    pub from: Option<String>,
    pub to: Option<String>,
    pub customers: u32,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Movement {
    pub kind: MoveKind,
    pub from_month: String,
    pub to_month: String,
    pub cells: Vec<MoveCell>,
}

/// One month's (customer, class, stage) rows of live customers, by customer.
fn month_rows(conn: &Connection, month: &str) -> Result<Vec<(i64, Option<String>, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.customer_id, m.rfm_class, m.stage FROM customer_class_months m
         JOIN customers c ON c.id = m.customer_id
         WHERE m.month = ?1
           AND c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
         ORDER BY m.customer_id",
    )?;
    let rows = stmt.query_map([month], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The transition table between two months (only non-empty cells; live customers).
pub fn movement(
    store: &Store,
    s: &Session,
    kind: MoveKind,
    from: &str,
    to: &str,
) -> Result<Movement> {
    s.require(Permission::SeeInsight)?;
    let conn = store.conn();
    let a = month_rows(conn, from)?;
    let b = month_rows(conn, to)?;
    let pick = |r: &(i64, Option<String>, String)| match kind {
        MoveKind::Class => r.1.clone(),
        MoveKind::Stage => Some(r.2.clone()),
    };
    let mut cells: BTreeMap<(Option<String>, Option<String>), u32> = BTreeMap::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let key = match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                i += 1;
                j += 1;
                (pick(x), pick(y))
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                i += 1;
                (pick(x), None)
            }
            (Some(x), None) => {
                i += 1;
                (pick(x), None)
            }
            (_, Some(y)) => {
                j += 1;
                (None, pick(y))
            }
            (None, None) => break,
        };
        *cells.entry(key).or_default() += 1;
    }
    Ok(Movement {
        kind,
        from_month: from.into(),
        to_month: to.into(),
        cells: cells
            .into_iter()
            .map(|((from, to), customers)| MoveCell {
                from,
                to,
                customers,
            })
            .collect(),
    })
}

/// The lines of the stored pass.
pub(crate) fn stored_lines(p: &InsightParams) -> Lines {
    Lines {
        r_days: p.r_days,
        f_orders: p.f_orders,
        m_fen: p.m_fen,
    }
}

pub(crate) fn not_found() -> Error {
    Error::not_found("找不到这位客户。", "No such customer.")
}
