//! Customer merges and points. The ledger cannot move rows, so a merge writes transfer rows:
//! each lot the merged-away customer still holds leaves it (a negative row closing that lot)
//! and arrives at the kept customer as a lot with the same lock and expiry, so nothing gains or
//! loses time. Undoing the merge moves back what is left of those lots. Keys
//! `merge:{id}:out|in:{lot}` / `unmerge:{id}:out|in:{lot}` make both exactly-once. The kept
//! customer's tier follows the merged spend ([`super::tiers::after_merge`]), and goes back when
//! the merge is undone.

use super::ledger::{self, append, NewEntry, Reason, Source};
use super::lots::{replay, Lot};
use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::Connection;

fn transfer(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    (from, to): (i64, i64),
    lot: &Lot,
    merge_id: i64,
    key: &str,
) -> Result<()> {
    let mut out = NewEntry::new(
        from,
        -lot.remaining,
        Reason::Transfer,
        Source::Merge,
        operator,
        now,
        format!("{key}:{merge_id}:out:{}", lot.entry_id),
    );
    out.source_id = Some(merge_id);
    out.lot_id = Some(lot.entry_id);
    append(tx, &out)?;
    let mut inn = NewEntry::new(
        to,
        lot.remaining,
        Reason::Transfer,
        Source::Merge,
        operator,
        now,
        format!("{key}:{merge_id}:in:{}", lot.entry_id),
    );
    inn.source_id = Some(merge_id);
    inn.usable_from = Some(lot.usable_from);
    inn.expiry = (lot.expiry_kind, lot.expiry_months, lot.expires_at);
    append(tx, &inn)?;
    Ok(())
}

/// After `other` was merged into `keep` (inside the merge's transaction).
pub fn on_merge(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    keep: i64,
    other: i64,
    merge_id: i64,
) -> Result<()> {
    let lots = replay(&ledger::entries(tx, other)?);
    let mut room = lots.balance().max(0);
    for lot in lots.lots.iter().filter(|l| l.remaining > 0 && !l.closed) {
        if room <= 0 {
            break;
        }
        let mut l = lot.clone();
        l.remaining = l.remaining.min(room);
        room -= l.remaining;
        transfer(tx, now, operator, (other, keep), &l, merge_id, "merge")?;
    }
    // the kept customer's tier follows the merged spend
    super::tiers::after_merge(tx, now, operator, keep)
}

/// After the merge `merge_id` was undone: what is left of the lots that came in goes back.
pub fn on_unmerge(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    keep: i64,
    other: i64,
    merge_id: i64,
) -> Result<()> {
    let entries = ledger::entries(tx, keep)?;
    let prefix = format!("merge:{merge_id}:in:");
    let incoming: Vec<i64> = entries
        .iter()
        .filter(|e| e.idempotency_key.starts_with(&prefix))
        .map(|e| e.id)
        .collect();
    let lots = replay(&entries);
    let mut room = lots.balance().max(0);
    for lot in lots
        .lots
        .iter()
        .filter(|l| incoming.contains(&l.entry_id) && l.remaining > 0)
    {
        if room <= 0 {
            break;
        }
        let mut l = lot.clone();
        l.remaining = l.remaining.min(room);
        room -= l.remaining;
        transfer(tx, now, operator, (keep, other), &l, merge_id, "unmerge")?;
    }
    let merged_at: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
        "SELECT merged_at FROM customer_merges WHERE id = ?1",
        [merge_id],
        |r| r.get(0),
    ))?;
    match merged_at {
        Some(at) => super::tiers::after_unmerge(tx, now, operator, keep, &at),
        None => Ok(()),
    }
}
