//! Orders → points, as one set-based sweep ([`sync_in_tx`]) instead of a hook in every order
//! writer: the periodic job, the end of an import and manual order writes call it, and the
//! import's per-row fast path stays untouched.
//!
//! The same order never earns twice: its earn row's idempotency key is `order:{id}@{created_at}`
//! (a re-import of the same order matches the same row, so nothing happens; an order deleted and
//! re-created is a new order). Re-imports, edits, status changes and re-runs add nothing.
//! Refunds reverse proportionally, `earned × refunded ÷ paid` (rounded down; a full refund
//! reverses everything), so the rate stored on the earn row — not today's — decides. A
//! cancelled order or one deleted by an import undo reverses its points in full. Reversals
//! never take a balance below zero: what cannot be taken now is taken by a later sweep once
//! the customer has points again (the cumulative target is the key, so nothing doubles).

use super::ledger::{append, cached_balance, NewEntry, Reason, Source};
use super::rules::{version_at, version_ref, ExpiryPolicy, RuleVersion};
use crate::{orders::counted_statuses_sql, store::ts, Result};
use chrono::{DateTime, Months, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

/// Which orders a sweep looks at.
#[derive(Clone, Copy, Debug)]
pub enum Scope<'a> {
    /// What changed since the last sweep: orders above the swept id, and orders the triggers
    /// marked (status, amounts or customer changed; deleted). The job uses this.
    All,
    /// Every order and every earn row (a repair; the same result as `All`, slower).
    Full,
    /// Only these customers' orders and earn rows (after a manual order write).
    Customers(&'a [i64]),
}

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    pub earned_orders: u64,
    pub earned_points: i64,
    pub reversed_orders: u64,
    pub reversed_points: i64,
    /// Redeemed points given back for refunded / cancelled orders.
    pub returned_points: i64,
    /// Coupons restored to customers (their order refunded in full or cancelled).
    pub restored_coupons: u64,
}

