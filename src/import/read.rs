//! Reading a file into a header row and data rows, without knowing what the columns mean.
//!
//! The whole file is read into memory once (never unpacked to a temp file: the rows are
//! customer data); CSV rows are then parsed lazily, borrowing from the decoded text, so a 1M-row
//! export costs about its own size in memory. Workbooks are read with calamine (first sheet).
//! Rows are numbered as the user sees them in Excel: the header row is row 1 (or wherever it
//! was found), a quoted cell with line breaks still counts as one row.
//!
//! Also what every later step reads cells with: [`clean_text`] (the `="…"` / `'` wrappers
//! exports put around values) and Excel serial dates as text or date-times, here so that
//! `fields.rs` (header matching) and `validate.rs` (row checks) do not use each other.
//!
//! Hostile or damaged files end in a clear error, never a crash or unbounded memory: files over
//! [`MAX_FILE_BYTES`] are refused before reading, .xlsx zips that unpack too far by
//! `zip_guard`, sheets whose used (or, in .xls, stated) area exceeds [`MAX_GRID_CELLS`] or is
//! mostly empty before calamine allocates it (`xlsx_stream::used_area`, `xls_guard`),
//! and a panic inside calamine becomes the "cannot read" error ([`guarded`]). Cells longer than
//! [`MAX_CELL_CHARS`] are read and then rejected row by row (`validate.rs`). `laoke bench fuzz`
//! and tests/import_fuzz.rs hold all of this to account.

use super::encoding::{self, FileFormat, TextEncoding};
use crate::{Error, Result};
use calamine::{Data, Reader};
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};
use std::borrow::Cow;
use std::path::Path;

mod xls_guard;
mod xlsx_stream;
mod zip_guard;

pub use zip_guard::{MAX_SHARED_STRINGS_BYTES, MAX_UNPACKED_BYTES};

