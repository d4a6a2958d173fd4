//! What of an .xls reaches calamine, and how large its sheets may claim to be: so a small or
//! damaged file cannot make the reader allocate without bound.
//!
//! Why: calamine's own compound-file reader trusts the file's header and sector chains (a
//! sector number far past the end, a directory "length" of terabytes, a chain that loops are
//! each a huge allocation or one that never ends — the fuzzer found the first within 200 cases),
//! and it reads every sheet when it opens the workbook, reserving the area a sheet's DIMENSIONS
//! record states and allocating the rectangle from its first to its last cell, empty cells
//! included (two cells at opposite corners: 65,536 × 65,536 cells, about 137 GB). So the file is
//! opened with the `cfb` crate, which checks all of that, its workbook stream is copied (never
//! more bytes than the file has) into a fresh, plain compound file that is what calamine reads,
//! and the stream is walked the way calamine walks it (each sheet from the offset its BOUNDSHEET
//! record gives, record by record to EOF): a sheet whose stated or used area exceeds
//! [`MAX_GRID_CELLS`] is refused with a clear message. A file `cfb` cannot open is refused as
//! unreadable.

use super::{area_allowed, too_many_cells, unreadable, MAX_GRID_CELLS};
use crate::Result;
use std::io::{Cursor, Read, Write};

/// The workbook stream of an .xls and its name, read with checks; None when there is none.
fn workbook_stream(bytes: &[u8]) -> Option<(&'static str, Vec<u8>)> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).ok()?;
    for name in ["/Workbook", "/Book"] {
        if let Ok(s) = file.open_stream(name) {
            let mut stream = Vec::new();
            // A stream is made of the file's own sectors: never longer than the file.
            s.take(bytes.len() as u64).read_to_end(&mut stream).ok()?;
            return Some((name, stream));
        }
    }
    None
}

/// The file calamine may read: the workbook stream alone in a fresh compound file, once its
/// sheets' areas are checked.
pub(super) fn sanitized(bytes: &[u8]) -> Result<Vec<u8>> {
    let Some((name, stream)) = workbook_stream(bytes) else {
        return Err(unreadable("not an Excel 97-2003 workbook".into()));
    };
    if let Some(cells) = refused_area(&stream) {
        return Err(too_many_cells(cells));
    }
    let write = || -> std::io::Result<Vec<u8>> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new()))?;
        file.create_stream(name)?.write_all(&stream)?;
        file.flush()?;
        Ok(file.into_inner().into_inner())
    };
    write().map_err(|e| unreadable(e.to_string()))
}

/// The first area of a sheet too large to read: one a DIMENSIONS record states (calamine
/// reserves it) over [`MAX_GRID_CELLS`], or a used rectangle that [`area_allowed`] refuses.
fn refused_area(stream: &[u8]) -> Option<u64> {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream, 0) {
        match typ {
            0x0085 if data.len() >= 4 => {
                sheets.push(u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize)
            }
            0x000A => break,
            _ => {}
        }
    }
    for at in sheets {
        let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0u32, u32::MAX, 0u32);
        let mut filled = 0u64;
        let mut cell = |r: u32, c: u32| {
            filled += 1;
            (r0, r1, c0, c1) = (r0.min(r), r1.max(r), c0.min(c), c1.max(c));
        };
        for (typ, data) in records(stream, at) {
            let u16_at = |i: usize| {
                data.get(i..i + 2)
                    .map(|b| u16::from_le_bytes([b[0], b[1]]) as u32)
            };
            let u32_at = |i: usize| {
                data.get(i..i + 4)
                    .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            };
            match typ {
                0x000A => break,
                // DIMENSIONS: calamine reserves the area it states.
                0x0200 => {
                    let (rf, rl, cf, cl) = if data.len() == 14 {
                        (u32_at(0), u32_at(4), u16_at(8), u16_at(10))
                    } else {
                        (u16_at(0), u16_at(2), u16_at(4), u16_at(6))
                    };
                    if let (Some(rf), Some(rl), Some(cf), Some(cl)) = (rf, rl, cf, cl) {
                        let stated = stated_area(rf, rl, cf, cl);
                        if stated > MAX_GRID_CELLS {
                            return Some(stated);
                        }
                    }
                }
                // Cells: NUMBER, LABEL, BOOLERR, RK, LABELSST, FORMULA, RSTRING, BLANK.
                0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 | 0x00D6 | 0x0201 => {
                    if let (Some(r), Some(c)) = (u16_at(0), u16_at(2)) {
                        cell(r, c);
                    }
                }
                // MULRK / MULBLANK: a row, a first column, …, the last column.
                0x00BD | 0x00BE if data.len() >= 6 => {
                    if let (Some(r), Some(c), Some(last)) =
                        (u16_at(0), u16_at(2), u16_at(data.len() - 2))
                    {
                        cell(r, c);
                        cell(r, last);
                    }
                }
                _ => {}
            }
        }
        if r0 <= r1 {
            let area = ((r1 - r0) as u64 + 1).saturating_mul((c1 - c0) as u64 + 1);
            if !area_allowed(area, filled) {
                return Some(area);
            }
        }
    }
    None
}

