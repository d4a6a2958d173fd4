//! Whether loyalty is on, and which orders may earn now (issue 17): the `loyalty_program` row
//! (migration 0015) read for the earn sweep ([`eligible_sql`]), the job ([`state_in`]) and
//! [`super::program`], which switches it. Its own file below both, so the sweep can ask
//! without importing the module that runs the sweep's batches.

use crate::{time::parse_ts, Error, Result};
use chrono::{DateTime, Months, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// What switching loyalty on does with orders paid before.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "LoyaltyPast"))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Past {
    /// Only orders paid from now on earn (the default).
    None,
    /// Orders paid in the last `months` months earn too.
    Months { months: u32 },
    /// Every past order earns.
    All,
}

impl Past {
    /// `none`, `all` or `months:N` (the CLI's `--past`).
    pub fn parse(s: &str) -> Result<Past> {
        let bad = || {
            Error::invalid(
                format!("--past 须为 none、all 或 months:N（N 为 1 到 120），而不是 “{s}”。"),
                format!("--past must be none, all or months:N (N from 1 to 120), not \"{s}\"."),
            )
        };
        match s.trim() {
            "none" => Ok(Past::None),
            "all" => Ok(Past::All),
            m => {
                let n: u32 = m
                    .strip_prefix("months:")
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(bad)?;
                if (1..=120).contains(&n) {
                    Ok(Past::Months { months: n })
                } else {
                    Err(bad())
                }
            }
        }
    }

    /// Orders paid before this never earn (None: every order may).
    pub(crate) fn earn_from(self, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        match self {
            Past::None => Some(now),
            Past::Months { months } => Some(now.checked_sub_months(Months::new(months))?),
            Past::All => None,
        }
    }
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "LoyaltyState"))]
#[serde(rename_all = "snake_case")]
pub enum State {
    Off,
    /// Switched on; past orders still earning in batches.
    Starting,
    On,
}

/// Where loyalty stands, and the first run's progress (the app polls it while starting).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "LoyaltyProgram"))]
#[serde(rename_all = "camelCase")]
pub struct StartProgress {
    pub state: State,
    /// The choice made when it was switched on (All for a store that was always on).
    pub past: Past,
    /// Orders paid before this do not earn (None: every order).
    pub earn_from: Option<DateTime<Utc>>,
    /// Past orders looked at so far; never decreases.
    pub done: u64,
    /// Past orders to look at; fixed when switched on.
    pub total: u64,
    /// What the first run earned so far.
    pub earned_orders: u64,
    pub earned_points: i64,
    /// When it was last switched, and by whom (None: never, always on).
    pub changed_at: Option<DateTime<Utc>>,
    pub changed_by: String,
}

pub(crate) struct Row {
    pub(crate) state: State,
    pub(crate) past: Past,
    pub(crate) earn_from: Option<String>,
    pub(crate) pending_to_id: i64,
    pub(crate) done_to_id: i64,
    pub(crate) pending_total: i64,
    pub(crate) done_count: i64,
    pub(crate) earned_orders: i64,
    pub(crate) earned_points: i64,
    pub(crate) changed_at: String,
    pub(crate) changed_by: String,
}

pub(crate) fn load(conn: &Connection) -> Result<Option<Row>> {
    let row = conn
        .prepare_cached(
            "SELECT state, past, past_months, earn_from, pending_to_id, done_to_id, pending_total,
                    done_count, earned_orders, earned_points, changed_at, changed_by
             FROM loyalty_program WHERE id = 1",
        )?
        .query_row([], |r| {
            let state = match r.get_ref(0)?.as_str()? {
                "off" => State::Off,
                "starting" => State::Starting,
                _ => State::On,
            };
            let past = match r.get_ref(1)?.as_str()? {
                "none" => Past::None,
                "months" => Past::Months {
                    months: r.get::<_, Option<u32>>(2)?.unwrap_or(1),
                },
                _ => Past::All,
            };
            Ok(Row {
                state,
                past,
                earn_from: r.get(3)?,
                pending_to_id: r.get(4)?,
                done_to_id: r.get(5)?,
                pending_total: r.get(6)?,
                done_count: r.get(7)?,
                earned_orders: r.get(8)?,
                earned_points: r.get(9)?,
                changed_at: r.get(10)?,
                changed_by: r.get(11)?,
            })
        })
        .optional()?;
    Ok(row)
}

pub(crate) fn progress_of(row: Option<Row>) -> Result<StartProgress> {
    let Some(r) = row else {
        return Ok(StartProgress {
            state: State::On,
            past: Past::All,
            earn_from: None,
            done: 0,
            total: 0,
            earned_orders: 0,
            earned_points: 0,
            changed_at: None,
            changed_by: String::new(),
        });
    };
    Ok(StartProgress {
        state: r.state,
        past: r.past,
        earn_from: r.earn_from.as_deref().map(parse_ts).transpose()?,
        done: r.done_count.max(0) as u64,
        total: r.pending_total.max(0) as u64,
        earned_orders: r.earned_orders.max(0) as u64,
        earned_points: r.earned_points,
        changed_at: Some(parse_ts(&r.changed_at)?),
        changed_by: r.changed_by,
    })
}

/// The state inside a transaction (the job, the sweep).
pub(crate) fn state_in(conn: &Connection) -> Result<State> {
    Ok(load(conn)?.map_or(State::On, |r| r.state))
}

/// The SQL condition (on `o.`) an order must meet to earn now: loyalty not off, paid at or
/// after `earn_from`, and not one of the past orders still waiting for the first run's batches.
pub(crate) fn eligible_sql(conn: &Connection) -> Result<String> {
    let Some(r) = load(conn)? else {
        return Ok("1".into());
    };
    if r.state == State::Off {
        return Ok("0".into());
    }
    let mut cond = format!(
        "NOT (o.id > {} AND o.id <= {})",
        r.done_to_id, r.pending_to_id
    );
    if let Some(from) = r.earn_from {
        // a timestamp written by `ts` (digits, '-', ':', 'T', '.', 'Z'): safe to inline
        cond.push_str(&format!(
            " AND coalesce(o.paid_at, o.ordered_at) >= '{}'",
            from.replace('\'', "")
        ));
    }
    Ok(cond)
}
