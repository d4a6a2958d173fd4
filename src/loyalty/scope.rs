//! Which orders a loyalty sweep looks at. Shared by earning (`earn.rs`) and by settling
//! redemptions on refunded or cancelled orders (`redemption.rs`), which the earn sweep calls:
//! its own file so neither has to import the other's module for it (no cycle in `loyalty/`).

/// Which orders a sweep looks at.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// What changed since the last sweep: orders above the swept id, and orders the triggers
    /// marked (status, amounts or customer changed; deleted). The job uses this.
    All,
    /// Every order and every earn row (a repair; the same result as `All`, slower).
    Full,
    /// Only these customers' orders and earn rows (after a manual order write).
    Customers(&'a [i64]),
}
