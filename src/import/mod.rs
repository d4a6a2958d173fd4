//! Import (批量导入): marketplace order exports and customer lists from xlsx, xls or CSV
//! (UTF-8, UTF-8 with BOM, GBK/GB18030 — detected), into the encrypted store.
//!
//! The flow the wizard and the CLI share:
//! 1. [`inspect`] reads the header row, recognises a known export ([`presets`]) or brings back
//!    a remembered / guessed [`mapping::Mapping`] for the mapping screen.
//! 2. [`run`] with `dry_run` does the whole import in a transaction and rolls it back: the
//!    counts (created / updated / skipped) are exact and every bad row is named with its row,
//!    column and reason.
//! 3. [`run`] for real: valid rows land in ONE transaction (an import batch), bad rows go to
//!    an error workbook (`export::import_errors`) the user fixes and imports again. Importing
//!    the same file twice changes nothing (all skipped). Cancel rolls everything back.
//! 4. [`undo`] takes a whole batch back ([`undo`] explains the rule).
//!
//! Nothing is written to disk besides the database: files are read into memory and parsed
//! there. Long imports can run on their own connection ([`Worker`]) so the app stays usable.

mod bulk;
mod commit;
pub mod encoding;
mod fast;
pub mod fields;
mod fxhash;
mod identity;
pub mod mapping;
pub mod phases;
pub mod presets;
pub mod read;
mod undo;
pub mod validate;

pub use encoding::{FileFormat, TextEncoding};
pub use fields::{Field, ImportKind};
pub use mapping::{Mapping, MappingSource};
pub use presets::PresetInfo;
pub use undo::{list, undo, BatchInfo, UndoReport};

use crate::{
    auth::{Permission, Session},
    db,
    paths::db_path,
    store::Store,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// How far an import is.
#[derive(Serialize, Clone, Copy, Debug, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportProgress"))]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Of `total` units (bytes for CSV, rows for workbooks).
    pub done: u64,
    pub total: u64,
    /// Data rows read so far.
    pub rows: u64,
}

/// What to import and how to read it.
#[derive(Deserialize, Clone, Debug, Default)]
#[serde(rename_all = "camelCase")]
pub struct ImportRequest {
    pub path: PathBuf,
    /// A preset id; None = recognise from the headers (or a remembered/guessed mapping).
    pub preset: Option<String>,
    /// A mapping the user confirmed on the mapping screen (wins over the preset).
    pub mapping: Option<Mapping>,
}

/// One problem with one row, for the preview table and the error workbook.
#[derive(Serialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportProblem"))]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// As Excel numbers it (the header row is usually 1).
    pub row: u64,
    /// The header of the column to blame, if one is.
    pub column: Option<String>,
    pub message_zh: String,
    pub message_en: String,
}

/// A rejected row with its original cells.
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    pub row: u64,
    pub cells: Vec<String>,
    pub problems: Vec<RowProblem>,
}

/// What an import did (or, for a dry run, would do).
#[derive(Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// None for a dry run or a cancelled import (nothing was kept).
    pub batch_id: Option<i64>,
    pub dry_run: bool,
    pub cancelled: bool,
    pub file_name: String,
    pub format: FileFormat,
    pub encoding: Option<TextEncoding>,
    pub preset: String,
    pub kind: ImportKind,
    pub headers: Vec<String>,
    /// Data rows read.
    pub rows: u64,
    /// Orders (order import) or customers (customer list) created / updated / unchanged.
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    /// Rows not imported (each has at least one problem).
    pub rejected: u64,
    pub customers_created: u64,
    pub customers_updated: u64,
    /// Rows whose phone was masked by the marketplace (matched by nick instead).
    pub masked_phones: u64,
    pub problems_total: u64,
    pub rejected_rows: Vec<RejectedRow>,
}

