//! `laoke bench loyalty`: the loyalty job on a (benchmark) store, for docs/BENCHMARKS.md. All
//! in one transaction that is rolled back, so the store is unchanged and the numbers repeat.
//!
//! Steps: save rules with 12-month expiry; the first sweep (every paid order earns — the
//! one-off cost when loyalty is switched on); the job again at the same instant (the steady
//! state: tiers + sweep + expiry, nothing to do); tiers alone; expiry alone; then the job 13
//! months later (retention ended for everyone: re-evaluation with downgrades, and every lot
//! expires) — the worst case.

use super::{earn, expiry, job, rules, tiers};
use crate::{
    auth::{Permission, Session},
    store::Store,
    Result,
};
use chrono::Months;
use rusqlite::TransactionBehavior;
use serde::Serialize;
use std::time::Instant;

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct BenchRow {
    pub what_zh: String,
    pub what_en: String,
    pub ms: f64,
    /// What it did, e.g. "1,000,000 earn rows".
    pub detail: String,
}

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct BenchReport {
    pub customers: i64,
    pub orders: i64,
    pub rows: Vec<BenchRow>,
}

fn timed<T>(f: impl FnOnce() -> Result<T>) -> Result<(T, f64)> {
    let t = Instant::now();
    let out = f()?;
    Ok((out, t.elapsed().as_secs_f64() * 1000.0))
}

pub fn run(store: &Store, s: &Session) -> Result<BenchReport> {
    s.require(Permission::ManageSettings)?;
    let conn = store.conn();
    let now = store.now();
    let customers: i64 = conn.query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
    let orders: i64 = conn.query_row("SELECT count(*) FROM orders", [], |r| r.get(0))?;
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let mut rows = Vec::new();
    let mut row = |zh: &str, en: &str, ms: f64, detail: String| {
        rows.push(BenchRow {
            what_zh: zh.into(),
            what_en: en.into(),
            ms,
            detail,
        })
    };
    let mut r = rules::version_at(&tx, now)?.rules;
    r.expiry = rules::ExpiryPolicy::AfterEarning { months: 12 };
    rules::save_in_tx(&tx, now, s.username(), &r, None)?;
    let (first, ms) = timed(|| job::run_in_tx(&tx, now))?;
    row(
        "首次运行（全部订单得积分、评定等级）",
        "first run (every order earns, tiers set)",
        ms,
        format!(
            "{} earn rows, {} tier upgrades",
            first.sync.earned_orders, first.tiers.upgraded
        ),
    );
    let (steady, ms) = timed(|| job::run_in_tx(&tx, now))?;
    row(
        "定时任务（等级+积分同步+过期，无变化）",
        "job (tiers + sweep + expiry, nothing to do)",
        ms,
        format!("changed anything: {}", steady.changed_anything()),
    );
    let (t, ms) = timed(|| tiers::evaluate_in_tx(&tx, now, "job"))?;
    row(
        "等级评定",
        "tier evaluation",
        ms,
        format!("{} customers evaluated", t.evaluated),
    );
    let (_, ms) = timed(|| earn::sync_in_tx(&tx, now, "job", earn::Scope::All))?;
    row(
        "积分同步（订单扫描）",
        "earn/reversal sweep",
        ms,
        String::new(),
    );
    let (e, ms) = timed(|| expiry::run_in_tx(&tx, now))?;
    row(
        "过期处理（无到期）",
        "expiry (nothing due)",
        ms,
        format!("{} lots", e.lots),
    );
    let later = now.checked_add_months(Months::new(13)).unwrap_or(now);
    let (late, ms) = timed(|| job::run_in_tx(&tx, later))?;
    row(
        "13 个月后的定时任务（降级+全部过期）",
        "job 13 months later (downgrades + every lot expires)",
        ms,
        format!(
            "{} downgrades, {} lots / {} points expired",
            late.tiers.downgraded, late.expiry.lots, late.expiry.points
        ),
    );
    let (again, ms) = timed(|| job::run_in_tx(&tx, later))?;
    row(
        "再运行一次（同一时刻）",
        "job again (same instant)",
        ms,
        format!("changed anything: {}", again.changed_anything()),
    );
    tx.rollback()?;
    Ok(BenchReport {
        customers,
        orders,
        rows,
    })
}
