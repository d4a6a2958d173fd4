//! Orders: what each customer bought, through which channel, and what they paid (integer fen).
//! One row per (channel, order number), so re-importing a marketplace export never doubles an
//! order. Products and categories are created from orders as they come in.

pub mod model;

pub use model::{Channel, NewOrder, NewOrderItem, OrderStatus, UpsertOutcome};
