//! Laoke 老客 — the core of an offline, encrypted CRM for a single shop.
//!
//! Everything the product does lives here, with no Tauri dependency: the desktop shell
//! (`src-tauri`) and the `laoke` CLI are thin front ends over these modules. Every call that
//! reads or changes shop data takes the acting [`auth::Session`], and role checks happen here,
//! not in the UI. Time always comes from an injected [`clock::Clock`].

pub mod audit;
pub mod auth;
pub mod backup;
#[cfg(feature = "bench")]
pub mod bench;
pub mod care;
pub mod clock;
pub mod crypto;
pub mod customer_ops;
pub mod customers;
pub mod datadir;
pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod holidays;
pub mod i18n;
pub mod import;
pub mod info;
pub mod insight;
pub mod jobs;
pub mod loyalty;
pub mod models;
pub mod money;
pub mod orders;
pub mod paths;
pub mod phone;
pub mod prefs;
pub mod sales;
pub mod search;
pub mod segments;
pub mod settings;
pub mod setup;
pub mod store;
pub mod table;
pub mod tickets;
pub mod time;
pub mod users;
pub mod verify;

pub use error::{Error, Result};
