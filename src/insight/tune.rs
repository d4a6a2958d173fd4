//! Changing the rules: the settings screen's data (params, the shop's medians, presets, label
//! sets), the preview of a change (how many customers move from which class / stage to which)
//! and the save (settings written, audited and the shop re-scored, in one transaction).
//!
//! **Preview = save.** The preview scores exactly what saving would: as of today's shop day with
//! the new params. When the stored pass is current (as of today, orders unchanged, same window)
//! it reuses the stored R/F/M (fast); otherwise it reads the orders again like the pass does.

use super::decide::{decide, resolved};
use super::history::History;
use super::labels::{self, LabelSet, Preset};
use super::pass::{self, last_run, params_in, source_mark, today, PARAMS_KEY};
use super::read::{overview_in, InsightOverview, MoveCell};
use super::rules::{self, Facts, InsightParams, Lines, RfmClass, Stage};
use super::stored::stored;
use crate::{
    audit,
    auth::{Permission, Session},
    settings,
    store::Store,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct InsightSettings {
    /// As configured (in median mode the fixed lines are kept but not applied).
    pub params: InsightParams,
    /// The shop's medians over buyers in the window (F at least 2), as of the stored pass.
    pub medians: Lines,
    pub presets: Vec<Preset>,
    pub label_sets: Vec<LabelSet>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ThresholdPreview {
    /// The params with the lines saving would apply.
    pub resolved: InsightParams,
    pub total: u32,
    /// Customers whose class or stage would change.
    pub moved: u32,
    /// Only cells with from ≠ to (`None`: no class).
    pub class_moves: Vec<MoveCell>,
    pub stage_moves: Vec<MoveCell>,
}

pub fn get_settings(store: &Store, s: &Session) -> Result<InsightSettings> {
    s.require(Permission::SeeInsight)?;
    let conn = store.conn();
    let params = params_in(conn)?;
    let facts: Vec<Facts> = if let Some((as_of, ..)) = last_run(conn)? {
        stored(conn, day(&as_of)?)?
            .into_iter()
            .map(|r| r.facts)
            .collect()
    } else {
        current_facts(conn, store.now(), &params)?.1
    };
    Ok(InsightSettings {
        medians: rules::medians(&facts).unwrap_or_default(),
        params,
        presets: labels::presets(),
        label_sets: labels::label_sets(),
    })
}

fn check(p: &InsightParams) -> Result<()> {
    if let Some((zh, en)) = p.problem() {
        return Err(Error::invalid(zh, en));
    }
    if !labels::is_label_set(&p.label_set) {
        return Err(Error::invalid(
            format!("不认识的名称方案“{}”。", p.label_set),
            format!("Unknown label set '{}'.", p.label_set),
        ));
    }
    Ok(())
}

/// Every live customer's facts as of today, read again from the orders.
fn current_facts(
    conn: &Connection,
    now: DateTime<Utc>,
    p: &InsightParams,
) -> Result<(Vec<i64>, Vec<Facts>)> {
    let day = today(conn, now);
    let hist = History::read(conn, settings::timezone_in(conn), day)?;
    let facts = hist.facts_at(hist.day_number(day), p.window_days);
    Ok((hist.ids, facts))
}

/// What saving `params` would do.
pub fn preview(store: &Store, s: &Session, params: &InsightParams) -> Result<ThresholdPreview> {
    s.require(Permission::SeeInsight)?;
    check(params)?;
    let conn = store.conn();
    let run = last_run(conn)?;
    let today = today(conn, store.now());
    // the stored rows with R counted to the stored pass's day (they compare with what is stored)
    let before = stored(conn, run.as_ref().map_or(Ok(today), |r| day(&r.0))?)?;
    let today = today.to_string();
    let current = match run {
        Some((as_of, _, old, mark)) => {
            as_of == today && old.window_days == params.window_days && mark == source_mark(conn)?
        }
        None => false,
    };
    let (ids, facts) = if current {
        (
            before.iter().map(|r| r.id).collect(),
            before.iter().map(|r| r.facts).collect(),
        )
    } else {
        current_facts(conn, store.now(), params)?
    };
    let (lines, rows) = decide(&facts, params);
    let was: HashMap<i64, (Option<RfmClass>, Stage)> =
        before.iter().map(|r| (r.id, (r.class, r.stage))).collect();
    let mut class_moves: BTreeMap<(Option<String>, Option<String>), u32> = BTreeMap::new();
    let mut stage_moves: BTreeMap<(Option<String>, Option<String>), u32> = BTreeMap::new();
    let mut moved = 0;
    for (id, r) in ids.iter().zip(&rows) {
        let (c0, s0) = match was.get(id) {
            Some((c, s)) => (*c, Some(*s)),
            None => (None, None),
        };
        let cm = c0 != r.class;
        let sm = s0 != Some(r.stage);
        if cm {
            *class_moves
                .entry((
                    c0.map(|c| c.as_str().into()),
                    r.class.map(|c| c.as_str().into()),
                ))
                .or_default() += 1;
        }
        if sm {
            *stage_moves
                .entry((s0.map(|s| s.as_str().into()), Some(r.stage.as_str().into())))
                .or_default() += 1;
        }
        moved += u32::from(cm || sm);
    }
    let cells = |m: BTreeMap<(Option<String>, Option<String>), u32>| {
        m.into_iter()
            .map(|((from, to), customers)| MoveCell {
                from,
                to,
                customers,
            })
            .collect()
    };
    Ok(ThresholdPreview {
        resolved: resolved(params, &lines),
        total: ids.len() as u32,
        moved,
        class_moves: cells(class_moves),
        stage_moves: cells(stage_moves),
    })
}

/// Save the params (owner and manager), audited, and re-score the shop with them.
pub fn save_settings(
    store: &Store,
    s: &Session,
    params: &InsightParams,
) -> Result<InsightOverview> {
    s.require(Permission::SeeInsight)?;
    check(params)?;
    let json = serde_json::to_string(params).map_err(|e| Error::Internal(e.to_string()))?;
    store.write(|tx, now| {
        settings::write_value(tx, PARAMS_KEY, &json, now)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "insight_settings_changed",
            "",
            serde_json::to_value(params).map_err(|e| Error::Internal(e.to_string()))?,
        )?;
        pass::score_in_tx(tx, now, None, "settings")?;
        overview_in(tx)
    })
}

/// Re-score now (owner and manager, from the Insight screen).
pub fn rescore(store: &Store, s: &Session) -> Result<InsightOverview> {
    s.require(Permission::SeeInsight)?;
    store.write(|tx, now| {
        pass::score_in_tx(tx, now, None, "manual")?;
        overview_in(tx)
    })
}

/// A stored `YYYY-MM-DD` day.
fn day(s: &str) -> Result<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| crate::Error::Internal(format!("bad stored day {s}")))
}
