//! Workbooks for import: the error workbook (the rejected rows with their original columns and
//! a reason column, to fix in Excel and import again) and Laoke's own import templates. Both are
//! built as neutral [`Table`]s and rendered by [`super::xlsx`], in memory, then written to the
//! place the user chose — they asked for these files, like any export.

use super::xlsx;
use crate::table::{Cell, Column, ColumnKind, Table};
use crate::{
    i18n::{Lang, Msg},
    import::{presets, ImportKind, ImportReport},
    Error, Result,
};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use std::path::Path;

/// The rejected rows of an import as a table: row number, the original columns, the reasons.
pub fn error_table(report: &ImportReport, lang: Lang) -> Table {
    let mut columns = vec![Column::new("row", "原行号", "Row", ColumnKind::Integer)];
    for (i, h) in report.headers.iter().enumerate() {
        let h = if h.is_empty() {
            format!("#{}", i + 1)
        } else {
            h.clone()
        };
        columns.push(Column::new(format!("c{i}"), h.clone(), h, ColumnKind::Text));
    }
    columns.push(Column::new(
        "reason",
        "错误原因",
        "Problem",
        ColumnKind::Text,
    ));
    let mut t = Table::new(Msg::new("需要修改的行", "Rows to fix"), columns);
    for r in &report.rejected_rows {
        let mut cells = vec![Cell::Integer(r.row as i64)];
        for i in 0..report.headers.len() {
            let v = r.cells.get(i).cloned().unwrap_or_default();
            cells.push(if v.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(v)
            });
        }
        let reasons: Vec<String> = r
            .problems
            .iter()
            .map(|p| {
                let m = match lang {
                    Lang::ZhCn => &p.message_zh,
                    Lang::En => &p.message_en,
                };
                match (&p.column, lang) {
                    (Some(c), Lang::ZhCn) => format!("【{c}】{m}"),
                    (Some(c), Lang::En) => format!("[{c}] {m}"),
                    (None, _) => m.clone(),
                }
            })
            .collect();
        cells.push(Cell::Text(reasons.join("\n")));
        t.rows.push(cells);
    }
    t
}

/// Write the error workbook to `path` (atomically: a finished file or none).
pub fn write_error_workbook(
    report: &ImportReport,
    path: &Path,
    lang: Lang,
    tz: Tz,
    now: DateTime<Utc>,
) -> Result<u64> {
    if report.rejected_rows.is_empty() {
        return Err(Error::invalid(
            "没有需要修改的行。",
            "There are no rejected rows to save.",
        ));
    }
    let title = match lang {
        Lang::ZhCn => format!("导入错误行 - {}", report.file_name),
        Lang::En => format!("Import problems - {}", report.file_name),
    };
    let bytes = xlsx::to_buffer(&[error_table(report, lang)], lang, tz, &title, now)?;
    write_atomic(path, &bytes)?;
    Ok(bytes.len() as u64)
}

/// A template's columns: each field with its header(s).
type TemplateColumns = &'static [(crate::import::Field, &'static [&'static str])];

/// Laoke's own import template (headers plus one example row) for orders or customers.
pub fn template_table(kind: ImportKind) -> Table {
    let (cols, example, title): (TemplateColumns, &[&str], Msg) = match kind {
        ImportKind::Orders => (
            presets::TEMPLATE_ORDERS,
            &[
                "DD20240305001",
                "门店",
                "交易成功",
                "2024-03-05 14:02:11",
                "2024-03-05 14:05:00",
                "",
                "王小明",
                "13800138000",
                "浙江省杭州市西湖区文三路 88 号",
                "桂花乌龙茶 250g",
                "TEA-250",
                "茶叶",
                "2",
                "68.00",
                "0",
                "10.00",
                "126.00",
                "0",
                "老顾客",
            ],
            Msg::new("订单", "Orders"),
        ),
        ImportKind::Customers => (
            presets::TEMPLATE_CUSTOMERS,
            &[
                "王小明",
                "13800138000",
                "男",
                "1990-05-20",
                "",
                "wxm_1990",
                "",
                "小王爱购物",
                "淘宝",
                "浙江",
                "杭州",
                "西湖区文三路 88 号",
                "回头客，爱喝茶",
                "朋友介绍",
                "",
            ],
            Msg::new("客户", "Customers"),
        ),
    };
    let columns = cols
        .iter()
        .map(|(f, hs)| Column::new(format!("{f:?}"), hs[0], hs[0], ColumnKind::Text))
        .collect();
    let mut t = Table::new(title, columns);
    t.rows.push(
        example
            .iter()
            .map(|v| {
                if v.is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(v.to_string())
                }
            })
            .collect(),
    );
    t
}

/// Write the import template workbook (an order sheet and a customer sheet).
pub fn write_template(path: &Path, lang: Lang, tz: Tz, now: DateTime<Utc>) -> Result<u64> {
    let tables = [
        template_table(ImportKind::Orders),
        template_table(ImportKind::Customers),
    ];
    let bytes = xlsx::to_buffer(&tables, lang, tz, "老客 Laoke 导入模板", now)?;
    write_atomic(path, &bytes)?;
    Ok(bytes.len() as u64)
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    crate::crypto::atomic_write(path, bytes).map_err(|e| {
        Error::invalid(
            format!("无法写入 {}：{e}", path.display()),
            format!("Cannot write {}: {e}", path.display()),
        )
    })
}
