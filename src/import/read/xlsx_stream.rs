//! An .xlsx read row by row while it is imported, instead of all at once before.
//!
//! Why: parsing a workbook is about a quarter of a 100k-row xlsx import (the zipped XML of every
//! cell). Read up front, the writer waits for all of it; streamed, the import's reader thread
//! parses rows while the writer stores the ones before (`commit.rs`), so the parse costs almost
//! no wall time on a two-core laptop. Nothing is unpacked to disk: the zip is read from memory.
//!
//! The rows are exactly what the whole-sheet path ([`super::load_workbook`]'s grid) gives:
//! calamine's own `worksheet_range` is built from the same cell reader, skipping empty cells and
//! starting at the first non-empty row and column. This path is only taken when those agree
//! without reading the whole sheet — a non-empty cell in column A among the rows searched for
//! the header, and a sheet dimension that reaches past the header — otherwise the grid is used.
//! Cells to the right of both the header row and the sheet's stated dimension are not read
//! (they have no header, so no column can be mapped to them).

use super::{guarded, header_text, unreadable, Position, RowVisitor, Value, HEADER_SEARCH_ROWS};
use crate::Result;
use calamine::{DataRef, Reader, Xlsx};
use std::borrow::Cow;
use std::io::Cursor;

/// The header row found by reading the first rows only.
pub(super) struct Header {
    pub sheet: String,
    /// 0-based sheet row.
    pub index: u32,
    pub headers: Vec<String>,
    pub width: usize,
    pub rows_after: u64,
}

fn open(bytes: &[u8]) -> std::result::Result<Xlsx<Cursor<&[u8]>>, calamine::XlsxError> {
    Xlsx::new(Cursor::new(bytes))
}

fn value<'a>(d: DataRef<'a>) -> Value<'a> {
    match d {
        DataRef::Empty => Value::Empty,
        DataRef::SharedString(s) => Value::Text(Cow::Borrowed(s)),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
            Value::Text(Cow::Owned(s))
        }
        DataRef::Int(i) => Value::Number(i as f64),
        DataRef::Float(f) => Value::Number(f),
        DataRef::Bool(b) => Value::Text(Cow::Borrowed(if b { "TRUE" } else { "FALSE" })),
        DataRef::DateTime(dt) => Value::Date(dt.as_f64()),
        DataRef::Error(e) => Value::Text(Cow::Owned(format!("#{e:?}"))),
    }
}

/// The header of the first sheet, or None when the whole-sheet path must be used (see the
/// module doc) or the workbook cannot be read this way (the grid path then reports why).
pub(super) fn header(bytes: &[u8]) -> Option<Header> {
    let mut book = open(bytes).ok()?;
    let sheet = book.sheet_names().first()?.clone();
    let mut cells = book.worksheet_cells_reader(&sheet).ok()?;
    let dims = cells.dimensions();
    let mut first_row: Option<u32> = None;
    let mut column_a = false;
    let mut row: Vec<(u32, Value<'_>)> = Vec::new();
    let mut row_index: Option<u32> = None;
    let found = loop {
        let next = cells.next_cell().ok()?;
        let (pos, val) = match next {
            Some(c) => {
                let pos = c.get_position();
                (Some(pos), c.get_value().clone())
            }
            None => (None, DataRef::Empty),
        };
        if matches!(val, DataRef::Empty) && pos.is_some() {
            continue;
        }
        // A row is complete when the next non-empty cell is in a later row (or the sheet ends).
        if row_index.is_some() && pos.map(|p| p.0) != row_index {
            let filled = row.iter().filter(|(_, v)| !v.is_empty()).count();
            if filled >= 2 {
                break Some((row_index?, std::mem::take(&mut row)));
            }
            row.clear();
        }
        let (r, c) = pos?;
        let start = *first_row.get_or_insert(r);
        if r >= start.saturating_add(HEADER_SEARCH_ROWS as u32) {
            break None;
        }
        column_a |= c == 0;
        row_index = Some(r);
        row.push((c, value(val)));
    };
    let (index, header_cells) = found?;
    if !column_a || dims.end.0 <= index {
        return None;
    }
    let header_width = header_cells.iter().map(|(c, _)| *c as usize + 1).max()?;
    let width = header_width.max(dims.end.1 as usize + 1);
    let mut headers = vec![String::new(); width];
    for (c, v) in &header_cells {
        headers[*c as usize] = header_text(v);
    }
    Some(Header {
        sheet,
        index,
        headers,
        width,
        rows_after: (dims.end.0 - index) as u64,
    })
}

/// Call `f` for every non-empty data row after the header, numbered as in Excel.
pub(super) fn rows(
    bytes: &[u8],
    sheet: &str,
    header_index: u32,
    width: usize,
    total: u64,
    f: &mut RowVisitor<'_>,
) -> Result<()> {
    let mut book = guarded(|| open(bytes).map_err(|e| unreadable(e.to_string())))?;
    let mut cells = guarded(|| {
        book.worksheet_cells_reader(sheet)
            .map_err(|e| unreadable(e.to_string()))
    })?;
    let mut row: Vec<Value<'_>> = vec![Value::Empty; width];
    let mut current: Option<u32> = None;
    let mut emit = |r: u32, row: &mut Vec<Value<'_>>| -> Result<bool> {
        let keep_going = if row.iter().all(Value::is_empty) {
            true
        } else {
            let pos = Position {
                // The sheet's dimension may understate it: never past the end.
                done: ((r - header_index) as u64).min(total),
                total,
            };
            f(r as u64 + 1, row, pos)?
        };
        row.iter_mut().for_each(|v| *v = Value::Empty);
        Ok(keep_going)
    };
    // Every step of calamine's reader is guarded (see `guarded`); `f` is called outside.
    while let Some(cell) = guarded(|| cells.next_cell().map_err(|e| unreadable(e.to_string())))? {
        let (r, c) = cell.get_position();
        if r <= header_index || c as usize >= width {
            continue;
        }
        if current.is_some_and(|cur| cur != r) && !emit(current.unwrap_or(r), &mut row)? {
            return Ok(());
        }
        current = Some(r);
        row[c as usize] = value(cell.get_value().clone());
    }
    if let Some(r) = current {
        emit(r, &mut row)?;
    }
    Ok(())
}

/// How many cells the whole-sheet path would hold for the first sheet: the rectangle from the
/// first to the last non-empty cell, as calamine's `worksheet_range` allocates it (empty cells
/// included), and how many of them are filled. None when the sheet cannot be read this way
/// (the grid path then reports why).
pub(super) fn used_area(bytes: &[u8]) -> Option<(u64, u64)> {
    let mut book = open(bytes).ok()?;
    let sheet = book.sheet_names().first()?.clone();
    let mut cells = book.worksheet_cells_reader(&sheet).ok()?;
    let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0u32, u32::MAX, 0u32);
    let mut filled = 0u64;
    while let Some(cell) = cells.next_cell().ok()? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        filled += 1;
        let (r, c) = cell.get_position();
        (r0, r1, c0, c1) = (r0.min(r), r1.max(r), c0.min(c), c1.max(c));
    }
    if r0 > r1 {
        return Some((0, 0));
    }
    let rows = (r1 - r0) as u64 + 1;
    Some((rows.saturating_mul((c1 - c0) as u64 + 1), filled))
}
