//! How far an .xlsx may unpack: checked before calamine reads it, so a small file cannot make
//! the import use memory without bound.
//!
//! Why: an .xlsx is a zip. calamine keeps the shared strings in memory and reads each cell's text
//! whole, and deflate packs up to ~1,000 bytes into one, so a 1 MB "zip bomb" can unpack to a
//! gigabyte; the sizes a zip states for its entries are not to be trusted (nothing checks them
//! before the data is unpacked). So the entries are unpacked once here into nothing, counting the
//! bytes, and a workbook that unpacks to more than [`MAX_UNPACKED_BYTES`] in all (or
//! [`MAX_SHARED_STRINGS_BYTES`] of shared strings, which are held in memory) is refused with a
//! clear message. The cost is one extra inflate of the file (about a tenth of a second for a
//! 100k-row export); nothing is written anywhere. Zips inside the zip are never opened: calamine
//! reads only the workbook's own XML parts.

use crate::{Error, Result};
use std::io::{Cursor, Read};

/// All entries of a workbook together, unpacked (a full 1,048,576-row sheet of an export is
/// about 1.5 GB of XML).
pub const MAX_UNPACKED_BYTES: u64 = 4 * 1024 * 1024 * 1024;
/// The shared strings part, which calamine holds in memory whole.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 1024 * 1024 * 1024;

/// Refuse an .xlsx that unpacks to more than the limits. A zip that cannot be read is left to
/// calamine, which says what is wrong with it.
pub(super) fn check(bytes: &[u8]) -> Result<()> {
    check_with(bytes, MAX_UNPACKED_BYTES, MAX_SHARED_STRINGS_BYTES)
}

pub(super) fn check_with(bytes: &[u8], max_total: u64, max_shared: u64) -> Result<()> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(entry) = zip.by_index(i) else {
            continue;
        };
        let shared = entry
            .name()
            .to_ascii_lowercase()
            .ends_with("sharedstrings.xml");
        let left = max_total.saturating_sub(total);
        let cap = if shared { left.min(max_shared) } else { left };
        // Stated sizes may lie: count what really comes out, one byte past the cap at most.
        let n = std::io::copy(&mut entry.take(cap.saturating_add(1)), &mut std::io::sink())
            .unwrap_or(0);
        total = total.saturating_add(n);
        if n > cap {
            return Err(too_big(if shared { max_shared } else { max_total }));
        }
    }
    Ok(())
}

fn too_big(limit: u64) -> Error {
    let mb = limit / (1024 * 1024);
    Error::invalid(
        format!(
            "这个 Excel 文件解压后超过 {mb} MB，不像是正常的订单导出（可能已损坏或被恶意制作）。请在 Excel 或 WPS 里另存为 csv 后再导入。"
        ),
        format!(
            "This Excel file unpacks to more than {mb} MB, which no normal export does (it may be damaged or crafted). Save it as csv in Excel or WPS and import that."
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn a_zip_bomb_is_refused_by_what_it_really_unpacks_to() {
        let big = vec![b'a'; 3_000_000];
        let bytes = zip_of(&[("xl/worksheets/sheet1.xml", &big)]);
        assert!(bytes.len() < 100_000, "deflate packs it small");
        let err = check_with(&bytes, 2_000_000, 1_000_000).unwrap_err();
        assert!(err
            .message(crate::i18n::Lang::En)
            .contains("unpacks to more than"));
        assert!(check_with(&bytes, 4_000_000, 1_000_000).is_ok());
        let shared = zip_of(&[("xl/sharedStrings.xml", &big)]);
        assert!(check_with(&shared, 4_000_000, 1_000_000).is_err());
    }

    #[test]
    fn not_a_zip_is_left_to_the_workbook_reader() {
        assert!(check(b"PK\x03\x04 not really").is_ok());
    }
}
