//! One customer's insight for the 360 page (reps too: "reps see classes on the 360"): the stored
//! class and stage, the R/F/M checks against the lines applied, the reason and suggested action
//! in words, why this stage, and the monthly history. Read from the stored pass only. Also the
//! shop's class names ([`class_labels`]: its chosen label set) for every screen that names a
//! class, so a tag, a chip and a sentence never use two different words for one class.

use super::labels::{self, Check, ClassLabel};
use super::pass::last_run;
use super::read::{not_found, stored_lines};
use super::rules::{self, Facts, LineMode, RfmClass, Stage};
use crate::{
    auth::{Permission, Session},
    store::Store,
    Result,
};
use rusqlite::OptionalExtension;
use serde::Serialize;

/// A month's class and stage (a month without a row: not yet a buyer).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MonthClass {
    pub month: String,
    pub rfm_class: Option<RfmClass>,
    pub stage: Stage,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomerInsight {
    /// `None`: the shop was never scored.
    pub as_of: Option<String>,
    pub rfm_class: Option<RfmClass>,
    pub stage: Stage,
    pub returning: bool,
    pub r_days: Option<u32>,
    pub f_orders: u32,
    pub m_fen: i64,
    pub r_score: Option<u8>,
    pub f_score: Option<u8>,
    pub m_score: Option<u8>,
    pub checks: Vec<Check>,
    pub reason_zh: String,
    pub reason_en: String,
    pub action_zh: String,
    pub action_en: String,
    pub stage_reason_zh: String,
    pub stage_reason_en: String,
    pub history: Vec<MonthClass>,
}

/// The class names of the shop's chosen label set (Laoke's words or another platform's), in
/// both languages, for every role that sees a class.
pub fn class_labels(store: &Store, s: &Session) -> Result<Vec<ClassLabel>> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let params = match last_run(conn)? {
        Some((_, _, p, _)) => p,
        None => super::pass::params_in(conn)?,
    };
    Ok(labels::labels(&params.label_set))
}

type ScoreRow = (Facts, Option<String>, String, [Option<u8>; 3]);

pub fn customer(store: &Store, s: &Session, id: i64) -> Result<CustomerInsight> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let live: bool = conn
        .query_row(
            "SELECT 1 FROM customers WHERE id = ?1 AND deleted_at IS NULL
               AND merged_into IS NULL AND erased_at IS NULL",
            [id],
            |_| Ok(true),
        )
        .optional()?
        .unwrap_or(false);
    if !live {
        return Err(not_found());
    }
    let run = last_run(conn)?;
    let params = match &run {
        Some((_, _, p, _)) => p.clone(),
        None => super::pass::params_in(conn)?,
    };
    let as_of = run
        .as_ref()
        .and_then(|r| chrono::NaiveDate::parse_from_str(&r.0, "%Y-%m-%d").ok());
    let row: Option<ScoreRow> = conn
        .query_row(
            "SELECT last_order_day, f_orders, m_fen, lifetime_orders, rfm_class, stage,
                    r_score, f_score, m_score
             FROM customer_scores WHERE customer_id = ?1",
            [id],
            |r| {
                Ok((
                    Facts {
                        r_days: r
                            .get::<_, Option<String>>(0)?
                            .zip(as_of)
                            .and_then(|(d, as_of)| super::stored::r_days(&d, as_of)),
                        f_orders: r.get(1)?,
                        m_fen: r.get(2)?,
                        lifetime: r.get(3)?,
                    },
                    r.get(4)?,
                    r.get(5)?,
                    [r.get(6)?, r.get(7)?, r.get(8)?],
                ))
            },
        )
        .optional()?;
    // A customer added after the last pass has no row yet: a prospect until the next pass.
    let (facts, class, stage, sc) =
        row.unwrap_or((Facts::default(), None, "prospect".into(), [None; 3]));
    let class = class.as_deref().and_then(RfmClass::parse);
    let stage = Stage::parse(&stage).unwrap_or(Stage::Prospect);
    let lines = stored_lines(&params);
    let ex = labels::explain(
        &facts,
        &lines,
        &params.label_set,
        params.mode == LineMode::Median,
    );
    let (stage_zh, stage_en) = labels::stage_reason(&facts, stage, &params);
    let mut stmt = conn.prepare_cached(
        "SELECT month, rfm_class, stage FROM customer_class_months
         WHERE customer_id = ?1 ORDER BY month",
    )?;
    let history = stmt
        .query_map([id], |r| {
            let c: Option<String> = r.get(1)?;
            let st: String = r.get(2)?;
            Ok(MonthClass {
                month: r.get(0)?,
                rfm_class: c.as_deref().and_then(RfmClass::parse),
                stage: Stage::parse(&st).unwrap_or(Stage::Prospect),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(CustomerInsight {
        as_of: run.map(|r| r.0),
        rfm_class: class,
        stage,
        returning: rules::returning(&facts),
        r_days: facts.r_days,
        f_orders: facts.f_orders,
        m_fen: facts.m_fen,
        r_score: sc[0],
        f_score: sc[1],
        m_score: sc[2],
        checks: ex.checks,
        reason_zh: ex.reason_zh,
        reason_en: ex.reason_en,
        action_zh: ex.action_zh,
        action_en: ex.action_en,
        stage_reason_zh: stage_zh,
        stage_reason_en: stage_en,
        history,
    })
}