/// Larger files are refused up front with a clear message, not read until memory runs out.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024 * 1024;
/// Excel's own limit for a cell; longer cells are rejected row by row.
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most cells a sheet read whole may span (its used rectangle, empty cells included: about
/// 32 bytes each in memory). 20 million is a full 1,048,576-row sheet of 19 columns; a
/// workbook whose cells claim a larger area (one cell at A1, one at XFD1048576) is refused.
pub const MAX_GRID_CELLS: u64 = 20_000_000;
/// Past a million cells, a used rectangle must be at least 1/16 filled: what makes a sheet
/// large is its data, and a few cells far apart must not cost memory out of proportion to the
/// file (a 20 KB .xls asking for 20 million cells, 640 MB, was found by the fuzzer).
const SPARSE_FLOOR: u64 = 1_000_000;
const SPARSE_CELLS_PER_FILLED: u64 = 16;

/// Whether a sheet whose used rectangle spans `area` cells, `filled` of them non-empty, may be
/// read whole.
fn area_allowed(area: u64, filled: u64) -> bool {
    area <= MAX_GRID_CELLS
        && (area <= SPARSE_FLOOR || area <= filled.saturating_mul(SPARSE_CELLS_PER_FILLED))
}
/// How many leading rows may be a title above the real header row.
const HEADER_SEARCH_ROWS: usize = 10;

/// One cell as read.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Empty,
    Text(Cow<'a, str>),
    Number(f64),
    /// An Excel date serial (days since 1899-12-30, fraction = time of day).
    Date(f64),
}

impl Value<'_> {
    /// The cell as text, as a person would type it back into Excel.
    pub fn to_text(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(s) => s.to_string(),
            Value::Number(n) => format_number(*n),
            Value::Date(d) => serial_to_text(*d),
        }
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Value::Empty => true,
            Value::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// Whole numbers without ".0", others as Rust prints them (shortest exact form).
pub fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A file read into memory with its header row found.
pub struct Loaded {
    pub format: FileFormat,
    pub encoding: Option<TextEncoding>,
    /// Header cells as they appear (trimmed), one per column.
    pub headers: Vec<String>,
    /// The row number (1-based) of the header row.
    pub header_row: u64,
    /// SHA-256 of the file's bytes (hex), recorded with the import batch.
    pub sha256: String,
    body: Body,
}

enum Body {
    Csv {
        text: String,
        delimiter: u8,
        /// Byte offset where the first data row starts.
        start: usize,
    },
    Grid {
        rows: Vec<Vec<Data>>,
        /// Row number of `rows[0]`.
        first_row: u64,
    },
    /// An .xlsx whose data rows are parsed while they are imported (see [`xlsx_stream`]).
    XlsxStream {
        bytes: Vec<u8>,
        sheet: String,
        /// 0-based sheet row of the header; data rows follow it.
        header_index: u32,
        /// Columns kept per row (the header row's width, or the sheet's if wider).
        width: usize,
        /// Sheet rows after the header, as the sheet's dimension says (empty ones included).
        rows_after_header: u64,
    },
}

/// Read a file. Errors name the problem in words a shop owner understands.
pub fn load(path: &Path) -> Result<Loaded> {
    let meta = std::fs::metadata(path).map_err(|e| file_error(path, e))?;
    if meta.is_dir() {
        return Err(encoding::not_a_spreadsheet());
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::invalid(
            format!(
                "文件太大（{} MB），一次最多导入 1024 MB。请按月份拆成几个文件分别导入。",
                meta.len() / 1_000_000
            ),
            format!(
                "The file is too large ({} MB); at most 1024 MB per import. Split it (e.g. by month) and import the parts.",
                meta.len() / 1_000_000
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| file_error(path, e))?;
    load_bytes(bytes)
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(bytes))
}

fn file_error(path: &Path, e: std::io::Error) -> Error {
    Error::invalid(
        format!("无法读取文件 {}：{e}", path.display()),
        format!("Cannot read the file {}: {e}", path.display()),
    )
}

/// Read a file already in memory.
pub fn load_bytes(bytes: Vec<u8>) -> Result<Loaded> {
    if bytes.is_empty() {
        return Err(empty_file());
    }
    let sha256 = sha256_hex(&bytes);
    let mut loaded = match encoding::sniff(&bytes)? {
        FileFormat::Csv => load_csv(bytes),
        format => load_workbook(bytes, format),
    }?;
    loaded.sha256 = sha256;
    Ok(loaded)
}

fn empty_file() -> Error {
    Error::invalid(
        "文件是空的：没有找到表头行。",
        "The file is empty: no header row was found.",
    )
}

fn load_csv(bytes: Vec<u8>) -> Result<Loaded> {
    let (text, enc) = encoding::decode(bytes)?;
    let delimiter = guess_delimiter(&text);
    let mut parser = CsvParser::new(&text, delimiter, 0);
    let mut row = Vec::new();
    let mut header = None;
    for _ in 0..HEADER_SEARCH_ROWS {
        let Some(row_no) = parser.next_record(&mut row)? else {
            break;
        };
        if row.iter().filter(|v| !v.is_empty()).count() >= 2 {
            header = Some((row_no, row.iter().map(header_text).collect::<Vec<_>>()));
            break;
        }
    }
    let Some((header_row, headers)) = header else {
        return Err(empty_file());
    };
    let start = parser.pos;
    Ok(Loaded {
        format: FileFormat::Csv,
        encoding: Some(enc),
        headers,
        header_row,
        sha256: String::new(),
        body: Body::Csv {
            text,
            delimiter,
            start,
        },
    })
}

fn header_text(v: &Value) -> String {
    clean_text(&v.to_text()).to_string()
}

/// Strip what exports wrap around values: whitespace, `="…"`, a leading `'`.
pub fn clean_text(s: &str) -> Cow<'_, str> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let t = if let Some(inner) = t.strip_prefix("=\"").and_then(|r| r.strip_suffix('"')) {
        inner.trim()
    } else {
        t
    };
    let t = t.strip_prefix('\'').unwrap_or(t).trim();
    Cow::Borrowed(t)
}

fn guess_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c| first.matches(c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas && semis > tabs {
        b';'
    } else {
        b','
    }
}

fn unreadable(e: String) -> Error {
    Error::invalid(
        format!("无法读取这个 Excel 文件（可能已损坏或有密码保护）：{e}"),
        format!("Cannot read this Excel file (it may be damaged or password-protected): {e}"),
    )
}