impl ImportReport {
    fn new(job: &commit::Job) -> Self {
        Self {
            batch_id: None,
            dry_run: job.dry_run,
            cancelled: false,
            file_name: job.file_name.to_string(),
            format: job.loaded.format,
            encoding: job.loaded.encoding,
            preset: job.preset.to_string(),
            kind: job.resolved.kind,
            headers: job.loaded.headers.clone(),
            rows: 0,
            created: 0,
            updated: 0,
            skipped: 0,
            rejected: 0,
            customers_created: 0,
            customers_updated: 0,
            masked_phones: 0,
            problems_total: 0,
            rejected_rows: Vec::new(),
        }
    }

    /// The report without the rejected rows' cells, with at most `limit` problems: what a
    /// window shows (the error workbook has everything).
    pub fn summary(&self, limit: usize) -> ImportSummary {
        ImportSummary {
            batch_id: self.batch_id,
            dry_run: self.dry_run,
            cancelled: self.cancelled,
            file_name: self.file_name.clone(),
            format: self.format,
            encoding: self.encoding.map(|e| e.label()),
            preset: self.preset.clone(),
            kind: self.kind,
            rows: self.rows,
            created: self.created,
            updated: self.updated,
            skipped: self.skipped,
            rejected: self.rejected,
            customers_created: self.customers_created,
            customers_updated: self.customers_updated,
            masked_phones: self.masked_phones,
            problems_total: self.problems_total,
            problems: self.problems().take(limit).cloned().collect(),
        }
    }

    /// Every problem, row by row.
    pub fn problems(&self) -> impl Iterator<Item = &RowProblem> {
        self.rejected_rows.iter().flat_map(|r| r.problems.iter())
    }
}

/// [`ImportReport`] as a window shows it (docs/IPC.md `ImportSummary`).
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportSummary {
    pub batch_id: Option<i64>,
    pub dry_run: bool,
    pub cancelled: bool,
    pub file_name: String,
    pub format: FileFormat,
    pub encoding: Option<&'static str>,
    pub preset: String,
    pub kind: ImportKind,
    pub rows: u64,
    pub created: u64,
    pub updated: u64,
    pub skipped: u64,
    pub rejected: u64,
    pub customers_created: u64,
    pub customers_updated: u64,
    pub masked_phones: u64,
    pub problems_total: u64,
    pub problems: Vec<RowProblem>,
}

/// A field as the mapping screen lists it.
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportFieldInfo"))]
#[serde(rename_all = "camelCase")]
pub struct FieldInfo {
    pub field: Field,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub required: bool,
}

/// What the wizard shows after a file was chosen.
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportInspection"))]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    pub file_name: String,
    pub format: FileFormat,
    pub encoding: Option<TextEncoding>,
    pub headers: Vec<String>,
    pub header_row: u64,
    /// The first few data rows, as text.
    pub sample: Vec<Vec<String>>,
    /// The recognised (or chosen) preset, if any.
    pub preset: Option<PresetInfo>,
    pub mapping: Mapping,
    pub mapping_source: MappingSource,
    pub presets: Vec<PresetInfo>,
    pub order_fields: Vec<FieldInfo>,
    pub customer_fields: Vec<FieldInfo>,
}

fn field_infos(kind: ImportKind) -> Vec<FieldInfo> {
    let required = Field::required(kind);
    Field::for_kind(kind)
        .iter()
        .map(|f| FieldInfo {
            field: *f,
            label_zh: f.label_zh(),
            label_en: f.label_en(),
            required: required.contains(f),
        })
        .collect()
}

/// How an import writes a large file. The app and the CLI let it choose ([`BulkMode::Auto`]:
/// build the order indexes after loading when the file brings at least as many orders as the
/// store has, see `bulk`); tests and the benchmark pin it to compare both ways.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum BulkMode {
    #[default]
    Auto,
    Always,
    Never,
}

/// A loaded file with the mapping to use.
/// Rows looked at to see which of two candidate columns has data.
const PEEK_ROWS: usize = 200;

