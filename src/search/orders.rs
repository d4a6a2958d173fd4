//! Finding orders by any part of the order number (3+ characters): exact and prefix hits from
//! the ordinary order-number index, the rest from the trigram index, newest first. Orders of
//! customers in the recycle bin or merged away are left out.

use super::{MatchField, MatchKind, Matched, OrderHit, Query};
use crate::Result;
use rusqlite::{params, Connection, OptionalExtension};

pub(super) fn find(conn: &Connection, q: &Query, limit: usize) -> Result<Vec<OrderHit>> {
    let q = &q.as_typed(); // order numbers keep their dashes and letters
    if !q.uses_trigrams() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<i64> = Vec::new();
    // A few more than shown: hydrating a candidate reads an order page (cold on a big store).
    let want = (limit + 5) as i64;
    let mut prefix = conn.prepare_cached(
        "SELECT id FROM orders WHERE order_no >= ?1 AND order_no < ?1 || char(1114111)
          ORDER BY order_no LIMIT ?2",
    )?;
    for r in prefix.query_map(params![q.text, want], |r| r.get(0))? {
        ids.push(r?);
    }
    let mut inside = conn.prepare_cached(
        "SELECT o.id FROM search_orders_fts f JOIN orders o ON o.id = f.rowid
          WHERE search_orders_fts MATCH ?1 AND instr(lower(o.order_no), ?2) > 0
          ORDER BY f.rowid DESC LIMIT ?3",
    )?;
    for r in inside.query_map(params![q.fts_expression(), q.text, want], |r| r.get(0))? {
        let id: i64 = r?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT o.order_no, o.channel, o.status, o.ordered_at, o.paid_fen, o.customer_id, c.name
           FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
          WHERE o.id = ?1 AND (c.id IS NULL OR (c.deleted_at IS NULL AND c.merged_into IS NULL))",
    )?;
    let mut hits = Vec::with_capacity(ids.len());
    for id in ids {
        let hit = stmt
            .query_row([id], |r| {
                let order_no: String = r.get(0)?;
                Ok(OrderHit {
                    id,
                    matched: Matched {
                        field: MatchField::OrderNo,
                        kind: MatchKind::of(&order_no.to_lowercase(), &q.text),
                        text: order_no.clone(),
                    },
                    order_no,
                    channel: r.get(1)?,
                    status: r.get(2)?,
                    ordered_at: r.get(3)?,
                    paid_fen: r.get(4)?,
                    customer_id: r.get(5)?,
                    customer_name: r.get(6)?,
                })
            })
            .optional()?;
        hits.extend(hit);
    }
    hits.sort_by(|a, b| {
        a.matched
            .kind
            .cmp(&b.matched.kind)
            .then_with(|| b.ordered_at.cmp(&a.ordered_at))
            .then_with(|| b.id.cmp(&a.id))
    });
    hits.truncate(limit);
    Ok(hits)
}
