//! Merging two records of the same person, and undoing it within 30 days.
//!
//! The user picks, field by field, which record's value wins; phones, nicks and tags are
//! unioned; orders (and, as later issues add them, other rows listed in [`MOVABLE`]) move to the
//! kept record; consent history is copied over. Both records are snapshotted exactly in
//! `customer_merges` first, and the merged-away record stays (hidden, `merged_into` set), so
//! undo puts both back exactly and moves precisely the rows that moved.

use super::{hooks::Programmes, record, snapshot, stats, Customer};
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value as Json};

/// A merge can be undone for this many days.
pub const UNDO_DAYS: i64 = 30;

/// Rows that belong to a customer and follow them into the kept record: (table, column).
/// Later modules (points, tickets, follow-ups) add their tables here; tables that do not exist
/// yet are skipped.
pub const MOVABLE: &[(&str, &str)] = &[
    ("orders", "customer_id"),
    ("tickets", "customer_id"),
    ("follow_ups", "customer_id"),
];

/// The fields a user chooses between: (name in the API, column).
pub const MERGE_FIELDS: &[(&str, &str)] = &[
    ("name", "name"),
    ("gender", "gender"),
    ("birthday", "birthday"),
    ("email", "email"),
    ("wechatId", "wechat_id"),
    ("qq", "qq"),
    ("province", "province"),
    ("city", "city"),
    ("address", "address"),
    ("sourceChannel", "source_channel"),
    ("notes", "notes"),
];

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase")]
pub enum MergeSide {
    #[default]
    Keep,
    Other,
}

/// Which value wins where the two records differ. Fields not named keep the kept record's value.
#[derive(Deserialize, Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct MergeChoices {
    /// API field names (see [`MERGE_FIELDS`]) whose value comes from the other record.
    pub take_from_other: Vec<String>,
    /// Keep both records' notes (kept first).
    pub combine_notes: bool,
}

impl MergeChoices {
    pub fn side(&self, field: &str) -> MergeSide {
        if self.take_from_other.iter().any(|f| f == field) {
            MergeSide::Other
        } else {
            MergeSide::Keep
        }
    }
}

/// Both records side by side, for choosing.
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MergePreview {
    /// The suggested kept record: the one with more orders (DEFAULTS), the older one on a tie.
    pub keep: Customer,
    pub other: Customer,
    pub keep_orders: i64,
    pub other_orders: i64,
    /// API names of the fields whose values differ.
    pub differing: Vec<String>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MergeOutcome {
    pub merge_id: i64,
    pub kept_id: i64,
    pub merged_id: i64,
    pub moved_orders: u64,
}

/// A merge as lists show it.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MergeRecord {
    pub id: i64,
    pub kept_id: i64,
    pub merged_id: i64,
    /// Names at the time of the merge (kept, merged); empty once erased.
    pub kept_name: String,
    pub merged_name: String,
    pub merged_by: String,
    pub merged_at: DateTime<Utc>,
    pub undone_at: Option<DateTime<Utc>>,
    /// Until when undo is possible; `None` once undone or erased.
    pub undo_until: Option<DateTime<Utc>>,
}

fn field_value(c: &Customer, field: &str) -> Json {
    match field {
        "name" => json!(c.name),
        "gender" => json!(c.gender),
        "birthday" => json!(c.birthday),
        "email" => json!(c.email),
        "wechatId" => json!(c.wechat_id),
        "qq" => json!(c.qq),
        "province" => json!(c.province),
        "city" => json!(c.city),
        "address" => json!(c.address),
        "sourceChannel" => json!(c.source_channel),
        "notes" => json!(c.notes),
        _ => Json::Null,
    }
}

/// The two records side by side, the suggested kept one first.
pub fn preview(store: &Store, s: &Session, a: i64, b: i64) -> Result<MergePreview> {
    s.require(Permission::EraseMergeUndo)?;
    let conn = store.conn();
    let (ca, cb) = (record::load(conn, a)?, record::load(conn, b)?);
    let (na, nb) = (stats::order_count(conn, a)?, stats::order_count(conn, b)?);
    let a_first = na > nb || (na == nb && (ca.created_at, a) <= (cb.created_at, b));
    let (keep, other, keep_orders, other_orders) = if a_first {
        (ca, cb, na, nb)
    } else {
        (cb, ca, nb, na)
    };
    let mut differing: Vec<String> = MERGE_FIELDS
        .iter()
        .filter(|(f, _)| field_value(&keep, f) != field_value(&other, f))
        .map(|(f, _)| f.to_string())
        .collect();
    differing.sort_by_key(|f| MERGE_FIELDS.iter().position(|(m, _)| m == f));
    Ok(MergePreview {
        keep: record::for_viewer(keep, s),
        other: record::for_viewer(other, s),
        keep_orders,
        other_orders,
        differing,
    })
}

