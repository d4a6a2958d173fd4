//! Loyalty switched on or off, and what switching it on does with past orders (issue 17).
//!
//! A store without a `loyalty_program` row (made before migration 0015, or by `Store::init`
//! alone) has loyalty on for every order, as before; a shop made in the app or by `laoke init`
//! gets [`start_new_shop`]: on, for orders paid from its creation. [`switch_off`] stops orders from earning (points
//! already earned stay, refunds still take theirs back, expiry goes on; tiers and birthday
//! bonuses wait). [`begin`] switches it on and asks what to do with past orders ([`Past`]):
//! none (the default: only orders paid from now on), the last N months, or all.
//!
//! The past orders earn in **batches** ([`step`]), each its own transaction over the next
//! [`BATCH_ORDERS`] order ids: the cursor (`done_to_id`) moves in the same transaction as the
//! rows it earned, so a crash loses at most the batch in flight and the next [`step`] continues
//! where it stopped; the earn rows' idempotency keys make sure no order earns twice. The last
//! step evaluates the tiers and sets the state to on. Until then the regular sweep (the job,
//! imports, sales) leaves the pending orders alone ([`super::status::eligible_sql`]) and the job leaves tiers
//! alone, so the result is the one a single run would have written. Progress is a
//! [`StartProgress`] (orders looked at of all past orders), in the backup progress's shape.
//!
//! Front ends: `laoke loyalty start --past none|all|months:N` ([`run_to_end`]) and the app's
//! loyalty switch, which calls [`begin`] and then [`step`] on a worker, one batch per hold of
//! the store, so the window never waits; the periodic job also takes one batch per run
//! ([`super::job::run`]), so a start interrupted by a crash finishes by itself.

use super::status::{load, progress_of};
pub use super::status::{Past, StartProgress, State};
use super::{earn, rules, tiers};
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::ts,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

/// Past orders looked at per batch (one transaction each).
pub const BATCH_ORDERS: u64 = 20_000;

/// Where loyalty stands (any signed-in user).
pub fn status(store: &Store, s: &Session) -> Result<StartProgress> {
    s.require(Permission::WorkWithCustomers)?;
    progress_of(load(store.conn())?)
}

