//! The customer 360 page in one call: the record (masked for service reps), lifetime numbers,
//! the latest orders, marketing consent and merges. Later issues (points, tier, tickets,
//! segments) add fields to [`Profile`]; the UI shows what is there.

use super::{
    consent::{self, ConsentState},
    merge::{self, MergeRecord},
    record::{self, Customer},
    stats::{self, LifetimeStats, TimelineOrder},
    Page,
};
use crate::{
    auth::{Permission, Session},
    store::Store,
    Result,
};
use serde::Serialize;

/// Orders shown on the 360 page before "more".
pub const TIMELINE_PAGE: u32 = 20;

/// What this user may do on the page, so the UI offers only working buttons.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
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
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub customer: Customer,
    pub stats: LifetimeStats,
    pub orders: Page<TimelineOrder>,
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
    let (orders, total) = stats::timeline(conn, id, 1, TIMELINE_PAGE)?;
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
        stats: stats::lifetime(conn, id)?,
        orders: Page {
            rows: orders,
            total,
            page: 1,
            page_size: TIMELINE_PAGE,
        },
        consent: consent::current(conn, id)?,
        merges: merge::for_customer(conn, id, store.now())?,
    })
}

/// Another page of the order timeline (1-based).
pub fn orders(store: &Store, s: &Session, id: i64, page: u32) -> Result<Page<TimelineOrder>> {
    s.require(Permission::WorkWithCustomers)?;
    record::load(store.conn(), id)?;
    let (rows, total) = stats::timeline(store.conn(), id, page, TIMELINE_PAGE)?;
    Ok(Page {
        rows,
        total,
        page: page.max(1),
        page_size: TIMELINE_PAGE,
    })
}
