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
    let words = |f: Field| -> Vec<String> {
        let mut w: Vec<String> = f.synonyms().iter().map(|s| normalize_header(s)).collect();
        for p in presets::PRESETS.iter().filter(|p| p.kind == kind) {
            for (pf, hs) in p.columns {
                if *pf == f {
                    w.extend(hs.iter().map(|h| normalize_header(h)));
                }
            }
        }
        w
    };
    for exact in [true, false] {
        for &f in fields {
            if columns.contains_key(&f) {
                continue;
            }
            let ws = words(f);
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
    fn the_signature_ignores_spaces_and_case() {
        assert_eq!(
            signature(&h(&["订单编号 ", "Name"])),
            signature(&h(&["订单编号", "name"]))
        );
    }
}
