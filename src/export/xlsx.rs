//! Renders neutral [`Table`]s into an xlsx workbook, in memory. The only file that knows
//! `rust_xlsxwriter`.
//!
//! Display rules: fen become ¥ numbers (`"¥"#,##0.00`; the division happens here only), UTC
//! instants become real Excel datetimes in the shop's timezone (`yyyy-mm-dd hh:mm`), yes/no in
//! the chosen language. Header rows are bold on a fill, frozen and filterable; column widths
//! follow the content, CJK characters counting double. A table longer than Excel's row limit
//! continues on further sheets ("审计日志 (2)"). The workbook is built with
//! [`Workbook::save_to_buffer`], so nothing unzipped is ever written to a temp file.

use crate::table::{Cell, Column, ColumnKind, Table};
use crate::{
    i18n::{Lang, Msg},
    Error, Result,
};
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc};
use chrono_tz::Tz;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
    XlsxError,
};
use std::collections::HashSet;

/// Data rows per sheet: Excel's 1,048,576 rows minus the header.
pub const MAX_DATA_ROWS: usize = 1_048_575;
/// Excel refuses longer strings in a cell.
const MAX_CELL_CHARS: usize = 32_767;
const MAX_SHEET_NAME: usize = 31;
const MONEY_FORMAT: &str = "\"¥\"#,##0.00";
const DATETIME_FORMAT: &str = "yyyy-mm-dd hh:mm";
const DATE_FORMAT: &str = "yyyy-mm-dd";
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 50.0;
/// Sheets up to this many characters wide print portrait.
const PORTRAIT_MAX_WIDTH: f64 = 100.0;
/// Wider sheets are shrunk to one page wide only up to this width.
const FIT_MAX_WIDTH: f64 = 220.0;
/// Room for the autofilter button next to a header.
const FILTER_BUTTON: f64 = 3.0;

/// A sheet added empty, to be filled once its content is known.
#[derive(Debug, Clone)]
pub struct ReservedSheet {
    index: usize,
    pub name: String,
}

/// A workbook being built. Add sheets in order, then [`XlsxBook::finish`].
pub struct XlsxBook {
    workbook: Workbook,
    lang: Lang,
    tz: Tz,
    sheet_names: HashSet<String>,
    formats: Formats,
}

struct Formats {
    header: Format,
    /// Over number columns: right-aligned like the numbers below it.
    header_number: Format,
    money: Format,
    permille: Format,
    tenths: Format,
    datetime: Format,
    date: Format,
}

impl XlsxBook {
    /// `tz` is the shop's timezone: instants are shown in it. `created_at` goes into the file's
    /// properties (from the injected clock, so exports are reproducible).
    pub fn new(lang: Lang, tz: Tz, title: &str, created_at: DateTime<Utc>) -> Self {
        let mut workbook = Workbook::new();
        let mut properties = DocProperties::new()
            .set_title(title)
            .set_author("老客 Laoke");
        if let Ok(t) = ExcelDateTime::from_timestamp(created_at.timestamp()) {
            properties = properties.set_creation_datetime(&t);
        }
        workbook.set_properties(&properties);
        Self {
            workbook,
            lang,
            tz,
            sheet_names: HashSet::new(),
            formats: Formats {
                header: header_format(),
                header_number: header_format().set_align(FormatAlign::Right),
                money: Format::new().set_num_format(MONEY_FORMAT),
                permille: Format::new().set_num_format("0.0%"),
                tenths: Format::new().set_num_format("0.0"),
                datetime: Format::new()
                    .set_num_format(DATETIME_FORMAT)
                    .set_align(FormatAlign::Left),
                date: Format::new()
                    .set_num_format(DATE_FORMAT)
                    .set_align(FormatAlign::Left),
            },
        }
    }

