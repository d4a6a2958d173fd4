//! Saved segments (table `segments`): a name and a definition (JSON), created, edited and
//! deleted by the owner and managers, each change audited. Names are unique among live
//! segments; deleting keeps the row with `deleted_at` set (the audit and campaigns refer to it).

use super::conditions::check_tiers;
use super::definition::SegmentDefinition;
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::ts,
    Error, Result,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Deserialize;
use serde_json::json;

/// Longest name, in characters.
pub const NAME_MAX: usize = 40;

/// What the editor sends: `id` null to create.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SegmentSave {
    pub id: Option<i64>,
    pub name: String,
    pub definition: SegmentDefinition,
}

/// A live saved segment as stored.
#[derive(Debug, Clone)]
pub struct SavedSegment {
    pub id: i64,
    pub name: String,
    pub definition: SegmentDefinition,
}

fn parse(id: i64, name: String, json: &str) -> Result<SavedSegment> {
    let definition = serde_json::from_str(json)
        .map_err(|e| Error::Internal(format!("segment {id}: definition: {e}")))?;
    Ok(SavedSegment {
        id,
        name,
        definition,
    })
}

/// Every live saved segment, by name.
pub(crate) fn all(conn: &Connection) -> Result<Vec<SavedSegment>> {
    let rows: Vec<(i64, String, String)> = conn
        .prepare_cached(
            "SELECT id, name, definition FROM segments WHERE deleted_at IS NULL ORDER BY name, id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|(i, n, d)| parse(i, n, &d)).collect()
}

/// One live saved segment.
pub(crate) fn one(conn: &Connection, id: i64) -> Result<SavedSegment> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT name, definition FROM segments WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (name, json) = row.ok_or_else(|| {
        Error::not_found(
            format!("客户分组 {id} 不存在或已删除。"),
            format!("Segment {id} does not exist or was deleted."),
        )
    })?;
    parse(id, name, &json)
}

fn check_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid(
            "分组名称：不能为空。",
            "Segment name: must not be empty.",
        ));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Error::invalid(
            format!("分组名称：最多 {NAME_MAX} 个字。"),
            format!("Segment name: at most {NAME_MAX} characters."),
        ));
    }
    Ok(name.to_string())
}

/// Create (`id` None) or edit a saved segment (owner and manager; audited). Returns its id.
pub fn save(store: &Store, s: &Session, req: &SegmentSave) -> Result<i64> {
    s.require(Permission::ManageSegments)?;
    let name = check_name(&req.name)?;
    let def = req.definition.normalized()?;
    check_tiers(store.conn(), store.now(), &def.scores.tiers)?;
    // Refuses a broken filter (a bad date, min above max) now rather than on every read.
    super::count_definition(store, &def)?;
    let json = serde_json::to_string(&def).map_err(|e| Error::Internal(e.to_string()))?;
    store.write(|tx, now| {
        let clash: Option<i64> = tx
            .query_row(
                "SELECT id FROM segments WHERE name = ?1 AND deleted_at IS NULL AND id IS NOT ?2",
                params![name, req.id],
                |r| r.get(0),
            )
            .optional()?;
        if clash.is_some() {
            return Err(Error::conflict(
                format!("分组名称：已有名为“{name}”的分组。"),
                format!("Segment name: a segment named '{name}' already exists."),
            ));
        }
        let at = ts(now);
        let (id, action) = match req.id {
            None => {
                tx.execute(
                    "INSERT INTO segments (name, definition, created_at, created_by, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?3)",
                    params![name, json, at, s.username()],
                )?;
                (tx.last_insert_rowid(), "segment_created")
            }
            Some(id) => {
                one(tx, id)?;
                tx.execute(
                    "UPDATE segments SET name = ?1, definition = ?2, updated_at = ?3 WHERE id = ?4",
                    params![name, json, at, id],
                )?;
                (id, "segment_updated")
            }
        };
        audit::record(
            tx,
            now,
            s.audit_actor(),
            action,
            &format!("segment:{id}"),
            json!({ "name": name, "definition": def }),
        )?;
        Ok(id)
    })
}

/// Delete a saved segment (owner and manager; audited). The row stays, marked deleted.
pub fn delete(store: &Store, s: &Session, id: i64) -> Result<()> {
    s.require(Permission::ManageSegments)?;
    store.write(|tx, now| {
        let seg = one(tx, id)?;
        tx.execute(
            "UPDATE segments SET deleted_at = ?1 WHERE id = ?2",
            params![ts(now), id],
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "segment_deleted",
            &format!("segment:{id}"),
            json!({ "name": seg.name }),
        )
    })
}
