//! The inputs of the import fuzzer (`bench::fuzz`): real-shaped exports made from the presets'
//! own headers, then broken the way files get broken — in every CSV encoding, as .xlsx
//! containers with their XML parts mutated, as .xls (BIFF8 in a compound file) with records
//! mutated, zips inside zips, huge cells and plain noise.
//!
//! Every case is a pure function of `(seed, case number)`, so any case the fuzzer reports can be
//! made again (`laoke bench fuzz --seed S --case N --save DIR`). The random source is `rand`'s
//! `StdRng` seeded per case (stable for the locked rand version).

use crate::import::{fields::Field, presets};
use encoding_rs::GB18030;
use rand::{rngs::StdRng, Rng, SeedableRng};
use std::io::{Cursor, Read, Write};

/// What kind of input a case is, for the counts the fuzzer prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum InputKind {
    Noise,
    Csv,
    Xlsx,
    Xls,
    NestedZip,
    HugeCell,
}

impl InputKind {
    pub fn label(self) -> &'static str {
        match self {
            InputKind::Noise => "random bytes",
            InputKind::Csv => "CSV (5 encodings)",
            InputKind::Xlsx => "xlsx, parts mutated",
            InputKind::Xls => "xls (BIFF8), mutated",
            InputKind::NestedZip => "zips in zips",
            InputKind::HugeCell => "huge cells",
        }
    }
}

/// What every case is made from: built once per run.
pub struct Corpus {
    /// Real-shaped exports as text (one per preset), header row first.
    csv: Vec<String>,
    /// The parts of a real-shaped .xlsx (name, bytes).
    xlsx: Vec<Vec<(String, Vec<u8>)>>,
    /// The same exports' rows, for .xls workbooks.
    rows: Vec<Vec<Vec<String>>>,
}

const VALUES: &[&str] = &[
    "=\"3158844912774411\"",
    "'4412",
    "tb_小美",
    "jd_8823a",
    "pdd_19xx",
    "¥199.00",
    "199.00",
    "-5",
    "1e308",
    "NaN",
    "0.1",
    "2026-11-11 20:01:02",
    "2026/11/11",
    "45607.5",
    "138****5678",
    "13812345678",
    "+86 138 1234 5678",
    "浙江省 杭州市 西湖区 文三路 1号",
    "交易成功",
    "交易关闭",
    "退款成功",
    "已发货",
    "请尽快发货\n谢谢",
    "带,逗号",
    "带\"引号\"",
    "",
    "   ",
    "男",
    "1990-02-29",
    "a@b.cn",
    "VIP,老客",
];

