//! Orders: what each customer bought, through which channel, and what they paid (integer fen).
//! One row per (channel, order number), so re-importing a marketplace export never doubles an
//! order. Products and categories are created from orders as they come in.
//!
//! - [`write`]: the single writer (`upsert_in_tx`) and import-undo helpers;
//! - [`stats`]: `customer_stats`, kept current in the same transaction.

pub mod model;
pub mod stats;
pub mod write;

pub use model::{Channel, NewOrder, NewOrderItem, OrderStatus, UpsertOutcome};
pub use stats::{rebuild_all_stats, refresh_stats};
pub use write::{delete_in_tx, normalize, restore_in_tx, snapshot, upsert_in_tx, OrderSnapshot};
