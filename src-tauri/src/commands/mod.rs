//! The IPC commands, one file per domain (docs/IPC.md). Each command is thin: it takes the open
//! store and session with [`crate::state::Shell::with_session`] and calls one core function;
//! roles, validation and audit are the core's.
//!
//! Which file holds a command: the domain its name starts with (`customers_*` in
//! `customers.rs`, `orders_*` in `orders.rs`, …), with these homes for the rest: `demo_open` in
//! `store.rs`; `store_restore_backup` in `backup.rs` (restore on a new computer); `coupons_*` in
//! `loyalty.rs`; `followups_*` and `today` in `care.rs`; `data_dir_move` and `export_full` in
//! `data.rs` (the owner's data as a whole). The UI's doorway mirrors this: one file per command
//! file in `ui/src/lib/backend/`, same names.
//!
//! `backup_run.rs` holds no commands: it runs backups beside the app (the lane, progress events,
//! the daily run) for `backup.rs` and `data.rs`.

pub mod app;
pub mod auth;
pub mod backup;
pub mod backup_run;
pub mod calendar;
pub mod care;
pub mod customers;
pub mod data;
pub mod import;
pub mod insight;
pub mod loyalty;
pub mod orders;
pub mod search;
pub mod segments;
pub mod settings;
pub mod store;
pub mod tickets;
pub mod users;
