//! `laoke export --all FILE.xlsx`: every table into one workbook, one sheet each (owner only,
//! audited by the core), then the rows per sheet.

use crate::ctx::Ctx;
use laoke::{export, Error};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ExportArgs {
    /// Everything in the store (the only export so far).
    #[arg(long, required = true)]
    all: bool,
    file: PathBuf,
}

pub fn run(ctx: &Ctx, args: ExportArgs) -> Result<(), Error> {
    let ExportArgs { all: _, file } = args;
    let (store, session) = ctx.open()?;
    let r = export::full_workbook(&store, &session, ctx.lang, &file)?;
    println!(
        "{} {} ({} KB)",
        ctx.t("已导出全部数据：", "All data exported:"),
        file.display(),
        r.bytes.div_ceil(1024)
    );
    for (sheet, rows) in &r.sheets {
        let pad = 20usize.saturating_sub(export::xlsx::text_width(sheet));
        println!("  {sheet}{} {rows}", " ".repeat(pad));
    }
    Ok(())
}
