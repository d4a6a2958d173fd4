//! `laoke bench segments`: time segment counts, the segments list, a list opened on a segment
//! and one customer's segments; prints a table of p50 / p95.

use crate::ctx::Ctx;
use laoke::Error;
use std::path::PathBuf;

pub fn run(ctx: &Ctx, store_dir: Option<PathBuf>, runs: usize) -> Result<(), Error> {
    let ctx = ctx.with_dir(store_dir);
    let (store, s) = ctx.open()?;
    let (stand_in, lines) = laoke::bench::segments::run(&store, &s, runs)?;
    if stand_in {
        println!(
            "{}",
            ctx.t(
                "注意：尚未评分，类别与阶段用临时替代数据（已回滚）。",
                "note: no scoring pass yet; classes and stages are a stand-in (rolled back)."
            )
        );
    }
    println!(
        "{:<44} {:>8} {:>9} {:>9}",
        "view", "rows", "p50 ms", "p95 ms"
    );
    for l in lines {
        println!(
            "{:<44} {:>8} {:>9.2} {:>9.2}",
            l.name, l.rows, l.p50_ms, l.p95_ms
        );
    }
    Ok(())
}
