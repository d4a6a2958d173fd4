//! `laoke bench insight`: time the insight pass, the 24-month back-fill, the threshold preview
//! and the Insight screen's reads on a store, all in one transaction that is rolled back.

use crate::ctx::Ctx;
use laoke::{i18n::Lang, Error};
use std::path::PathBuf;

pub fn run(ctx: &Ctx, store_dir: Option<PathBuf>, runs: usize) -> Result<(), Error> {
    let ctx = ctx.with_dir(store_dir);
    let (store, session) = ctx.open()?;
    let r = laoke::bench::insight::run(&store, &session, runs)?;
    println!(
        "{} {} / {} {}",
        ctx.t("客户", "customers"),
        r.customers,
        ctx.t("订单", "orders"),
        r.orders
    );
    println!(
        "| {} | ms | {} |",
        ctx.t("操作", "operation"),
        ctx.t("说明", "detail")
    );
    println!("|---|---:|---|");
    for row in r.rows {
        let what = if ctx.lang == Lang::En {
            row.what_en
        } else {
            row.what_zh
        };
        println!("| {what} | {:.0} | {} |", row.ms, row.detail);
    }
    println!(
        "{}",
        ctx.t(
            "（在一个事务里完成后回滚，数据库未改变。）",
            "(All in one transaction, rolled back: the store is unchanged.)"
        )
    );
    Ok(())
}