/// Run a call into calamine, turning a panic into the clear "cannot read" error.
///
/// Why: calamine is a third-party parser and panics on some damaged workbooks (a shared-string
/// index past the table, a cell reference whose row overflows: both found by `laoke bench
/// fuzz`, and still open upstream in later versions). A damaged file must end in an error the
/// user can act on, never a crashed import, so every call into it goes through here. The
/// reader's state is dropped with the error, never used again.
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|p| {
        let what = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(unreadable(format!("{READER_STOPPED} ({what})")))
    })
}

/// Part of the message of a workbook calamine could not read without panicking.
pub const READER_STOPPED: &str = "the workbook reader stopped";

fn load_workbook(bytes: Vec<u8>, format: FileFormat) -> Result<Loaded> {
    if format == FileFormat::Xlsx {
        zip_guard::check(&bytes)?;
        if let Some(header) = guarded(|| Ok(xlsx_stream::header(&bytes))).ok().flatten() {
            return Ok(Loaded {
                format,
                encoding: None,
                headers: header.headers,
                header_row: header.index as u64 + 1,
                sha256: String::new(),
                body: Body::XlsxStream {
                    bytes,
                    sheet: header.sheet,
                    header_index: header.index,
                    width: header.width,
                    rows_after_header: header.rows_after,
                },
            });
        }
    }
    load_grid(bytes, format)
}

/// The whole first sheet read up front (.xls, and .xlsx files the stream cannot take).
fn load_grid(bytes: Vec<u8>, format: FileFormat) -> Result<Loaded> {
    if format == FileFormat::Xlsx {
        let area = guarded(|| Ok(xlsx_stream::used_area(&bytes)))
            .ok()
            .flatten();
        if let Some((cells, _)) = area.filter(|(a, filled)| !area_allowed(*a, *filled)) {
            return Err(too_many_cells(cells));
        }
    }
    let bytes = match format {
        FileFormat::Xls => guarded(|| xls_guard::sanitized(&bytes))?,
        _ => bytes,
    };
    let range = guarded(|| {
        let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
            .map_err(|e| unreadable(e.to_string()))?;
        match book.worksheet_range_at(0) {
            Some(r) => r.map_err(|e| unreadable(e.to_string())),
            None => Err(empty_file()),
        }
    })?;
    let first_row = range.start().map(|(r, _)| r as u64 + 1).unwrap_or(1);
    let width = range.width();
    let mut rows: Vec<Vec<Data>> = Vec::with_capacity(range.height());
    for r in range.rows() {
        rows.push(r.to_vec());
    }
    drop(range);
    let mut header_at = None;
    for (i, r) in rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let filled = r.iter().filter(|c| !grid_value(c).is_empty()).count();
        if filled >= 2 {
            header_at = Some(i);
            break;
        }
    }
    let Some(h) = header_at else {
        return Err(empty_file());
    };
    let mut headers: Vec<String> = rows[h]
        .iter()
        .map(|c| header_text(&grid_value(c)))
        .collect();
    headers.resize(width, String::new());
    let header_row = first_row + h as u64;
    rows.drain(..=h);
    Ok(Loaded {
        format,
        encoding: None,
        headers,
        header_row,
        sha256: String::new(),
        body: Body::Grid {
            rows,
            first_row: header_row + 1,
        },
    })
}

fn too_many_cells(cells: u64) -> Error {
    Error::invalid(
        format!(
            "这个表格的数据区域太大或太空（{cells} 个单元格）：可能有单元格填在很远的位置。请删掉多余的行列，或另存为 csv 后再导入。"
        ),
        format!(
            "This sheet's data area is too large or too empty ({cells} cells): a cell may sit far away from the rest. Delete the extra rows and columns, or save it as csv, and import again."
        ),
    )
}

fn grid_value(d: &Data) -> Value<'_> {
    match d {
        Data::Empty => Value::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            Value::Text(Cow::Borrowed(s))
        }
        Data::Int(i) => Value::Number(*i as f64),
        Data::Float(f) => Value::Number(*f),
        Data::Bool(b) => Value::Text(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" })),
        Data::DateTime(dt) => Value::Date(dt.as_f64()),
        Data::Error(e) => Value::Text(Cow::Owned(format!("#{e:?}"))),
    }
}

