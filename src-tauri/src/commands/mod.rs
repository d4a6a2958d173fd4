//! The IPC commands, grouped by area (docs/IPC.md). Each one is thin: it takes the open store and
//! session from [`crate::state::AppState`] and calls one core function.

pub mod app;
pub mod auth;
pub mod backup;
pub mod backup_run;
pub mod calendar;
pub mod care;
pub mod customer_record;
pub mod customers;
pub mod data;
pub mod import;
pub mod lists;
pub mod loyalty;
pub mod orders;
pub mod search;
pub mod settings;
pub mod store;
pub mod tickets;
pub mod users;