/// Switch loyalty off (owner; audited). Refused while the first run is going.
pub fn switch_off(store: &Store, s: &Session) -> Result<StartProgress> {
    s.require(Permission::ManageSettings)?;
    store.write(|tx, now| {
        let row = load(tx)?;
        match row.as_ref().map(|r| r.state) {
            Some(State::Off) => return progress_of(row),
            Some(State::Starting) => return Err(starting()),
            _ => {}
        }
        tx.execute(
            "INSERT INTO loyalty_program (id, state, changed_at, changed_by)
             VALUES (1, 'off', ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET state = 'off', pending_to_id = 0, done_to_id = 0,
                 changed_at = excluded.changed_at, changed_by = excluded.changed_by",
            params![ts(now), s.username()],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "loyalty_switched_off",
            "",
            json!({}),
        )?;
        progress_of(load(tx)?)
    })
}

/// A shop created in the app or by `laoke init` starts with loyalty on for orders paid from its
/// creation on (the default choice, [`Past::None`]): a history imported later earns nothing by
/// itself, so the first job never awards years of orders at once. The owner who wants points
/// for that history switches loyalty off and on again with [`Past::All`] or the last N months.
/// Does nothing when the store already has a choice recorded.
pub fn start_new_shop(store: &Store, s: &Session) -> Result<()> {
    s.require(Permission::ManageSettings)?;
    store.write(|tx, now| {
        let written = tx.execute(
            "INSERT INTO loyalty_program (id, state, past, earn_from, changed_at, changed_by)
             VALUES (1, 'on', 'none', ?1, ?1, ?2)
             ON CONFLICT (id) DO NOTHING",
            params![ts(now), s.username()],
        )?;
        if written == 1 {
            audit::record(
                tx,
                now,
                s.audit_actor(),
                "loyalty_switched_on",
                "",
                json!({"past": Past::None, "pastOrders": 0, "newShop": true}),
            )?;
        }
        Ok(())
    })
}

fn starting() -> Error {
    Error::conflict(
        "会员积分正在开启中（历史订单分批计入），请稍候。",
        "Loyalty is being switched on (past orders earning in batches); please wait.",
    )
}

/// Switch loyalty on with this choice for past orders (owner; audited). Quick: it records the
/// choice and which past orders wait for the batches; [`step`] does the work. While a start is
/// going, returns its progress (the choice made then stands). Loyalty already on: refused.
pub fn begin(store: &Store, s: &Session, past: Past) -> Result<StartProgress> {
    s.require(Permission::ManageSettings)?;
    store.write(|tx, now| {
        let row = load(tx)?;
        match row.as_ref().map(|r| r.state) {
            Some(State::Starting) => return progress_of(row),
            Some(State::On) | None => {
                return Err(Error::conflict(
                    "会员积分已经开启。",
                    "Loyalty is already on.",
                ))
            }
            Some(State::Off) => {}
        }
        let earn_from = past.earn_from(now);
        // past orders: every order written so far; with `none` they are all before `earn_from`
        // (paid before now), so no batch is needed
        let (pending_to, total): (i64, i64) = if past == Past::None {
            (0, 0)
        } else {
            tx.query_row(
                "SELECT coalesce(max(id), 0), count(*) FROM orders",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?
        };
        let (kind, months) = match past {
            Past::None => ("none", None),
            Past::Months { months } => ("months", Some(months)),
            Past::All => ("all", None),
        };
        tx.execute(
            "UPDATE loyalty_program SET state = 'starting', past = ?1, past_months = ?2,
                 earn_from = ?3, pending_to_id = ?4, done_to_id = 0, pending_total = ?5,
                 done_count = 0, earned_orders = 0, earned_points = 0, changed_at = ?6,
                 changed_by = ?7
             WHERE id = 1",
            params![
                kind,
                months,
                earn_from.map(ts),
                pending_to,
                total,
                ts(now),
                s.username()
            ],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "loyalty_switched_on",
            "",
            json!({"past": past, "pastOrders": total}),
        )?;
        progress_of(load(tx)?)
    })
}

/// One batch of the first run, in its own transaction: the next [`BATCH_ORDERS`] past orders
/// earn; the last batch also evaluates the tiers and sets the state to on. Any signed-in user
/// (what the job does); does nothing unless a start is going.
pub fn step(store: &Store, s: &Session) -> Result<StartProgress> {
    step_sized(store, s, BATCH_ORDERS)
}

/// [`step`] with batches of `batch` orders (tests use small ones).
pub fn step_sized(store: &Store, s: &Session, batch: u64) -> Result<StartProgress> {
    s.require(Permission::WorkWithCustomers)?;
    let operator = s.username().to_string();
    store.write(|tx, now| step_in_tx(tx, now, &operator, batch.max(1)))
}

pub(crate) fn step_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    batch: u64,
) -> Result<StartProgress> {
    let Some(r) = load(tx)? else {
        return progress_of(None);
    };
    if r.state != State::Starting {
        return progress_of(Some(r));
    }
    let lo = r.done_to_id;
    // the last id of the next batch (or the end of the past orders)
    let hi: i64 = tx
        .query_row(
            "SELECT id FROM orders WHERE id > ?1 AND id <= ?2 ORDER BY id LIMIT 1 OFFSET ?3",
            params![lo, r.pending_to_id, batch.saturating_sub(1) as i64],
            |row| row.get(0),
        )
        .optional()?
        .unwrap_or(r.pending_to_id);
    if hi > lo {
        let looked: i64 = tx.query_row(
            "SELECT count(*) FROM orders WHERE id > ?1 AND id <= ?2",
            [lo, hi],
            |row| row.get(0),
        )?;
        // the cursor first: the batch's orders are no longer pending, so they may earn
        tx.execute(
            "UPDATE loyalty_program SET done_to_id = ?1, done_count = done_count + ?2 WHERE id = 1",
            [hi, looked],
        )?;
        let v = rules::version_at(tx, now)?;
        let (orders, points) = earn::earn_new_in_tx(
            tx,
            now,
            operator,
            &v,
            &format!("o.id > {lo} AND o.id <= {hi}"),
        )?;
        tx.execute(
            "UPDATE loyalty_program SET earned_orders = earned_orders + ?1,
                 earned_points = earned_points + ?2 WHERE id = 1",
            params![orders as i64, points],
        )?;
    }
    if hi >= r.pending_to_id {
        tiers::evaluate_in_tx(tx, now, operator)?;
        tx.execute(
            "UPDATE loyalty_program SET state = 'on', done_count = pending_total WHERE id = 1",
            [],
        )?;
    }
    progress_of(load(tx)?)
}

/// Switch loyalty on and run the first run to its end (the CLI), calling `progress` after each
/// batch. A start already going continues where it stopped.
pub fn run_to_end(
    store: &Store,
    s: &Session,
    past: Past,
    mut progress: impl FnMut(&StartProgress),
) -> Result<StartProgress> {
    let mut p = begin(store, s, past)?;
    progress(&p);
    while p.state == State::Starting {
        p = step(store, s)?;
        progress(&p);
    }
    Ok(p)
}
