//! The customer 360 page in one call: the record (masked for service reps), lifetime numbers,
//! the latest orders, marketing consent and merges. Later issues (points, tier, tickets,
//! segments) add fields to [`Profile`]; the UI shows what is there.

use super::{
    consent::{self, ConsentState},
    merge::{self, MergeRecord},
    record::{self, Customer},
};
use crate::{
    auth::{Permission, Session},
    orders::{self, CustomerSummary, OrderPage},
    store::Store,
    Result,
};
use serde::Serialize;

/// What this user may do on the page, so the UI offers only working buttons.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Abilities {
    pub edit: bool,
    /// Contacts are masked and a reveal is possible.
    pub reveal: bool,
    pub erase: bool,
    pub merge: bool,
    pub export: bool,
}

#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CustomerProfile"))]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub customer: Customer,
    /// Total spend, orders, average order, first/last order, favourite categories.
    pub stats: CustomerSummary,
    /// The first page of the order timeline, newest first.
    pub orders: OrderPage,
    pub consent: Vec<ConsentState>,
    /// Merges into or out of this customer, newest first (undo while `undoUntil` is set).
    pub merges: Vec<MergeRecord>,
    pub can: Abilities,
}

/// Everything the 360 page shows for one customer.
pub fn profile(store: &Store, s: &Session, id: i64) -> Result<Profile> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let c = record::load(conn, id)?;
    let live = c.erased_at.is_none() && c.merged_into.is_none() && c.deleted_at.is_none();
    let customer = record::for_viewer(c, s);
    Ok(Profile {
        can: Abilities {
            edit: live,
            reveal: customer.contacts_masked && live,
            erase: s.role().can(Permission::EraseMergeUndo) && customer.erased_at.is_none(),
            merge: s.role().can(Permission::EraseMergeUndo) && live,
            export: s.role() == crate::auth::Role::Owner,
        },
        customer,
        stats: orders::customer_summary(conn, id)?,
        orders: orders::for_customer(conn, id, 1)?,
        consent: consent::current(conn, id)?,
        merges: merge::for_customer(conn, id, store.now())?,
    })
}

/// Another page of the order timeline (1-based).
pub fn orders(store: &Store, s: &Session, id: i64, page: u32) -> Result<OrderPage> {
    s.require(Permission::WorkWithCustomers)?;
    record::load(store.conn(), id)?;
    orders::for_customer(store.conn(), id, page)
}
