//! Erasure (PIPL "delete my personal information"): the person is anonymised while their
//! orders and the shop's totals stay. The row remains as 已删除客户 #id so order history and
//! reports still add up; phones, nicks, email, address, notes, birthday, WeChat/QQ and tags go,
//! the receiver details on their orders go, and so do the copies inside merge snapshots and
//! import-undo records.
//! Records merged into the person are the same person and are anonymised with them.
//! Consent history stays: it holds no personal data and proves what the person agreed to.

use super::{hooks::Programmes, record};
use crate::{
    audit,
    auth::{Permission, Session},
    store::{ts, Store},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde_json::json;

/// The name an erased customer is shown under.
pub fn erased_name(id: i64) -> String {
    format!("已删除客户 #{id}")
}

/// Erase one customer's personal data (EraseMergeUndo; audited). The UI asks for confirmation
/// first; this cannot be undone. Entry point: `customer_ops::erase`.
pub fn erase(store: &Store, s: &Session, programmes: &dyn Programmes, id: i64) -> Result<()> {
    s.require(Permission::EraseMergeUndo)?;
    store.write(|tx, now| {
        let c = record::load(tx, id)?;
        if c.erased_at.is_some() {
            return Err(Error::conflict(
                format!("客户 #{id} 的个人信息已经删除过了。"),
                format!("Customer #{id} has already been erased."),
            ));
        }
        if let Some(into) = c.merged_into {
            return Err(Error::conflict(
                format!("客户 #{id} 已合并到客户 #{into}，请对 #{into} 执行删除个人信息。"),
                format!("Customer #{id} was merged into #{into}; erase #{into} instead."),
            ));
        }
        let family = anonymise(tx, programmes, id, now)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customer_erased",
            &format!("customer:{id}"),
            json!({ "alsoMergedRecords": family }),
        )
    })
}

/// The records merged into `id`, directly or through others (breadth first).
pub(crate) fn merged_family(conn: &Connection, id: i64) -> Result<Vec<i64>> {
    let mut out = Vec::new();
    let mut todo = vec![id];
    let mut stmt = conn.prepare("SELECT id FROM customers WHERE merged_into = ?1 ORDER BY id")?;
    while let Some(next) = todo.pop() {
        let kids: Vec<i64> = stmt
            .query_map([next], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for k in kids {
            if !out.contains(&k) && k != id {
                out.push(k);
                todo.push(k);
            }
        }
    }
    Ok(out)
}

/// Merge snapshots hold copies of both records: an erased person's copy must go too.
pub(crate) fn scrub_merge_snapshots(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(
        "UPDATE customer_merges SET snapshot = '{\"erased\":true}' WHERE kept_id = ?1 OR merged_id = ?1",
        [id],
    )?;
    Ok(())
}

/// Anonymise `id` and the records merged into it. Returns the merged records also anonymised.
pub(crate) fn anonymise(
    conn: &Connection,
    programmes: &dyn Programmes,
    id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<i64>> {
    let family = merged_family(conn, id)?;
    for c in std::iter::once(id).chain(family.iter().copied()) {
        conn.execute(
            "UPDATE customers SET name = ?2, gender = 'unknown', birthday = NULL, email = NULL,
                    wechat_id = NULL, qq = NULL, address = NULL, notes = '',
                    erased_at = ?3, updated_at = ?3
             WHERE id = ?1",
            params![c, erased_name(c), ts(now)],
        )?;
        for t in super::snapshot::CHILD_TABLES {
            conn.execute(&format!("DELETE FROM {t} WHERE customer_id = ?1"), [c])?;
        }
        // Import undo keeps the rows' earlier values; they must go too. Bumping the orders'
        // updated_at also makes import undo refuse to bring the old receiver details back.
        conn.execute(
            "UPDATE import_changes SET before = NULL
             WHERE before IS NOT NULL
               AND ((entity = 'customer' AND entity_id = ?1)
                    OR (entity = 'order' AND entity_id IN (SELECT id FROM orders WHERE customer_id = ?1)))",
            [c],
        )?;
        conn.execute(
            "UPDATE orders SET buyer_nick = NULL, receiver_name = NULL, receiver_phone = NULL,
                    receiver_address = NULL, updated_at = ?2
             WHERE customer_id = ?1",
            params![c, ts(now)],
        )?;
        scrub_merge_snapshots(conn, c)?;
        programmes.on_anonymise(conn, c)?;
    }
    Ok(family)
}
