//! The stored SLA of a ticket: what its clocks depend on (created, priority, first response,
//! resolution, state, pauses) and recomputing its due times and breach flags from the pure
//! [`super::sla`] arithmetic and a [`Schedule`]. Every ticket change ([`super::write`]), a change
//! of hours or calendar ([`super::calendar`]) and the demo data call this one refresh.
//!
//! Why its own file: the calendar refreshes every open ticket after an edit and the writers
//! load the calendar, so with the refresh inside `write.rs` the two files used each other.

use super::model::{Priority, TicketState};
use super::sla::{Pause, Schedule, SlaState};
use crate::{
    time::{parse_ts, ts},
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};

/// Everything the SLA of one ticket depends on.
pub(crate) struct SlaInputs {
    pub created_at: DateTime<Utc>,
    pub priority: Priority,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub state: TicketState,
    pub pauses: Vec<Pause>,
    pub fr_breached: bool,
    pub res_breached: bool,
}

pub(crate) fn sla_inputs(conn: &Connection, id: i64) -> Result<SlaInputs> {
    let (created, prio, fr, res, state, frb, resb): (
        String,
        String,
        Option<String>,
        Option<String>,
        String,
        bool,
        bool,
    ) = conn.query_row(
        "SELECT created_at, priority, first_response_at, resolved_at, state,
                    first_response_breached, resolution_breached FROM tickets WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
            ))
        },
    )?;
    let pauses = conn
        .prepare_cached(
            "SELECT from_at, to_at FROM ticket_pauses WHERE ticket_id = ?1 ORDER BY from_at",
        )?
        .query_map([id], |r| {
            Ok(Pause {
                from: parse_ts(&r.get::<_, String>(0)?)?,
                to: r
                    .get::<_, Option<String>>(1)?
                    .map(|t| parse_ts(&t))
                    .transpose()?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(SlaInputs {
        created_at: parse_ts(&created)?,
        priority: Priority::from_code(&prio),
        first_response_at: fr.map(|t| parse_ts(&t)).transpose()?,
        resolved_at: res.map(|t| parse_ts(&t)).transpose()?,
        state: TicketState::from_code(&state),
        pauses,
        fr_breached: frb,
        res_breached: resb,
    })
}

/// Recompute the stored due times and breach flags of one ticket (flags only ever go up, so a
/// breach stays after reopen). Returns whether a flag was newly raised.
pub(crate) fn refresh_sla(
    tx: &Connection,
    sched: &Schedule,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool> {
    let i = sla_inputs(tx, id)?;
    let running = i.state.is_open();
    let fr = sched.evaluate(
        i.created_at,
        i.priority.first_response_secs(),
        &[],
        i.first_response_at,
        now,
    );
    // The resolution clock stops at resolution (or when closed / merged without one).
    let stop = i.resolved_at.or((!running).then_some(now));
    let res = sched.evaluate(
        i.created_at,
        i.priority.resolution_secs(),
        &i.pauses,
        stop,
        now,
    );
    let fr_b = i.fr_breached || fr.state == SlaState::Breached;
    let res_b = i.res_breached || res.state == SlaState::Breached;
    let fr_due = (running && i.first_response_at.is_none())
        .then_some(fr.due_at)
        .flatten();
    let res_due = if running { res.due_at } else { None };
    let fr_warn =
        fr_due.and_then(|_| sched.warn_at(i.created_at, i.priority.first_response_secs(), &[]));
    let res_warn =
        res_due.and_then(|_| sched.warn_at(i.created_at, i.priority.resolution_secs(), &i.pauses));
    let sla_due = [fr_due, res_due].into_iter().flatten().min();
    let sla_warn = [fr_warn, res_warn].into_iter().flatten().min();
    tx.prepare_cached(
        "UPDATE tickets SET first_response_due_at = ?2, resolution_due_at = ?3, resolution_warn_at = ?4,
           sla_due_at = ?5, sla_warn_at = ?6, first_response_breached = ?7, resolution_breached = ?8,
           breached = ?7 OR ?8
         WHERE id = ?1",
    )?
    .execute(params![
        id,
        fr_due.map(ts),
        res_due.map(ts),
        res_warn.map(ts),
        sla_due.map(ts),
        sla_warn.map(ts),
        fr_b,
        res_b
    ])?;
    Ok((fr_b && !i.fr_breached) || (res_b && !i.res_breached))
}

/// After hours or the calendar changed: every open ticket's due times.
pub(crate) fn refresh_all_open(
    tx: &Transaction,
    sched: &Schedule,
    now: DateTime<Utc>,
) -> Result<()> {
    let ids: Vec<i64> = tx
        .prepare("SELECT id FROM tickets WHERE is_open = 1")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        refresh_sla(tx, sched, id, now)?;
    }
    Ok(())
}
