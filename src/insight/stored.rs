//! The rows of `customer_scores` read back as the pass wrote them: facts (with R counted to a
//! given day — the row keeps the last order's day, migration 0018), class, stage and quintiles.
//! Read by the writer to write only what changed ([`super::write`]), by the threshold preview
//! and the settings' medians ([`super::tune`]) and by the 360 ([`super::customer`]).

use super::rules::{Facts, RfmClass, Stage};
use crate::Result;
use chrono::NaiveDate;
use rusqlite::Connection;

/// One customer's stored row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StoredRow {
    pub id: i64,
    pub facts: Facts,
    pub class: Option<RfmClass>,
    pub stage: Stage,
    /// Quintiles (R, F, M); `None` for non-buyers.
    pub scores: Option<(u8, u8, u8)>,
}

/// The stored facts, class, stage and quintiles of every scored customer, by id, with R counted
/// to `as_of` (the stored row keeps the last order's day: migration 0018).
pub(crate) fn stored(conn: &Connection, as_of: NaiveDate) -> Result<Vec<StoredRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT customer_id, last_order_day, f_orders, m_fen, lifetime_orders, rfm_class, stage,
                r_score, f_score, m_score
         FROM customer_scores ORDER BY customer_id",
    )?;
    let rows = stmt.query_map([], |r| {
        let last = r
            .get_ref(1)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?;
        let class = r
            .get_ref(5)?
            .as_str_or_null()
            .map_err(rusqlite::Error::from)?;
        let stage = r.get_ref(6)?.as_str().map_err(rusqlite::Error::from)?;
        let scores: (Option<u8>, Option<u8>, Option<u8>) = (r.get(7)?, r.get(8)?, r.get(9)?);
        Ok(StoredRow {
            id: r.get(0)?,
            facts: Facts {
                r_days: last.and_then(|d| r_days(d, as_of)),
                f_orders: r.get(2)?,
                m_fen: r.get(3)?,
                lifetime: r.get(4)?,
            },
            class: class.and_then(RfmClass::parse),
            stage: Stage::parse(stage).unwrap_or(Stage::Prospect),
            scores: match scores {
                (Some(r), Some(f), Some(m)) => Some((r, f, m)),
                _ => None,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// R from a stored last order day (`YYYY-MM-DD`) as of `as_of`; `None` when unreadable.
pub(crate) fn r_days(last_order_day: &str, as_of: NaiveDate) -> Option<u32> {
    let last = NaiveDate::parse_from_str(last_order_day, "%Y-%m-%d").ok()?;
    u32::try_from((as_of - last).num_days()).ok()
}