fn table_exists(conn: &Connection, table: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [table],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// Merge `other` into `keep` (EraseMergeUndo; audited). Nothing is merged silently: this is
/// only ever called on the user's explicit choice. `programmes` moves their rows in the same
/// transaction (the entry point for front ends is `customer_ops::merge`).
pub fn merge(
    store: &Store,
    s: &Session,
    programmes: &dyn Programmes,
    keep: i64,
    other: i64,
    choices: &MergeChoices,
) -> Result<MergeOutcome> {
    s.require(Permission::EraseMergeUndo)?;
    if keep == other {
        return Err(Error::invalid(
            "不能把客户和自己合并，请选择两个不同的客户。",
            "A customer cannot be merged with itself; choose two different customers.",
        ));
    }
    for f in &choices.take_from_other {
        if !MERGE_FIELDS.iter().any(|(m, _)| m == f) {
            return Err(Error::invalid(
                format!("合并选项里有未知字段“{f}”。"),
                format!("Merge choice names an unknown field '{f}'."),
            ));
        }
    }
    store.write(|tx, now| {
        let kept_c = record::load(tx, keep)?;
        let other_c = record::load(tx, other)?;
        record::require_live(&kept_c)?;
        record::require_live(&other_c)?;
        let kept_snap = snapshot::record(tx, keep)?;
        let merged_snap = snapshot::record(tx, other)?;

        for (field, column) in MERGE_FIELDS {
            if choices.side(field) == MergeSide::Other {
                tx.execute(
                    &format!(
                        "UPDATE customers SET {column} = (SELECT {column} FROM customers WHERE id = ?2)
                         WHERE id = ?1"
                    ),
                    params![keep, other],
                )?;
            }
        }
        if choices.combine_notes {
            let first = if choices.side("notes") == MergeSide::Other {
                &other_c.notes
            } else {
                &kept_c.notes
            };
            let second = if choices.side("notes") == MergeSide::Other {
                &kept_c.notes
            } else {
                &other_c.notes
            };
            let combined = match (first.trim().is_empty(), second.trim().is_empty()) {
                (_, true) => first.clone(),
                (true, false) => second.clone(),
                _ if first == second => first.clone(),
                _ => format!("{first}\n{second}"),
            };
            tx.execute(
                "UPDATE customers SET notes = ?2 WHERE id = ?1",
                params![keep, combined],
            )?;
        }

        // Phones: the other record's numbers the kept one lacks move over, after its own.
        let other_phones: Vec<(i64, String)> = tx
            .prepare("SELECT id, phone FROM customer_phones WHERE customer_id = ?1 ORDER BY position, id")?
            .query_map([other], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut position = kept_c.phones.len() as i64;
        for (row, p) in other_phones {
            if !kept_c.phones.contains(&p) {
                tx.execute(
                    "UPDATE customer_phones SET customer_id = ?2, position = ?3 WHERE id = ?1",
                    params![row, keep, position],
                )?;
                position += 1;
            }
        }
        tx.execute(
            "UPDATE customer_nicks SET customer_id = ?1 WHERE customer_id = ?2",
            params![keep, other],
        )?;
        tx.execute(
            "UPDATE OR IGNORE customer_tags SET customer_id = ?1 WHERE customer_id = ?2",
            params![keep, other],
        )?;

        let mut moved = serde_json::Map::new();
        let mut moved_orders = 0u64;
        for (table, column) in MOVABLE {
            if !table_exists(tx, table)? {
                continue;
            }
            let ids: Vec<i64> = tx
                .prepare(&format!("SELECT id FROM {table} WHERE {column} = ?1 ORDER BY id"))?
                .query_map([other], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            tx.execute(
                &format!("UPDATE {table} SET {column} = ?1 WHERE {column} = ?2"),
                params![keep, other],
            )?;
            if *table == "orders" {
                moved_orders = ids.len() as u64;
            }
            moved.insert((*table).into(), json!(ids));
        }

        // Consent history is append-only: the other record's rows are copied (same time, same
        // source) so the kept record's latest choice per channel reflects both people's records.
        let consent_rows = snapshot::rows(tx, "customer_consents", "customer_id", other)?;
        let mut copied = Vec::new();
        for mut row in consent_rows {
            row.remove("id");
            row.insert("customer_id".into(), json!(keep));
            snapshot::insert_rows(tx, "customer_consents", &[row])?;
            copied.push(tx.last_insert_rowid());
        }

        tx.execute(
            "UPDATE customers SET merged_into = ?1, updated_at = ?3 WHERE id = ?2",
            params![keep, other, ts(now)],
        )?;
        tx.execute(
            "UPDATE customers SET updated_at = ?2 WHERE id = ?1",
            params![keep, ts(now)],
        )?;
        stats::refresh(tx, keep)?;
        stats::refresh(tx, other)?;

        let snap = json!({
            "kept": kept_snap,
            "merged": merged_snap,
            "moved": moved,
            "consentsCopied": copied,
            "choices": choices,
        });
        tx.execute(
            "INSERT INTO customer_merges (kept_id, merged_id, snapshot, merged_by, merged_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![keep, other, snap.to_string(), s.username(), ts(now)],
        )?;
        let merge_id = tx.last_insert_rowid();
        // e.g. points: the merged customer's lots move to the kept one (transfer rows)
        programmes.on_merge(tx, now, s.username(), keep, other, merge_id)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customers_merged",
            &format!("customer:{keep}"),
            json!({
                "merge": merge_id,
                "merged": other,
                "orders": moved_orders,
                "fromOther": choices.take_from_other,
            }),
        )?;
        Ok(MergeOutcome {
            merge_id,
            kept_id: keep,
            merged_id: other,
            moved_orders,
        })
    })
}

/// Undo a merge within [`UNDO_DAYS`]: both records exactly as they were, and the moved rows
/// back where they came from (EraseMergeUndo; audited). Entry point: `customer_ops::unmerge`.
pub fn unmerge(
    store: &Store,
    s: &Session,
    programmes: &dyn Programmes,
    merge_id: i64,
) -> Result<MergeOutcome> {
    s.require(Permission::EraseMergeUndo)?;
    store.write(|tx, now| {
        let row: Option<(i64, i64, String, String, Option<String>)> = tx
            .query_row(
                "SELECT kept_id, merged_id, snapshot, merged_at, undone_at FROM customer_merges WHERE id = ?1",
                [merge_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((keep, other, snap, merged_at, undone_at)) = row else {
            return Err(Error::not_found(
                format!("没有找到编号为 {merge_id} 的合并记录。"),
                format!("There is no merge #{merge_id}."),
            ));
        };
        if undone_at.is_some() {
            return Err(Error::conflict(
                format!("合并 #{merge_id} 已经撤销过了。"),
                format!("Merge #{merge_id} has already been undone."),
            ));
        }
        let merged_at = parse_ts(&merged_at)?;
        if now - merged_at > Duration::days(UNDO_DAYS) {
            return Err(Error::conflict(
                format!("合并 #{merge_id} 已超过 {UNDO_DAYS} 天，不能再撤销。"),
                format!("Merge #{merge_id} is more than {UNDO_DAYS} days old and can no longer be undone."),
            ));
        }
        let snap: Json = serde_json::from_str(&snap)
            .map_err(|e| Error::Internal(format!("merge snapshot: {e}")))?;
        if snap.get("erased").is_some() {
            return Err(Error::conflict(
                format!("合并 #{merge_id} 涉及的客户已被删除个人信息，不能撤销。"),
                format!("A customer in merge #{merge_id} has been erased; the merge cannot be undone."),
            ));
        }
        let later: Option<i64> = tx
            .query_row(
                "SELECT id FROM customer_merges WHERE id > ?1 AND undone_at IS NULL
                   AND (kept_id IN (?2, ?3) OR merged_id IN (?2, ?3)) ORDER BY id DESC LIMIT 1",
                params![merge_id, keep, other],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(later) = later {
            return Err(Error::conflict(
                format!("这两个客户之后又参与了合并 #{later}，请先撤销 #{later}。"),
                format!("These customers were merged again later (#{later}); undo #{later} first."),
            ));
        }
        let kept_now = record::load(tx, keep)?;
        if kept_now.erased_at.is_some() || kept_now.deleted_at.is_some() {
            return Err(Error::conflict(
                format!("客户 #{keep} 已被删除，请先从回收站恢复再撤销合并。"),
                format!("Customer #{keep} has been deleted; restore it from the recycle bin before undoing the merge."),
            ));
        }
        let object = |k: &str| -> Result<snapshot::Row> {
            snap.get(k)
                .and_then(Json::as_object)
                .cloned()
                .ok_or_else(|| Error::Internal(format!("merge snapshot without {k}")))
        };
        let (kept_snap, merged_snap) = (object("kept")?, object("merged")?);

        let mut moved_orders = 0u64;
        if let Some(moved) = snap.get("moved").and_then(Json::as_object) {
            for (table, column) in MOVABLE {
                let ids: Vec<i64> = moved
                    .get(*table)
                    .and_then(Json::as_array)
                    .map(|a| a.iter().filter_map(Json::as_i64).collect())
                    .unwrap_or_default();
                for id in &ids {
                    tx.execute(
                        &format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2 AND {column} = ?3"),
                        params![other, id, keep],
                    )?;
                }
                if *table == "orders" {
                    moved_orders = ids.len() as u64;
                }
            }
        }
        if let Some(copied) = snap.get("consentsCopied").and_then(Json::as_array) {
            for id in copied.iter().filter_map(Json::as_i64) {
                tx.execute("DELETE FROM customer_consents WHERE id = ?1", [id])?;
            }
        }
        snapshot::restore_record(tx, &kept_snap)?;
        snapshot::restore_record(tx, &merged_snap)?;
        snapshot::restore_children(tx, &[keep, other], &[&kept_snap, &merged_snap])?;
        stats::refresh(tx, keep)?;
        stats::refresh(tx, other)?;
        programmes.on_unmerge(tx, now, s.username(), keep, other, merge_id)?;
        tx.execute(
            "UPDATE customer_merges SET undone_at = ?2, undone_by = ?3 WHERE id = ?1",
            params![merge_id, ts(now), s.username()],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customers_unmerged",
            &format!("customer:{keep}"),
            json!({ "merge": merge_id, "restored": other, "orders": moved_orders }),
        )?;
        Ok(MergeOutcome {
            merge_id,
            kept_id: keep,
            merged_id: other,
            moved_orders,
        })
    })
}

/// (id, kept, merged, snapshot, by, at, undone at) as stored.
type RawMerge = (i64, i64, i64, String, String, String, Option<String>);

fn merge_records(
    conn: &Connection,
    where_sql: &str,
    arg: Option<i64>,
    now: DateTime<Utc>,
) -> Result<Vec<MergeRecord>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT id, kept_id, merged_id, snapshot, merged_by, merged_at, undone_at
         FROM customer_merges WHERE {where_sql} ORDER BY id DESC LIMIT 200"
    ))?;
    let map = |r: &rusqlite::Row<'_>| -> rusqlite::Result<RawMerge> {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    };
    let raw = match arg {
        Some(a) => stmt
            .query_map([a], map)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
        None => stmt
            .query_map([], map)?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    };
    raw
        .into_iter()
        .map(
            |(id, kept_id, merged_id, snap, merged_by, merged_at, undone_at)| -> Result<MergeRecord> {
                let snap: Json = serde_json::from_str(&snap).unwrap_or(Json::Null);
                let name = |k: &str| {
                    snap.pointer(&format!("/{k}/customers/name"))
                        .and_then(Json::as_str)
                        .unwrap_or_default()
                        .to_string()
                };
                let merged_at = parse_ts(&merged_at)?;
                let until = merged_at + Duration::days(UNDO_DAYS);
                let undoable = undone_at.is_none() && snap.get("erased").is_none() && now <= until;
                Ok(MergeRecord {
                    id,
                    kept_id,
                    merged_id,
                    kept_name: name("kept"),
                    merged_name: name("merged"),
                    merged_by,
                    merged_at,
                    undone_at: undone_at.map(|t| parse_ts(&t)).transpose()?,
                    undo_until: undoable.then_some(until),
                })
            },
        )
        .collect()
}

/// Merges into or out of one customer, newest first.
pub(crate) fn for_customer(
    conn: &Connection,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<MergeRecord>> {
    merge_records(conn, "kept_id = ?1 OR merged_id = ?1", Some(id), now)
}

/// Recent merges (the last 200), newest first, for the duplicates page's undo list.
pub fn recent(store: &Store, s: &Session) -> Result<Vec<MergeRecord>> {
    s.require(Permission::WorkWithCustomers)?;
    merge_records(store.conn(), "1 = 1", None, store.now())
}