/// The area calamine 0.30 reserves for a DIMENSIONS record, computed as it does (its u32
/// arithmetic wraps in a release build: a last row before the first is ~4 billion rows).
fn stated_area(rf: u32, rl: u32, cf: u32, cl: u32) -> u64 {
    let cf = if 0xFF < cf || cl < cf { 0 } else { cf };
    let (start, end) = if 1 <= rl && 1 <= cl {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = end.0.wrapping_sub(start.0).wrapping_add(1) as u64;
    let cols = end.1.wrapping_sub(start.1).wrapping_add(1) as u64;
    rows.saturating_mul(cols)
}

/// BIFF records from `at`: (type, data), until the stream ends or a record runs past it.
fn records(stream: &[u8], at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut pos = at;
    std::iter::from_fn(move || {
        let head = stream.get(pos..pos + 4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = u16::from_le_bytes([head[2], head[3]]) as usize;
        let data = stream.get(pos + 4..pos + 4 + len)?;
        pos += 4 + len;
        Some((typ, data))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compound(workbook: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut f = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        f.create_stream("/Workbook")
            .unwrap()
            .write_all(workbook)
            .unwrap();
        f.flush().unwrap();
        f.into_inner().into_inner()
    }

    fn rec(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
        out.extend_from_slice(&typ.to_le_bytes());
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
    }

    /// One sheet with two NUMBER cells at `a` and `b`.
    fn workbook(a: (u16, u16), b: (u16, u16)) -> Vec<u8> {
        let bof = |dt: u16| [&0x0600u16.to_le_bytes()[..], &dt.to_le_bytes(), &[0; 12]].concat();
        let mut w = Vec::new();
        rec(&mut w, 0x0809, &bof(5));
        let sheet_pos = w.len() + 4;
        rec(&mut w, 0x0085, &[0, 0, 0, 0, 0, 0, 1, 0, b'S']);
        rec(&mut w, 0x000A, &[]);
        let at = w.len() as u32;
        w[sheet_pos..sheet_pos + 4].copy_from_slice(&at.to_le_bytes());
        rec(&mut w, 0x0809, &bof(0x10));
        for (r, c) in [a, b] {
            let data = [
                &r.to_le_bytes()[..],
                &c.to_le_bytes(),
                &[0, 0],
                &1.5f64.to_le_bytes(),
            ];
            rec(&mut w, 0x0203, &data.concat());
        }
        rec(&mut w, 0x000A, &[]);
        compound(&w)
    }

    #[test]
    fn two_cells_at_opposite_corners_are_refused_before_calamine_allocates_them() {
        let bytes = workbook((0, 0), (65_535, 65_535));
        assert_eq!(
            refused_area(&workbook_stream(&bytes).unwrap().1),
            Some(65_536 * 65_536)
        );
        let err = crate::import::read::load_bytes(bytes)
            .err()
            .expect("refused");
        let msg = err.message(crate::i18n::Lang::En);
        assert!(msg.contains("data area is too large"), "{msg}");
    }

    #[test]
    fn a_stated_area_is_computed_as_calamine_computes_it() {
        assert_eq!(stated_area(0, 10, 0, 3), 30);
        assert_eq!(
            stated_area(5, 2, 0, 3),
            (u32::MAX as u64 - 2) * 3,
            "last row before the first"
        );
        assert_eq!(stated_area(0, 0, 0, 0), 1);
    }

    #[test]
    fn a_damaged_compound_file_is_unreadable_not_a_huge_allocation() {
        let mut bytes = workbook((0, 0), (0, 1));
        // The directory's first sector, far past the end of the file.
        bytes[48..52].copy_from_slice(&0x0FFF_FFF0u32.to_le_bytes());
        let err = crate::import::read::load_bytes(bytes)
            .err()
            .expect("refused");
        let msg = err.message(crate::i18n::Lang::En);
        assert!(msg.contains("Cannot read this Excel file"), "{msg}");
    }

    #[test]
    fn an_ordinary_sheet_is_read() {
        let bytes = workbook((0, 0), (0, 1));
        assert_eq!(refused_area(&workbook_stream(&bytes).unwrap().1), None);
        let loaded = crate::import::read::load_bytes(bytes).unwrap();
        assert_eq!(loaded.headers, ["1.5", "1.5"]);
    }
}
