//! Storing a pass's results in `customer_scores`: only the rows that changed. Within a shop day
//! a pass after a sale rewrites that customer's row and nothing else; on a new day only the
//! customers whose class, stage, window or quintiles moved (the row keeps the last order's day,
//! not R, so R moving with the calendar writes nothing); a customer gone from the live set loses the row,
//! a new one gains it. When most rows change (the first pass, new lines after a rule change) the
//! table is rewritten whole, which is cheaper than that many single-row updates. Either way the
//! table ends equal to the pass — `stored` reads it back that way in the tests.

use super::decide::Scored;
use super::rules;
use super::stored::{stored, StoredRow};
use crate::{db::multirow::insert_rows, Result};
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::Connection;

/// The columns in the order every statement here binds them (`customer_id` first).
const COLUMNS: &str = "customer_id, last_order_day, f_orders, m_fen, lifetime_orders, rfm_class,
     r_score, f_score, m_score, stage, is_returning";

/// Above this share of changed rows the table is rewritten whole.
const REWRITE_SHARE: f64 = 0.6;

/// What the write did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Written {
    pub inserted: u32,
    pub updated: u32,
    pub deleted: u32,
    /// The whole table was deleted and inserted again.
    pub rewritten: bool,
}

impl Written {
    /// Rows written: every row when rewritten, else those inserted, updated or deleted.
    pub fn rows(&self) -> u32 {
        if self.rewritten {
            self.inserted
        } else {
            self.inserted + self.updated + self.deleted
        }
    }
}

fn values(as_of: NaiveDate, id: i64, r: &Scored) -> [Value; 11] {
    use Value::{Integer, Null, Text};
    let opt = |v: Option<i64>| v.map_or(Null, Integer);
    let sc = r.scores;
    [
        Integer(id),
        r.facts.r_days.map_or(Null, |d| {
            Text((as_of - Duration::days(d.into())).to_string())
        }),
        Integer(r.facts.f_orders.into()),
        Integer(r.facts.m_fen),
        Integer(r.facts.lifetime.into()),
        r.class.map_or(Null, |c| Text(c.as_str().into())),
        opt(sc.map(|s| s.0.into())),
        opt(sc.map(|s| s.1.into())),
        opt(sc.map(|s| s.2.into())),
        Text(r.stage.as_str().into()),
        Integer(rules::returning(&r.facts).into()),
    ]
}

fn same(old: &StoredRow, new: &Scored) -> bool {
    old.facts == new.facts
        && old.class == new.class
        && old.stage == new.stage
        && old.scores == new.scores
}

/// Make `customer_scores` hold exactly `ids` (ascending) with `rows`, scored as of `as_of`.
pub(crate) fn store_scores(
    tx: &Connection,
    as_of: NaiveDate,
    ids: &[i64],
    rows: &[Scored],
) -> Result<Written> {
    let before = stored(tx, as_of)?;
    let mut upserts: Vec<(i64, &Scored, bool)> = Vec::new(); // (id, row, exists)
    let mut gone: Vec<i64> = Vec::new();
    let mut old = before.iter().peekable();
    for (&id, row) in ids.iter().zip(rows) {
        while let Some(o) = old.next_if(|o| o.id < id) {
            gone.push(o.id);
        }
        match old.next_if(|o| o.id == id) {
            Some(o) if same(o, row) => {}
            Some(_) => upserts.push((id, row, true)),
            None => upserts.push((id, row, false)),
        }
    }
    gone.extend(old.map(|o| o.id));
    let changed = upserts.len() + gone.len();
    if changed as f64 > REWRITE_SHARE * ids.len().max(1) as f64 {
        rewrite(tx, as_of, ids, rows)?;
        return Ok(Written {
            inserted: ids.len() as u32,
            deleted: before.len() as u32,
            rewritten: true,
            ..Written::default()
        });
    }
    let mut w = Written::default();
    let mut del = tx.prepare_cached("DELETE FROM customer_scores WHERE customer_id = ?1")?;
    for id in gone {
        w.deleted += del.execute([id])? as u32;
    }
    let mut ins = tx.prepare_cached(&format!(
        "INSERT INTO customer_scores ({COLUMNS}) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)"
    ))?;
    let mut upd = tx.prepare_cached(
        "UPDATE customer_scores SET last_order_day = ?2, f_orders = ?3, m_fen = ?4,
             lifetime_orders = ?5, rfm_class = ?6, r_score = ?7, f_score = ?8, m_score = ?9,
             stage = ?10, is_returning = ?11
         WHERE customer_id = ?1",
    )?;
    for (id, row, exists) in upserts {
        let v = values(as_of, id, row);
        if exists {
            upd.execute(rusqlite::params_from_iter(v.iter()))?;
            w.updated += 1;
        } else {
            ins.execute(rusqlite::params_from_iter(v.iter()))?;
            w.inserted += 1;
        }
    }
    Ok(w)
}

fn rewrite(tx: &Connection, as_of: NaiveDate, ids: &[i64], rows: &[Scored]) -> Result<()> {
    // the table's indexes, dropped and made again from their own SQL: building an index once is
    // cheaper than 100,000 single inserts into it
    let indexes: Vec<(String, String)> = tx
        .prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND tbl_name = 'customer_scores' AND sql IS NOT NULL",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (name, _) in &indexes {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    tx.execute("DELETE FROM customer_scores", [])?;
    let values: Vec<[Value; 11]> = ids
        .iter()
        .zip(rows)
        .map(|(id, r)| values(as_of, *id, r))
        .collect();
    insert_rows(
        tx,
        &format!("INSERT INTO customer_scores ({COLUMNS})"),
        "(?,?,?,?,?,?,?,?,?,?,?)",
        &values,
        |row, out| out.extend(row.iter().map(|v| v as &dyn rusqlite::types::ToSql)),
    )?;
    for (_, sql) in &indexes {
        tx.execute_batch(sql)?;
    }
    Ok(())
}