/// Progress through a file: `done` of `total` units (bytes for CSV, rows for workbooks).
#[derive(Clone, Copy, Debug, Default)]
pub struct Position {
    pub done: u64,
    pub total: u64,
}

/// What [`Loaded::for_each_row`] calls: `(row number, cells, position) -> keep going?`.
pub type RowVisitor<'f> = dyn FnMut(u64, &[Value<'_>], Position) -> Result<bool> + 'f;

impl Loaded {
    /// Data rows left to read, as units of [`Position`].
    pub fn total_units(&self) -> u64 {
        match &self.body {
            Body::Csv { text, start, .. } => (text.len() - start) as u64,
            Body::Grid { rows, .. } => rows.len() as u64,
            Body::XlsxStream {
                rows_after_header, ..
            } => *rows_after_header,
        }
    }

    /// About how many data rows there are (exact for workbooks; for CSV extrapolated from the
    /// line length of the first MiB): enough to decide how to write them.
    pub fn estimated_rows(&self) -> u64 {
        match &self.body {
            Body::Csv { text, start, .. } => {
                let body = &text.as_bytes()[*start..];
                let sample = &body[..body.len().min(1 << 20)];
                let lines = sample.iter().filter(|b| **b == b'\n').count().max(1);
                (body.len() as u64).saturating_mul(lines as u64) / sample.len().max(1) as u64
            }
            Body::Grid { rows, .. } => rows.len() as u64,
            Body::XlsxStream {
                rows_after_header, ..
            } => *rows_after_header,
        }
    }

    /// Call `f(row_no, cells, position)` for every non-empty data row, in order. `f` returns
    /// `false` to stop early.
    pub fn for_each_row(&self, f: &mut RowVisitor<'_>) -> Result<()> {
        let total = self.total_units();
        match &self.body {
            Body::Csv {
                text,
                delimiter,
                start,
            } => {
                let mut parser = CsvParser::new(text, *delimiter, *start);
                parser.row_no = self.header_row;
                let mut row = Vec::with_capacity(self.headers.len());
                while let Some(row_no) = parser.next_record(&mut row)? {
                    if row.iter().all(Value::is_empty) {
                        continue;
                    }
                    let pos = Position {
                        done: (parser.pos - start) as u64,
                        total,
                    };
                    if !f(row_no, &row, pos)? {
                        break;
                    }
                }
            }
            Body::Grid { rows, first_row } => {
                let mut row = Vec::with_capacity(self.headers.len());
                for (i, r) in rows.iter().enumerate() {
                    row.clear();
                    row.extend(r.iter().map(grid_value));
                    if row.iter().all(Value::is_empty) {
                        continue;
                    }
                    let pos = Position {
                        done: i as u64 + 1,
                        total,
                    };
                    if !f(first_row + i as u64, &row, pos)? {
                        break;
                    }
                }
            }
            Body::XlsxStream {
                bytes,
                sheet,
                header_index,
                width,
                ..
            } => xlsx_stream::rows(bytes, sheet, *header_index, *width, total, f)?,
        }
        Ok(())
    }
}

/// RFC 4180 CSV: quoted fields may hold delimiters, `""` and line breaks; CRLF or LF endings.
struct CsvParser<'a> {
    text: &'a str,
    delimiter: u8,
    pos: usize,
    row_no: u64,
}

impl<'a> CsvParser<'a> {
    fn new(text: &'a str, delimiter: u8, pos: usize) -> Self {
        Self {
            text,
            delimiter,
            pos,
            row_no: 0,
        }
    }

    /// Parse the next record into `out`; returns its row number, or None at the end.
    fn next_record(&mut self, out: &mut Vec<Value<'a>>) -> Result<Option<u64>> {
        out.clear();
        let bytes = self.text.as_bytes();
        if self.pos >= bytes.len() {
            return Ok(None);
        }
        self.row_no += 1;
        let row_no = self.row_no;
        loop {
            let (value, end) = self.field(row_no)?;
            out.push(value);
            match bytes.get(end) {
                Some(&b) if b == self.delimiter => {
                    self.pos = end + 1;
                }
                Some(b'\r') => {
                    self.pos = if bytes.get(end + 1) == Some(&b'\n') {
                        end + 2
                    } else {
                        end + 1
                    };
                    return Ok(Some(row_no));
                }
                Some(b'\n') => {
                    self.pos = end + 1;
                    return Ok(Some(row_no));
                }
                None => {
                    self.pos = bytes.len();
                    return Ok(Some(row_no));
                }
                Some(_) => unreachable!("a field ends at a delimiter, a line break or the end"),
            }
        }
    }

