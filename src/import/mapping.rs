//! Which column holds which field: from a preset, from a mapping the user confirmed before
//! (remembered in `import_mappings`, keyed by the normalised header row), or guessed from the
//! header words. The UI shows the guess on the mapping screen; the user corrects it once and
//! the next file with the same header row imports without asking.

use super::fields::{normalize_header, Field, ImportKind};
use super::presets::{self, Preset};
use crate::{orders::Channel, store::ts, Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A mapping as the UI edits it: field → column header (as in the file).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportMapping"))]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    pub kind: ImportKind,
    /// Channel for all orders when no column says (orders only).
    pub channel: Option<Channel>,
    pub columns: BTreeMap<Field, String>,
}

/// A mapping resolved against one file's header row: field → column index.
#[derive(Clone, Debug)]
pub struct Resolved {
    pub kind: ImportKind,
    pub channel: Option<Channel>,
    idx: BTreeMap<Field, usize>,
}

impl Resolved {
    pub fn col(&self, f: Field) -> Option<usize> {
        self.idx.get(&f).copied()
    }
}

/// Where a mapping came from (shown in the wizard).
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum MappingSource {
    Preset,
    Remembered,
    Guessed,
    Given,
}

impl Mapping {
    /// The preset's columns found in this header row.
    pub fn from_preset(p: &Preset, headers: &[String]) -> Mapping {
        let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        let mut columns = BTreeMap::new();
        for (field, candidates) in p.columns {
            for c in *candidates {
                let n = normalize_header(c);
                if let Some(i) = normalized.iter().position(|h| *h == n) {
                    columns.insert(*field, headers[i].clone());
                    break;
                }
            }
        }
        if p.columns.is_empty() {
            // A preset without fixed headers (the customer list): guess within its kind.
            return guess_kind(headers, p.kind);
        }
        Mapping {
            kind: p.kind,
            channel: p.channel,
            columns,
        }
    }

    /// Resolve header names to column indexes; a header that is not in the file is an error.
    pub fn resolve(&self, headers: &[String]) -> Result<Resolved> {
        let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        let mut idx = BTreeMap::new();
        for (field, header) in &self.columns {
            if header.trim().is_empty() {
                continue;
            }
            let n = normalize_header(header);
            let i = normalized.iter().position(|h| *h == n).ok_or_else(|| {
                Error::invalid(
                    format!(
                        "文件里没有“{header}”这一列，请重新选择“{}”对应的列。",
                        field.label_zh()
                    ),
                    format!(
                        "The file has no column '{header}'; choose the column for '{}' again.",
                        field.label_en()
                    ),
                )
            })?;
            idx.insert(*field, i);
        }
        for f in Field::required(self.kind) {
            if !idx.contains_key(f) {
                return Err(Error::invalid(
                    format!("请指定“{}”对应的列（必填）。", f.label_zh()),
                    format!("Choose the column for '{}' (required).", f.label_en()),
                ));
            }
        }
        if self.kind == ImportKind::Orders
            && ![Field::Paid, Field::GoodsAmount, Field::UnitPrice]
                .iter()
                .any(|f| idx.contains_key(f))
        {
            return Err(Error::invalid(
                "请至少指定一个金额列（实付金额、商品金额或单价）。",
                "Choose at least one amount column (amount paid, goods amount or unit price).",
            ));
        }
        Ok(Resolved {
            kind: self.kind,
            channel: self.channel,
            idx,
        })
    }
}

/// Guess a mapping for an unknown layout: orders if some column looks like an order number.
pub fn guess(headers: &[String]) -> Mapping {
    let orders = guess_kind(headers, ImportKind::Orders);
    if orders.columns.contains_key(&Field::OrderNo) {
        orders
    } else {
        guess_kind(headers, ImportKind::Customers)
    }
}

/// Guess within one kind: exact header words first, then headers containing a word; each
/// column is used once.
pub fn guess_kind(headers: &[String], kind: ImportKind) -> Mapping {
    let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let mut used = vec![false; headers.len()];
    let mut columns = BTreeMap::new();
    let fields = Field::for_kind(kind);
    for exact in [true, false] {
        for &f in fields {
            if columns.contains_key(&f) {
                continue;
            }
            let ws = words(kind, f);
            let hit = normalized.iter().enumerate().position(|(i, h)| {
                !used[i]
                    && !h.is_empty()
                    && ws.iter().any(|w| {
                        if exact {
                            h == w
                        } else {
                            w.chars().count() >= 2 && h.contains(w.as_str())
                        }
                    })
            });
            if let Some(i) = hit {
                used[i] = true;
                columns.insert(f, headers[i].clone());
            }
        }
    }
    Mapping {
        kind,
        channel: None,
        columns,
    }
}

/// The header words that name `f` in files of `kind`: its synonyms, then every preset's
/// headers for it (normalised).
fn words(kind: ImportKind, f: Field) -> Vec<String> {
    let mut w: Vec<String> = f.synonyms().iter().map(|s| normalize_header(s)).collect();
    for p in presets::PRESETS.iter().filter(|p| p.kind == kind) {
        for (pf, hs) in p.columns {
            if *pf == f {
                w.extend(hs.iter().map(|h| normalize_header(h)));
            }
        }
    }
    w
}

