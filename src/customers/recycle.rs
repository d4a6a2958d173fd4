//! The recycle bin: "delete" only hides a customer for [`KEEP_DAYS`] days, so a slip of the
//! mouse costs nothing. After that [`purge_expired`] (run after every login by
//! `jobs::after_login`) removes the record for good — or, for a customer with orders,
//! anonymises it like an erasure, because orders and the shop's totals must stay intact.

use super::{erase, hooks::Programmes, record};
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::json;

/// Days a deleted customer stays restorable.
pub const KEEP_DAYS: i64 = 30;

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BinEntry {
    pub id: i64,
    pub name: String,
    pub city: Option<String>,
    pub orders_count: i64,
    pub deleted_at: DateTime<Utc>,
    /// When it goes for good.
    pub purge_at: DateTime<Utc>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct PurgeReport {
    /// Removed completely.
    pub deleted: Vec<i64>,
    /// Kept anonymised because they have orders.
    pub anonymised: Vec<i64>,
}

/// Move a customer to the recycle bin (audited). Owner and manager only: the bin is purged
/// after 30 days, so a deletion is an erasure in waiting, which a service rep may not start.
pub fn delete(store: &Store, s: &Session, id: i64) -> Result<()> {
    s.require(Permission::EraseMergeUndo)?;
    store.write(|tx, now| {
        let c = record::load(tx, id)?;
        record::require_live(&c)?;
        tx.execute(
            "UPDATE customers SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![id, ts(now)],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customer_deleted",
            &format!("customer:{id}"),
            json!({}),
        )
    })
}

/// Take a customer out of the recycle bin (audited).
pub fn restore(store: &Store, s: &Session, id: i64) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    store.write(|tx, now| {
        let c = record::load(tx, id)?;
        if c.deleted_at.is_none() || c.erased_at.is_some() {
            return Err(Error::conflict(
                format!("客户 #{id} 不在回收站里。"),
                format!("Customer #{id} is not in the recycle bin."),
            ));
        }
        tx.execute(
            "UPDATE customers SET deleted_at = NULL, updated_at = ?2 WHERE id = ?1",
            params![id, ts(now)],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customer_restored",
            &format!("customer:{id}"),
            json!({}),
        )
    })
}

/// What is in the recycle bin, most recently deleted first.
pub fn list(store: &Store, s: &Session) -> Result<Vec<BinEntry>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut stmt = store.conn().prepare(
        "SELECT c.id, c.name, c.city, c.deleted_at,
                (SELECT count(*) FROM orders o WHERE o.customer_id = c.id)
         FROM customers c
         WHERE c.deleted_at IS NOT NULL AND c.erased_at IS NULL AND c.merged_into IS NULL
         ORDER BY c.deleted_at DESC, c.id DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let deleted_at = parse_ts(&r.get::<_, String>(3)?)?;
            Ok(BinEntry {
                id: r.get(0)?,
                name: r.get(1)?,
                city: r.get(2)?,
                orders_count: r.get(4)?,
                deleted_at,
                purge_at: deleted_at + Duration::days(KEEP_DAYS),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Remove for good what has been in the bin for more than [`KEEP_DAYS`] days at `now`.
/// Housekeeping that the retention promise requires, so any signed-in user triggers it; it is
/// audited under their name. Entry point: `customer_ops::purge_expired`.
pub fn purge_expired(
    store: &Store,
    s: &Session,
    programmes: &dyn Programmes,
    now: DateTime<Utc>,
) -> Result<PurgeReport> {
    let cutoff = ts(now - Duration::days(KEEP_DAYS));
    let due: Vec<i64> = store
        .conn()
        .prepare(
            "SELECT id FROM customers WHERE deleted_at IS NOT NULL AND deleted_at <= ?1
               AND erased_at IS NULL AND merged_into IS NULL ORDER BY id",
        )?
        .query_map([&cutoff], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if due.is_empty() {
        return Ok(PurgeReport::default());
    }
    store.write(|tx, _| {
        let mut report = PurgeReport::default();
        for id in due {
            // Records merged into this one are the same person: they go with it.
            // Deepest first, so no row is removed while another still points at it.
            let mut family = erase::merged_family(tx, id)?;
            family.reverse();
            family.push(id);
            let has_orders = family
                .iter()
                .map(|c| super::stats::order_count(tx, *c))
                .collect::<Result<Vec<_>>>()?
                .into_iter()
                .any(|n| n > 0);
            // e.g. loyalty rows (append-only ledger, coupons, tiers) keep pointing at them
            let has_orders = has_orders
                || family
                    .iter()
                    .map(|c| programmes.keeps_history(tx, *c))
                    .collect::<Result<Vec<_>>>()?
                    .into_iter()
                    .any(|b| b);
            if has_orders {
                erase::anonymise(tx, programmes, id, now)?;
                report.anonymised.push(id);
            } else {
                for c in &family {
                    remove(tx, *c)?;
                }
                report.deleted.push(id);
            }
        }
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customers_purged",
            "",
            json!({ "deleted": report.deleted, "anonymised": report.anonymised, "afterDays": KEEP_DAYS }),
        )?;
        Ok(report)
    })
}

/// Delete a customer row and everything that is only about them (no orders reach here).
fn remove(conn: &Connection, id: i64) -> Result<()> {
    erase::scrub_merge_snapshots(conn, id)?;
    conn.execute("DELETE FROM customer_consents WHERE customer_id = ?1", [id])?;
    conn.execute(
        "DELETE FROM customer_merges WHERE kept_id = ?1 OR merged_id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM customers WHERE id = ?1", [id])?;
    Ok(())
}
