//! Member tiers. Qualifying spend = paid − refunded of counted orders over the last 12 months
//! (or lifetime, by the rules), so refunds lower it. Upgrade at once; a tier is kept for the
//! retention period from reaching it, then re-evaluated and lowered at most one level; the
//! owner can lock a customer's tier. `customer_tiers` is the current state; every change is a
//! `tier_history` row (from, to, reason, spend, operator, time).

use super::rules::{version_at, LoyaltyRules, TierBasis};
use crate::{
    audit,
    auth::{Permission, Session},
    orders::counted_statuses_sql,
    Error, Result,
    {
        store::Store,
        time::{parse_ts, ts},
    },
};
use chrono::{DateTime, Months, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::json;
use std::collections::HashMap;

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TierReport {
    pub evaluated: u64,
    pub upgraded: u64,
    pub downgraded: u64,
    /// Kept for another retention period (still qualifying).
    pub renewed: u64,
}

/// Qualifying spend per customer who ever bought (a counted order), under `rules` at `now`.
pub fn qualifying_spend(
    conn: &Connection,
    rules: &LoyaltyRules,
    now: DateTime<Utc>,
) -> Result<HashMap<i64, i64>> {
    let mut out: HashMap<i64, i64> = HashMap::new();
    let mut stmt = conn.prepare("SELECT customer_id, spend_fen FROM customer_stats")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (id, spend) = row?;
        out.insert(
            id,
            if rules.tier_basis == TierBasis::Lifetime {
                spend
            } else {
                0
            },
        );
    }
    if rules.tier_basis == TierBasis::Last12Months {
        let from = now.checked_sub_months(Months::new(12)).unwrap_or(now);
        let sql = format!(
            "SELECT customer_id, sum(paid_fen - refunded_fen) FROM orders INDEXED BY orders_customer
             WHERE customer_id > 0 AND status IN ({}) AND ordered_at >= ?1
             GROUP BY customer_id",
            counted_statuses_sql()
        );
        let mut stmt = conn.prepare(&sql)?;
        for row in stmt.query_map([ts(from)], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
        })? {
            let (id, spend) = row?;
            out.insert(id, spend);
        }
    }
    Ok(out)
}

struct Current {
    tier: String,
    retained_until: DateTime<Utc>,
    locked: bool,
}

