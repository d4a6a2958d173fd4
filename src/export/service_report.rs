//! The service-desk report as an Excel workbook: an About sheet (shop, range, period, who and
//! when), then the report's own neutral tables (metrics per period, top root causes,
//! compensation cost). Exporting to Excel is an owner / manager right (DEFAULTS.md "Roles");
//! the workbook is built in memory and written atomically to the place the user chose, outside
//! the data folder, readable by the OS account only, and audited — like the full export.

use super::{
    full::{check_target, save_private},
    xlsx::XlsxBook,
    ExportReport,
};
use crate::{
    audit,
    auth::{Permission, Session},
    i18n::{Lang, Msg},
    settings,
    store::Store,
    table::{Cell, Column, ColumnKind, Table},
    tickets::reports::{self, Period, ServiceReport},
    Error, Result,
};
use serde_json::json;
use std::path::Path;

/// Compute the report for shop days `from..=to` and write it to `path` (an `.xlsx` outside the
/// data folder). Returns the report written (so callers can show it) and the sheets.
pub fn service_report_workbook(
    store: &Store,
    session: &Session,
    lang: Lang,
    period: Period,
    from: &str,
    to: &str,
    path: &Path,
) -> Result<(ServiceReport, ExportReport)> {
    if !session.role().can(Permission::ExportData) {
        return Err(Error::forbidden(
            format!(
                "只有店主和店长可以导出 Excel（当前是{}）。",
                session.role().label_zh()
            ),
            format!(
                "Only the owner and managers may export to Excel (you are a {}).",
                session.role().label_en()
            ),
        ));
    }
    let report = reports::report(store, session, period, from, to)?;
    check_target(store, path)?;
    let now = store.now();
    let tz = settings::timezone(store);
    let shop = settings::get(store, session)?.shop_name;
    let title = match lang {
        Lang::ZhCn => format!("{shop} — 售后服务报表"),
        Lang::En => format!("{shop} — service desk report"),
    };
    let mut book = XlsxBook::new(lang, tz, &title, now);
    let about = about_table(lang, &shop, &report, session, now, tz.name());
    book.add_stacked(&about.title, &[&about])?;
    let mut sheets = Vec::new();
    for t in report.tables_in(lang) {
        let rows = t.rows.len() as u64;
        for name in book.add_table(&t)? {
            sheets.push((name, rows));
        }
    }
    let bytes = book.finish()?;
    let file_name = save_private(path, &bytes)?;
    let audited = store.write(|tx, at| {
        audit::record(
            tx,
            at,
            session.audit_actor(),
            "report_export",
            &file_name,
            json!({
                "report": "service_desk", "file": file_name, "format": "xlsx",
                "period": report.period, "from": report.from, "to": report.to,
                "bytes": bytes.len(),
            }),
        )
    });
    if let Err(e) = audited {
        // An export that is not in the audit log does not get to exist.
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok((
        report,
        ExportReport {
            sheets,
            bytes: bytes.len() as u64,
        },
    ))
}

fn about_table(
    lang: Lang,
    shop: &str,
    r: &ServiceReport,
    s: &Session,
    at: chrono::DateTime<chrono::Utc>,
    tz: &str,
) -> Table {
    let mut about = Table::new(
        Msg::new("说明", "About"),
        vec![
            Column::new("item", "项目", "Item", ColumnKind::Text),
            Column::new("value", "内容", "Value", ColumnKind::Text),
        ],
    );
    about.filterable = false;
    let text = |v: &str| Cell::Text(v.to_string());
    let period = match (r.period, lang) {
        (Period::Week, Lang::ZhCn) => "按周",
        (Period::Week, Lang::En) => "weekly",
        (Period::Month, Lang::ZhCn) => "按月",
        (Period::Month, Lang::En) => "monthly",
    };
    let role = match lang {
        Lang::ZhCn => s.role().label_zh(),
        Lang::En => s.role().label_en(),
    };
    let notes = Msg::new(
        "时长按营业时间计算（节假日、调休和等待客户的时间已扣除）；满意度 = 4–5 分占比。",
        "Durations are business time (holidays, 调休 and time waiting on the customer excluded); CSAT = share of 4–5.",
    );
    for (zh, en, value) in [
        ("店铺", "Shop", text(shop)),
        (
            "报表",
            "Report",
            text(Msg::new("售后服务报表", "Service desk report").get(lang)),
        ),
        ("开始日期", "From", Cell::Date(r.from)),
        ("结束日期", "To", Cell::Date(r.to)),
        ("周期", "Period", text(period)),
        ("导出时间", "Exported at", Cell::DateTime(at)),
        ("时区", "Timezone", text(tz)),
        (
            "导出人",
            "Exported by",
            text(&format!("{} ({role})", s.display_name())),
        ),
        ("说明", "Notes", text(notes.get(lang))),
    ] {
        about
            .rows
            .push(vec![text(Msg::new(zh, en).get(lang)), value]);
    }
    about
}
