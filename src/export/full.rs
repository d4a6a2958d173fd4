//! The owner's full export: every table of the database as a neutral [`Table`], one sheet
//! each, behind an About sheet (shop, time, who, versions, rows per table).
//!
//! The table list comes from `sqlite_master`, so a table added by a later migration is
//! exported without touching this file (under its own name until it gets a label). All tables
//! are read in one read transaction, so the sheets and the About counts describe one moment.

use super::{
    labels::{column_header, column_kind, table_title},
    xlsx::{XlsxBook, MAX_DATA_ROWS},
};
use crate::table::{Cell, Column, ColumnKind, Table};
use crate::{
    audit,
    auth::{Role, Session},
    crypto::atomic_write,
    db,
    i18n::{Lang, Msg},
    settings,
    store::Store,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{types::ValueRef, Connection};
use serde_json::json;
use std::path::Path;

/// What was written: each data sheet's name (as in the workbook) and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportReport {
    pub sheets: Vec<(String, u64)>,
    /// Size of the xlsx file in bytes.
    pub bytes: u64,
}

/// Tables in the order a shop owner expects them; any others follow alphabetically.
const TABLE_ORDER: &[&str] = &[
    "customers",
    "customer_phones",
    "customer_nicks",
    "customer_tags",
    "users",
    "settings",
    "backup_targets",
    "backups",
    "audit_log",
];