struct Prepared {
    loaded: read::Loaded,
    file_name: String,
    sha256: String,
    preset: Option<&'static presets::Preset>,
    mapping: Mapping,
    source: MappingSource,
}

fn prepare(
    conn: &Connection,
    path: &Path,
    preset: Option<&str>,
    given: Option<&Mapping>,
) -> Result<Prepared> {
    let chosen = match preset
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "auto")
    {
        Some(id) => Some(presets::by_id(id).ok_or_else(|| {
            let ids: Vec<&str> = presets::PRESETS.iter().map(|p| p.id).collect();
            Error::invalid(
                format!("没有“{id}”这个导入模板，可选：{}。", ids.join("、")),
                format!(
                    "There is no import preset '{id}'; choose one of: {}.",
                    ids.join(", ")
                ),
            )
        })?),
        None => None,
    };
    let loaded = read::load(path)?;
    let sha256 = loaded.sha256.clone();
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (preset, mapping, source) = if let Some(m) = given {
        (chosen, m.clone(), MappingSource::Given)
    } else if let Some(p) = chosen {
        (
            Some(p),
            Mapping::from_preset(p, &loaded.headers),
            MappingSource::Preset,
        )
    } else if let Some(p) = presets::detect(&loaded.headers) {
        (
            Some(p),
            Mapping::from_preset(p, &loaded.headers),
            MappingSource::Preset,
        )
    } else if let Some(m) = mapping::remembered(conn, &loaded.headers)? {
        (None, m, MappingSource::Remembered)
    } else {
        (
            None,
            mapping::guess(&loaded.headers),
            MappingSource::Guessed,
        )
    };
    let mut mapping = mapping;
    if matches!(source, MappingSource::Preset | MappingSource::Guessed) {
        // what a person would check on the mapping screen: is the chosen column filled?
        let mut rows = Vec::new();
        loaded.for_each_row(&mut |_, cells, _| {
            rows.push(cells.iter().map(read::Value::to_text).collect());
            Ok(rows.len() < PEEK_ROWS)
        })?;
        mapping::prefer_filled(&mut mapping, &loaded.headers, &rows);
    }
    Ok(Prepared {
        loaded,
        file_name,
        sha256,
        preset,
        mapping,
        source,
    })
}

fn preset_info(p: &presets::Preset) -> PresetInfo {
    PresetInfo {
        id: p.id,
        label_zh: p.label_zh,
        label_en: p.label_en,
        kind: p.kind,
        channel: p.channel,
    }
}

/// Read a file's header row and say how it would be imported (no changes).
pub fn inspect(
    store: &Store,
    s: &Session,
    path: &Path,
    preset: Option<&str>,
) -> Result<Inspection> {
    s.require(Permission::WorkWithCustomers)?;
    inspect_on(store.conn(), path, preset)
}

fn inspect_on(conn: &Connection, path: &Path, preset: Option<&str>) -> Result<Inspection> {
    let p = prepare(conn, path, preset, None)?;
    let mut sample = Vec::new();
    p.loaded.for_each_row(&mut |_, cells, _| {
        sample.push(cells.iter().map(read::Value::to_text).collect());
        Ok(sample.len() < 5)
    })?;
    Ok(Inspection {
        file_name: p.file_name,
        format: p.loaded.format,
        encoding: p.loaded.encoding,
        headers: p.loaded.headers.clone(),
        header_row: p.loaded.header_row,
        sample,
        preset: p.preset.map(preset_info),
        mapping: p.mapping,
        mapping_source: p.source,
        presets: presets::list(),
        order_fields: field_infos(ImportKind::Orders),
        customer_fields: field_infos(ImportKind::Customers),
    })
}

