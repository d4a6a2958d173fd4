//! The audit log: append-only and hash-chained. Each row stores the SHA-256 of the previous
//! row's hash plus its own fields, so editing or deleting a row breaks the chain and
//! [`verify_chain`] (run by `laoke verify`) points at it. The database refuses UPDATE and DELETE
//! on the table; the chain catches anyone who gets around that with the raw key.
//! The newest row's id and hash are also kept in `settings` so a removed tail is noticed.

use crate::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";
const HEAD_KEY: &str = "audit.head";

/// Who did it. `None` id for events without a logged-in user (e.g. failed logins).
#[derive(Clone, Debug)]
pub struct Actor<'a> {
    pub id: Option<i64>,
    pub name: &'a str,
}

/// Append one event. Call inside the transaction of the change it describes.
pub fn record(
    conn: &Connection,
    at: DateTime<Utc>,
    actor: Actor<'_>,
    action: &str,
    subject: &str,
    detail: serde_json::Value,
) -> Result<()> {
    // Link to the recorded head, not to whatever row is last now: if the newest rows were
    // removed, the next row keeps pointing at them and `verify_chain` reports the gap.
    let (last_id, prev_hash) = match head(conn)? {
        Some(h) => h,
        None => conn
            .query_row(
                "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .unwrap_or((0, GENESIS.to_string())),
    };
    let id = last_id + 1;
    let at = at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let detail = detail.to_string();
    let row = Row {
        id,
        at: &at,
        actor_id: actor.id,
        actor_name: actor.name,
        action,
        subject,
        detail: &detail,
    };
    let hash = row.hash(&prev_hash);
    conn.execute(
        "INSERT INTO audit_log (id, at, actor_id, actor_name, action, subject, detail, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, at, actor.id, actor.name, action, subject, detail, prev_hash, hash],
    )?;
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![HEAD_KEY, format!("{id}:{hash}"), at],
    )?;
    Ok(())
}

/// The (id, hash) of the newest row as recorded when it was written.
fn head(conn: &Connection) -> Result<Option<(i64, String)>> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [HEAD_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| {
        let (id, hash) = v.split_once(':')?;
        Some((id.parse().ok()?, hash.to_string()))
    }))
}

struct Row<'a> {
    id: i64,
    at: &'a str,
    actor_id: Option<i64>,
    actor_name: &'a str,
    action: &'a str,
    subject: &'a str,
    detail: &'a str,
}

impl Row<'_> {
    fn hash(&self, prev_hash: &str) -> String {
        let mut h = Sha256::new();
        for part in [
            prev_hash,
            &self.id.to_string(),
            self.at,
            &self.actor_id.map(|i| i.to_string()).unwrap_or_default(),
            self.actor_name,
            self.action,
            self.subject,
            self.detail,
        ] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part.as_bytes());
        }
        hex::encode(h.finalize())
    }
}

/// One problem found in the chain.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChainBreak {
    pub id: i64,
    pub problem: String,
}

/// Walk the whole log and report every row whose hash or link does not hold.
pub fn verify_chain(conn: &Connection) -> Result<Vec<ChainBreak>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor_id, actor_name, action, subject, detail, prev_hash, hash
         FROM audit_log ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut breaks = Vec::new();
    let mut expected_prev = GENESIS.to_string();
    let mut expected_id = 1;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let (at, actor_id, actor_name): (String, Option<i64>, String) =
            (r.get(1)?, r.get(2)?, r.get(3)?);
        let (action, subject, detail): (String, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?);
        let (prev_hash, hash): (String, String) = (r.get(7)?, r.get(8)?);
        if id != expected_id {
            breaks.push(ChainBreak {
                id,
                problem: format!("rows {expected_id}..{} are missing", id - 1),
            });
        }
        if prev_hash != expected_prev {
            breaks.push(ChainBreak {
                id,
                problem: "link to the previous row does not match".into(),
            });
        }
        let row = Row {
            id,
            at: &at,
            actor_id,
            actor_name: &actor_name,
            action: &action,
            subject: &subject,
            detail: &detail,
        };
        if row.hash(&prev_hash) != hash {
            breaks.push(ChainBreak {
                id,
                problem: "row content was changed after it was written".into(),
            });
        }
        expected_prev = hash;
        expected_id = id + 1;
    }
    let head: Option<String> = conn
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [HEAD_KEY],
            |r| r.get(0),
        )
        .optional()?;
    let actual_head = format!("{}:{}", expected_id - 1, expected_prev);
    match head {
        Some(h) if h == actual_head => {}
        Some(h) => breaks.push(ChainBreak {
            id: expected_id - 1,
            problem: format!("newest rows are missing (the log ended at {h})"),
        }),
        None if expected_id > 1 => breaks.push(ChainBreak {
            id: expected_id - 1,
            problem: "the log head marker is missing".into(),
        }),
        None => {}
    }
    Ok(breaks)
}

/// An audit entry as shown to the owner.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub actor_name: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// The newest `limit` entries, newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT id, at, actor_name, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt
        .query_map([limit], |r| {
            Ok(AuditEntry {
                id: r.get(0)?,
                at: r.get(1)?,
                actor_name: r.get(2)?,
                action: r.get(3)?,
                subject: r.get(4)?,
                detail: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Internal(e.to_string())
    }
}