    /// One list: header row bold, frozen and filterable (when the table is), sized columns.
    /// Returns the names of the sheets written (more than one past Excel's row limit).
    pub fn add_table(&mut self, table: &Table) -> Result<Vec<String>> {
        let chunks: Vec<&[Vec<Cell>]> = if table.rows.is_empty() {
            vec![&[]]
        } else {
            table.rows.chunks(MAX_DATA_ROWS).collect()
        };
        let mut names = Vec::with_capacity(chunks.len());
        for (i, rows) in chunks.into_iter().enumerate() {
            let base = table.title.get(self.lang);
            let wanted = if i == 0 {
                base.to_string()
            } else {
                format!("{base} ({})", i + 1)
            };
            let name = self.unique_sheet_name(&wanted);
            let (lang, tz) = (self.lang, self.tz);
            let formats = &self.formats;
            let ws = self.workbook.add_worksheet();
            ws.set_name(&name).map_err(xlsx_error)?;
            write_header(ws, &table.columns, lang, formats, 0)?;
            for (r, row) in rows.iter().enumerate() {
                write_row(ws, (r + 1) as u32, row, lang, tz, formats)?;
            }
            ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
            let last_col = table.columns.len().saturating_sub(1) as u16;
            if table.filterable && !table.columns.is_empty() {
                ws.autofilter(0, 0, rows.len() as u32, last_col)
                    .map_err(xlsx_error)?;
            }
            let filter = if table.filterable { FILTER_BUTTON } else { 0.0 };
            let widths = column_widths(&table.columns, rows, lang, filter);
            apply_widths(ws, &widths)?;
            set_print_layout(ws, &widths, true)?;
            names.push(name);
        }
        Ok(names)
    }

    /// Several small tables one under the other on one sheet (each with its bold header, a
    /// blank row between), e.g. an About sheet. No freezing or filters.
    pub fn add_stacked(&mut self, title: &Msg, parts: &[&Table]) -> Result<String> {
        let sheet = self.reserve_sheet(title)?;
        self.fill_stacked(&sheet, parts)?;
        Ok(sheet.name)
    }

    /// Add an empty sheet now (so it comes first) and fill it later with [`Self::fill_stacked`],
    /// e.g. a summary of the sheets that follow it.
    pub fn reserve_sheet(&mut self, title: &Msg) -> Result<ReservedSheet> {
        let name = self.unique_sheet_name(title.get(self.lang));
        let ws = self.workbook.add_worksheet();
        ws.set_name(&name).map_err(xlsx_error)?;
        Ok(ReservedSheet {
            index: self.workbook.worksheets().len() - 1,
            name,
        })
    }

    /// Write stacked tables into a reserved sheet.
    pub fn fill_stacked(&mut self, sheet: &ReservedSheet, parts: &[&Table]) -> Result<()> {
        let (lang, tz) = (self.lang, self.tz);
        let formats = &self.formats;
        let ws = self
            .workbook
            .worksheet_from_index(sheet.index)
            .map_err(xlsx_error)?;
        let mut row = 0u32;
        for part in parts {
            write_header(ws, &part.columns, lang, formats, row)?;
            row += 1;
            for cells in &part.rows {
                write_row(ws, row, cells, lang, tz, formats)?;
                row += 1;
            }
            row += 1;
        }
        let mut widths: Vec<f64> = Vec::new();
        for part in parts {
            for (c, w) in column_widths(&part.columns, &part.rows, lang, 0.0)
                .into_iter()
                .enumerate()
            {
                match widths.get_mut(c) {
                    Some(old) => *old = old.max(w),
                    None => widths.push(w),
                }
            }
        }
        apply_widths(ws, &widths)?;
        set_print_layout(ws, &widths, false)
    }

    /// The finished xlsx file, as bytes.
    pub fn finish(mut self) -> Result<Vec<u8>> {
        self.workbook.save_to_buffer().map_err(xlsx_error)
    }

