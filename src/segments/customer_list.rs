//! The customer list behind the app's list commands, with a segment's conditions on top: the
//! page and the totals row of a [`CustomerFilter`] (the list's `CustomerQuery` plus a segment key,
//! score conditions and a movement cell). The rows, sorting and paging are the customer list's
//! own (`customers::list`); only the WHERE clause grows, so the counts are the list's.

use super::{filter_where, CustomerFilter};
use crate::auth::{Permission, Session};
use crate::customers::list::{page_where, totals_where};
use crate::customers::{CustomerPage, CustomerRows, CustomerTotals};
use crate::{store::Store, Result};

/// One page of the customers matching the filter (phones masked for service reps).
pub fn page(store: &Store, s: &Session, f: &CustomerFilter) -> Result<CustomerRows> {
    s.require(Permission::WorkWithCustomers)?;
    let w = filter_where(store, f)?;
    page_where(store, s, &f.definition.query, w)
}

/// The count and summed spend of every customer matching the filter.
pub fn totals(store: &Store, s: &Session, f: &CustomerFilter) -> Result<CustomerTotals> {
    s.require(Permission::WorkWithCustomers)?;
    totals_where(store, &filter_where(store, f)?)
}

/// A page with the totals row (the older single-call list).
pub fn list(store: &Store, s: &Session, f: &CustomerFilter) -> Result<CustomerPage> {
    let rows = page(store, s, f)?;
    let t = totals(store, s, f)?;
    Ok(CustomerPage {
        rows: rows.rows,
        total: t.total,
        total_spend_fen: t.total_spend_fen,
        page: rows.page,
        page_size: rows.page_size,
    })
}