fn current_tiers(conn: &Connection) -> Result<HashMap<i64, Current>> {
    let mut stmt =
        conn.prepare("SELECT customer_id, tier, retained_until, locked FROM customer_tiers")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            Current {
                tier: r.get(1)?,
                retained_until: parse_ts(&r.get::<_, String>(2)?)?,
                locked: r.get(3)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Customers whose tier may change now, with their qualifying spend: everyone who ever bought
/// after a rule change (or the first time); otherwise only customers who bought without a tier
/// yet, whose retention period ended, or who have ledger rows since the last evaluation (new
/// earnings: the sweep runs first). Per-customer spend then comes from the customer+date index
/// instead of a scan of every order.
fn candidates(
    tx: &Connection,
    rules: &LoyaltyRules,
    version: i64,
    now: DateTime<Utc>,
) -> Result<HashMap<i64, i64>> {
    let state: Option<(i64, String)> = rusqlite::OptionalExtension::optional(tx.query_row(
        "SELECT tiers_rule_version, tiers_evaluated_at FROM loyalty_job_state WHERE id = 1",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    ))?;
    tx.execute(
        "INSERT INTO loyalty_job_state (id, tiers_rule_version, tiers_evaluated_at) VALUES (1, ?1, ?2)
         ON CONFLICT (id) DO UPDATE SET tiers_rule_version = excluded.tiers_rule_version,
             tiers_evaluated_at = excluded.tiers_evaluated_at",
        params![version, ts(now)],
    )?;
    let state = state.filter(|s| !s.1.is_empty());
    let since = match state {
        Some((v, at)) if v == version => at,
        _ => return qualifying_spend(tx, rules, now),
    };
    let mut ids: Vec<i64> = Vec::new();
    let now_s = ts(now);
    for (sql, arg) in [
        (
            "SELECT s.customer_id FROM customer_stats s
             WHERE NOT EXISTS (SELECT 1 FROM customer_tiers t WHERE t.customer_id = s.customer_id)
               AND ?1 IS NOT NULL",
            &now_s,
        ),
        (
            "SELECT customer_id FROM customer_tiers WHERE retained_until <= ?1 AND locked = 0",
            &now_s,
        ),
        (
            "SELECT customer_id FROM points_ledger WHERE at >= ?1",
            &since,
        ),
    ] {
        let mut stmt = tx.prepare_cached(sql)?;
        for id in stmt.query_map([arg], |r| r.get::<_, i64>(0))? {
            ids.push(id?);
        }
    }
    ids.sort_unstable();
    ids.dedup();
    let from = match rules.tier_basis {
        TierBasis::Lifetime => DateTime::<Utc>::UNIX_EPOCH,
        TierBasis::Last12Months => now.checked_sub_months(Months::new(12)).unwrap_or(now),
    };
    let mut spend = tx.prepare_cached(&format!(
        "SELECT count(*), coalesce(sum(paid_fen - refunded_fen), 0) FROM orders
         WHERE customer_id = ?1 AND status IN ({}) AND ordered_at >= ?2",
        counted_statuses_sql()
    ))?;
    let mut bought = tx.prepare_cached("SELECT 1 FROM customer_stats WHERE customer_id = ?1")?;
    let mut out = HashMap::new();
    let from = ts(from);
    for id in ids {
        if !bought.exists([id])? {
            continue;
        }
        let (_, s): (i64, i64) =
            spend.query_row(params![id, from], |r| Ok((r.get(0)?, r.get(1)?)))?;
        out.insert(id, s);
    }
    Ok(out)
}

/// Re-evaluate the customers whose tier may change (see [`candidates`]). Idempotent at the
/// same clock.
pub fn evaluate_in_tx(tx: &Connection, now: DateTime<Utc>, operator: &str) -> Result<TierReport> {
    let v = version_at(tx, now)?;
    let rules = v.rules;
    let spend = candidates(tx, &rules, v.id, now)?;
    let current = current_tiers(tx)?;
    let keep_until = now
        .checked_add_months(Months::new(rules.tier_retention_months))
        .unwrap_or(now);
    let mut report = TierReport::default();
    let mut ids: Vec<&i64> = spend.keys().collect();
    ids.sort();
    let mut upsert = tx.prepare_cached(
        "INSERT INTO customer_tiers (customer_id, tier, reached_at, retained_until, locked, updated_at)
         VALUES (?1, ?2, ?3, ?4, 0, ?3)
         ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, reached_at = excluded.reached_at,
             retained_until = excluded.retained_until, updated_at = excluded.updated_at",
    )?;
    let mut renew = tx.prepare_cached(
        "UPDATE customer_tiers SET retained_until = ?2, updated_at = ?3 WHERE customer_id = ?1",
    )?;
    let mut hist = tx.prepare_cached(
        "INSERT INTO tier_history (customer_id, from_tier, to_tier, reason, spend_fen, operator, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for &id in ids {
        report.evaluated += 1;
        let s = spend[&id];
        let target = rules.tier_for_spend(s);
        let cur = current.get(&id);
        let change: Option<(usize, &str)> = match cur {
            None => Some((target, "upgrade")),
            Some(c) if c.locked => None,
            Some(c) => match rules.tier_index(&c.tier) {
                // a tier the rules no longer have: take the one the spend gives
                None => Some((target, if target > 0 { "upgrade" } else { "downgrade" })),
                Some(ci) if target > ci => Some((target, "upgrade")),
                Some(ci) if now >= c.retained_until => {
                    if target < ci {
                        Some((ci - 1, "downgrade"))
                    } else {
                        renew.execute(params![id, ts(keep_until), ts(now)])?;
                        report.renewed += 1;
                        None
                    }
                }
                Some(_) => None,
            },
        };
        if let Some((to, reason)) = change {
            let code = &rules.tiers[to].code;
            upsert.execute(params![id, code, ts(now), ts(keep_until)])?;
            hist.execute(params![
                id,
                cur.map(|c| c.tier.as_str()),
                code,
                reason,
                s,
                operator,
                ts(now)
            ])?;
            if reason == "upgrade" {
                report.upgraded += 1;
            } else {
                report.downgraded += 1;
            }
        }
    }
    Ok(report)
}

/// A customer's tier as the 360 page shows it.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TierStatus {
    /// None: never bought.
    pub tier: Option<super::rules::Tier>,
    pub reached_at: Option<DateTime<Utc>>,
    pub retained_until: Option<DateTime<Utc>>,
    pub locked: bool,
    pub qualifying_spend_fen: i64,
    pub next_tier: Option<super::rules::Tier>,
    /// Spend still needed for the next tier.
    pub to_next_fen: Option<i64>,
    /// 0–100: whole percent of the way from the current tier's threshold to the next one's
    /// ([`progress_percent`]); the 360 page draws it as is.
    pub progress_percent: u8,
}

/// How far `spend` has come from the current tier's threshold (`from_fen`; `None` before any
/// tier) towards the next one's (`next_fen`; `None` at the top): whole percent, never 100 before
/// the next tier is reached, 100 at the top, 0 before the first tier.
pub fn progress_percent(spend_fen: i64, from_fen: Option<i64>, next_fen: Option<i64>) -> u8 {
    let Some(next) = next_fen else {
        return 100;
    };
    let Some(base) = from_fen else {
        return 0;
    };
    let span = next - base;
    if span <= 0 {
        return 0;
    }
    let done = (spend_fen - base).max(0);
    (done.saturating_mul(100) / span).min(99) as u8
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TierChange {
    pub id: i64,
    pub from_tier: Option<String>,
    pub to_tier: String,
    pub reason: String,
    pub spend_fen: i64,
    pub operator: String,
    pub at: DateTime<Utc>,
}

pub(crate) fn status_of(
    conn: &Connection,
    customer_id: i64,
    now: DateTime<Utc>,
) -> Result<TierStatus> {
    let rules = version_at(conn, now)?.rules;
    let row: Option<(String, String, String, bool)> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT tier, reached_at, retained_until, locked FROM customer_tiers WHERE customer_id = ?1",
        [customer_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    ))?;
    let spend = spend_of(conn, customer_id, &rules, now)?;
    let idx = row.as_ref().and_then(|r| rules.tier_index(&r.0));
    let next = match idx {
        Some(i) => rules.tiers.get(i + 1).cloned(),
        None => rules.tiers.first().cloned().filter(|_| row.is_none()),
    };
    Ok(TierStatus {
        tier: idx.map(|i| rules.tiers[i].clone()),
        reached_at: row.as_ref().map(|r| parse_ts(&r.1)).transpose()?,
        retained_until: row.as_ref().map(|r| parse_ts(&r.2)).transpose()?,
        locked: row.as_ref().is_some_and(|r| r.3),
        qualifying_spend_fen: spend,
        to_next_fen: next.as_ref().map(|t| (t.threshold_fen - spend).max(0)),
        progress_percent: progress_percent(
            spend,
            idx.map(|i| rules.tiers[i].threshold_fen),
            next.as_ref().map(|t| t.threshold_fen),
        ),
        next_tier: next,
    })
}

pub fn status(store: &Store, s: &Session, customer_id: i64) -> Result<TierStatus> {
    s.require(Permission::WorkWithCustomers)?;
    status_of(store.conn(), customer_id, store.now())
}

pub(crate) fn history_of(conn: &Connection, customer_id: i64) -> Result<Vec<TierChange>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_tier, to_tier, reason, spend_fen, operator, at FROM tier_history
         WHERE customer_id = ?1 ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([customer_id], |r| {
            Ok(TierChange {
                id: r.get(0)?,
                from_tier: r.get(1)?,
                to_tier: r.get(2)?,
                reason: r.get(3)?,
                spend_fen: r.get(4)?,
                operator: r.get(5)?,
                at: parse_ts(&r.get::<_, String>(6)?)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Every tier change of a customer, newest first.
pub fn history(store: &Store, s: &Session, customer_id: i64) -> Result<Vec<TierChange>> {
    s.require(Permission::WorkWithCustomers)?;
    history_of(store.conn(), customer_id)
}

/// Owner only: lock a customer at `tier` (None: unlock, the job decides again). Audited.
pub fn set_lock(
    store: &Store,
    s: &Session,
    customer_id: i64,
    tier: Option<&str>,
) -> Result<TierStatus> {
    s.require(Permission::ManageSettings)?;
    store.write(|tx, now| {
        super::holder::customer_exists(tx, customer_id)?;
        let rules = version_at(tx, now)?.rules;
        let cur: Option<String> = rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT tier FROM customer_tiers WHERE customer_id = ?1",
            [customer_id],
            |r| r.get(0),
        ))?;
        let keep_until = now.checked_add_months(Months::new(rules.tier_retention_months)).unwrap_or(now);
        match tier {
            Some(code) => {
                if rules.tier_index(code).is_none() {
                    return Err(Error::invalid(
                        format!("会员等级：没有代码为 {code} 的等级。"),
                        format!("Tier: there is no tier with code {code}."),
                    ));
                }
                tx.execute(
                    "INSERT INTO customer_tiers (customer_id, tier, reached_at, retained_until, locked, updated_at)
                     VALUES (?1, ?2, ?3, ?4, 1, ?3)
                     ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, locked = 1,
                         reached_at = CASE WHEN tier = excluded.tier THEN reached_at ELSE excluded.reached_at END,
                         updated_at = excluded.updated_at",
                    params![customer_id, code, ts(now), ts(keep_until)],
                )?;
                tx.execute(
                    "INSERT INTO tier_history (customer_id, from_tier, to_tier, reason, operator, at)
                     VALUES (?1, ?2, ?3, 'lock', ?4, ?5)",
                    params![customer_id, cur, code, s.username(), ts(now)],
                )?;
            }
            None => {
                let Some(cur) = cur else { return status_of(tx, customer_id, now) };
                tx.execute(
                    "UPDATE customer_tiers SET locked = 0, retained_until = ?2, updated_at = ?3
                     WHERE customer_id = ?1",
                    params![customer_id, ts(keep_until), ts(now)],
                )?;
                tx.execute(
                    "INSERT INTO tier_history (customer_id, from_tier, to_tier, reason, operator, at)
                     VALUES (?1, ?2, ?2, 'unlock', ?3, ?4)",
                    params![customer_id, cur, s.username(), ts(now)],
                )?;
            }
        }
        audit::record(tx, now, s.audit_actor(), "tier_locked", &format!("customer:{customer_id}"),
                      json!({"tier": tier}))?;
        status_of(tx, customer_id, now)
    })
}

/// One customer's qualifying spend under `rules` at `now`.
pub(crate) fn spend_of(
    conn: &Connection,
    customer_id: i64,
    rules: &LoyaltyRules,
    now: DateTime<Utc>,
) -> Result<i64> {
    let from = match rules.tier_basis {
        TierBasis::Lifetime => DateTime::<Utc>::UNIX_EPOCH,
        TierBasis::Last12Months => now.checked_sub_months(Months::new(12)).unwrap_or(now),
    };
    Ok(conn.query_row(
        &format!(
            "SELECT coalesce(sum(paid_fen - refunded_fen), 0) FROM orders
             WHERE customer_id = ?1 AND status IN ({}) AND ordered_at >= ?2",
            counted_statuses_sql()
        ),
        params![customer_id, ts(from)],
        |r| r.get::<_, i64>(0),
    )?)
}

fn set_tier(
    tx: &Connection,
    now: DateTime<Utc>,
    rules: &LoyaltyRules,
    customer_id: i64,
    code: &str,
) -> Result<()> {
    let keep_until = now
        .checked_add_months(Months::new(rules.tier_retention_months))
        .unwrap_or(now);
    tx.execute(
        "INSERT INTO customer_tiers (customer_id, tier, reached_at, retained_until, locked, updated_at)
         VALUES (?1, ?2, ?3, ?4, 0, ?3)
         ON CONFLICT (customer_id) DO UPDATE SET tier = excluded.tier, reached_at = excluded.reached_at,
             retained_until = excluded.retained_until, updated_at = excluded.updated_at",
        params![customer_id, code, ts(now), ts(keep_until)],
    )?;
    Ok(())
}

fn tier_row(conn: &Connection, customer_id: i64) -> Result<Option<(String, bool)>> {
    Ok(rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT tier, locked FROM customer_tiers WHERE customer_id = ?1",
        [customer_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    ))?)
}

/// After a merge moved orders to `keep` (inside the merge's transaction): the kept customer's
/// tier is re-evaluated with the merged spend at once — raised if the spend now reaches a
/// higher tier, never lowered here, a locked tier left alone — and the change is a
/// `tier_history` row with reason "merge" at the merge's time.
pub fn after_merge(tx: &Connection, now: DateTime<Utc>, operator: &str, keep: i64) -> Result<()> {
    let bought: bool = tx
        .prepare_cached("SELECT 1 FROM customer_stats WHERE customer_id = ?1")?
        .exists([keep])?;
    if !bought {
        return Ok(());
    }
    let rules = version_at(tx, now)?.rules;
    let spend = spend_of(tx, keep, &rules, now)?;
    let target = rules.tier_for_spend(spend);
    let cur = tier_row(tx, keep)?;
    match &cur {
        Some((_, true)) => return Ok(()),
        Some((t, false)) if rules.tier_index(t).is_some_and(|i| i >= target) => return Ok(()),
        _ => {}
    }
    let code = rules.tiers[target].code.clone();
    set_tier(tx, now, &rules, keep, &code)?;
    tx.execute(
        "INSERT INTO tier_history (customer_id, from_tier, to_tier, reason, spend_fen, operator, at)
         VALUES (?1, ?2, ?3, 'merge', ?4, ?5, ?6)",
        params![keep, cur.map(|c| c.0), code, spend, operator, ts(now)],
    )?;
    Ok(())
}

/// After the merge made at `merged_at` was undone: if the kept customer still has the tier the
/// merge gave (unlocked, unchanged since), the tier from before comes back (reason "merge"; a
/// customer who had none loses the row, and the job evaluates them again from their own spend).
pub fn after_unmerge(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    keep: i64,
    merged_at: &str,
) -> Result<()> {
    let row: Option<(Option<String>, String)> =
        rusqlite::OptionalExtension::optional(tx.query_row(
            "SELECT from_tier, to_tier FROM tier_history
         WHERE customer_id = ?1 AND reason = 'merge' AND at = ?2 ORDER BY id DESC LIMIT 1",
            params![keep, merged_at],
            |r| Ok((r.get(0)?, r.get(1)?)),
        ))?;
    let Some((from, to)) = row else {
        return Ok(());
    };
    if tier_row(tx, keep)? != Some((to.clone(), false)) {
        return Ok(());
    }
    let rules = version_at(tx, now)?.rules;
    match from {
        Some(code) => {
            set_tier(tx, now, &rules, keep, &code)?;
            let spend = spend_of(tx, keep, &rules, now)?;
            tx.execute(
                "INSERT INTO tier_history (customer_id, from_tier, to_tier, reason, spend_fen, operator, at)
                 VALUES (?1, ?2, ?3, 'merge', ?4, ?5, ?6)",
                params![keep, to, code, spend, operator, ts(now)],
            )?;
        }
        None => {
            tx.execute("DELETE FROM customer_tiers WHERE customer_id = ?1", [keep])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod progress_tests {
    use super::progress_percent;

    // Moved from the UI (ui/test/loyaltyFormat.test.ts), which used to compute the bar itself.
    // Tiers as in the defaults: regular 0, silver ¥1,000, gold ¥3,000, diamond ¥10,000.
    #[test]
    fn measures_from_the_current_tiers_threshold_to_the_next_ones() {
        // ¥2,000 of the way from silver (¥1,000) to gold (¥3,000): half way.
        assert_eq!(progress_percent(200_000, Some(100_000), Some(300_000)), 50);
    }

    #[test]
    fn never_shows_100_percent_before_the_next_tier_is_reached() {
        assert_eq!(progress_percent(299_999, Some(100_000), Some(300_000)), 99);
        assert_eq!(progress_percent(400_000, Some(100_000), Some(300_000)), 99);
    }

    #[test]
    fn the_top_tier_is_full_and_no_tier_yet_is_empty() {
        assert_eq!(progress_percent(2_000_000, Some(1_000_000), None), 100);
        assert_eq!(progress_percent(0, None, Some(0)), 0);
    }

    #[test]
    fn starts_from_a_retained_or_locked_tier_even_when_spend_has_fallen_below_it() {
        // Kept gold with only ¥500 of qualifying spend: towards diamond, from gold's base.
        assert_eq!(progress_percent(50_000, Some(300_000), Some(1_000_000)), 0);
    }
}