    /// One field starting at `self.pos`; returns it and the index just after it.
    fn field(&self, row_no: u64) -> Result<(Value<'a>, usize)> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        if bytes.get(start) != Some(&b'"') {
            let mut i = start;
            while i < bytes.len() {
                let b = bytes[i];
                if b == self.delimiter || b == b'\n' || b == b'\r' {
                    break;
                }
                i += 1;
            }
            let s = &self.text[start..i];
            let v = if s.is_empty() {
                Value::Empty
            } else {
                Value::Text(Cow::Borrowed(s))
            };
            return Ok((v, i));
        }
        // Quoted: find the closing quote, unescaping "" on the way.
        let mut i = start + 1;
        let mut owned: Option<String> = None;
        let mut seg = i;
        loop {
            match bytes[i..].iter().position(|&b| b == b'"') {
                None => {
                    return Err(Error::invalid(
                        format!("第 {row_no} 行：引号没有闭合，文件可能不完整。"),
                        format!("Row {row_no}: a quote is never closed; the file may be cut off."),
                    ))
                }
                Some(off) => {
                    let q = i + off;
                    if bytes.get(q + 1) == Some(&b'"') {
                        owned
                            .get_or_insert_with(String::new)
                            .push_str(&self.text[seg..=q]);
                        i = q + 2;
                        seg = i;
                        continue;
                    }
                    let value = match owned {
                        Some(mut s) => {
                            s.push_str(&self.text[seg..q]);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(&self.text[seg..q]),
                    };
                    // Anything between the closing quote and the delimiter is kept (lenient).
                    let mut end = q + 1;
                    while end < bytes.len()
                        && bytes[end] != self.delimiter
                        && bytes[end] != b'\n'
                        && bytes[end] != b'\r'
                    {
                        end += 1;
                    }
                    let value = if end > q + 1 {
                        Cow::Owned(format!("{value}{}", &self.text[q + 1..end]))
                    } else {
                        value
                    };
                    return Ok((Value::Text(value), end));
                }
            }
        }
    }
}

/// An Excel serial as `YYYY-MM-DD[ HH:MM:SS]` (for error workbooks and messages).
pub fn serial_to_text(serial: f64) -> String {
    match serial_to_naive(serial) {
        Some(t) if t.time() == NaiveTime::MIN => t.date().format("%Y-%m-%d").to_string(),
        Some(t) => t.format("%Y-%m-%d %H:%M:%S").to_string(),
        None => format_number(serial),
    }
}

