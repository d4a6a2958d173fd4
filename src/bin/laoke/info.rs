//! `laoke info`: where the store is, its schema version and the row count of every table.

use crate::ctx::Ctx;
use laoke::{info, Error};

pub fn run(ctx: &Ctx) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    let i = info::info(&store, &session)?;
    println!("{} {}", ctx.t("位置：", "location:"), i.data_dir);
    println!(
        "{} {}",
        ctx.t("结构版本：", "schema version:"),
        i.schema_version
    );
    for c in &i.counts {
        println!("  {:<20} {}", c.table, c.rows);
    }
    Ok(())
}