fn value_for(field: Field, rng: &mut StdRng) -> String {
    let pick = |rng: &mut StdRng, xs: &[&str]| xs[rng.gen_range(0..xs.len())].to_string();
    if rng.gen_ratio(1, 4) {
        return pick(rng, VALUES);
    }
    match field {
        Field::OrderNo => format!("{}", rng.gen_range(1_000_000_000u64..9_999_999_999_999_999)),
        Field::OrderedAt | Field::PaidAt | Field::Birthday => format!(
            "2026-{:02}-{:02} {:02}:{:02}:00",
            rng.gen_range(1..13),
            rng.gen_range(1..29),
            rng.gen_range(0..24),
            rng.gen_range(0..60)
        ),
        Field::GoodsAmount
        | Field::Shipping
        | Field::Discount
        | Field::Paid
        | Field::Refunded
        | Field::UnitPrice => format!("{}.{:02}", rng.gen_range(0..5000), rng.gen_range(0..100)),
        Field::Quantity => rng.gen_range(0..20).to_string(),
        Field::Mobile | Field::Phone => pick(rng, &["138****5678", "13812345678", "0571-8888888"]),
        Field::Status => pick(rng, &["交易成功", "已退款", "退款中", "待发货", "已取消"]),
        _ => pick(rng, VALUES),
    }
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

impl Corpus {
    pub fn new() -> Corpus {
        let mut rng = StdRng::seed_from_u64(2026);
        let mut csv = Vec::new();
        let mut xlsx = Vec::new();
        let mut sheets = Vec::new();
        for info in presets::list() {
            let Some(p) = presets::by_id(info.id) else {
                continue;
            };
            let mut cols: Vec<(Field, String)> = p
                .columns
                .iter()
                .map(|(f, hs)| (*f, hs[0].to_string()))
                .collect();
            if cols.is_empty() {
                cols = Field::for_kind(p.kind)
                    .iter()
                    .map(|f| (*f, f.label_zh().to_string()))
                    .collect();
            }
            for s in p.signature {
                let h = s.split('|').next().unwrap_or(s);
                if !cols.iter().any(|(_, c)| c == h) {
                    cols.push((Field::Note, h.to_string()));
                }
            }
            let mut rows = vec![cols.iter().map(|(_, h)| h.clone()).collect::<Vec<_>>()];
            for _ in 0..4 {
                rows.push(cols.iter().map(|(f, _)| value_for(*f, &mut rng)).collect());
            }
            let text: String = rows
                .iter()
                .map(|r| r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",") + "\r\n")
                .collect();
            csv.push(text);
            if xlsx.len() < 3 {
                xlsx.push(unzip(&workbook(&rows)));
            }
            sheets.push(rows);
        }
        Corpus {
            csv,
            xlsx,
            rows: sheets,
        }
    }

    /// The input of case `case` of a run seeded with `seed`.
    pub fn case(&self, seed: u64, case: u64) -> (InputKind, Vec<u8>) {
        let mut rng = StdRng::seed_from_u64(seed ^ case.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let kind = match rng.gen_range(0..100) {
            0..=9 => InputKind::Noise,
            10..=59 => InputKind::Csv,
            60..=79 => InputKind::Xlsx,
            80..=89 => InputKind::Xls,
            90..=94 => InputKind::NestedZip,
            _ => InputKind::HugeCell,
        };
        let bytes = match kind {
            InputKind::Noise => noise(&mut rng),
            InputKind::Csv => self.csv_case(&mut rng),
            InputKind::Xlsx => self.xlsx_case(&mut rng),
            InputKind::Xls => self.xls_case(&mut rng),
            InputKind::NestedZip => self.nested_zip(&mut rng),
            InputKind::HugeCell => self.huge_cell(&mut rng),
        };
        (kind, bytes)
    }

    fn csv_case(&self, rng: &mut StdRng) -> Vec<u8> {
        let mut text = self.csv[rng.gen_range(0..self.csv.len())].clone();
        if rng.gen_bool(0.5) {
            for _ in 0..rng.gen_range(1..6) {
                text = mutate_text(&text, rng);
            }
        }
        let mut bytes = encode(&text, rng);
        if rng.gen_bool(0.5) {
            mutate_bytes(&mut bytes, rng.gen_range(1..9), rng);
        }
        bytes
    }

    fn xlsx_case(&self, rng: &mut StdRng) -> Vec<u8> {
        let mut parts = self.xlsx[rng.gen_range(0..self.xlsx.len())].clone();
        for _ in 0..rng.gen_range(1..4) {
            let n = parts.len();
            let i = rng.gen_range(0..n);
            let data = &mut parts[i].1;
            match rng.gen_range(0..4) {
                0 => mutate_bytes(data, rng.gen_range(1..6), rng),
                1 => *data = structural(data, rng),
                2 => {
                    // Cells far away, odd references, rows out of order.
                    let text = String::from_utf8_lossy(data).into_owned();
                    let far = [
                        "XFD1048576",
                        "A4294967295",
                        "ZZZZ1",
                        "A0",
                        "B99999999",
                        "1A",
                        "",
                    ];
                    let to = far[rng.gen_range(0..far.len())];
                    *data = text
                        .replacen("r=\"B2\"", &format!("r=\"{to}\""), 1)
                        .into_bytes();
                }
                _ => parts.swap(i, rng.gen_range(0..n)),
            }
        }
        let mut bytes = zip(&parts, rng.gen_ratio(1, 4));
        if rng.gen_ratio(1, 5) {
            mutate_bytes(&mut bytes, rng.gen_range(1..4), rng);
        }
        bytes
    }

    fn xls_case(&self, rng: &mut StdRng) -> Vec<u8> {
        let rows = &self.rows[rng.gen_range(0..self.rows.len())];
        let mut biff = biff8(rows, rng);
        if rng.gen_bool(0.5) {
            mutate_bytes(&mut biff, rng.gen_range(1..6), rng);
        }
        let mut bytes = compound_file(&biff);
        if rng.gen_ratio(1, 5) {
            mutate_bytes(&mut bytes, rng.gen_range(1..4), rng);
        }
        bytes
    }

    fn nested_zip(&self, rng: &mut StdRng) -> Vec<u8> {
        let parts = &self.xlsx[rng.gen_range(0..self.xlsx.len())];
        let mut inner = zip(parts, true);
        for _ in 0..rng.gen_range(1..40) {
            // The zip inside takes the place of one of the workbook's parts (the sheet, the
            // shared strings, the workbook itself); now and then the other parts come along.
            let name = &parts[rng.gen_range(0..parts.len())].0;
            let mut outer = Vec::new();
            if rng.gen_ratio(1, 8) {
                outer.extend(parts.iter().filter(|(n, _)| n != name).cloned());
            }
            outer.push((name.clone(), inner));
            inner = zip(&outer, rng.gen_ratio(1, 8));
        }
        inner
    }

    fn huge_cell(&self, rng: &mut StdRng) -> Vec<u8> {
        let len = rng.gen_range(30_000..70_000);
        let unit = ["a", "长", "\"", ",", "\n"][rng.gen_range(0..5)];
        let cell = unit.repeat(len);
        let mut rows: Vec<Vec<String>> = self.csv[rng.gen_range(0..self.csv.len())]
            .lines()
            .map(|l| l.split(',').map(String::from).collect())
            .collect();
        let (r, c) = (
            rng.gen_range(0..rows.len()),
            rng.gen_range(0..rows[0].len()),
        );
        if let Some(cellref) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
            *cellref = cell;
        }
        if rng.gen_bool(0.5) {
            return workbook(&rows);
        }
        let text: String = rows
            .iter()
            .map(|r| r.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",") + "\n")
            .collect();
        encode(&text, rng)
    }
}

