//! Orders → points, as one set-based sweep ([`sync_in_tx`]) instead of a hook in every order
//! writer: the periodic job, the end of an import (and of its undo) and manual order writes
//! call it, and the import's per-row fast path stays untouched. Only orders that may earn now
//! do ([`super::status`]: not while loyalty is off, not orders paid before the owner's choice
//! when switching it on, not past orders waiting for the first run's batches).
//!
//! What an order's points are is one pure rule, [`super::formula`]: the points on what was
//! kept — at the rate and tier multiplier stored on its earn row — and nothing once it no
//! longer counts (unpaid, refunded, cancelled, deleted). The sweep makes the ledger say that,
//! whatever the order of events:
//! - **Earn**: an order without an earn row earns what it keeps *now* (a ¥200 order imported
//!   with ¥50 already refunded earns 150 points at 1 per yuan, not 200), one INSERT … SELECT
//!   through `ledger::append_select`, the formula as SQL from `formula`. Its idempotency key is
//!   `order:{id}@{created_at}`: a re-import of the same order matches the same row, so nothing
//!   happens; an order deleted and re-created is a new order.
//! - **Correct**: every earn row of a changed order (`loyalty_dirty_orders`, marked by
//!   triggers; every earn row under [`Scope::Full`]) whose points — the row plus the rows
//!   correcting it (`reverses_id`) — differ from the rule gets one correcting row
//!   ([`super::formula::correction`]): a reversal (`reverse:{earn}:{taken so far}`) when it
//!   holds too much (a refund, a cancellation, an import undo), points back (reason `earn`,
//!   `restore:{earn}:{given so far}`) when it holds too little (cancelled, then paid again).
//!   Both keys count up, so a re-run writes nothing.
//!
//! Reversals never take a balance below zero: what cannot be taken now is taken by a later
//! sweep once the customer has points again (the order stays marked; the cumulative key makes
//! sure nothing doubles). `laoke verify` checks every order against the same rule
//! ([`super::check`]) and `laoke loyalty repair` runs the sweep over every order.

use super::formula;
use super::holder::follow_merges;
use super::ledger::{append, append_select, cached_balance, NewEntry, Reason, Source};
use super::rules::{version_at, version_ref, RuleVersion};
use crate::{orders::counted_statuses_sql, store::ts, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

pub use super::scope::Scope;

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    /// Orders that earned (first earn, or points back for an order that counts again).
    pub earned_orders: u64,
    pub earned_points: i64,
    pub reversed_orders: u64,
    pub reversed_points: i64,
    /// Redeemed points given back for refunded / cancelled orders.
    pub returned_points: i64,
    /// Coupons restored to customers (their order refunded in full or cancelled).
    pub restored_coupons: u64,
}

pub(crate) fn filter(scope: Scope, column: &str) -> String {
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

/// Earn for every paid order without an earn row, then correct the orders whose points differ
/// from the rule (refunds, cancellations, deletions, paid again). Operator of the rows:
/// `operator` (a user name, or "job").
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
    let (kind, months, expires_at) = super::expiry::stamp(&v, now);
    let lock = format!("+{} days", v.rules.lock_days);
    let (n, points) = earn_new_in_tx(tx, now, operator, &v, &filter(scope, "o.customer_id"))?;
    report.earned_orders = n;
    report.earned_points = points;
    // Corrections: earn rows whose order's points differ from what they hold.
    let mut owed: Vec<i64> = Vec::new();
    for c in off_rule(tx, &filter(scope, "e.customer_id"), now, &lock)? {
        let customer = follow_merges(tx, c.customer)?;
        let delta = formula::correction(c.held, c.target, cached_balance(tx, customer)?);
        if delta != c.target - c.held {
            owed.extend(c.order);
        }
        if delta == 0 {
            continue;
        }
        let (reason, key) = if delta < 0 {
            (
                Reason::Reverse,
                format!("reverse:{}:{}", c.id, c.taken - delta),
            )
        } else {
            (
                Reason::Earn,
                format!("restore:{}:{}", c.id, c.given + delta),
            )
        };
        let mut e = NewEntry::new(customer, delta, reason, Source::Order, operator, now, key);
        e.source_id = c.order;
        e.reverses_id = Some(c.id);
        e.points_per_yuan = c.rate;
        e.multiplier_pct = c.mult;
        e.rule_version_id = c.version;
        if delta < 0 {
            e.base_fen = Some(c.refunded);
        } else {
            // points back are a new lot: locked as a new earn, expiring under today's rules
            e.usable_from = Some(c.usable_from);
            e.expiry = (kind, months, expires_at);
            e.note = "订单恢复计入 / the order counts again";
        }
        if append(tx, &e)?.is_some() {
            if delta < 0 {
                report.reversed_orders += 1;
                report.reversed_points -= delta;
            } else {
                report.earned_orders += 1;
                report.earned_points += delta;
            }
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
    }
    // a reversal that could not be taken in full (balance 0) is tried again by the next sweep
    let mut mark =
        tx.prepare_cached("INSERT OR IGNORE INTO loyalty_dirty_orders (order_id) VALUES (?1)")?;
    for id in owed {
        mark.execute([id])?;
    }
    Ok(report)
}

/// Earn for every paid order matching `filter` (on `o.`) that has no earn row yet and may earn
/// ([`super::status::eligible_sql`]: loyalty on, paid since it was switched on or in the past
/// the owner chose, not waiting for the first run's batches): one INSERT … SELECT through
/// `ledger::append_select`, each order the points it keeps (rounded down as the formula says),
/// 0-point orders skipped. Returns (orders, points). Also the first run's batches
/// ([`super::program`]), with an order-id range as the filter.
pub(crate) fn earn_new_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    v: &RuleVersion,
    filter: &str,
) -> Result<(u64, i64)> {
    let (kind, months, expires_at) = super::expiry::stamp(v, now);
    let counted = counted_statuses_sql();
    let mult = multiplier_case(v, "t.tier");
    let lock = format!("+{} days", v.rules.lock_days);
    let eligible = super::status::eligible_sql(tx)?;
    let select = format!(
        "SELECT customer_id, points, 'earn', 'order', id, ?1, ?2, mult, base, ?3, ?4,
                max(?4, strftime('%Y-%m-%dT%H:%M:%fZ', paid, ?5)), ?6, ?7, ?8, k
         FROM (SELECT o.id, o.customer_id, coalesce(o.paid_at, o.ordered_at) AS paid,
                      {base} AS base, {mult} AS mult, {points} AS points,
                      'order:' || o.id || '@' || o.created_at AS k
               FROM orders o LEFT JOIN customer_tiers t ON t.customer_id = o.customer_id
               WHERE o.customer_id IS NOT NULL AND o.status IN ({counted})
                 AND {filter} AND {eligible})
         WHERE points > 0
           AND NOT EXISTS (SELECT 1 FROM points_ledger l WHERE l.idempotency_key = k)",
        base = formula::base_sql("o.paid_fen", "o.shipping_fen"),
        points = formula::order_points_sql(
            "o.paid_fen",
            "o.shipping_fen",
            "o.refunded_fen",
            "?2",
            &mult
        ),
    );
    let earned_sum = |tx: &Connection| -> Result<i64> {
        Ok(tx.query_row(
            "SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE at = ?1 AND reason = 'earn'",
            [ts(now)],
            |r| r.get(0),
        )?)
    };
    let before = earned_sum(tx)?;
    let n = append_select(
        tx,
        "customer_id, delta, reason, source, source_id, rule_version_id, points_per_yuan,
         multiplier_pct, base_fen, operator, at, usable_from, expiry_kind, expiry_months,
         expires_at, idempotency_key",
        &select,
        params![
            version_ref(v),
            v.rules.points_per_yuan,
            operator,
            ts(now),
            lock,
            kind,
            months,
            expires_at.map(ts)
        ],
    )?;
    let points = if n > 0 { earned_sum(tx)? - before } else { 0 };
    Ok((n as u64, points))
}

