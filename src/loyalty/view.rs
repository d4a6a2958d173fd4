//! The customer 360 page's loyalty panel in one call: balance, usable vs locked, next expiry,
//! tier with progress to the next, recent history, tier changes and coupons.

use super::{coupons, holder::follow_merges, points, tiers};
use crate::{
    auth::{Permission, Session},
    store::Store,
    Result,
};
use serde::Serialize;

#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CustomerLoyalty {
    pub points: points::PointsSummary,
    pub tier: tiers::TierStatus,
    /// The 20 most recent ledger rows, newest first.
    pub history: Vec<super::ledger::PointsEntry>,
    pub tier_history: Vec<tiers::TierChange>,
    pub coupons: Vec<coupons::CouponGrant>,
}

pub fn customer_loyalty(store: &Store, s: &Session, customer_id: i64) -> Result<CustomerLoyalty> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let now = store.now();
    let id = follow_merges(conn, customer_id)?;
    Ok(CustomerLoyalty {
        points: points::summary_of(conn, id, now)?.0,
        tier: tiers::status_of(conn, id, now)?,
        history: points::history_of(conn, id, 20)?,
        tier_history: tiers::history_of(conn, id)?,
        coupons: coupons::grants_of(conn, id, now)?,
    })
}

/// A customer named on the command line: an id (`123`, `#123`) or a phone in any usual form.
pub fn find_customer(store: &Store, s: &Session, who: &str) -> Result<i64> {
    s.require(Permission::WorkWithCustomers)?;
    let who = who.trim().trim_start_matches('#');
    let conn = store.conn();
    if !who.is_empty() && who.len() <= 9 && who.chars().all(|c| c.is_ascii_digit()) {
        let id: i64 = who.parse().unwrap_or(0);
        let ok = conn
            .prepare_cached("SELECT 1 FROM customers WHERE id = ?1")?
            .exists([id])?;
        if ok {
            return follow_merges(conn, id);
        }
    }
    let phone = crate::phone::normalize(who)?;
    let id: Option<i64> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT p.customer_id FROM customer_phones p JOIN customers c ON c.id = p.customer_id
         WHERE p.phone = ?1 ORDER BY (c.merged_into IS NULL) DESC, c.id LIMIT 1",
        [&phone],
        |r| r.get(0),
    ))?;
    match id {
        Some(id) => follow_merges(conn, id),
        None => Err(crate::Error::not_found(
            format!("没有找到客户：{who}"),
            format!("No customer found: {who}"),
        )),
    }
}
