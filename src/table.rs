//! A format-neutral table: what a report or export says, not how a file shows it. Cells keep
//! their real types — money as integer fen, times as UTC instants — so writers decide the
//! display (¥, the shop's timezone, column widths) and tests can compare values exactly.
//!
//! Ground floor: reports (the service report, later analytics) build these without importing
//! the xlsx writer in `export/`, which renders them.

use crate::i18n::{Lang, Msg};
use chrono::{DateTime, NaiveDate, Utc};

/// How a column's values are meant to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Integer,
    /// Integer fen (1/100 yuan), shown as ¥.
    MoneyFen,
    /// An instant, shown in the shop's timezone.
    DateTime,
    /// A calendar day.
    Date,
    /// Yes / no.
    Bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// Stable machine name, e.g. the database column.
    pub key: String,
    pub header_zh: String,
    pub header_en: String,
    pub kind: ColumnKind,
}

impl Column {
    pub fn new(
        key: impl Into<String>,
        header_zh: impl Into<String>,
        header_en: impl Into<String>,
        kind: ColumnKind,
    ) -> Self {
        Self {
            key: key.into(),
            header_zh: header_zh.into(),
            header_en: header_en.into(),
            kind,
        }
    }

    pub fn header(&self, lang: Lang) -> &str {
        match lang {
            Lang::ZhCn => &self.header_zh,
            Lang::En => &self.header_en,
        }
    }
}

/// One value. A cell's own type wins over its column's kind (SQLite columns are loosely typed,
/// and the About sheet mixes types in one column).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Integer(i64),
    MoneyFen(i64),
    /// A share in per-mille (925 = 92.5 %): written as a number with a percent format, so the
    /// workbook can sort and chart it. Integer in the core, like money.
    Permille(i64),
    /// A ratio in tenths (105 = 10.5), e.g. complaints per 100 orders.
    Tenths(i64),
    DateTime(DateTime<Utc>),
    Date(NaiveDate),
    Bool(bool),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Shown as the sheet name (or a report's title).
    pub title: Msg,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Whether writers should offer filtering (a list: yes; a key/value summary: no).
    pub filterable: bool,
}

impl Table {
    pub fn new(title: Msg, columns: Vec<Column>) -> Self {
        Self {
            title,
            columns,
            rows: Vec::new(),
            filterable: true,
        }
    }

    /// The column with this key, if any.
    pub fn column_index(&self, key: &str) -> Option<usize> {
        self.columns.iter().position(|c| c.key == key)
    }
}
