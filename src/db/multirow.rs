//! Multi-row INSERTs for the batched writers (`orders::write`, the import's customers in
//! `import::fast`): one statement of up to 256 rows instead of 256 single-row statements.
//!
//! Why: a million single-row INSERTs pay a million times for what does not depend on the row —
//! opening a cursor per index, the AFTER INSERT trigger's program, and above all SQLite's
//! statement journal (a table with a trigger makes every INSERT journal each existing page it
//! touches, so that the one statement could be rolled back alone: a 4 KiB copy per page per
//! row). One INSERT of 256 rows pays that once. A batch is cut into five statement sizes
//! (256, 64, 16, 4, 1 rows) so each table needs only five shapes in the statement cache.

use crate::Result;
use rusqlite::{types::ToSql, Connection};

/// Rows per multi-row INSERT (orders: ~6,000 bound values, far below SQLite's limit).
pub(crate) const BATCH: usize = 256;
/// Statement sizes a batch is cut into: five shapes per table stay in the statement cache.
const CHUNKS: [usize; 5] = [BATCH, 64, 16, 4, 1];

/// Insert `rows` with as few statements as possible: `head` is `INSERT INTO t (cols)`, `one`
/// the placeholder tuple of one row, `bind` pushes one row's values in column order.
pub(crate) fn insert_rows<'a, T>(
    conn: &Connection,
    head: &str,
    one: &str,
    rows: &'a [T],
    bind: impl Fn(&'a T, &mut Vec<&'a dyn ToSql>),
) -> Result<()> {
    let mut rest = rows;
    let mut values: Vec<&'a dyn ToSql> = Vec::new();
    while !rest.is_empty() {
        let n = CHUNKS.into_iter().find(|c| *c <= rest.len()).unwrap_or(1);
        let (chunk, tail) = rest.split_at(n);
        let mut sql = String::with_capacity(head.len() + 8 + n * (one.len() + 2));
        sql.push_str(head);
        sql.push_str(" VALUES ");
        for i in 0..n {
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(one);
        }
        values.clear();
        for r in chunk {
            bind(r, &mut values);
        }
        conn.prepare_cached(&sql)?.execute(values.as_slice())?;
        rest = tail;
    }
    Ok(())
}