pub(crate) fn serial_to_naive(serial: f64) -> Option<NaiveDateTime> {
    // 1 = 1900-01-01; 60 is Excel's phantom 1900-02-29, so days from 1899-12-30 are right
    // for every date after February 1900.
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?.and_time(NaiveTime::MIN);
    let ms = (serial * 86_400_000.0).round() as i64;
    base.checked_add_signed(Duration::milliseconds(ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(csv: &str) -> Vec<(u64, Vec<String>)> {
        let loaded = load_bytes(csv.as_bytes().to_vec()).unwrap();
        let mut out = Vec::new();
        loaded
            .for_each_row(&mut |n, cells, _| {
                out.push((n, cells.iter().map(Value::to_text).collect()));
                Ok(true)
            })
            .unwrap();
        out
    }

    #[test]
    fn quoted_cells_keep_commas_quotes_and_line_breaks_and_count_as_one_row() {
        let got = rows("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n");
        assert_eq!(
            got,
            vec![
                (2, vec!["x,1".into(), "say \"hi\"".into()]),
                (3, vec!["two\nlines".into(), "z".into()]),
            ]
        );
    }

    #[test]
    fn a_title_line_above_the_header_is_skipped() {
        let loaded = load_bytes("订单列表\n订单编号,金额\n1,2\n".as_bytes().to_vec()).unwrap();
        assert_eq!(loaded.headers, ["订单编号", "金额"]);
        assert_eq!(loaded.header_row, 2);
    }

    #[test]
    fn an_unclosed_quote_is_a_clear_error_naming_the_row() {
        let loaded = load_bytes("a,b\n1,\"oops\n".as_bytes().to_vec()).unwrap();
        let err = loaded.for_each_row(&mut |_, _, _| Ok(true)).unwrap_err();
        assert!(err.message(crate::i18n::Lang::En).contains("Row 2"));
    }

    type Seen = Vec<(u64, Vec<Value<'static>>, u64, u64)>;

    fn everything(loaded: &Loaded) -> (Vec<String>, u64, u64, Seen) {
        let mut seen = Vec::new();
        loaded
            .for_each_row(&mut |n, cells, pos| {
                let owned = cells
                    .iter()
                    .map(|v| match v {
                        Value::Text(t) => Value::Text(Cow::Owned(t.to_string())),
                        Value::Empty => Value::Empty,
                        Value::Number(x) => Value::Number(*x),
                        Value::Date(x) => Value::Date(*x),
                    })
                    .collect();
                seen.push((n, owned, pos.done, pos.total));
                Ok(true)
            })
            .unwrap();
        (
            loaded.headers.clone(),
            loaded.header_row,
            loaded.estimated_rows(),
            seen,
        )
    }

    fn workbook(fill: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        fill(book.add_worksheet());
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn a_streamed_xlsx_gives_exactly_the_rows_of_the_whole_sheet() {
        use rust_xlsxwriter::{ExcelDateTime, Format};
        let bytes = workbook(|ws| {
            let date = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
            ws.write(0, 0, "2026年11月 订单导出").unwrap();
            ws.write(2, 0, "订单编号 ").unwrap();
            ws.write(2, 1, "买家会员名").unwrap();
            ws.write(2, 3, "订单创建时间").unwrap();
            ws.write(2, 4, "商品数量").unwrap();
            ws.write(3, 0, "=\"3158844912\"").unwrap();
            ws.write(3, 1, "tb_小美").unwrap();
            let at = ExcelDateTime::parse_from_str("2024-03-05 14:02:11").unwrap();
            ws.write_with_format(3, 3, &at, &date).unwrap();
            ws.write(3, 4, 2).unwrap();
            ws.write(5, 1, "   ").unwrap();
            ws.write(6, 0, 123456789012345678_f64).unwrap();
            ws.write(6, 1, true).unwrap();
            ws.write(6, 4, 1.5).unwrap();
            ws.write(7, 1, "只有一格").unwrap();
        });
        let streamed = load_bytes(bytes.clone()).unwrap();
        assert!(
            matches!(streamed.body, Body::XlsxStream { .. }),
            "takes the stream"
        );
        let grid = load_grid(bytes, FileFormat::Xlsx).unwrap();
        assert!(matches!(grid.body, Body::Grid { .. }));
        let (s, g) = (everything(&streamed), everything(&grid));
        assert_eq!(s, g);
        assert_eq!(s.1, 3, "the header is row 3");
        assert_eq!(s.3.iter().map(|r| r.0).collect::<Vec<_>>(), vec![4, 7, 8]);
    }

    #[test]
    fn a_cell_far_away_is_a_clear_error_not_a_huge_allocation() {
        let bytes = workbook(|ws| {
            ws.write(0, 1, "订单编号").unwrap();
            ws.write(0, 2, "买家会员名").unwrap();
            ws.write(1_048_575, 16_383, "x").unwrap();
        });
        let err = load_bytes(bytes).err().expect("refused");
        assert!(err
            .message(crate::i18n::Lang::En)
            .contains("data area is too large"));
    }

    #[test]
    fn a_sheet_that_starts_right_of_column_a_is_read_whole() {
        let bytes = workbook(|ws| {
            ws.write(0, 2, "订单编号").unwrap();
            ws.write(0, 3, "买家会员名").unwrap();
            ws.write(1, 2, "A1").unwrap();
            ws.write(1, 3, "tb_a").unwrap();
        });
        let loaded = load_bytes(bytes.clone()).unwrap();
        assert!(matches!(loaded.body, Body::Grid { .. }));
        assert_eq!(loaded.headers, vec!["订单编号", "买家会员名"]);
    }
}