    /// Excel's sheet-name rules: ≤ 31 characters, none of `[]:*?/\`, not starting or ending
    /// with an apostrophe, unique ignoring case.
    fn unique_sheet_name(&mut self, wanted: &str) -> String {
        let cleaned: String = wanted
            .chars()
            .map(|c| match c {
                '[' | ']' | ':' | '*' | '?' | '/' | '\\' => '_',
                c if c.is_control() => '_',
                c => c,
            })
            .collect();
        let mut base = cleaned.trim_matches('\'').trim().to_string();
        if base.is_empty() {
            base = "Sheet".into();
        }
        if base.eq_ignore_ascii_case("history") {
            base.push('_');
        }
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let keep = MAX_SHEET_NAME - suffix.chars().count();
            let name: String = base.chars().take(keep).collect::<String>() + &suffix;
            if self.sheet_names.insert(name.to_lowercase()) {
                return name;
            }
            n += 1;
        }
    }
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border_bottom(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

/// Printing: gridlines (numbers and text sit close), the header row on every page, page
/// numbers; narrow sheets portrait, wide ones landscape and shrunk to one page wide unless that
/// would make the text unreadable.
fn set_print_layout(ws: &mut Worksheet, widths: &[f64], repeat_header: bool) -> Result<()> {
    let total: f64 = widths.iter().sum();
    ws.set_print_gridlines(true).set_footer("&P / &N");
    if total > PORTRAIT_MAX_WIDTH {
        ws.set_landscape();
    }
    if total <= FIT_MAX_WIDTH {
        ws.set_print_fit_to_pages(1, 0);
    }
    if repeat_header {
        ws.set_repeat_rows(0, 0).map_err(xlsx_error)?;
    }
    Ok(())
}

fn xlsx_error(e: XlsxError) -> Error {
    Error::Internal(format!("xlsx: {e}"))
}

fn write_header(
    ws: &mut Worksheet,
    columns: &[Column],
    lang: Lang,
    f: &Formats,
    row: u32,
) -> Result<()> {
    for (c, col) in columns.iter().enumerate() {
        let format = match col.kind {
            ColumnKind::Integer | ColumnKind::MoneyFen => &f.header_number,
            _ => &f.header,
        };
        ws.write_string_with_format(row, c as u16, col.header(lang), format)
            .map_err(xlsx_error)?;
    }
    Ok(())
}

fn write_row(
    ws: &mut Worksheet,
    row: u32,
    cells: &[Cell],
    lang: Lang,
    tz: Tz,
    f: &Formats,
) -> Result<()> {
    for (c, cell) in cells.iter().enumerate() {
        let col = c as u16;
        match cell {
            Cell::Empty => {}
            Cell::Text(s) => {
                ws.write_string(row, col, cell_text(s))
                    .map_err(xlsx_error)?;
            }
            Cell::Integer(n) => {
                ws.write_number(row, col, *n as f64).map_err(xlsx_error)?;
            }
            Cell::MoneyFen(fen) => {
                // Display only: the neutral table keeps exact integer fen.
                ws.write_number_with_format(row, col, *fen as f64 / 100.0, &f.money)
                    .map_err(xlsx_error)?;
            }
            Cell::Permille(p) => {
                ws.write_number_with_format(row, col, *p as f64 / 1000.0, &f.permille)
                    .map_err(xlsx_error)?;
            }
            Cell::Tenths(v) => {
                ws.write_number_with_format(row, col, *v as f64 / 10.0, &f.tenths)
                    .map_err(xlsx_error)?;
            }
            Cell::DateTime(t) => match excel_datetime(t.with_timezone(&tz).naive_local()) {
                Some(dt) => {
                    ws.write_datetime_with_format(row, col, &dt, &f.datetime)
                        .map_err(xlsx_error)?;
                }
                None => {
                    ws.write_string(row, col, t.to_rfc3339())
                        .map_err(xlsx_error)?;
                }
            },
            Cell::Date(d) => match excel_date(*d) {
                Some(dt) => {
                    ws.write_datetime_with_format(row, col, &dt, &f.date)
                        .map_err(xlsx_error)?;
                }
                None => {
                    ws.write_string(row, col, d.to_string())
                        .map_err(xlsx_error)?;
                }
            },
            Cell::Bool(b) => {
                ws.write_string(row, col, yes_no(*b, lang))
                    .map_err(xlsx_error)?;
            }
        }
    }
    Ok(())
}

fn cell_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL_CHARS || s.chars().count() <= MAX_CELL_CHARS {
        s.into()
    } else {
        let cut: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
        (cut + "…").into()
    }
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::ZhCn) => "是",
        (false, Lang::ZhCn) => "否",
        (true, Lang::En) => "Yes",
        (false, Lang::En) => "No",
    }
}

/// Excel dates run from 1900 to 9999; anything else stays text.
fn excel_date(d: NaiveDate) -> Option<ExcelDateTime> {
    let year = u16::try_from(d.year())
        .ok()
        .filter(|y| (1900..=9999).contains(y))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8).ok()
}

