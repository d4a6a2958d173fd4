//! Undo a whole import batch, and the import history.
//!
//! The rule: undo puts back exactly what the batch changed — created orders and customers are
//! removed, updated orders get their `before` snapshot back, updated customers their old
//! profile fields, added phones, nicks and tags go — but only while nobody else has touched those
//! rows since. It is refused, naming the first row in the way, when
//! - a later import (not itself undone) changed the same row (undo that one first), or
//! - the row was edited after the import (its `updated_at` is no longer the batch's time), or
//! - a customer the batch created now has orders from elsewhere, was merged, or has consent
//!   records (removing them would lose someone else's work).
//!
//! The orders a batch created are recorded as one id range (`order_range`, see import::fast) and
//! removed with two DELETEs after set-based versions of the same checks (a later batch changed
//! one of them or was given one of their ids again; one was edited since).
//!
//! Refunds are append-only rows (`order_refunds`): a removed order takes its rows with it; a
//! restored order gets its old refunded total back through one offsetting row (source 'undo'),
//! so the total and the rows agree after an undo.
//!
//! Everything happens in one transaction: either the whole batch is undone or nothing is —
//! the loyalty points of the orders it removes or puts back included.

use crate::{
    audit,
    auth::{Permission, Session},
    orders::{self, OrderSnapshot},
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::HashSet;

/// One import in the history list.
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportBatch"))]
#[serde(rename_all = "camelCase")]
pub struct BatchInfo {
    pub id: i64,
    #[cfg_attr(feature = "ts", ts(as = "crate::import::ImportKind"))]
    pub kind: String,
    pub file_name: String,
    pub preset: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub created: i64,
    pub updated: i64,
    pub skipped: i64,
    pub rejected: i64,
    pub undone_at: Option<DateTime<Utc>>,
    pub undone_by: Option<String>,
}

/// What an undo took back.
#[derive(Serialize, Clone, Debug, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportUndoReport"))]
#[serde(rename_all = "camelCase")]
pub struct UndoReport {
    pub batch_id: i64,
    pub orders_removed: u64,
    pub orders_restored: u64,
    pub customers_removed: u64,
    pub customers_restored: u64,
    /// Phones, nicks and tags the batch had added to customers who already existed.
    pub phones_and_nicks_removed: u64,
}

/// The newest imports first (at most 200).
pub fn list(store: &Store, s: &Session) -> Result<Vec<BatchInfo>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut stmt = store.conn().prepare(
        "SELECT id, kind, file_name, preset, created_by, created_at, created_count, updated_count,
                skipped_count, rejected_count, undone_at, undone_by
         FROM import_batches ORDER BY id DESC LIMIT 200",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok(BatchInfo {
                id: r.get(0)?,
                kind: r.get(1)?,
                file_name: r.get(2)?,
                preset: r.get(3)?,
                created_by: r.get(4)?,
                created_at: parse_ts(&r.get::<_, String>(5)?)?,
                created: r.get(6)?,
                updated: r.get(7)?,
                skipped: r.get(8)?,
                rejected: r.get(9)?,
                undone_at: r
                    .get::<_, Option<String>>(10)?
                    .map(|t| parse_ts(&t))
                    .transpose()?,
                undone_by: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

struct Change {
    id: i64,
    entity: String,
    entity_id: i64,
    action: String,
    before: Option<String>,
}

fn refused(zh: String, en: String) -> Error {
    Error::conflict(
        format!("无法撤销这次导入：{zh}没有做任何更改。"),
        format!("This import cannot be undone: {en} Nothing was changed."),
    )
}

/// Undo import batch `batch_id` (owner and manager; audited).
pub fn undo(store: &Store, s: &Session, batch_id: i64) -> Result<UndoReport> {
    s.require(Permission::EraseMergeUndo)?;
    store.write(|tx, now| {
        let r = undo_in_tx(tx, s, batch_id, now)?;
        // the removed orders' points go back at once (loyalty::job::after_orders_in_tx)
        crate::loyalty::job::after_orders_in_tx(tx, now, s.username())?;
        Ok(r)
    })
}

fn undo_in_tx(tx: &Transaction, s: &Session, batch: i64, now: DateTime<Utc>) -> Result<UndoReport> {
    let row: Option<(String, Option<String>)> = tx
        .query_row(
            "SELECT created_at, undone_at FROM import_batches WHERE id = ?1",
            [batch],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((batch_at, undone)) = row else {
        return Err(Error::not_found(
            format!("没有编号为 {batch} 的导入。"),
            format!("There is no import #{batch}."),
        ));
    };
    if undone.is_some() {
        return Err(Error::conflict(
            format!("导入 #{batch} 已经撤销过了。"),
            format!("Import #{batch} has already been undone."),
        ));
    }
    let changes: Vec<Change> = tx
        .prepare(
            "SELECT id, entity, entity_id, action, before FROM import_changes
             WHERE batch_id = ?1 ORDER BY id DESC",
        )?
        .query_map([batch], |r| {
            Ok(Change {
                id: r.get(0)?,
                entity: r.get(1)?,
                entity_id: r.get(2)?,
                action: r.get(3)?,
                before: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // A later batch's change to the same row, or (for an order) a later batch's range of
    // created orders holding its id (the id was freed by a hand deletion and handed out again).
    let mut later = tx.prepare(
        "SELECT b.id FROM import_changes c JOIN import_batches b ON b.id = c.batch_id
         WHERE c.batch_id > ?3 AND b.undone_at IS NULL
           AND ((c.entity = ?1 AND c.entity_id = ?2)
                OR (?1 = 'order' AND c.entity = 'order_range' AND c.entity_id <= ?2
                    AND CAST(c.before AS INTEGER) >= ?2))
         LIMIT 1",
    )?;
    for c in &changes {
        if let Some(other) = later
            .query_row(params![c.entity, c.entity_id, batch], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
        {
            return Err(refused(
                format!("之后的导入 #{other} 又改动了同一批数据，请先撤销导入 #{other}。"),
                format!("a later import (#{other}) changed the same records; undo #{other} first."),
            ));
        }
    }
    let mut report = UndoReport {
        batch_id: batch,
        ..Default::default()
    };
    let mut touched: HashSet<i64> = HashSet::new();
    // Orders first (they point at customers), then phones / nicks, then customers. The orders
    // a batch created in one range (import::fast) go set-based.
    for c in changes.iter().filter(|c| c.entity == "order_range") {
        report.orders_removed += undo_created_range(tx, batch, &batch_at, c, &mut touched)?;
    }
    for c in changes.iter().filter(|c| c.entity == "order") {
        let current: Option<(String, String, Option<i64>)> = tx
            .query_row(
                "SELECT order_no, updated_at, customer_id FROM orders WHERE id = ?1",
                [c.entity_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((order_no, updated_at, customer)) = current else {
            if c.action == "created" {
                continue; // already gone (deleted by hand): nothing to take back
            }
            return Err(refused(
                format!("订单（编号 {}）已被删除。", c.entity_id),
                format!("order #{} has been deleted since.", c.entity_id),
            ));
        };
        if updated_at != batch_at {
            return Err(refused(
                format!("订单 {order_no} 在导入之后又被修改过。"),
                format!("order {order_no} was changed after the import."),
            ));
        }
        touched.extend(customer);
        if c.action == "created" {
            orders::delete_in_tx(tx, c.entity_id)?;
            report.orders_removed += 1;
        } else {
            let before: OrderSnapshot = serde_json::from_str(c.before.as_deref().unwrap_or("null"))
                .map_err(|e| Error::Internal(format!("import change {}: {e}", c.id)))?;
            touched.extend(before.customer_id);
            orders::restore_in_tx(tx, &before, s.username(), now)?;
            report.orders_restored += 1;
        }
    }
    for c in changes.iter().filter(|c| c.entity == "customer_tag") {
        let tag: Map<String, Value> = serde_json::from_str(c.before.as_deref().unwrap_or("{}"))?;
        let tag = tag
            .get("tag")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::Internal(format!("import change {}: no tag", c.id)))?;
        report.phones_and_nicks_removed += tx.execute(
            "DELETE FROM customer_tags WHERE customer_id = ?1 AND tag = ?2",
            params![c.entity_id, tag],
        )? as u64;
    }
    for c in changes
        .iter()
        .filter(|c| c.entity == "customer_phone" || c.entity == "customer_nick")
    {
        let table = if c.entity == "customer_phone" {
            "customer_phones"
        } else {
            "customer_nicks"
        };
        report.phones_and_nicks_removed +=
            tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [c.entity_id])? as u64;
    }
    for c in changes.iter().filter(|c| c.entity == "customer") {
        // Cached statements: a batch may hold hundreds of thousands of customers, and each
        // DELETE compiles the customers' triggers and foreign keys.
        let current: Option<(String, String)> = tx
            .prepare_cached("SELECT name, updated_at FROM customers WHERE id = ?1")?
            .query_row([c.entity_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((name, updated_at)) = current else {
            continue;
        };
        if updated_at != batch_at {
            return Err(refused(
                format!("客户“{name}”在导入之后又被修改过。"),
                format!("customer '{name}' was changed after the import."),
            ));
        }
        if c.action == "updated" {
            let before: Map<String, Value> =
                serde_json::from_str(c.before.as_deref().unwrap_or("{}"))?;
            for (col, val) in &before {
                if !ALLOWED_COLUMNS.contains(&col.as_str()) {
                    return Err(Error::Internal(format!(
                        "unexpected column {col} in import change"
                    )));
                }
                tx.execute(
                    &format!("UPDATE customers SET {col} = ?1 WHERE id = ?2"),
                    params![val.as_str(), c.entity_id],
                )?;
            }
            report.customers_restored += 1;
            continue;
        }
        let busy: Option<&str> = tx
            .prepare_cached(
                "SELECT CASE
                    WHEN EXISTS (SELECT 1 FROM orders WHERE customer_id = ?1) THEN 'orders'
                    WHEN EXISTS (SELECT 1 FROM customer_merges WHERE kept_id = ?1 OR merged_id = ?1) THEN 'merge'
                    WHEN EXISTS (SELECT 1 FROM customers WHERE merged_into = ?1) THEN 'merge'
                    WHEN EXISTS (SELECT 1 FROM customer_consents WHERE customer_id = ?1) THEN 'consent'
                 END",
            )?
            .query_row([c.entity_id], |r| r.get::<_, Option<String>>(0))?
            .map(|s| match s.as_str() {
                "orders" => "orders",
                "merge" => "merge",
                _ => "consent",
            });
        if let Some(why) = busy {
            let (zh, en) = match why {
                "orders" => ("有其他来源的订单", "has orders from elsewhere"),
                "merge" => ("已参与客户合并", "was part of a merge"),
                _ => ("已有营销授权记录", "has consent records"),
            };
            return Err(refused(
                format!("客户“{name}”{zh}。"),
                format!("customer '{name}' {en} now."),
            ));
        }
        tx.prepare_cached("DELETE FROM customers WHERE id = ?1")?
            .execute([c.entity_id])?;
        touched.remove(&c.entity_id);
        report.customers_removed += 1;
    }
    let ids: Vec<i64> = touched.into_iter().collect();
    orders::refresh_stats(tx, &ids)?;
    tx.execute(
        "UPDATE import_batches SET undone_at = ?2, undone_by = ?3 WHERE id = ?1",
        params![batch, ts(now), s.username()],
    )?;
    audit::record(
        tx,
        now,
        s.audit_actor(),
        "import_undone",
        &format!("import_batch:{batch}"),
        json!({
            "ordersRemoved": report.orders_removed,
            "ordersRestored": report.orders_restored,
            "customersRemoved": report.customers_removed,
            "customersRestored": report.customers_restored,
        }),
    )?;
    Ok(report)
}

/// Remove the orders of one `order_range` record (ids `entity_id ..= before`), refusing when
/// a later import changed one of them or one was edited after the import. Orders of the range
/// deleted by hand since are simply gone. Returns how many were removed.
fn undo_created_range(
    tx: &Transaction,
    batch: i64,
    batch_at: &str,
    c: &Change,
    touched: &mut HashSet<i64>,
) -> Result<u64> {
    let first = c.entity_id;
    let last: i64 = c
        .before
        .as_deref()
        .and_then(|b| b.parse().ok())
        .ok_or_else(|| Error::Internal(format!("import change {}: no range end", c.id)))?;
    let other: Option<i64> = tx
        .query_row(
            "SELECT b.id FROM import_changes c JOIN import_batches b ON b.id = c.batch_id
             WHERE c.batch_id > ?1 AND b.undone_at IS NULL
               AND ((c.entity = 'order' AND c.entity_id BETWEEN ?2 AND ?3)
                    OR (c.entity = 'order_range' AND c.entity_id <= ?3
                        AND CAST(c.before AS INTEGER) >= ?2))
             LIMIT 1",
            params![batch, first, last],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(other) = other {
        return Err(refused(
            format!("之后的导入 #{other} 又改动了同一批数据，请先撤销导入 #{other}。"),
            format!("a later import (#{other}) changed the same records; undo #{other} first."),
        ));
    }
    let edited: Option<String> = tx
        .query_row(
            "SELECT order_no FROM orders WHERE id BETWEEN ?1 AND ?2 AND updated_at <> ?3
             ORDER BY id LIMIT 1",
            params![first, last, batch_at],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(order_no) = edited {
        return Err(refused(
            format!("订单 {order_no} 在导入之后又被修改过。"),
            format!("order {order_no} was changed after the import."),
        ));
    }
    {
        let mut stmt = tx.prepare(
            "SELECT DISTINCT customer_id FROM orders
             WHERE id BETWEEN ?1 AND ?2 AND customer_id IS NOT NULL",
        )?;
        for id in stmt.query_map([first, last], |r| r.get::<_, i64>(0))? {
            touched.insert(id?);
        }
    }
    tx.execute(
        "DELETE FROM order_refunds WHERE order_id BETWEEN ?1 AND ?2",
        [first, last],
    )?;
    tx.execute(
        "DELETE FROM order_items WHERE order_id BETWEEN ?1 AND ?2",
        [first, last],
    )?;
    let removed = tx.execute(
        "DELETE FROM orders WHERE id BETWEEN ?1 AND ?2",
        [first, last],
    )?;
    Ok(removed as u64)
}

/// Customer columns an import may fill (and undo may put back).
const ALLOWED_COLUMNS: &[&str] = &[
    "gender",
    "birthday",
    "email",
    "wechat_id",
    "qq",
    "province",
    "city",
    "address",
    "notes",
    "updated_at",
];