/// An earn row whose order's points differ from what it holds.
pub(crate) struct OffRule {
    /// The earn row.
    pub id: i64,
    /// Its customer (before merges).
    pub customer: i64,
    pub order: Option<i64>,
    pub rate: Option<i64>,
    pub mult: Option<i64>,
    pub version: Option<i64>,
    pub refunded: i64,
    /// What the row and its corrections hold now.
    pub held: i64,
    /// What the rule says it should hold.
    pub target: i64,
    /// Taken back so far (minus the negative corrections), given back so far.
    pub taken: i64,
    pub given: i64,
    /// For points given back: locked until the order's payment + the lock period (not before now).
    pub usable_from: DateTime<Utc>,
}

/// The earn rows (of orders, matching `filter` on `e.`) whose points differ from
/// [`formula::order_points`]: the rule in SQL, one pass. Also what `laoke verify` reads.
pub(crate) fn off_rule(
    conn: &Connection,
    filter: &str,
    now: DateTime<Utc>,
    lock: &str,
) -> Result<Vec<OffRule>> {
    let counted = counted_statuses_sql();
    let target = formula::order_points_sql(
        "o.paid_fen",
        "o.shipping_fen",
        "o.refunded_fen",
        "coalesce(e.points_per_yuan, 0)",
        "coalesce(e.multiplier_pct, 100)",
    );
    let sql = format!(
        "SELECT id, customer_id, source_id, points_per_yuan, multiplier_pct, rule_version_id,
                refunded, delta + given - taken AS held, target, taken, given,
                max(?1, strftime('%Y-%m-%dT%H:%M:%fZ', paid, ?2))
         FROM (SELECT e.id, e.customer_id, e.source_id, e.points_per_yuan, e.multiplier_pct,
                      e.rule_version_id, e.delta, coalesce(o.refunded_fen, 0) AS refunded,
                      coalesce(o.paid_at, o.ordered_at, ?1) AS paid,
                      CASE WHEN o.id IS NOT NULL
                                AND e.idempotency_key = 'order:' || o.id || '@' || o.created_at
                                AND o.customer_id IS NOT NULL AND o.status IN ({counted})
                           THEN {target} ELSE 0 END AS target,
                      coalesce((SELECT -sum(r.delta) FROM points_ledger r
                                WHERE r.reverses_id = e.id AND r.delta < 0), 0) AS taken,
                      coalesce((SELECT sum(r.delta) FROM points_ledger r
                                WHERE r.reverses_id = e.id AND r.delta > 0), 0) AS given
               FROM points_ledger e INDEXED BY points_ledger_order_earns
                    LEFT JOIN orders o ON o.id = e.source_id
               WHERE e.reason = 'earn' AND e.source = 'order' AND e.reverses_id IS NULL
                 AND {filter})
         WHERE delta + given - taken <> target
         ORDER BY id",
    );
    let rows = conn
        .prepare(&sql)?
        .query_map(params![ts(now), lock], |r| {
            Ok(OffRule {
                id: r.get(0)?,
                customer: r.get(1)?,
                order: r.get(2)?,
                rate: r.get(3)?,
                mult: r.get(4)?,
                version: r.get(5)?,
                refunded: r.get(6)?,
                held: r.get(7)?,
                target: r.get(8)?,
                taken: r.get(9)?,
                given: r.get(10)?,
                usable_from: crate::time::parse_ts(&r.get::<_, String>(11)?)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
