//! Loyalty (issue 4): the points ledger, earning from orders, redemption, expiry, member tiers,
//! coupons, reports and the what-if preview.
//!
//! The ledger (`points_ledger`) is the truth: append-only (SQLite refuses UPDATE and DELETE),
//! every row with its reason, source, the rule version and rate it used, operator, time, lock
//! and expiry, and a unique idempotency key — so re-running anything never counts twice.
//! Balances, lots, tiers and reports are derived from it. Everything time-dependent takes
//! "now" from the store's clock; roles are checked here (DEFAULTS.md Roles).
//!
//! What an order earns is one pure rule, [`formula`] (points on what was kept, whatever the
//! order of events), used by the earn sweep, the what-if replay and the check `laoke verify`
//! runs ([`check`], which also repairs). Every ledger row is written by [`ledger`].
//!
//! When points follow an order: **at once**, in the same transaction, wherever the order comes
//! from — a sale entered by hand (`sales` sweeps the customer), an import (its end runs
//! [`job::after_orders_in_tx`]: the sweep, then tiers, so the 360's balance and tier are right
//! as soon as the import finishes; its undo takes the points back the same way), or the demo
//! and older stores (the periodic job sweeps whatever is left). The job adds what only time
//! brings: tier retention, expiry, birthday bonuses. Which orders may earn at all is
//! [`status`]: loyalty off, or switched on with a choice for past orders ([`program`]).
//!
//! Entry points for other modules: [`earn::sync_in_tx`] (after order writes),
//! [`job::after_orders_in_tx`] (the end of an import and of its undo),
//! [`redemption::check_for_sale`] and [`redemption::apply_in_tx`] (`sales::create`),
//! [`points::compensate_points_in_tx`] and [`coupons::issue_in_tx`] (tickets),
//! [`reminders::expiring_page`] (the Today due list, from what the job stores), [`job::run`]
//! (the periodic job), [`program`] (switching loyalty on — with the choice for past orders, in
//! batches — or off),
//! [`check::check`] (`laoke verify`), [`check::repair`] (`laoke loyalty repair`).

pub mod birthday;
pub mod check;
pub mod coupons;
pub mod earn;
pub mod expiry;
pub mod formula;
pub(crate) mod holder;
pub mod job;
pub mod ledger;
pub mod lots;
pub mod merge;
pub mod points;
pub mod program;
pub mod redemption;
pub mod reminders;
pub mod reports;
pub mod rules;
mod scope;
pub mod status;
pub mod tiers;
pub mod view;
pub mod whatif;

pub use earn::{sync_in_tx, Scope, SyncReport};
pub use job::{run, JobReport};
pub use ledger::{PointsEntry, Reason, Source};
pub use points::{adjust, compensate_points, compensate_points_in_tx, redeem, PointsSummary};
pub use redemption::{OrderDraft, Redemption, RedemptionPreview};
pub use reminders::{expiring, ExpiringPoints};
pub use rules::{ExpiryPolicy, LoyaltyRules, RuleVersion, Tier, TierBasis};
pub use view::{customer_loyalty, find_customer, CustomerLoyalty};
