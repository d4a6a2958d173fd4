//! `laoke loyalty run`: the periodic job — the earn sweep with refund / cancellation / deletion
//! corrections and tier re-evaluation ([`after_orders_in_tx`], which imports run at once too) (an order that lifts a customer earns at the tier the customer
//! had when it was paid; the new tier's multiplier applies from the next order), then expiry,
//! then the reminder list Today reads ([`reminders::remember_in_tx`]). One transaction. Idempotent: at the same clock a second run finds
//! nothing to do and writes nothing (not even an audit row).
//!
//! While loyalty is off or still starting ([`program`]) orders do not earn (corrections of
//! points already earned still run) and tiers and birthday bonuses wait; while it is starting,
//! [`run`] first takes one batch of the first run in its own transaction, so a start cut short
//! by a crash finishes by itself.

use super::{birthday, earn, expiry, program, reminders, rules, status, tiers};
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct JobReport {
    pub tiers: tiers::TierReport,
    pub sync: earn::SyncReport,
    pub expiry: expiry::ExpiryReport,
    pub birthday: birthday::BirthdayReport,
}

impl JobReport {
    pub fn changed_anything(&self) -> bool {
        self.tiers.upgraded + self.tiers.downgraded + self.tiers.renewed > 0
            || self.sync != earn::SyncReport::default()
            || self.expiry.lots > 0
            || self.birthday.customers > 0
    }
}

/// What follows from orders written or removed: the earn sweep over what changed, then tiers
/// (the sweep first, so an order that lifts a customer earns at the tier it was paid in). The
/// job's first steps, and the end of an import and of an import undo (their orders' points and
/// tiers are right as soon as they commit, not at the next job run).
pub fn after_orders_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
) -> Result<(earn::SyncReport, tiers::TierReport)> {
    let sync = earn::sync_in_tx(tx, now, operator, earn::Scope::All)?;
    let tiers = if status::state_in(tx)? == status::State::On {
        tiers::evaluate_in_tx(tx, now, operator)?
    } else {
        tiers::TierReport::default()
    };
    Ok((sync, tiers))
}

/// The job's work inside a transaction (also used by the what-if preview, then rolled back).
pub fn run_in_tx(tx: &Connection, now: DateTime<Utc>) -> Result<JobReport> {
    let (sync, tiers) = after_orders_in_tx(tx, now, "job")?;
    let expiry = expiry::run_in_tx(tx, now)?;
    let birthday = if status::state_in(tx)? == status::State::On {
        birthday::run_in_tx(tx, now, &rules::version_at(tx, now)?)?
    } else {
        birthday::BirthdayReport::default()
    };
    reminders::remember_in_tx(tx, now)?;
    Ok(JobReport {
        tiers,
        sync,
        expiry,
        birthday,
    })
}

/// Run the job now (any logged-in user; it is what the app runs by itself).
pub fn run(store: &Store, s: &Session) -> Result<JobReport> {
    s.require(Permission::WorkWithCustomers)?;
    if status::state_in(store.conn())? == status::State::Starting {
        program::step(store, s)?;
    }
    store.write(|tx, now| {
        let r = run_in_tx(tx, now)?;
        if r.changed_anything() {
            audit::record(
                tx,
                now,
                s.audit_actor(),
                "loyalty_job_run",
                "",
                serde_json::to_value(&r).unwrap_or_else(|_| json!({})),
            )?;
        }
        Ok(r)
    })
}
