//! `laoke bench search`: the search / list / 360 timings table for docs/BENCHMARKS.md.

use crate::ctx::Ctx;
use laoke::{i18n::Lang, Error};
use std::path::PathBuf;

/// `laoke bench search`: the table for docs/BENCHMARKS.md.
pub fn run(
    ctx: &Ctx,
    store_dir: Option<PathBuf>,
    runs: usize,
    like_runs: usize,
) -> Result<(), Error> {
    let ctx = ctx.with_dir(store_dir);
    let (store, session) = ctx.open()?;
    let en = ctx.lang == Lang::En;
    let r = laoke::bench::search::run(&store, &session, runs.max(1), like_runs, en)?;
    println!(
        "{} {} / {} {} / {} {} / {} {:.0} MB",
        ctx.t("客户", "customers"),
        r.customers,
        ctx.t("订单", "orders"),
        r.orders,
        ctx.t("商品行", "items"),
        r.items,
        ctx.t("数据库", "database"),
        r.db_bytes as f64 / 1_000_000.0
    );
    println!(
        "| {} | {} | p50 ms | p95 ms | LIKE p50 ms | LIKE p95 ms | {} | {} |",
        ctx.t("操作", "operation"),
        ctx.t("次数", "runs"),
        ctx.t("LIKE/索引 (p95)", "LIKE/index (p95)"),
        ctx.t("平均结果数", "avg hits")
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    for row in &r.rows {
        let opt = |v: Option<f64>| v.map(|x| format!("{x:.2}")).unwrap_or_else(|| "–".into());
        let ratio = match row.like_p95_ms {
            Some(l) if row.p95_ms > 0.0 => format!("{:.0}×", l / row.p95_ms),
            _ => "–".into(),
        };
        println!(
            "| {} | {} | {:.2} | {:.2} | {} | {} | {} | {} |",
            row.what,
            row.runs,
            row.p50_ms,
            row.p95_ms,
            opt(row.like_p50_ms),
            opt(row.like_p95_ms),
            ratio,
            row.hits
                .map(|h| format!("{h:.1}"))
                .unwrap_or_else(|| "–".into())
        );
    }
    Ok(())
}