/// Import a file (or, with `dry_run`, preview exactly what importing it would do).
/// `progress` is called every few thousand rows; setting `cancel` stops and rolls back.
pub fn run(
    store: &Store,
    s: &Session,
    req: &ImportRequest,
    dry_run: bool,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<ImportReport> {
    run_with(store, s, req, dry_run, BulkMode::Auto, progress, cancel)
}

/// [`run`] with the write strategy pinned (tests, benchmark).
pub fn run_with(
    store: &Store,
    s: &Session,
    req: &ImportRequest,
    dry_run: bool,
    bulk: BulkMode,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<ImportReport> {
    s.require(Permission::WorkWithCustomers)?;
    let mut phases = phases::Phases::new();
    run_on(
        store.conn(),
        s,
        store.now(),
        req,
        (dry_run, bulk),
        progress,
        cancel,
        &mut phases,
    )
}

/// [`run`], also saying where the time went (for `laoke bench import`).
pub fn run_measured(
    store: &Store,
    s: &Session,
    req: &ImportRequest,
    bulk: BulkMode,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
) -> Result<(ImportReport, Vec<phases::Phase>)> {
    s.require(Permission::WorkWithCustomers)?;
    let mut phases = phases::Phases::new();
    let report = run_on(
        store.conn(),
        s,
        store.now(),
        req,
        (false, bulk),
        progress,
        cancel,
        &mut phases,
    )?;
    Ok((report, phases.into_vec()))
}

#[allow(clippy::too_many_arguments)]
fn run_on(
    conn: &Connection,
    s: &Session,
    now: DateTime<Utc>,
    req: &ImportRequest,
    (dry_run, bulk): (bool, BulkMode),
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
    phases: &mut phases::Phases,
) -> Result<ImportReport> {
    let p = prepare(conn, &req.path, req.preset.as_deref(), req.mapping.as_ref())?;
    phases.mark("read file");
    let resolved = p.mapping.resolve(&p.loaded.headers)?;
    let preset_id = p.preset.map(|p| p.id).unwrap_or(match p.source {
        MappingSource::Remembered => "remembered",
        _ => "mapping",
    });
    let remember =
        matches!(p.source, MappingSource::Given | MappingSource::Guessed).then_some(&p.mapping);
    let job = commit::Job {
        loaded: &p.loaded,
        resolved: &resolved,
        file_name: &p.file_name,
        sha256: &p.sha256,
        preset: preset_id,
        tz: crate::settings::timezone_in(conn),
        dry_run,
        bulk,
        remember,
        refunds_per_row: resolved
            .col(fields::Field::Refunded)
            .and_then(|c| p.loaded.headers.get(c))
            .is_some_and(|h| presets::is_item_refund_header(h)),
    };
    commit::run(conn, s, now, &job, progress, cancel, phases)
}

/// An import that runs on its own database connection, so a long import on a worker thread
/// does not hold the app's connection (the window keeps reading while it runs; SQLite WAL).
pub struct Worker {
    conn: Connection,
    session: Session,
    clock: crate::clock::SharedClock,
}

impl Worker {
    /// Open a second connection to the store for this user (checks the role first).
    pub fn new(store: &Store, s: &Session) -> Result<Worker> {
        s.require(Permission::WorkWithCustomers)?;
        let conn = db::open(&db_path(store.dir()), store.data_key())?;
        Ok(Worker {
            conn,
            session: s.clone(),
            clock: store.clock().clone(),
        })
    }

    pub fn inspect(&self, path: &Path, preset: Option<&str>) -> Result<Inspection> {
        inspect_on(&self.conn, path, preset)
    }

    pub fn run(
        &self,
        req: &ImportRequest,
        dry_run: bool,
        progress: &mut dyn FnMut(Progress),
        cancel: &AtomicBool,
    ) -> Result<ImportReport> {
        run_on(
            &self.conn,
            &self.session,
            self.clock.now(),
            req,
            (dry_run, BulkMode::Auto),
            progress,
            cancel,
            &mut phases::Phases::new(),
        )
    }
}

/// The presets, for the wizard's preset picker.
pub fn preset_list() -> Vec<PresetInfo> {
    presets::list()
}
