//! The customer 360 page's loyalty panel in one call: balance, usable vs locked, next expiry,
//! tier with progress to the next, recent history, tier changes and coupons.

use super::{coupons, earn::follow_merges, points, tiers};
use crate::{
    auth::{Permission, Session},
    store::Store,
    Result,
};
use serde::Serialize;

#[derive(Serialize, Clone, Debug)]
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
