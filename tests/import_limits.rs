//! The import's size limits, each a clear error: a file over `read::MAX_FILE_BYTES` is refused
//! before it is read; a 50 MB export whose cells hold 10 MB each imports its ordinary rows and
//! rejects the others by row and column ("the cell is too long"), as CSV and as .xlsx (where a
//! cell that long can only be made by hand); a 50 MB file that is not a spreadsheet is named as
//! such; a small .xlsx that unpacks past the limit and a damaged one that makes calamine panic
//! are refused with the "cannot read" error instead of exhausting memory or crashing.

mod common;

use common::*;
use laoke::{
    i18n::Lang,
    import::{self, read, ImportReport, ImportRequest},
    store::Store,
};
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::sync::atomic::AtomicBool;

const MB: usize = 1024 * 1024;
const HEADER: &str = "订单编号,买家会员名,买家实际支付金额,订单状态,买家留言,收货人姓名,收货地址,联系手机,订单创建时间,宝贝标题";

fn row(no: u32, note: &str, address: &str) -> String {
    format!(
        "T{no},小王,99.00,交易成功,{note},王芳,{address},13800138000,2026-01-05 14:02:11,龙井茶"
    )
}

fn dry_run(store: &Store, s: &laoke::auth::Session, path: &Path) -> laoke::Result<ImportReport> {
    let req = ImportRequest {
        path: path.to_path_buf(),
        preset: None,
        mapping: None,
    };
    import::run(store, s, &req, true, &mut |_| {}, &AtomicBool::new(false))
}

fn en(e: &laoke::Error) -> String {
    e.message(Lang::En)
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.csv");
    // Sparse: the size is real to the file system, no disk or memory is used.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(read::MAX_FILE_BYTES + 1).unwrap();
    let started = std::time::Instant::now();
    let err = read::load(&path).err().expect("refused");
    assert!(en(&err).contains("too large"), "{}", en(&err));
    assert!(
        en(&err).contains("Split it"),
        "says what to do: {}",
        en(&err)
    );
    assert!(err.message(Lang::ZhCn).contains("文件太大"));
    assert!(started.elapsed().as_secs() < 5, "not read first");
}