fn excel_datetime(t: NaiveDateTime) -> Option<ExcelDateTime> {
    let secs = t.second() as f64 + f64::from(t.nanosecond() / 1_000_000) / 1000.0;
    excel_date(t.date())?
        .and_hms(t.hour() as u16, t.minute() as u8, secs)
        .ok()
}

/// Display width of text: CJK and other wide characters take two columns.
pub fn text_width(s: &str) -> usize {
    s.chars()
        .take_while(|c| *c != '\n')
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

fn cell_width(cell: &Cell, lang: Lang) -> usize {
    match cell {
        Cell::Empty => 0,
        Cell::Text(s) => text_width(s),
        Cell::Integer(n) => n.to_string().len(),
        Cell::MoneyFen(fen) => {
            // "¥" + digits with thousands separators + ".00"
            let digits = (fen.unsigned_abs() / 100).to_string().len();
            1 + digits + (digits - 1) / 3 + 3 + usize::from(*fen < 0)
        }
        Cell::Permille(p) => format!("{:.1}%", *p as f64 / 10.0).len(),
        Cell::Tenths(v) => format!("{:.1}", *v as f64 / 10.0).len(),
        Cell::DateTime(_) => DATETIME_FORMAT.len(),
        Cell::Date(_) => DATE_FORMAT.len(),
        Cell::Bool(b) => text_width(yes_no(*b, lang)),
    }
}

/// Width of each column: its header (plus room for a filter button) or its widest cell.
fn column_widths(
    columns: &[Column],
    rows: &[Vec<Cell>],
    lang: Lang,
    header_extra: f64,
) -> Vec<f64> {
    columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            let header = text_width(col.header(lang)) as f64 + header_extra;
            let content = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| cell_width(cell, lang))
                .max()
                .unwrap_or(0) as f64;
            (header.max(content) + 1.0).clamp(MIN_WIDTH, MAX_WIDTH)
        })
        .collect()
}

fn apply_widths(ws: &mut Worksheet, widths: &[f64]) -> Result<()> {
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w).map_err(xlsx_error)?;
    }
    Ok(())
}

/// Render tables to one workbook (one sheet each, continued past Excel's row limit).
pub fn to_buffer(
    tables: &[Table],
    lang: Lang,
    tz: Tz,
    title: &str,
    at: DateTime<Utc>,
) -> Result<Vec<u8>> {
    let mut book = XlsxBook::new(lang, tz, title, at);
    for t in tables {
        book.add_table(t)?;
    }
    book.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book() -> XlsxBook {
        XlsxBook::new(
            Lang::ZhCn,
            chrono_tz::Asia::Shanghai,
            "t",
            DateTime::default(),
        )
    }

    #[test]
    fn sheet_names_follow_excels_rules_and_never_collide() {
        let mut b = book();
        assert_eq!(b.unique_sheet_name("a/b:c[d]"), "a_b_c_d_");
        assert_eq!(b.unique_sheet_name("'quoted'"), "quoted");
        assert_eq!(b.unique_sheet_name("History"), "History_");
        let long = "x".repeat(40);
        assert_eq!(b.unique_sheet_name(&long).chars().count(), 31);
        let again = b.unique_sheet_name(&long);
        assert!(
            again.ends_with(" (2)") && again.chars().count() == 31,
            "{again}"
        );
        assert_eq!(b.unique_sheet_name("客户"), "客户");
        assert_eq!(b.unique_sheet_name("客户"), "客户 (2)");
    }

    #[test]
    fn cjk_characters_count_double_for_column_widths() {
        assert_eq!(text_width("abc"), 3);
        assert_eq!(text_width("客户电话"), 8);
        assert_eq!(text_width("Ａ，。"), 6);
        assert_eq!(
            text_width("第一行\n第二行很长很长"),
            6,
            "only the first line shows"
        );
    }

    #[test]
    fn an_empty_table_still_gets_its_header_sheet() {
        let mut b = book();
        let t = Table::new(
            Msg::new("空", "Empty"),
            vec![Column::new("a", "甲", "A", ColumnKind::Text)],
        );
        assert_eq!(b.add_table(&t).expect("written"), ["空"]);
        assert!(!b.finish().expect("saved").is_empty());
    }
}
