//! `laoke bench insight`: the insight pass on a (benchmark) store, for docs/BENCHMARKS.md —
//! the one ordered read of the orders, the scoring pass (a new shop day, one order changed, every
//! row written), the back-fill of 24 monthly
//! snapshots, the threshold preview (stored R/F/M, and with a changed window: orders read
//! again) and the Insight screen's reads (overview, months, movement, one customer). All in one
//! transaction that is rolled back: the store is unchanged.

use crate::insight::{self, history::History, months, pass, InsightParams, LineMode, MoveKind};
use crate::{
    auth::{Permission, Session},
    settings,
    store::Store,
    Result,
};
use rusqlite::TransactionBehavior;
use serde::Serialize;
use std::time::Instant;

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct BenchRow {
    pub what_zh: String,
    pub what_en: String,
    pub ms: f64,
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

pub fn run(store: &Store, s: &Session, runs: usize) -> Result<BenchReport> {
    s.require(Permission::SeeInsight)?;
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
    let tx = rusqlite::Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    let tz = settings::timezone_in(&tx);

    let today = pass::today(&tx, now);
    let (hist, ms) = timed(|| History::read(&tx, tz, today))?;
    row(
        "读取订单历史（一次有序扫描）",
        "order history read (one ordered scan)",
        ms,
        format!(
            "{} customers, {} counted orders",
            hist.ids.len(),
            hist.order_count()
        ),
    );
    // the first pass back-fills; the next ones only score
    let (first, ms) = timed(|| pass::score_in_tx(&tx, now, None, "bench"))?;
    row(
        "评分（含首次补录月度快照）",
        "scoring pass (with any first back-fill)",
        ms,
        format!(
            "{} buyers, {} months added",
            first.buyers,
            first.months_added.len()
        ),
    );
    let written = |r: &pass::PassReport| {
        format!("{} customers, {} rows written", r.customers, r.rows_written)
    };
    for _ in 0..runs.max(1) {
        // a new shop day: every buyer's R moves
        pass::score_in_tx(&tx, now, Some(today.pred_opt().unwrap_or(today)), "bench")?;
        let (r, ms) = timed(|| pass::score_in_tx(&tx, now, None, "bench"))?;
        row(
            "评分（新的一天）",
            "scoring pass (a new shop day)",
            ms,
            written(&r),
        );
    }
    for _ in 0..runs.max(1) {
        // a sale: one order's amount changes
        tx.execute(
            "UPDATE orders SET paid_fen = paid_fen + 100
             WHERE id = (SELECT id FROM orders WHERE customer_id IS NOT NULL AND status = 'completed'
                         ORDER BY ordered_at DESC LIMIT 1)",
            [],
        )?;
        let (r, ms) = timed(|| pass::score_in_tx(&tx, now, None, "bench"))?;
        row(
            "评分（同一天，一笔订单变了）",
            "scoring pass (same day, one order changed)",
            ms,
            written(&r),
        );
    }
    for _ in 0..runs.max(1) {
        // new rules or a first pass: every row written
        tx.execute("DELETE FROM customer_scores", [])?;
        let (r, ms) = timed(|| pass::score_in_tx(&tx, now, None, "bench"))?;
        row(
            "评分（全部重写：首次或规则改变）",
            "scoring pass (every row written: first pass or new rules)",
            ms,
            written(&r),
        );
    }
    let p = pass::params_in(&tx)?;
    let ends: Vec<_> =
        months::completed_month_ends(hist.first_day.map_or(today, |d| hist.date(d)), today);
    let last24: Vec<_> = ends.iter().rev().take(24).rev().copied().collect();
    let (_, ms) = timed(|| {
        tx.execute("DELETE FROM customer_class_months", [])?;
        let hist = History::read(&tx, tz, today)?;
        months::write_months(&tx, &hist, &p, &last24)
    })?;
    let snap: i64 = tx.query_row("SELECT count(*) FROM customer_class_months", [], |r| {
        r.get(0)
    })?;
    row(
        "补录 24 个月度快照（读订单 + 逐月评分 + 写入）",
        "back-fill of 24 monthly snapshots (read + score each month + write)",
        ms,
        format!("{} months, {snap} rows", last24.len()),
    );
    let fixed = InsightParams {
        mode: LineMode::Fixed,
        r_days: 60,
        f_orders: 5,
        m_fen: 50_000,
        ..p.clone()
    };
    for _ in 0..runs.max(1) {
        let (pv, ms) = timed(|| insight::preview(store, s, &fixed))?;
        row(
            "阈值预览（窗口不变：用已存 R/F/M）",
            "threshold preview (same window: stored R/F/M)",
            ms,
            format!("{} of {} move", pv.moved, pv.total),
        );
    }
    let wider = InsightParams {
        window_days: p.window_days + 30,
        ..fixed
    };
    let (pv, ms) = timed(|| insight::preview(store, s, &wider))?;
    row(
        "阈值预览（窗口改变：重读订单）",
        "threshold preview (window changed: orders read again)",
        ms,
        format!("{} of {} move", pv.moved, pv.total),
    );
    let all_months = insight::months(store, s)?;
    for _ in 0..runs.max(1) {
        let (_, ms) = timed(|| insight::overview(store, s))?;
        row(
            "洞察页：总览",
            "Insight screen: overview",
            ms,
            String::new(),
        );
        let (m, ms_m) = timed(|| insight::months(store, s))?;
        row(
            "洞察页：月份列表",
            "Insight screen: months",
            ms_m,
            format!("{} months", m.len()),
        );
        if let [.., a, b] = all_months.as_slice() {
            let (mv, ms) = timed(|| insight::movement(store, s, MoveKind::Class, a, b))?;
            row(
                "洞察页：分层流转（两个月）",
                "Insight screen: class movement (two months)",
                ms,
                format!("{} cells", mv.cells.len()),
            );
        }
    }
    let some: Option<i64> = tx
        .query_row(
            "SELECT customer_id FROM customer_scores WHERE rfm_class IS NOT NULL LIMIT 1",
            [],
            |r| r.get(0),
        )
        .ok();
    if let Some(id) = some {
        let (_, ms) = timed(|| insight::customer(store, s, id))?;
        row(
            "客户 360：分层说明",
            "customer 360: class explained",
            ms,
            String::new(),
        );
    }
    tx.rollback()?;
    Ok(BenchReport {
        customers,
        orders,
        rows,
    })
}
