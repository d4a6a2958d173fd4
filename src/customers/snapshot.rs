//! Exact copies of a customer's rows as JSON, column by column, and putting them back. Columns
//! are read from the table itself, so a column added by a later migration is kept too. Used by
//! merge (snapshot both records) and undo (restore both exactly).

use crate::{Error, Result};
use rusqlite::{types::Value, Connection};
use serde_json::{Map, Value as Json};

/// The tables holding a customer's own data besides the `customers` row.
pub(crate) const CHILD_TABLES: &[&str] = &["customer_phones", "customer_nicks", "customer_tags"];

pub(crate) type Row = Map<String, Json>;

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

fn to_json(v: Value) -> Result<Json> {
    Ok(match v {
        Value::Null => Json::Null,
        Value::Integer(n) => Json::from(n),
        Value::Text(t) => Json::from(t),
        Value::Real(x) => Json::from(x),
        Value::Blob(_) => {
            return Err(Error::Internal(
                "binary values are not part of customer records".into(),
            ))
        }
    })
}

fn to_sql(v: &Json) -> Value {
    match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Integer(*b as i64),
        Json::Number(n) => n
            .as_i64()
            .map(Value::Integer)
            .unwrap_or_else(|| Value::Real(n.as_f64().unwrap_or_default())),
        Json::String(s) => Value::Text(s.clone()),
        other => Value::Text(other.to_string()),
    }
}

/// Every row of `table` where `column` = `id`, all columns.
pub(crate) fn rows(conn: &Connection, table: &str, column: &str, id: i64) -> Result<Vec<Row>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT * FROM {} WHERE {} = ?1",
        quote(table),
        quote(column)
    ))?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut out = Vec::new();
    let mut q = stmt.query([id])?;
    while let Some(r) = q.next()? {
        let mut row = Map::new();
        for (i, n) in names.iter().enumerate() {
            row.insert(n.clone(), to_json(r.get::<_, Value>(i)?)?);
        }
        out.push(row);
    }
    Ok(out)
}

/// Insert rows exactly as snapshotted (ids included).
pub(crate) fn insert_rows(conn: &Connection, table: &str, rows: &[Row]) -> Result<()> {
    for row in rows {
        let cols: Vec<&String> = row.keys().collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            quote(table),
            cols.iter().map(|c| quote(c)).collect::<Vec<_>>().join(", "),
            (1..=cols.len())
                .map(|i| format!("?{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let values: Vec<Value> = row.values().map(to_sql).collect();
        conn.execute(&sql, rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

/// Overwrite the `customers` row with its snapshot (every column but the id).
pub(crate) fn restore_customer_row(conn: &Connection, row: &Row) -> Result<()> {
    let id = row
        .get("id")
        .and_then(Json::as_i64)
        .ok_or_else(|| Error::Internal("customer snapshot without id".into()))?;
    let cols: Vec<(&String, &Json)> = row.iter().filter(|(k, _)| k.as_str() != "id").collect();
    let sets = cols
        .iter()
        .enumerate()
        .map(|(i, (k, _))| format!("{} = ?{}", quote(k), i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let mut values = vec![Value::Integer(id)];
    values.extend(cols.iter().map(|(_, v)| to_sql(v)));
    conn.execute(
        &format!("UPDATE customers SET {sets} WHERE id = ?1"),
        rusqlite::params_from_iter(values),
    )?;
    Ok(())
}

/// A customer's whole record: the `customers` row and its child rows, keyed by table.
pub(crate) fn record(conn: &Connection, id: i64) -> Result<Row> {
    let mut out = Map::new();
    let customer = rows(conn, "customers", "id", id)?
        .pop()
        .ok_or_else(|| super::record::not_found(id))?;
    out.insert("customers".into(), Json::Object(customer));
    for t in CHILD_TABLES {
        let r = rows(conn, t, "customer_id", id)?;
        out.insert(
            (*t).into(),
            Json::Array(r.into_iter().map(Json::Object).collect()),
        );
    }
    Ok(out)
}

/// Put a whole record back exactly: the customers row, and the child rows replacing whatever
/// the customer has now.
pub(crate) fn restore_record(conn: &Connection, snap: &Row) -> Result<()> {
    let customer = snap
        .get("customers")
        .and_then(Json::as_object)
        .ok_or_else(|| Error::Internal("snapshot without a customer row".into()))?;
    restore_customer_row(conn, customer)?;
    Ok(())
}

/// Replace child rows of `ids` with those in the snapshots (all deleted first, so rows that
/// moved between the two records do not collide on unique keys).
pub(crate) fn restore_children(conn: &Connection, ids: &[i64], snaps: &[&Row]) -> Result<()> {
    for t in CHILD_TABLES {
        for id in ids {
            conn.execute(
                &format!("DELETE FROM {} WHERE customer_id = ?1", quote(t)),
                [id],
            )?;
        }
    }
    for t in CHILD_TABLES {
        for snap in snaps {
            let rows: Vec<Row> = snap
                .get(*t)
                .and_then(Json::as_array)
                .map(|a| a.iter().filter_map(|r| r.as_object().cloned()).collect())
                .unwrap_or_default();
            insert_rows(conn, t, &rows)?;
        }
    }
    Ok(())
}
