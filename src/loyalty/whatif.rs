//! What-if: before saving new rules, see what they would do. The preview runs the real thing —
//! save the rules and run the job at this instant — inside a transaction that is then rolled
//! back, so "apply" ([`apply`]: the same two steps, committed) gives exactly the previewed
//! result by construction (and a test checks it). It also replays the last 12 months of orders
//! at the old and new earn rates (what a year of earning would have been), each order earning
//! what the sweep would give it ([`super::formula`]: points on what was kept).

use super::{
    earn::multiplier_case,
    job::{self, JobReport},
    reports::{liability_of, Liability},
    rules::{save_in_tx, version_at, LoyaltyRules, RuleVersion},
};
use crate::{
    auth::{Permission, Session},
    orders::counted_statuses_sql,
    store::{ts, Store},
    Result,
};
use chrono::{DateTime, Months, Utc};
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct WhatIf {
    pub job: JobReport,
    /// Customers whose tier the new rules change now.
    pub customers_changing_tier: u64,
    /// Customers per tier code after the change, lowest tier first.
    pub tier_counts: Vec<(String, i64)>,
    /// Points the job would expire now.
    pub points_expiring_now: i64,
    pub liability_before: Liability,
    pub liability_after: Liability,
    pub liability_change_points: i64,
    /// The last 12 months of paid orders, earned at the current and at the new rules.
    pub replay_points_current: i64,
    pub replay_points_new: i64,
}

fn replay_points(conn: &Connection, rules: &LoyaltyRules, now: DateTime<Utc>) -> Result<i64> {
    let v = RuleVersion {
        id: 0,
        effective_at: now,
        created_by: String::new(),
        rules: rules.clone(),
    };
    let from = now.checked_sub_months(Months::new(12)).unwrap_or(now);
    // what each order earns under these rules: the sweep's own formula
    let points = super::formula::order_points_sql(
        "o.paid_fen",
        "o.shipping_fen",
        "o.refunded_fen",
        "?1",
        &multiplier_case(&v, "t.tier"),
    );
    let sql = format!(
        "SELECT coalesce(sum({points}), 0)
         FROM orders o LEFT JOIN customer_tiers t ON t.customer_id = o.customer_id
         WHERE o.customer_id IS NOT NULL AND o.status IN ({}) AND o.ordered_at >= ?2",
        counted_statuses_sql()
    );
    Ok(conn.query_row(
        &sql,
        rusqlite::params![rules.points_per_yuan, ts(from)],
        |r| r.get(0),
    )?)
}

fn simulate(tx: &Connection, now: DateTime<Utc>, by: &str, rules: &LoyaltyRules) -> Result<WhatIf> {
    let replay_points_current = replay_points(tx, &version_at(tx, now)?.rules, now)?;
    let replay_points_new = replay_points(tx, rules, now)?;
    let liability_before = liability_of(tx, now)?;
    let last_hist: i64 =
        tx.query_row("SELECT coalesce(max(id), 0) FROM tier_history", [], |r| {
            r.get(0)
        })?;
    save_in_tx(tx, now, by, rules, None)?;
    let job = job::run_in_tx(tx, now)?;
    let customers_changing_tier: i64 = tx.query_row(
        "SELECT count(DISTINCT customer_id) FROM tier_history WHERE id > ?1",
        [last_hist],
        |r| r.get(0),
    )?;
    let liability_after = liability_of(tx, now)?;
    let tier_counts = liability_after.tier_counts.clone();
    Ok(WhatIf {
        customers_changing_tier: customers_changing_tier as u64,
        tier_counts,
        points_expiring_now: job.expiry.points,
        liability_change_points: liability_after.outstanding_points
            - liability_before.outstanding_points,
        job,
        liability_before,
        liability_after,
        replay_points_current,
        replay_points_new,
    })
}

/// Preview new rules (owner). Nothing is saved.
pub fn preview(store: &Store, s: &Session, rules: &LoyaltyRules) -> Result<WhatIf> {
    s.require(Permission::ManageSettings)?;
    rules.validate()?;
    let now = store.now();
    let tx = rusqlite::Transaction::new_unchecked(store.conn(), TransactionBehavior::Immediate)?;
    let out = simulate(&tx, now, s.username(), rules);
    tx.rollback()?;
    out
}

/// Save new rules and run the job with them at once (owner; audited): exactly what
/// [`preview`] showed.
pub fn apply(store: &Store, s: &Session, rules: &LoyaltyRules) -> Result<WhatIf> {
    s.require(Permission::ManageSettings)?;
    rules.validate()?;
    store.write(|tx, now| {
        let w = simulate(tx, now, s.username(), rules)?;
        crate::audit::record(
            tx,
            now,
            s.audit_actor(),
            "loyalty_rules_changed",
            "",
            serde_json::json!({"pointsPerYuan": rules.points_per_yuan,
                                                "expiry": rules.expiry, "tiers": rules.tiers.len(),
                                                "tierChanges": w.customers_changing_tier}),
        )?;
        Ok(w)
    })
}
