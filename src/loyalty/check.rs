//! Is every order's points right? `laoke verify` asks [`check`]; `laoke loyalty repair` runs
//! [`repair`] (issue 18, "Ledger correctness").
//!
//! The rule is [`super::formula::order_points`]: an order's earn row plus the rows correcting it
//! must hold the points on what was kept (paid − refunded), at the rate and multiplier stored
//! on the earn row; an order that no longer counts, or is gone, holds nothing. The check reads
//! every earn row against its order with that rule in SQL (`earn::off_rule`, the sweep's own
//! query) and reports how many differ, with examples. Two kinds of difference do not make the
//! store wrong, so they are counted apart: a reversal **waiting for points** (the customer's
//! balance is 0: the next sweep takes it once they earn), and paid orders **not earned yet**
//! (the job has not run since they were written by an older version; orders that may not earn
//! — loyalty off, paid before it was switched on — are not counted, [`super::status`]).
//!
//! A repair is the earn sweep over every order ([`super::earn::Scope::Full`]): it earns what
//! was never earned and writes one correcting row per wrong order — never editing an old row
//! (the ledger is append-only). The correcting rows' keys count up (`reverse:{earn}:{taken}`,
//! `restore:{earn}:{given}`), so a second repair writes nothing. Owner only; audited when it
//! changed anything; `--dry-run` does the same in a transaction that is rolled back.

use super::earn::{self, off_rule, Scope, SyncReport};
use super::holder::follow_merges;
use super::ledger::cached_balance;
use super::rules::version_at;
use crate::{
    audit,
    auth::{Permission, Session},
    orders::counted_statuses_sql,
    store::Store,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;

/// How many examples a check keeps.
const EXAMPLES: usize = 10;

/// One order whose points differ from the rule.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PointsMismatch {
    /// The order (None: its earn row names none).
    pub order_id: Option<i64>,
    /// The order's number (None: the order is gone).
    pub order_no: Option<String>,
    /// The customer holding the points now.
    pub customer_id: i64,
    /// Points the order's earn row and its corrections hold.
    pub held: i64,
    /// Points the rule gives it (paid − refunded at the earn row's rate).
    pub expected: i64,
}

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LedgerCheck {
    /// Orders whose points differ from the rule (the store is wrong: `laoke loyalty repair`).
    pub mismatches: u64,
    /// The first few of them, by earn row.
    pub examples: Vec<PointsMismatch>,
    /// Orders holding more than the rule, whose customer's balance is 0: the reversal waits
    /// for the customer's next points (not a fault).
    pub waiting_for_points: u64,
    /// Paid orders with a customer that have not earned yet (the next job run earns them).
    pub not_earned_yet: u64,
}

impl LedgerCheck {
    pub fn is_ok(&self) -> bool {
        self.mismatches == 0
    }
}

/// Every order against the rule (read only).
pub fn check(conn: &Connection, now: DateTime<Utc>) -> Result<LedgerCheck> {
    let v = version_at(conn, now)?;
    let lock = format!("+{} days", v.rules.lock_days);
    let mut out = LedgerCheck::default();
    for c in off_rule(conn, "1", now, &lock)? {
        let customer = follow_merges(conn, c.customer)?;
        if c.held > c.target && cached_balance(conn, customer)? <= 0 {
            out.waiting_for_points += 1;
            continue;
        }
        out.mismatches += 1;
        if out.examples.len() < EXAMPLES {
            let order_no = match c.order {
                Some(id) => rusqlite::OptionalExtension::optional(conn.query_row(
                    "SELECT order_no FROM orders WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                ))?,
                None => None,
            };
            out.examples.push(PointsMismatch {
                order_id: c.order,
                order_no,
                customer_id: customer,
                held: c.held,
                expected: c.target,
            });
        }
    }
    // what the earn sweep would earn now (today's rate, the customer's tier)
    let points = super::formula::order_points_sql(
        "o.paid_fen",
        "o.shipping_fen",
        "o.refunded_fen",
        &v.rules.points_per_yuan.to_string(),
        &earn::multiplier_case(&v, "t.tier"),
    );
    let eligible = super::status::eligible_sql(conn)?;
    let not_earned: i64 = conn.query_row(
        &format!(
            "SELECT count(*) FROM orders o LEFT JOIN customer_tiers t ON t.customer_id = o.customer_id
             WHERE o.customer_id IS NOT NULL AND o.status IN ({}) AND {points} > 0
               AND {eligible}
               AND NOT EXISTS (SELECT 1 FROM points_ledger l
                               WHERE l.idempotency_key = 'order:' || o.id || '@' || o.created_at)",
            counted_statuses_sql()
        ),
        [],
        |r| r.get(0),
    )?;
    out.not_earned_yet = not_earned as u64;
    Ok(out)
}

/// What a repair did.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct RepairReport {
    /// Nothing was kept (a preview).
    pub dry_run: bool,
    pub before: LedgerCheck,
    /// The rows written (or that would be).
    pub sync: SyncReport,
    pub after: LedgerCheck,
}

fn repair_in_tx(tx: &Connection, now: DateTime<Utc>, operator: &str) -> Result<RepairReport> {
    let before = check(tx, now)?;
    let sync = earn::sync_in_tx(tx, now, operator, Scope::Full)?;
    let after = check(tx, now)?;
    Ok(RepairReport {
        dry_run: false,
        before,
        sync,
        after,
    })
}

/// Bring every order's points to the rule (owner). With `dry_run`, only say what it would
/// write.
pub fn repair(store: &Store, s: &Session, dry_run: bool) -> Result<RepairReport> {
    s.require(Permission::ManageSettings)?;
    if dry_run {
        let now = store.now();
        let tx =
            rusqlite::Transaction::new_unchecked(store.conn(), TransactionBehavior::Immediate)?;
        let out = repair_in_tx(&tx, now, s.username());
        tx.rollback()?;
        return out.map(|r| RepairReport { dry_run: true, ..r });
    }
    store.write(|tx, now| {
        let r = repair_in_tx(tx, now, s.username())?;
        if r.sync != SyncReport::default() {
            audit::record(
                tx,
                now,
                s.audit_actor(),
                "loyalty_repaired",
                "",
                serde_json::json!({
                    "mismatchesBefore": r.before.mismatches,
                    "notEarnedBefore": r.before.not_earned_yet,
                    "earnedOrders": r.sync.earned_orders,
                    "earnedPoints": r.sync.earned_points,
                    "reversedOrders": r.sync.reversed_orders,
                    "reversedPoints": r.sync.reversed_points,
                    "mismatchesAfter": r.after.mismatches,
                }),
            )?;
        }
        Ok(r)
    })
}