impl Default for Corpus {
    fn default() -> Self {
        Self::new()
    }
}

fn noise(rng: &mut StdRng) -> Vec<u8> {
    let len = rng.gen_range(0..2048);
    let mut out: Vec<u8> = (0..len).map(|_| rng.gen()).collect();
    let magic: &[&[u8]] = &[
        b"",
        b"PK\x03\x04",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
        &[0xFF, 0xFE],
        &[0xFE, 0xFF],
        &[0xEF, 0xBB, 0xBF],
    ];
    let m = magic[rng.gen_range(0..magic.len())];
    out.splice(0..0, m.iter().copied());
    out
}

/// The text in one of the encodings shops' files come in.
fn encode(text: &str, rng: &mut StdRng) -> Vec<u8> {
    match rng.gen_range(0..5) {
        0 => text.as_bytes().to_vec(),
        1 => [&[0xEF, 0xBB, 0xBF], text.as_bytes()].concat(),
        2 => GB18030.encode(text).0.into_owned(),
        // encoding_rs only decodes UTF-16 (its encoder writes UTF-8, as WHATWG says).
        3 => [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect(),
        _ => [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect(),
    }
}

const INTERESTING: &[u8] = b"\0\xff\x80\"\",\n\r\t<>=&;'\\";

/// Byte-level damage: flips, inserts, deletions, duplicated and truncated runs.
pub fn mutate_bytes(data: &mut Vec<u8>, ops: u32, rng: &mut StdRng) {
    for _ in 0..ops {
        let len = data.len();
        if len == 0 {
            data.push(rng.gen());
            continue;
        }
        let at = rng.gen_range(0..len);
        match rng.gen_range(0..7) {
            0 => data[at] ^= 1 << rng.gen_range(0..8),
            1 => data[at] = rng.gen(),
            2 => data[at] = INTERESTING[rng.gen_range(0..INTERESTING.len())],
            3 => {
                let n = rng.gen_range(1..16);
                let bytes: Vec<u8> = (0..n).map(|_| rng.gen()).collect();
                data.splice(at..at, bytes);
            }
            4 => {
                let end = (at + rng.gen_range(1..64)).min(len);
                data.drain(at..end);
            }
            5 => {
                let end = (at + rng.gen_range(1..256)).min(len);
                let chunk = data[at..end].to_vec();
                for _ in 0..rng.gen_range(1..8) {
                    data.splice(at..at, chunk.iter().copied());
                }
            }
            _ => data.truncate(at),
        }
    }
}

/// Text-level damage that keeps the file decodable: quotes, delimiters, line breaks, far
/// columns, repeated rows.
fn mutate_text(text: &str, rng: &mut StdRng) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return "\"".into();
    }
    let at = rng.gen_range(0..chars.len());
    let inserts = [
        "\"",
        ",",
        "\n",
        "\r",
        "\t",
        ";",
        "=\"",
        "\"\"",
        "\u{feff}",
        "長",
        ",,,,,,,,,,,,,,,,,,,,,,,,,,,,",
    ];
    match rng.gen_range(0..4) {
        0 => {
            let s = inserts[rng.gen_range(0..inserts.len())];
            chars.splice(at..at, s.chars());
        }
        1 => {
            let end = (at + rng.gen_range(1..32)).min(chars.len());
            chars.drain(at..end);
        }
        2 => {
            let line: Vec<char> = text
                .lines()
                .last()
                .unwrap_or("")
                .chars()
                .chain(['\n'])
                .collect();
            for _ in 0..rng.gen_range(1..50) {
                chars.extend(line.iter());
            }
        }
        _ => chars[at] = char::from_u32(rng.gen_range(0..0x3_0000)).unwrap_or('\u{fffd}'),
    }
    chars.into_iter().collect()
}