/// Write every table of the store to one xlsx workbook at `path` (owner only, audited).
/// The file appears complete or not at all; nothing else is written in clear.
pub fn full_workbook(
    store: &Store,
    session: &Session,
    lang: Lang,
    path: &Path,
) -> Result<ExportReport> {
    require_owner(session)?;
    check_target(store, path)?;
    let now = store.now();
    let tz = settings::timezone(store);
    let shop = settings::get(store, session)?.shop_name;

    let conn = store.conn();
    // One read transaction: every sheet and the About counts show the same moment.
    let read = conn.unchecked_transaction()?;
    let tables = table_names(&read)?;
    let title = match lang {
        Lang::ZhCn => format!("{shop} — 全部数据导出"),
        Lang::En => format!("{shop} — full data export"),
    };
    let mut book = XlsxBook::new(lang, tz, &title, now);
    let about_sheet = book.reserve_sheet(&about_title())?;
    let mut sheets = Vec::with_capacity(tables.len());
    let mut counts = Vec::with_capacity(tables.len());
    for name in &tables {
        // Built, written and dropped one at a time: only one table is in memory twice.
        let mut table = read_table(&read, name)?;
        super::labels::translate_codes(&mut table, name, lang);
        counts.push((name.clone(), table.rows.len() as u64));
        let mut left = table.rows.len();
        for sheet in book.add_table(&table)? {
            let n = left.min(MAX_DATA_ROWS);
            left -= n;
            sheets.push((name.clone(), sheet, n as u64));
        }
    }
    let (about, count_table) = about_tables(
        lang,
        &AboutFacts {
            shop: &shop,
            at: now,
            tz: tz.name(),
            session,
            schema_version: db::schema_version(&read)?,
            sheets: &sheets,
        },
    );
    book.fill_stacked(&about_sheet, &[&about, &count_table])?;
    drop(read);
    let bytes = book.finish()?;

    let file_name = save_private(path, &bytes)?;
    let rows: serde_json::Map<String, serde_json::Value> =
        counts.iter().map(|(t, n)| (t.clone(), json!(n))).collect();
    let audited = store.write(|tx, at| {
        audit::record(
            tx,
            at,
            session.audit_actor(),
            "full_export",
            &file_name,
            json!({"file": file_name, "format": "xlsx", "bytes": bytes.len(), "rows": rows}),
        )
    });
    if let Err(e) = audited {
        // An export that is not in the audit log does not get to exist.
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(ExportReport {
        sheets: sheets.into_iter().map(|(_, s, n)| (s, n)).collect(),
        bytes: bytes.len() as u64,
    })
}

/// Every table of the store as neutral tables, in export order (owner only). For writers other
/// than xlsx and for tests; holds everything in memory at once.
pub fn full_tables(store: &Store, session: &Session) -> Result<Vec<Table>> {
    require_owner(session)?;
    let read = store.conn().unchecked_transaction()?;
    let names = table_names(&read)?;
    names.iter().map(|n| read_table(&read, n)).collect()
}

/// The whole store is the owner's: managers may later export lists, never everything.
pub(super) fn require_owner(session: &Session) -> Result<()> {
    if session.role() == Role::Owner {
        Ok(())
    } else {
        Err(Error::forbidden(
            format!(
                "只有店主可以导出全部数据（当前是{}）。",
                session.role().label_zh()
            ),
            format!(
                "Only the owner may export all data (you are a {}).",
                session.role().label_en()
            ),
        ))
    }
}

/// An `.xlsx` file outside the store folder (the folder holds only encrypted files).
pub(super) fn check_target(store: &Store, path: &Path) -> Result<()> {
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        return Err(Error::invalid(
            format!("导出文件名需要以 .xlsx 结尾：{}", path.display()),
            format!("The export file name must end in .xlsx: {}", path.display()),
        ));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (Ok(parent), Ok(store_dir)) = (parent.canonicalize(), store.dir().canonicalize()) else {
        return Err(Error::invalid(
            format!("导出位置的文件夹不存在：{}", parent.display()),
            format!("The export folder does not exist: {}", parent.display()),
        ));
    };
    if parent.starts_with(&store_dir) {
        return Err(Error::invalid(
            "不能导出到数据文件夹里（那里只放加密文件），请换一个位置。",
            "Cannot export into the data folder (it holds only encrypted files); choose another place.",
        ));
    }
    Ok(())
}

/// Write a finished workbook where the user chose (atomically), readable by this OS account
/// only; returns the file's name for the audit record.
pub(super) fn save_private(path: &Path, bytes: &[u8]) -> Result<String> {
    atomic_write(path, bytes)?;
    restrict_to_owner(path)?;
    Ok(path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default())
}

/// The file is every customer's data in clear: only the OS account that made it may read it.
fn restrict_to_owner(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

fn table_names(conn: &Connection) -> Result<Vec<String>> {
    let mut names: Vec<String> = conn
        .prepare(
            // search_* tables are the derived search index (FTS5 and its shadow tables, the
            // gram table): rebuilt from the data, not data of their own, so not exported.
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
               AND name NOT LIKE 'search!_%' ESCAPE '!'
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    names.sort_by_key(|n| {
        let rank = TABLE_ORDER
            .iter()
            .position(|t| t == n)
            .unwrap_or(TABLE_ORDER.len());
        (rank, n.clone())
    });
    Ok(names)
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// One database table as a neutral table: readable headers, typed cells.
fn read_table(conn: &Connection, name: &str) -> Result<Table> {
    let columns: Vec<Column> = conn
        .prepare(&format!("PRAGMA table_info({})", quote(name)))?
        .query_map([], |r| Ok((r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(|(col, decl)| {
            let (zh, en) = column_header(name, &col);
            let kind = column_kind(&col, &decl);
            Column::new(col, zh, en, kind)
        })
        .collect();
    let (zh, en) = table_title(name);
    let mut table = Table::new(Msg::new(zh, en), columns);
    let select = table
        .columns
        .iter()
        .map(|c| quote(&c.key))
        .collect::<Vec<_>>()
        .join(", ");
    let mut stmt = conn.prepare(&format!("SELECT {select} FROM {}", quote(name)))?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let mut cells = Vec::with_capacity(table.columns.len());
        for (i, col) in table.columns.iter().enumerate() {
            cells.push(cell(r.get_ref(i)?, col.kind));
        }
        table.rows.push(cells);
    }
    Ok(table)
}

/// A stored value as a typed cell; a value that does not fit its column's kind keeps its own.
fn cell(v: ValueRef<'_>, kind: ColumnKind) -> Cell {
    match v {
        ValueRef::Null => Cell::Empty,
        ValueRef::Integer(n) => match kind {
            ColumnKind::MoneyFen => Cell::MoneyFen(n),
            ColumnKind::Bool => Cell::Bool(n != 0),
            _ => Cell::Integer(n),
        },
        ValueRef::Real(x) => Cell::Text(x.to_string()),
        ValueRef::Text(t) => {
            let s = String::from_utf8_lossy(t);
            match kind {
                ColumnKind::DateTime => match DateTime::parse_from_rfc3339(&s) {
                    Ok(t) => Cell::DateTime(t.with_timezone(&Utc)),
                    Err(_) => Cell::Text(s.into_owned()),
                },
                ColumnKind::Date => match chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
                    Ok(d) => Cell::Date(d),
                    Err(_) => Cell::Text(s.into_owned()),
                },
                _ => Cell::Text(s.into_owned()),
            }
        }
        ValueRef::Blob(b) => Cell::Text(format!("x'{}'", hex::encode(b))),
    }
}

struct AboutFacts<'a> {
    shop: &'a str,
    at: DateTime<Utc>,
    tz: &'a str,
    session: &'a Session,
    schema_version: i64,
    /// (table, sheet, rows) for every data sheet.
    sheets: &'a [(String, String, u64)],
}

fn about_title() -> Msg {
    Msg::new("说明", "About")
}

/// The About sheet: what this file is, then the sheets that follow and their rows.
fn about_tables(lang: Lang, f: &AboutFacts<'_>) -> (Table, Table) {
    let mut about = Table::new(
        about_title(),
        vec![
            Column::new("item", "项目", "Item", ColumnKind::Text),
            Column::new("value", "内容", "Value", ColumnKind::Text),
        ],
    );
    about.filterable = false;
    let s = f.session;
    let role = match lang {
        Lang::ZhCn => s.role().label_zh(),
        Lang::En => s.role().label_en(),
    };
    let who = format!("{} ({}, {role})", s.display_name(), s.username());
    let text = |v: &str| Cell::Text(v.to_string());
    let money = match lang {
        Lang::ZhCn => "元（¥），精确到分",
        Lang::En => "yuan (¥), exact to the fen",
    };
    for (zh, en, value) in [
        ("店铺", "Shop", text(f.shop)),
        ("导出时间", "Exported at", Cell::DateTime(f.at)),
        (
            "时区（本文件中的时间）",
            "Timezone (of all times here)",
            text(f.tz),
        ),
        ("导出人", "Exported by", text(&who)),
        (
            "程序版本",
            "App version",
            text(concat!("老客 Laoke ", env!("CARGO_PKG_VERSION"))),
        ),
        (
            "数据库结构版本",
            "Schema version",
            text(&f.schema_version.to_string()),
        ),
        ("金额", "Money", text(money)),
    ] {
        about
            .rows
            .push(vec![text(Msg::new(zh, en).get(lang)), value]);
    }
    let mut counts = Table::new(
        about_title(),
        vec![
            Column::new("sheet", "工作表", "Sheet", ColumnKind::Text),
            Column::new("table", "数据表", "Database table", ColumnKind::Text),
            Column::new("rows", "行数", "Rows", ColumnKind::Integer),
        ],
    );
    counts.filterable = false;
    for (table, sheet, n) in f.sheets {
        counts.rows.push(vec![
            Cell::Text(sheet.clone()),
            Cell::Text(table.clone()),
            Cell::Integer(*n as i64),
        ]);
    }
    (about, counts)
}