fn filter(scope: Scope, column: &str) -> String {
    match scope {
        Scope::Full => "1".into(),
        Scope::All if column == "o.customer_id" => {
            "(o.id > (SELECT coalesce(max(orders_swept_max_id), 0)
             FROM loyalty_job_state) OR o.id IN (SELECT order_id FROM loyalty_dirty_orders))"
                .into()
        }
        Scope::All => "e.source_id IN (SELECT order_id FROM loyalty_dirty_orders)".into(),
        Scope::Customers(ids) => format!(
            "{column} IN ({})",
            ids.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// The SQL `CASE` giving a customer's tier multiplier (percent) under these rules.
pub(crate) fn multiplier_case(v: &RuleVersion, tier_column: &str) -> String {
    let mut s = format!("CASE {tier_column}");
    for t in &v.rules.tiers {
        // codes are validated: letters, digits, underscore
        s.push_str(&format!(" WHEN '{}' THEN {}", t.code, t.multiplier_pct));
    }
    let first = v.rules.tiers.first().map_or(100, |t| t.multiplier_pct);
    s.push_str(&format!(" ELSE {first} END"));
    s
}

/// Earn for every paid order without an earn row, then reverse what refunds, cancellations and
/// deletions call for. Operator of the rows: `operator` (a user name, or "job").
pub fn sync_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    scope: Scope,
) -> Result<SyncReport> {
    if let Scope::Customers(ids) = scope {
        if ids.is_empty() {
            return Ok(SyncReport::default());
        }
    }
    let v = version_at(tx, now)?;
    let mut report = SyncReport::default();
    // new orders above this id are swept now; marks are taken now (re-marked below if a
    // reversal could not be taken in full)
    let max_id: i64 = tx.query_row("SELECT coalesce(max(id), 0) FROM orders", [], |r| r.get(0))?;
    let (kind, months, expires_at) = match v.rules.expiry {
        ExpiryPolicy::Off => ("none", None, None),
        ExpiryPolicy::AfterEarning { months } => (
            "after_earning",
            Some(months),
            now.checked_add_months(Months::new(months)),
        ),
        ExpiryPolicy::Inactivity { months } => ("inactivity", Some(months), None),
    };
    let counted = counted_statuses_sql();
    let mult = multiplier_case(&v, "t.tier");
    let lock = format!("+{} days", v.rules.lock_days);
    // Earn: one INSERT … SELECT; points rounded down per order, 0-point orders skipped.
    let earn_sql = format!(
        "INSERT INTO points_ledger (customer_id, delta, reason, source, source_id, rule_version_id,
             points_per_yuan, multiplier_pct, base_fen, operator, at, usable_from, expiry_kind,
             expiry_months, expires_at, idempotency_key)
         SELECT customer_id, points, 'earn', 'order', id, ?1, ?2, mult, base, ?3, ?4,
                max(?4, strftime('%Y-%m-%dT%H:%M:%fZ', paid, ?5)), ?6, ?7, ?8, k
         FROM (SELECT o.id, o.customer_id, coalesce(o.paid_at, o.ordered_at) AS paid,
                      max(o.paid_fen - o.shipping_fen, 0) AS base, {mult} AS mult,
                      max(o.paid_fen - o.shipping_fen, 0) * ?2 * ({mult}) / 10000 AS points,
                      'order:' || o.id || '@' || o.created_at AS k
               FROM orders o LEFT JOIN customer_tiers t ON t.customer_id = o.customer_id
               WHERE o.customer_id IS NOT NULL AND o.status IN ({counted})
                 AND {filter})
         WHERE points > 0
           AND NOT EXISTS (SELECT 1 FROM points_ledger l WHERE l.idempotency_key = k)",
        filter = filter(scope, "o.customer_id"),
    );
    let earned_sum = |tx: &Connection| -> Result<i64> {
        Ok(tx.query_row(
            "SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE at = ?1 AND reason = 'earn'",
            [ts(now)],
            |r| r.get(0),
        )?)
    };
    let before = earned_sum(tx)?;
    let n = tx.execute(
        &earn_sql,
        params![
            version_ref(&v),
            v.rules.points_per_yuan,
            operator,
            ts(now),
            lock,
            kind,
            months,
            expires_at.map(ts)
        ],
    )?;
    report.earned_orders = n as u64;
    if n > 0 {
        report.earned_points = earned_sum(tx)? - before;
    }
    // Reversals: earn rows whose order is gone, replaced, no longer paid, or (partly) refunded.
    let rev_sql = format!(
        "SELECT e.id, e.customer_id, e.delta, NULL, NULL, NULL, e.source_id,
                (o.id IS NOT NULL AND e.idempotency_key = 'order:' || o.id || '@' || o.created_at),
                o.status IN ({counted}), o.paid_fen, o.refunded_fen,
                (SELECT coalesce(-sum(r.delta), 0) FROM points_ledger r WHERE r.reverses_id = e.id)
         FROM points_ledger e INDEXED BY points_ledger_order_earns
              LEFT JOIN orders o ON o.id = e.source_id
         WHERE e.reason = 'earn' AND e.source = 'order' AND {filter}
           AND (o.id IS NULL OR e.idempotency_key <> 'order:' || o.id || '@' || o.created_at
                OR o.status NOT IN ({counted}) OR o.refunded_fen > 0)",
        filter = filter(scope, "e.customer_id"),
    );
    struct Cand {
        id: i64,
        customer: i64,
        earned: i64,
        rate: Option<i64>,
        mult: Option<i64>,
        version: Option<i64>,
        order: Option<i64>,
        same: bool,
        counted: bool,
        paid: i64,
        refunded: i64,
        already: i64,
    }
    let cands: Vec<Cand> = tx
        .prepare(&rev_sql)?
        .query_map([], |r| {
            Ok(Cand {
                id: r.get(0)?,
                customer: r.get(1)?,
                earned: r.get(2)?,
                rate: r.get(3)?,
                mult: r.get(4)?,
                version: r.get(5)?,
                order: r.get(6)?,
                same: r.get::<_, Option<bool>>(7)?.unwrap_or(false),
                counted: r.get::<_, Option<bool>>(8)?.unwrap_or(false),
                paid: r.get::<_, Option<i64>>(9)?.unwrap_or(0),
                refunded: r.get::<_, Option<i64>>(10)?.unwrap_or(0),
                already: r.get(11)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut owed: Vec<i64> = Vec::new();
    for c in cands {
        let target = if !c.same || !c.counted || c.paid <= 0 {
            c.earned
        } else {
            (c.earned as i128 * c.refunded.min(c.paid) as i128 / c.paid as i128) as i64
        };
        if target <= c.already {
            continue;
        }
        // the rate and rule the earn row used (read only for rows that need a reversal)
        let (rate, mult, version): (Option<i64>, Option<i64>, Option<i64>) = tx
            .prepare_cached(
                "SELECT points_per_yuan, multiplier_pct, rule_version_id FROM points_ledger WHERE id = ?1",
            )?
            .query_row([c.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        let c = Cand {
            rate,
            mult,
            version,
            ..c
        };
        let customer = follow_merges(tx, c.customer)?;
        let room = cached_balance(tx, customer)?.max(0);
        let take = (target - c.already).min(room);
        if take < target - c.already {
            owed.extend(c.order);
        }
        if take <= 0 {
            continue;
        }
        let mut e = NewEntry::new(
            customer,
            -take,
            Reason::Reverse,
            Source::Order,
            operator,
            now,
            format!("reverse:{}:{}", c.id, c.already + take),
        );
        e.source_id = c.order;
        e.reverses_id = Some(c.id);
        e.points_per_yuan = c.rate;
        e.multiplier_pct = c.mult;
        e.rule_version_id = c.version;
        e.base_fen = Some(c.refunded);
        if append(tx, &e)?.is_some() {
            report.reversed_orders += 1;
            report.reversed_points += take;
        }
    }
    // points and coupons redeemed on refunded / cancelled orders come back
    let (points, coupons) = super::redemption::settle_in_tx(tx, now, operator, scope)?;
    report.returned_points += points;
    report.restored_coupons += coupons;
    if matches!(scope, Scope::All | Scope::Full) {
        tx.execute_batch("DELETE FROM loyalty_dirty_orders")?;
        tx.execute(
            "INSERT INTO loyalty_job_state (id, orders_swept_max_id) VALUES (1, ?1)
             ON CONFLICT (id) DO UPDATE SET orders_swept_max_id = excluded.orders_swept_max_id",
            [max_id],
        )?;
        // a reversal that could not be taken in full (balance 0) is tried again next time
        let mut mark =
            tx.prepare_cached("INSERT OR IGNORE INTO loyalty_dirty_orders (order_id) VALUES (?1)")?;
        for id in owed {
            mark.execute([id])?;
        }
    }
    Ok(report)
}

/// The customer that holds a merged-away customer's points now.
pub(crate) fn follow_merges(conn: &Connection, mut id: i64) -> Result<i64> {
    for _ in 0..16 {
        // a customer removed by an import undo has no row: its own rows stay with its id
        let next: Option<i64> = rusqlite::OptionalExtension::optional(
            conn.prepare_cached("SELECT merged_into FROM customers WHERE id = ?1")?
                .query_row([id], |r| r.get::<_, Option<i64>>(0)),
        )?
        .flatten();
        match next {
            Some(n) if n != id => id = n,
            _ => break,
        }
    }
    Ok(id)
}