/// XML-level damage: deep nesting, repeated elements, unclosed tags, odd entities.
fn structural(data: &[u8], rng: &mut StdRng) -> Vec<u8> {
    let text = String::from_utf8_lossy(data);
    let at = text
        .char_indices()
        .map(|(i, _)| i)
        .nth(rng.gen_range(0..text.chars().count().max(1)))
        .unwrap_or(0);
    let insert = match rng.gen_range(0..5) {
        0 => "<row>".repeat(rng.gen_range(100..5000)),
        1 => "<c r=\"A1\" t=\"s\"><v>4294967295</v></c>".repeat(rng.gen_range(1..50)),
        2 => "&#x0;&amp;&lt;&#xFFFFFFFF;&bogus;".to_string(),
        3 => "<c r=\"B2\" t=\"d\"><v>99999-99-99T99:99:99</v></c><c r=\"C2\" s=\"1\"><v>1e308</v></c>".to_string(),
        _ => "<dimension ref=\"A1:XFD1048576\"/>".to_string(),
    };
    let mut out = text.into_owned();
    out.insert_str(at, &insert);
    out.into_bytes()
}

fn workbook(rows: &[Vec<String>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            let _ = match v.parse::<f64>() {
                Ok(n) if n.is_finite() && r > 0 && c % 3 == 0 => {
                    ws.write_with_format(r, c, n, &date)
                }
                Ok(n) if n.is_finite() => ws.write(r, c, n),
                _ => ws.write(r, c, v.as_str()),
            };
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        if let Ok(mut f) = zip.by_index(i) {
            let mut data = Vec::new();
            if f.read_to_end(&mut data).is_ok() {
                parts.push((f.name().to_string(), data));
            }
        }
    }
    parts
}

