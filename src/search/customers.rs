//! Finding customers: the gram table for 1–2 characters, the trigram index (plus an index on
//! the lower-cased term for exact and prefix hits) for 3 and more.

use super::{CustomerHit, MatchField, MatchKind, Matched, Query};
use crate::{phone, Result};
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// How many candidate terms a long query looks at before ranking. Enough for every realistic
/// query; a very broad one (3 digits every phone contains) ranks within this sample.
const CANDIDATES: usize = 150;

/// One ranked match: the best term of one customer.
#[derive(Debug, Clone)]
pub(super) struct Ranked {
    pub customer_id: i64,
    pub src: i64,
    pub text: String,
    pub kind: MatchKind,
}

fn field_of(src: i64) -> MatchField {
    match src & 7 {
        0 => MatchField::Name,
        1 => MatchField::Email,
        2 => MatchField::Wechat,
        3 => MatchField::Phone,
        _ => MatchField::Nick,
    }
}

fn kind_code(k: i64) -> MatchKind {
    match k {
        0 => MatchKind::Exact,
        1 => MatchKind::Prefix,
        _ => MatchKind::Contains,
    }
}

/// Best term per customer, best customers first, at most `limit`.
pub(super) fn ranked_ids(conn: &Connection, q: &Query, limit: usize) -> Result<Vec<Ranked>> {
    if q.uses_trigrams() {
        long_query(conn, q, limit)
    } else {
        short_query(conn, q, limit)
    }
}

fn short_query(conn: &Connection, q: &Query, limit: usize) -> Result<Vec<Ranked>> {
    // The primary key is (gram, kind, rank, …): the first rows are the best ones.
    let mut stmt = conn.prepare_cached(
        "SELECT g.customer_id, g.kind, g.src, t.text FROM search_grams g
           JOIN search_terms t ON t.src = g.src
          WHERE g.gram = ?1 ORDER BY g.kind, g.rank, g.customer_id LIMIT ?2",
    )?;
    let mut at: HashMap<i64, usize> = HashMap::new();
    let mut out: Vec<Ranked> = Vec::new();
    let mut rows = stmt.query(params![q.text, (limit * 4) as i64])?;
    while let Some(r) = rows.next()? {
        let hit = Ranked {
            customer_id: r.get(0)?,
            kind: kind_code(r.get(1)?),
            src: r.get(2)?,
            text: r.get(3)?,
        };
        match at.get(&hit.customer_id) {
            // Same customer, equally good: say "name" rather than "nick" when both match.
            Some(&i) if out[i].kind == hit.kind && field_of(hit.src) == MatchField::Name => {
                out[i] = hit;
            }
            Some(_) => {}
            None if out.len() < limit => {
                at.insert(hit.customer_id, out.len());
                out.push(hit);
            }
            None => {}
        }
    }
    Ok(out)
}

fn long_query(conn: &Connection, q: &Query, limit: usize) -> Result<Vec<Ranked>> {
    let mut cands: Vec<(i64, i64, String)> = Vec::new();
    // Exact and prefix hits come from an ordinary index, so they are never crowded out.
    let mut prefix = conn.prepare_cached(
        "SELECT src, customer_id, text FROM search_terms
          WHERE lower(text) >= ?1 AND lower(text) < ?1 || char(1114111) LIMIT ?2",
    )?;
    for r in prefix.query_map(params![q.text, CANDIDATES as i64], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    })? {
        cands.push(r?);
    }
    let mut inside = conn.prepare_cached(
        "SELECT t.src, t.customer_id, t.text FROM search_terms_fts f
           JOIN search_terms t ON t.src = f.rowid
          WHERE search_terms_fts MATCH ?1 AND instr(lower(t.text), ?2) > 0
          LIMIT ?3",
    )?;
    for r in inside.query_map(
        params![q.fts_expression(), q.text, CANDIDATES as i64],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )? {
        cands.push(r?);
    }
    let mut rank_of =
        conn.prepare_cached("SELECT rank FROM search_customer_rank WHERE customer_id = ?1")?;
    let mut scored = Vec::with_capacity(cands.len());
    for (src, customer_id, text) in cands {
        let kind = MatchKind::of(&text.to_lowercase(), &q.text);
        let rank: i64 = rank_of
            .query_row([customer_id], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        scored.push((kind, rank, customer_id, src, text));
    }
    // Best kind, then rank, then (for one customer) a name before other fields.
    scored.sort_by_key(|a| (a.0, a.1, a.2, a.3 & 7 != 0, a.3));
    let mut seen = HashSet::new();
    Ok(scored
        .into_iter()
        .filter(|s| seen.insert(s.2))
        .take(limit)
        .map(|(kind, _, customer_id, src, text)| Ranked {
            customer_id,
            src,
            text,
            kind,
        })
        .collect())
}

/// Ranked customers with what the user sees of them.
pub(super) fn find(
    conn: &Connection,
    q: &Query,
    limit: usize,
    unmasked: bool,
) -> Result<Vec<CustomerHit>> {
    let ranked = ranked_ids(conn, q, limit)?;
    let mut stmt = conn.prepare_cached(
        "SELECT c.name, c.province, c.city,
                (SELECT phone FROM customer_phones p WHERE p.customer_id = c.id
                  ORDER BY position, id LIMIT 1),
                coalesce(s.orders_count, 0), coalesce(s.spend_fen, 0), s.last_order_at
           FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id
          WHERE c.id = ?1 AND c.deleted_at IS NULL AND c.merged_into IS NULL
            AND c.erased_at IS NULL",
    )?;
    let show = |e164: &str| {
        if unmasked {
            phone::display(e164)
        } else {
            phone::mask(e164)
        }
    };
    let mut out = Vec::with_capacity(ranked.len());
    for r in ranked {
        let row = stmt
            .query_row([r.customer_id], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<String>>(1)?,
                    row.get::<_, Option<String>>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, i64>(4)?,
                    row.get::<_, i64>(5)?,
                    row.get::<_, Option<String>>(6)?,
                ))
            })
            .optional()?;
        let Some((name, province, city, first_phone, orders_count, spend_fen, last)) = row else {
            continue; // not active any more (the index follows in the same transaction)
        };
        let field = field_of(r.src);
        let text = if field == MatchField::Phone && !unmasked {
            phone::mask(&r.text)
        } else {
            r.text
        };
        out.push(CustomerHit {
            id: r.customer_id,
            name,
            phone: first_phone.as_deref().map(show),
            province,
            city,
            orders_count,
            spend_fen,
            last_order_at: last,
            matched: Matched {
                field,
                kind: r.kind,
                text,
            },
        });
    }
    Ok(out)
}
