//! Entering a sale: ONE entry, [`create`], for a plain sale and for one paid partly with points
//! and/or a coupon (the app's new-order screen and the CLI both call it). The order, the
//! customer's stats and points, the coupon use and the redeem row are written in one
//! transaction; any problem (a field named in the error) creates nothing.

use super::after_order_change;
use crate::{
    auth::{Permission, Session},
    loyalty::redemption::{self, Redemption},
    orders::manage::{check_manual, insert_manual_in_tx, ManualOrder},
    settings,
    store::Store,
    Result,
};
use serde_json::json;

/// Enter a sale by hand (audited `order_created`). With a non-empty redemption, the coupon's
/// discount and the points' value are added to the order's discount and taken off what the
/// customer pays (`loyalty::redemption` prices and checks them). Returns the new order's id.
pub fn create(store: &Store, s: &Session, m: &ManualOrder, r: &Redemption) -> Result<i64> {
    s.require(Permission::WorkWithCustomers)?;
    let amounts = check_manual(m)?;
    let tz = settings::timezone(store);
    store.write(|tx, now| {
        let redeem = redemption::check_for_sale(tx, now, m, &amounts, r)?;
        let paid_with = redeem.as_ref().map_or(0, |p| p.coupon_fen + p.points_fen);
        let c = insert_manual_in_tx(tx, now, tz, s.username(), m, &amounts, paid_with)?;
        after_order_change(
            tx,
            now,
            s,
            m.customer_id,
            "order_created",
            c.id,
            json!({"orderNo": c.order_no, "channel": m.channel.as_str(), "paidFen": c.paid_fen,
                   "customerId": m.customer_id}),
        )?;
        if let Some(p) = redeem {
            redemption::apply_in_tx(tx, now, s, c.id, &c.order_no, &p, r)?;
        }
        Ok(c.id)
    })
}
