//! Who holds a customer's points: the live-customer check every points write starts with, and
//! the merge chain a merged-away customer's rows follow to the record that holds them now.
//! Its own file because earning, redeeming, coupons, tiers and the views all need it: kept
//! below them all, so the loyalty folder has no cycle (`tests/layering.rs`).

use crate::{Error, Result};
use rusqlite::Connection;

/// Ok when `id` is a live customer (not merged away, not erased): points and coupons go only
/// to them.
pub(crate) fn customer_exists(conn: &Connection, id: i64) -> Result<()> {
    let ok = conn
        .prepare_cached(
            "SELECT 1 FROM customers WHERE id = ?1 AND merged_into IS NULL AND erased_at IS NULL",
        )?
        .exists([id])?;
    if ok {
        Ok(())
    } else {
        Err(Error::not_found(
            format!("客户 #{id} 不存在（或已合并、已删除）。"),
            format!("Customer #{id} does not exist (or was merged or erased)."),
        ))
    }
}

/// The customer that holds a merged-away customer's points now.
pub(crate) fn follow_merges(conn: &Connection, mut id: i64) -> Result<i64> {
    for _ in 0..16 {
        // a customer removed by an import undo has no row: its own rows stay with its id
        let next: Option<i64> = rusqlite::OptionalExtension::optional(
            conn.prepare_cached("SELECT merged_into FROM customers WHERE id = ?1")?
                .query_row([id], |r| r.get::<_, Option<i64>>(0)),
        )?
        .flatten();
        match next {
            Some(n) if n != id => id = n,
            _ => break,
        }
    }
    Ok(id)
}
