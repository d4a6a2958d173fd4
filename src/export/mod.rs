//! Exports: data leaves the encrypted store only through here, as a file the user asked for.
//!
//! Reports and exports build a format-neutral [`crate::table::Table`] (typed cells, money as
//! integer fen, times as UTC; the table lives on the ground floor so reports need not import
//! this folder); writers here render it. [`xlsx`] is the only module that knows
//! `rust_xlsxwriter`: it turns fen into ¥, UTC into the shop's local time and sizes the columns.
//!
//! [`full_workbook`] is the owner's "leave with all my data": every table of the database, one
//! sheet each, behind a first About sheet, written atomically from memory (no unzipped temp
//! files on disk) and audited. [`service_report_workbook`] writes the service-desk report
//! (owner / manager) the same way.

mod full;
pub mod import_errors;
mod labels;
mod person;
mod service_report;
pub mod xlsx;

pub use full::{full_tables, full_workbook, ExportReport};
pub use person::{person_tables, person_workbook};
pub use service_report::service_report_workbook;