fn zip(parts: &[(String, Vec<u8>)], deflate: bool) -> Vec<u8> {
    use zip::{write::SimpleFileOptions, CompressionMethod};
    let method = if deflate {
        CompressionMethod::Deflated
    } else {
        CompressionMethod::Stored
    };
    let options = SimpleFileOptions::default().compression_method(method);
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        // A name used twice is refused by the writer: the part is then left out.
        if w.start_file(name.as_str(), options).is_ok() {
            let _ = w.write_all(data);
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend_from_slice(&typ.to_le_bytes());
    out.extend_from_slice(&(data.len().min(u16::MAX as usize) as u16).to_le_bytes());
    out.extend_from_slice(&data[..data.len().min(u16::MAX as usize)]);
}

/// A BIFF8 workbook stream with one sheet holding `rows` (LABEL and NUMBER cells), sometimes
/// with a stated area or a cell far away.
fn biff8(rows: &[Vec<String>], rng: &mut StdRng) -> Vec<u8> {
    let bof = |dt: u16| [&0x0600u16.to_le_bytes()[..], &dt.to_le_bytes(), &[0; 12]].concat();
    let name = "订单";
    let mut globals = Vec::new();
    record(&mut globals, 0x0809, &bof(0x0005));
    let sheet_at_record = globals.len();
    let mut boundsheet = vec![0u8; 4];
    boundsheet.extend_from_slice(&[0, 0, name.chars().count() as u8, 1]);
    boundsheet.extend(name.encode_utf16().flat_map(|u| u.to_le_bytes()));
    record(&mut globals, 0x0085, &boundsheet);
    record(&mut globals, 0x000A, &[]);
    let at = globals.len() as u32;
    globals[sheet_at_record + 4..sheet_at_record + 8].copy_from_slice(&at.to_le_bytes());
    let mut sheet = Vec::new();
    record(&mut sheet, 0x0809, &bof(0x0010));
    let (mut rows_n, mut cols_n) = (rows.len() as u32, rows[0].len() as u16);
    if rng.gen_ratio(1, 10) {
        (rows_n, cols_n) = (rng.gen(), rng.gen());
    }
    let dims = [
        &0u32.to_le_bytes()[..],
        &rows_n.to_le_bytes(),
        &0u16.to_le_bytes(),
        &cols_n.to_le_bytes(),
        &[0, 0],
    ]
    .concat();
    record(&mut sheet, 0x0200, &dims);
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (mut r, mut c) = (r as u16, c as u16);
            if rng.gen_ratio(1, 200) {
                (r, c) = (rng.gen(), rng.gen());
            }
            let head = [r.to_le_bytes(), c.to_le_bytes(), 0u16.to_le_bytes()].concat();
            match v.parse::<f64>() {
                Ok(n) => record(&mut sheet, 0x0203, &[&head[..], &n.to_le_bytes()].concat()),
                Err(_) => {
                    let units: Vec<u16> = v.encode_utf16().take(8000).collect();
                    let mut data = head.clone();
                    data.extend_from_slice(&(units.len() as u16).to_le_bytes());
                    data.push(1);
                    data.extend(units.iter().flat_map(|u| u.to_le_bytes()));
                    record(&mut sheet, 0x0204, &data);
                }
            }
        }
    }
    record(&mut sheet, 0x000A, &[]);
    globals.extend_from_slice(&sheet);
    globals
}

/// The workbook stream in an OLE compound file, as Excel 97–2003 saves it.
fn compound_file(workbook: &[u8]) -> Vec<u8> {
    let Ok(mut file) = cfb::CompoundFile::create(Cursor::new(Vec::new())) else {
        return Vec::new();
    };
    if let Ok(mut s) = file.create_stream("/Workbook") {
        let _ = s.write_all(workbook);
    }
    let _ = file.flush();
    file.into_inner().into_inner()
}