#[test]
fn a_50_mb_export_with_10_mb_cells_rejects_those_rows_by_row_and_column() {
    let (_tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let ten_mb = "长".repeat(10 * MB / 3 + 1); // 10 MB of UTF-8, 3.5 million characters
    let chars = ten_mb.chars().count();
    let mut lines = vec![HEADER.to_string(), row(1, "", "杭州")];
    for no in 2..=5 {
        let (note, address) = if no % 2 == 0 {
            (&ten_mb[..], "杭州")
        } else {
            ("", &ten_mb[..])
        };
        lines.push(row(no, note, address));
    }
    lines.push(row(6, "请尽快发货", "杭州"));
    let text = lines.join("\n") + "\n";
    assert!(
        text.len() >= 40 * MB && text.len() <= 60 * MB,
        "{} bytes",
        text.len()
    );
    let path = dir.join("big.csv");
    std::fs::write(&path, text).unwrap();

    let report = dry_run(&store, &s, &path).expect("the file is read");
    assert_eq!(report.rows, 6);
    assert_eq!(report.created, 2, "the ordinary rows import");
    assert_eq!(report.rejected, 4);
    let rows: Vec<(u64, Option<String>, String)> = report
        .problems()
        .map(|p| (p.row, p.column.clone(), p.message_en.clone()))
        .collect();
    for (r, column) in [
        (3, "买家留言"),
        (4, "收货地址"),
        (5, "买家留言"),
        (6, "收货地址"),
    ] {
        let (_, col, msg) = rows
            .iter()
            .find(|(n, c, _)| *n == r && c.as_deref() == Some(column))
            .unwrap_or_else(|| panic!("row {r} {column}: {rows:?}"));
        assert_eq!(col.as_deref(), Some(column));
        assert!(
            msg.contains(&format!(
                "The cell is too long ({chars} characters, at most 32767)"
            )),
            "{msg}"
        );
    }
}

/// An .xlsx with one of its parts rewritten: what Excel cannot save, a hostile file can hold.
fn xlsx_with(edit: impl Fn(&str, String) -> String) -> Vec<u8> {
    xlsx_padded(edit, "", 0)
}

/// The same, with `pad` spaces appended to the part named `padded` (written a MiB at a time).
fn xlsx_padded(edit: impl Fn(&str, String) -> String, padded: &str, pad: u64) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in HEADER.split(',').enumerate() {
        ws.write(0, c as u16, h).unwrap();
    }
    for (r, line) in [row(1, "PLACEHOLDER", "杭州"), row(2, "", "杭州")]
        .iter()
        .enumerate()
    {
        for (c, v) in line.split(',').enumerate() {
            ws.write(r as u32 + 1, c as u16, v).unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let spaces = vec![b' '; MB];
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(edit(&name, text).as_bytes()).unwrap();
        if name.ends_with(padded) && !padded.is_empty() {
            let mut left = pad;
            while left > 0 {
                let n = left.min(MB as u64);
                out.write_all(&spaces[..n as usize]).unwrap();
                left -= n;
            }
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_10_mb_cell_in_an_xlsx_is_a_clear_error_too() {
    let (_tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let ten_mb = "a".repeat(10 * MB);
    let bytes = xlsx_with(|name, text| {
        if name.ends_with("sharedStrings.xml") {
            text.replace("PLACEHOLDER", &ten_mb)
        } else {
            text
        }
    });
    let path = dir.join("big.xlsx");
    std::fs::write(&path, bytes).unwrap();
    let report = dry_run(&store, &s, &path).expect("the file is read");
    assert_eq!((report.created, report.rejected), (1, 1));
    let p = report.problems().next().unwrap();
    assert_eq!((p.row, p.column.as_deref()), (2, Some("买家留言")));
    assert!(
        p.message_en
            .contains("The cell is too long (10485760 characters"),
        "{}",
        p.message_en
    );
}

#[test]
fn a_50_mb_file_that_is_no_spreadsheet_is_named_as_such() {
    let (_tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let mut noise = vec![0u8; 50 * MB];
    for (i, b) in noise.iter_mut().enumerate() {
        *b = (i.wrapping_mul(2_654_435_761) >> 13) as u8;
    }
    let path = dir.join("photo.jpg.csv");
    std::fs::write(&path, noise).unwrap();
    let err = dry_run(&store, &s, &path).expect_err("refused");
    assert!(en(&err).contains("not a spreadsheet"), "{}", en(&err));
}

#[test]
fn a_small_xlsx_that_unpacks_past_the_limit_is_refused_by_what_it_unpacks_to() {
    // Shared strings are held in memory whole: 1 GiB + 1 byte of them is too many.
    let bytes = xlsx_padded(
        |_, text| text,
        "sharedStrings.xml",
        read::MAX_SHARED_STRINGS_BYTES + 1,
    );
    assert!(
        bytes.len() < 5 * MB,
        "deflate packs it small: {} bytes",
        bytes.len()
    );
    let err = read::load_bytes(bytes).err().expect("refused");
    assert!(
        en(&err).contains("unpacks to more than 1024 MB"),
        "{}",
        en(&err)
    );
}

#[test]
fn a_damaged_xlsx_that_makes_the_reader_panic_is_a_clear_error() {
    // A shared-string index past the table: calamine 0.30 indexes its table with it and panics.
    let bytes = xlsx_with(|name, text| {
        if name.contains("worksheets/sheet1.xml") {
            text.replacen("<v>1</v>", "<v>4294967295</v>", 1)
        } else {
            text
        }
    });
    let result = read::load_bytes(bytes).and_then(|l| l.for_each_row(&mut |_, _, _| Ok(true)));
    let err = result.expect_err("refused");
    assert!(
        en(&err).contains("Cannot read this Excel file"),
        "{}",
        en(&err)
    );
    assert!(en(&err).contains(read::READER_STOPPED), "{}", en(&err));
}
