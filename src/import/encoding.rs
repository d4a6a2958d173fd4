//! What kind of file this is and, for CSV, which text encoding it uses.
//!
//! Chinese Excel saves CSV as GBK by default, marketplaces export UTF-8 (often with a BOM), and
//! nobody labels which. The rule: a BOM wins; bytes that are valid UTF-8 are UTF-8; otherwise
//! GB18030 (a superset of GBK, so GBK files decode exactly). Files that are neither a workbook nor
//! text (NUL bytes, undecodable garbage) get a clear "not a spreadsheet" error.

use crate::{Error, Result};
use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};
use serde::Serialize;

/// The formats the import reads.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum FileFormat {
    Csv,
    Xlsx,
    Xls,
}

/// The text encoding a CSV was read in.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Gb18030,
}

impl TextEncoding {
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Gb18030 => "GBK/GB18030",
        }
    }
}

pub(crate) fn not_a_spreadsheet() -> Error {
    Error::invalid(
        "这个文件不是表格（支持 xlsx、xls 和 csv），请在 Excel 或 WPS 里另存为 xlsx 或 csv 后再导入。",
        "This file is not a spreadsheet (xlsx, xls or csv are supported). Save it as xlsx or csv in Excel or WPS and import that.",
    )
}

/// Recognise the container from the first bytes, not the file name.
pub fn sniff(bytes: &[u8]) -> Result<FileFormat> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(FileFormat::Xlsx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Ok(FileFormat::Xls);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Ok(FileFormat::Csv);
    }
    // Text never holds NUL; images, PDFs, zips of other kinds do.
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) || looks_binary(head) {
        return Err(not_a_spreadsheet());
    }
    Ok(FileFormat::Csv)
}

fn looks_binary(head: &[u8]) -> bool {
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 100 > head.len().max(1)
}

/// Decode CSV bytes to text. Takes the buffer so valid UTF-8 is not copied.
pub fn decode(bytes: Vec<u8>) -> Result<(String, TextEncoding)> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = String::from_utf8(rest.to_vec()).map_err(|_| not_a_spreadsheet())?;
        return Ok((text, TextEncoding::Utf8Bom));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let enc = if bytes[0] == 0xFF { UTF_16LE } else { UTF_16BE };
        let (text, had_errors) = enc.decode_with_bom_removal(&bytes[2..]);
        if had_errors {
            return Err(not_a_spreadsheet());
        }
        return Ok((text.into_owned(), TextEncoding::Utf16));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, TextEncoding::Utf8)),
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, had_errors) = GB18030.decode_without_bom_handling(&bytes);
            if had_errors {
                return Err(not_a_spreadsheet());
            }
            Ok((text.into_owned(), TextEncoding::Gb18030))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_utf8_and_bom_files_all_read_as_the_same_text() {
        let text = "订单编号,买家会员名\n1,小王\n";
        let (gbk, _, _) = GB18030.encode(text);
        assert_eq!(
            decode(gbk.into_owned()).unwrap(),
            (text.to_string(), TextEncoding::Gb18030)
        );
        assert_eq!(
            decode(text.as_bytes().to_vec()).unwrap(),
            (text.to_string(), TextEncoding::Utf8)
        );
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(
            decode(bom).unwrap(),
            (text.to_string(), TextEncoding::Utf8Bom)
        );
    }

    #[test]
    fn binary_files_are_not_spreadsheets_but_workbooks_are_recognised() {
        assert!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0IHDR").is_err());
        assert_eq!(sniff(b"PK\x03\x04rest").unwrap(), FileFormat::Xlsx);
        assert_eq!(sniff("姓名,手机\n".as_bytes()).unwrap(), FileFormat::Csv);
    }
}
