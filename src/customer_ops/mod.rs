//! A customer's life events that reach across programmes: merging two records (and undoing
//! it), erasing a person's data, and the recycle bin's final purge.
//!
//! The customer rules stay in `customers/` (merge, erase, recycle); the points rules in
//! `loyalty/`, the ticket rules in `tickets/`. This use-case sits above all three and hands the
//! customer functions the programmes' part ([`Shop`], a `customers::hooks::Programmes`), so
//! `customers` never imports a programme and one transaction still covers everything. Front ends
//! (the app's commands, the CLI, `jobs::after_login`) call these functions.

use crate::{
    auth::Session,
    customers::{
        erase,
        hooks::Programmes,
        merge::{self, MergeChoices, MergeOutcome},
        recycle::{self, PurgeReport},
    },
    loyalty,
    store::Store,
    tickets, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::Connection;

/// The programmes this shop runs: points (lots move on merge, the ledger keeps a customer's row
/// alive) and service tickets (texts blanked on erasure; the rows themselves move with
/// `customers::merge::MOVABLE`).
pub struct Shop;

impl Programmes for Shop {
    fn on_merge(
        &self,
        tx: &Connection,
        now: DateTime<Utc>,
        operator: &str,
        keep: i64,
        other: i64,
        merge_id: i64,
    ) -> Result<()> {
        loyalty::merge::on_merge(tx, now, operator, keep, other, merge_id)
    }

    fn on_unmerge(
        &self,
        tx: &Connection,
        now: DateTime<Utc>,
        operator: &str,
        keep: i64,
        other: i64,
        merge_id: i64,
    ) -> Result<()> {
        loyalty::merge::on_unmerge(tx, now, operator, keep, other, merge_id)
    }

    fn keeps_history(&self, tx: &Connection, customer: i64) -> Result<bool> {
        loyalty::ledger::has_records(tx, customer)
    }

    fn on_anonymise(&self, tx: &Connection, customer: i64) -> Result<()> {
        tickets::write::scrub_customer(tx, customer)
    }
}

/// Merge `other` into `keep`: see `customers::merge::merge`.
pub fn merge(
    store: &Store,
    s: &Session,
    keep: i64,
    other: i64,
    choices: &MergeChoices,
) -> Result<MergeOutcome> {
    merge::merge(store, s, &Shop, keep, other, choices)
}

/// Undo a merge within its 30 days: see `customers::merge::unmerge`.
pub fn unmerge(store: &Store, s: &Session, merge_id: i64) -> Result<MergeOutcome> {
    merge::unmerge(store, s, &Shop, merge_id)
}

/// Erase a person's data (PIPL): see `customers::erase::erase`.
pub fn erase(store: &Store, s: &Session, id: i64) -> Result<()> {
    erase::erase(store, s, &Shop, id)
}

/// Empty the recycle bin of what is older than its 30 days at `now`: see
/// `customers::recycle::purge_expired`.
pub fn purge_expired(store: &Store, s: &Session, now: DateTime<Utc>) -> Result<PurgeReport> {
    recycle::purge_expired(store, s, &Shop, now)
}
