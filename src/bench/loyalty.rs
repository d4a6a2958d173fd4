//! `laoke bench loyalty`: the loyalty job on a (benchmark) store, for docs/BENCHMARKS.md.
//! CHANGES THE STORE the first time (use a copy): loyalty is switched on with 12-month expiry
//! and the first run (every paid order earns, every buyer gets a tier) is committed — the
//! one-off cost. Then, as committed transactions that change nothing: the job (the steady
//! state), tiers, expiry, the earn sweep. Then, rolled back: a full tier re-evaluation after a
//! rule change, and the job 13 months later (downgrades, every lot expires) — the worst case;
//! last (read-only) the reminder list 20 days before that day, by a full replay, then (rolled
//! back) the job run that day storing it and Today's 30-day section reading the stored rows.

use crate::loyalty::{earn, expiry, job, reminders, rules, tiers};
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
    let mut rows = Vec::new();
    let mut row = |zh: &str, en: &str, ms: f64, detail: String| {
        rows.push(BenchRow {
            what_zh: zh.into(),
            what_en: en.into(),
            ms,
            detail,
        })
    };
    let empty: bool = !conn
        .prepare("SELECT 1 FROM points_ledger LIMIT 1")?
        .exists([])?;
    if empty {
        // switch loyalty on with 12-month expiry, committed: the one-off first run
        let mut r = rules::version_at(conn, now)?.rules;
        r.expiry = rules::ExpiryPolicy::AfterEarning { months: 12 };
        store.write(|tx, now| rules::save_in_tx(tx, now, s.username(), &r, None))?;
        let (first, ms) = timed(|| store.write(|tx, now| job::run_in_tx(tx, now)))?;
        row(
            "首次运行（全部订单得积分、评定等级，已提交）",
            "first run (every order earns, tiers set; committed)",
            ms,
            format!(
                "{} earn rows, {} tier upgrades",
                first.sync.earned_orders, first.tiers.upgraded
            ),
        );
    }
    let (t, ms) = timed(|| store.write(|tx, now| tiers::evaluate_in_tx(tx, now, "job")))?;
    row(
        "等级评定（增量）",
        "tier evaluation (incremental)",
        ms,
        format!("{} customers evaluated", t.evaluated),
    );
    let (e, ms) = timed(|| store.write(|tx, now| expiry::run_in_tx(tx, now)))?;
    row("过期处理", "expiry", ms, format!("{} lots expired", e.lots));
    let (_, ms) =
        timed(|| store.write(|tx, now| earn::sync_in_tx(tx, now, "job", earn::Scope::All)))?;
    row(
        "积分同步（增量：新订单与变动订单）",
        "earn/reversal sweep (new and changed orders)",
        ms,
        String::new(),
    );
    for (zh, en) in [
        (
            "定时任务：等级+积分同步+过期",
            "job: tiers + sweep + expiry",
        ),
        ("再运行一次定时任务", "job again"),
    ] {
        let (steady, ms) = timed(|| store.write(|tx, now| job::run_in_tx(tx, now)))?;
        row(
            zh,
            en,
            ms,
            format!("changed anything: {}", steady.changed_anything()),
        );
    }
    let (_, ms) =
        timed(|| store.write(|tx, now| earn::sync_in_tx(tx, now, "job", earn::Scope::Full)))?;
    row(
        "积分同步（全量复查，修复用）",
        "full earn/reversal sweep (every order; repair)",
        ms,
        String::new(),
    );
    // rolled back from here on
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let mut r = rules::version_at(&tx, now)?.rules;
    r.tiers[1].threshold_fen += 100;
    rules::save_in_tx(&tx, now, s.username(), &r, None)?;
    let (t, ms) = timed(|| tiers::evaluate_in_tx(&tx, now, "job"))?;
    row(
        "规则变更后的全量等级评定（回滚）",
        "full tier evaluation after a rule change (rolled back)",
        ms,
        format!(
            "{} customers, {} up / {} down",
            t.evaluated, t.upgraded, t.downgraded
        ),
    );
    let later = now.checked_add_months(Months::new(13)).unwrap_or(now);
    // the job's three steps, timed one by one (what job::run_in_tx does, in its order)
    let (sync, ms_sync) = timed(|| earn::sync_in_tx(&tx, later, "job", earn::Scope::All))?;
    let (tiers_late, ms_tiers) = timed(|| tiers::evaluate_in_tx(&tx, later, "job"))?;
    // expiry in its two steps (what expiry::run_in_tx does)
    let (planned, ms_plan) = timed(|| expiry::plan(&tx, later))?;
    let (expired, ms_write) = timed(|| expiry::write(&tx, later, &planned))?;
    let ms_expiry = ms_plan + ms_write;
    let late = job::JobReport {
        tiers: tiers_late,
        sync,
        expiry: expired,
        birthday: Default::default(),
    };
    let ms = ms_sync + ms_tiers + ms_expiry;
    row(
        "（其中）积分同步",
        "(of which) earn sweep",
        ms_sync,
        String::new(),
    );
    row(
        "（其中）等级评定",
        "(of which) tiers",
        ms_tiers,
        format!("{} customers evaluated", late.tiers.evaluated),
    );
    row(
        "（其中）过期",
        "(of which) expiry",
        ms_expiry,
        format!(
            "{} customers, {} expiry rows",
            late.expiry.customers, late.expiry.customers
        ),
    );
    row(
        "（过期中）找出到期积分：一次读完积分流水（必要时重放）",
        "(expiry) working out what is due: one pass over the ledger (+ replay where needed)",
        ms_plan,
        format!("{} customers with lots due", planned.len()),
    );
    row(
        "（过期中）写入过期记录（每客户一行）",
        "(expiry) writing the expiry rows (one per customer)",
        ms_write,
        String::new(),
    );
    row(
        "13 个月后的定时任务：降级+全部过期（回滚）",
        "job 13 months later: downgrades + every lot expires (rolled back)",
        ms,
        format!(
            "{} downgrades, {} lots / {} points expired",
            late.tiers.downgraded, late.expiry.lots, late.expiry.points
        ),
    );
    tx.rollback()?;
    // The reminder list (Today, liability) 20 days before every lot expires: all of them are
    // within 30 days. Read-only, after the rollback (so it does not warm the pages the worst
    // case above reads).
    let before = now
        .checked_add_months(Months::new(12))
        .map_or(now, |t| t - chrono::Duration::days(20));
    let (soon, ms) = timed(|| reminders::expiring_of(conn, before, 30))?;
    row(
        "到期提醒（30 天内）：全部积分将在 20 天后同日过期时",
        "expiring within 30 days, 20 days before every lot expires on one day",
        ms,
        format!(
            "{} customers, {} points",
            soon.len(),
            soon.iter().map(|x| x.points).sum::<i64>()
        ),
    );
    // The same list as Today serves it (issue 17): the job run that day stores it (rolled
    // back), then the 30-day section reads the stored rows.
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let (_, ms) = timed(|| job::run_in_tx(&tx, before))?;
    row(
        "当天的定时任务（含保存到期提醒，回滚）",
        "the job that day, storing the reminder list (rolled back)",
        ms,
        String::new(),
    );
    let mut page = (0, Vec::new());
    let mut best = f64::MAX;
    for _ in 0..5 {
        let (p, ms) = timed(|| reminders::expiring_page(&tx, before, 30, 50))?;
        best = best.min(ms);
        page = p;
    }
    row(
        "今日页：30 天内到期积分（读已保存的提醒，5 次取最快）",
        "Today: points expiring within 30 days, from the stored list (best of 5)",
        best,
        format!("{} customers, first {} rows", page.0, page.1.len()),
    );
    tx.rollback()?;
    Ok(BenchReport {
        customers,
        orders,
        rows,
    })
}
