//! What is in a store: where it lives, its schema version and how many rows each table holds.

use crate::{auth::Session, db, store::Store, Result};
use serde::Serialize;

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TableCount {
    pub table: String,
    pub rows: u64,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StoreInfo {
    pub data_dir: String,
    pub schema_version: i64,
    pub counts: Vec<TableCount>,
}

pub fn info(store: &Store, _s: &Session) -> Result<StoreInfo> {
    let conn = store.conn();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut counts = Vec::with_capacity(tables.len());
    for table in tables {
        let rows: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })?;
        let rows = rows as u64;
        counts.push(TableCount { table, rows });
    }
    Ok(StoreInfo {
        data_dir: store.dir().display().to_string(),
        schema_version: db::schema_version(conn)?,
        counts,
    })
}