/// Look at the data too: where a field's column is empty in every sampled row and another
/// column named like that field has data, the one with data wins. Older Taobao layouts put
/// the usually empty 联系电话 (landline) before 联系手机; taking it by its name alone left every
/// buyer without a mobile (and their orders without a channel). Between the mobile and the
/// landline field the columns are swapped, so both numbers are still kept.
pub fn prefer_filled(m: &mut Mapping, headers: &[String], rows: &[Vec<String>]) {
    if rows.is_empty() {
        return;
    }
    let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let index = |h: &str| normalized.iter().position(|n| *n == normalize_header(h));
    let filled = |i: usize| {
        rows.iter()
            .any(|r| r.get(i).is_some_and(|v| !v.trim().is_empty()))
    };
    let fields: Vec<Field> = m.columns.keys().copied().collect();
    for f in fields {
        let Some(i) = m.columns.get(&f).and_then(|h| index(h)) else {
            continue;
        };
        if filled(i) {
            continue;
        }
        let ws = words(m.kind, f);
        let Some(j) =
            (0..headers.len()).find(|&j| j != i && filled(j) && ws.contains(&normalized[j]))
        else {
            continue;
        };
        let holder = m
            .columns
            .iter()
            .find(|(_, h)| index(h) == Some(j))
            .map(|(g, _)| *g);
        match holder {
            None => {
                m.columns.insert(f, headers[j].clone());
            }
            Some(g)
                if matches!(
                    (f, g),
                    (Field::Mobile, Field::Phone) | (Field::Phone, Field::Mobile)
                ) =>
            {
                m.columns.insert(g, headers[i].clone());
                m.columns.insert(f, headers[j].clone());
            }
            Some(_) => {}
        }
    }
}

/// The key a confirmed mapping is remembered under: the normalised header row.
pub fn signature(headers: &[String]) -> String {
    let joined = headers
        .iter()
        .map(|h| normalize_header(h))
        .collect::<Vec<_>>()
        .join("\u{1f}");
    hex::encode(Sha256::digest(joined.as_bytes()))
}

pub(crate) fn remembered(conn: &Connection, headers: &[String]) -> Result<Option<Mapping>> {
    let json: Option<String> = conn
        .query_row(
            "SELECT mapping FROM import_mappings WHERE signature = ?1",
            [signature(headers)],
            |r| r.get(0),
        )
        .optional()?;
    Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
}

pub(crate) fn remember(
    conn: &Connection,
    headers: &[String],
    m: &Mapping,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO import_mappings (signature, kind, mapping, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(signature) DO UPDATE SET kind = excluded.kind, mapping = excluded.mapping,
                                              updated_at = excluded.updated_at",
        params![
            signature(headers),
            m.kind.as_str(),
            serde_json::to_string(m)?,
            ts(now)
        ],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_home_made_customer_sheet_is_guessed_from_its_header_words() {
        let m = guess(&h(&["序号", "客户姓名", "联系方式", "购买日期", "备注"]));
        assert_eq!(m.kind, ImportKind::Customers);
        assert_eq!(
            m.columns.get(&Field::Name).map(String::as_str),
            Some("客户姓名")
        );
        assert_eq!(
            m.columns.get(&Field::Mobile).map(String::as_str),
            Some("联系方式")
        );
        assert_eq!(
            m.columns.get(&Field::Note).map(String::as_str),
            Some("备注")
        );
    }

    #[test]
    fn an_order_sheet_is_guessed_as_orders() {
        let m = guess(&h(&["单号", "下单时间", "客户", "手机", "金额", "商品"]));
        assert_eq!(m.kind, ImportKind::Orders);
        assert_eq!(
            m.columns.get(&Field::OrderNo).map(String::as_str),
            Some("单号")
        );
        assert_eq!(
            m.columns.get(&Field::Paid).map(String::as_str),
            Some("金额")
        );
        assert!(m
            .resolve(&h(&["单号", "下单时间", "客户", "手机", "金额", "商品"]))
            .is_ok());
    }

    #[test]
    fn when_two_columns_can_fill_a_field_the_one_with_data_wins() {
        // an unknown layout: 联系电话 (empty) comes before 联系手机
        let hs = h(&["单号", "下单时间", "收货人", "联系电话", "联系手机", "金额"]);
        let mut m = guess(&hs);
        assert_eq!(
            m.columns.get(&Field::Mobile).map(String::as_str),
            Some("联系电话")
        );
        let rows = vec![
            h(&["T1", "2026-01-02 10:00", "王芳", "", "13800138000", "99"]),
            h(&["T2", "2026-01-03 11:00", "李娜", " ", "13900139000", "15"]),
        ];
        prefer_filled(&mut m, &hs, &rows);
        assert_eq!(
            m.columns.get(&Field::Mobile).map(String::as_str),
            Some("联系手机")
        );
        // where both have data, the name decides as before; a landline column keeps its field
        let both = vec![h(&[
            "T3",
            "2026-01-04 09:00",
            "赵敏",
            "010-88886666",
            "13700137000",
            "8",
        ])];
        let mut m2 = guess(&hs);
        let before = m2.clone();
        prefer_filled(&mut m2, &hs, &both);
        assert_eq!(m2, before);
    }

    #[test]
    fn the_mobile_and_landline_columns_swap_rather_than_lose_one() {
        let hs = h(&["订单号", "手机", "电话", "金额"]);
        let mut m = Mapping {
            kind: ImportKind::Orders,
            channel: None,
            columns: BTreeMap::from([
                (Field::OrderNo, "订单号".to_string()),
                (Field::Mobile, "电话".to_string()),
                (Field::Phone, "手机".to_string()),
                (Field::Paid, "金额".to_string()),
            ]),
        };
        prefer_filled(&mut m, &hs, &[h(&["A1", "13800138000", "", "5"])]);
        assert_eq!(
            m.columns.get(&Field::Mobile).map(String::as_str),
            Some("手机")
        );
        assert_eq!(
            m.columns.get(&Field::Phone).map(String::as_str),
            Some("电话")
        );
    }

    #[test]
    fn the_signature_ignores_spaces_and_case() {
        assert_eq!(
            signature(&h(&["订单编号 ", "Name"])),
            signature(&h(&["订单编号", "name"]))
        );
    }
}
