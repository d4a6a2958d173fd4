//! What the programmes above customers (points, tickets) must do when a customer's life
//! changes: a merge or its undo, an erasure, the recycle bin's final purge.
//!
//! Why a trait: customers sit below loyalty and tickets in the module stack (see
//! `tests/layering.rs`), yet a merge must move the points lots and an erasure must blank the
//! ticket texts in the same transaction. The customer functions take a `&dyn Programmes`; the
//! use-case module `customer_ops` supplies the real one, so the rules stay in their own homes
//! and no call can forget them (there is no hook-less entry point).

use crate::Result;
use chrono::{DateTime, Utc};
use rusqlite::Connection;

/// The programmes' part of a customer's life events; every method runs inside the caller's
/// transaction.
pub trait Programmes {
    /// `other` was merged into `keep` (merge `merge_id`).
    fn on_merge(
        &self,
        tx: &Connection,
        now: DateTime<Utc>,
        operator: &str,
        keep: i64,
        other: i64,
        merge_id: i64,
    ) -> Result<()>;
    /// Merge `merge_id` of `other` into `keep` was undone.
    fn on_unmerge(
        &self,
        tx: &Connection,
        now: DateTime<Utc>,
        operator: &str,
        keep: i64,
        other: i64,
        merge_id: i64,
    ) -> Result<()>;
    /// Whether the programmes hold records that must keep pointing at this customer (so the
    /// recycle bin anonymises instead of deleting the row).
    fn keeps_history(&self, tx: &Connection, customer: i64) -> Result<bool>;
    /// The customer's personal data is being erased: blank it in the programmes' rows too.
    fn on_anonymise(&self, tx: &Connection, customer: i64) -> Result<()>;
}
