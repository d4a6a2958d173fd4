//! `laoke import FILE` (with `--preset`, `--dry-run`, `--errors`, `--bulk`) and
//! `laoke import undo | list | template`: thin printing over `laoke::import`.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{
    export::import_errors,
    import::{self, ImportKind, ImportRequest},
    settings, Error,
};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ImportArgs {
    #[command(subcommand)]
    cmd: Option<ImportCmd>,
    /// The file to import.
    file: Option<PathBuf>,
    /// taobao, tmall, jd, pdd, douyin, wechat_shop, customers, laoke_orders, laoke_customers
    /// (default: recognised from the header row).
    #[arg(long)]
    preset: Option<String>,
    /// Only show what would be created / updated / skipped / rejected; change nothing.
    #[arg(long)]
    dry_run: bool,
    /// Where the error workbook goes (default: next to the file, NAME.errors.xlsx).
    #[arg(long)]
    errors: Option<PathBuf>,
    /// Write strategy: auto (as the app: build the order indexes after loading when the file
    /// brings at least as many orders as the store has), always, or never (row by row).
    #[arg(long, default_value = "auto")]
    bulk: String,
}

/// `--bulk auto|always|never` (here and in `laoke bench import`).
pub fn parse_bulk(s: &str) -> Result<import::BulkMode, Error> {
    match s {
        "auto" => Ok(import::BulkMode::Auto),
        "always" => Ok(import::BulkMode::Always),
        "never" => Ok(import::BulkMode::Never),
        other => Err(Error::invalid(
            format!("--bulk 只能是 auto、always 或 never，不是“{other}”。"),
            format!("--bulk must be auto, always or never, not '{other}'."),
        )),
    }
}

#[derive(Subcommand)]
pub enum ImportCmd {
    /// Undo a whole import batch (owner or manager).
    Undo { batch: i64 },
    /// The import history, newest first.
    List,
    /// Write Laoke's import template (xlsx with an order sheet and a customer sheet).
    Template { path: PathBuf },
}

pub fn run(ctx: &Ctx, args: ImportArgs) -> Result<(), Error> {
    match args.cmd {
        Some(ImportCmd::Undo { batch }) => {
            let (store, session) = ctx.open()?;
            let r = import::undo(&store, &session, batch)?;
            println!(
                "{} #{batch}: {} {}, {} {}, {} {}, {} {}",
                ctx.t("已撤销导入", "Import undone"),
                ctx.t("删除订单", "orders removed"),
                r.orders_removed,
                ctx.t("恢复订单", "orders restored"),
                r.orders_restored,
                ctx.t("删除客户", "customers removed"),
                r.customers_removed,
                ctx.t("恢复客户", "customers restored"),
                r.customers_restored
            );
        }
        Some(ImportCmd::List) => {
            let (store, session) = ctx.open()?;
            for b in import::list(&store, &session)? {
                println!(
                    "#{:<5} {}  {:<10} {:<14} {:<30} +{} ~{} ={} !{}{}",
                    b.id,
                    b.created_at.format("%Y-%m-%d %H:%M"),
                    b.created_by,
                    b.preset,
                    b.file_name,
                    b.created,
                    b.updated,
                    b.skipped,
                    b.rejected,
                    if b.undone_at.is_some() {
                        ctx.t("  [已撤销]", "  [undone]")
                    } else {
                        ""
                    }
                );
            }
        }
        Some(ImportCmd::Template { path }) => {
            let (store, session) = ctx.open()?;
            let tz = settings::timezone(&store);
            let _ = session;
            import_errors::write_template(&path, ctx.lang, tz, store.now())?;
            println!(
                "{} {}",
                ctx.t("已写入导入模板：", "Import template written:"),
                path.display()
            );
        }
        None => {
            let Some(file) = args.file else {
                return Err(Error::invalid(
                    "请指定要导入的文件，例如 laoke import 订单.csv",
                    "Name the file to import, e.g. laoke import orders.csv",
                ));
            };
            let bulk = parse_bulk(&args.bulk)?;
            import_file(ctx, &file, args.preset, args.dry_run, bulk, args.errors)?;
        }
    }
    Ok(())
}

fn import_file(
    ctx: &Ctx,
    file: &Path,
    preset: Option<String>,
    dry_run: bool,
    bulk: import::BulkMode,
    errors: Option<PathBuf>,
) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    let req = ImportRequest {
        path: file.to_path_buf(),
        preset,
        mapping: None,
    };
    let info = import::inspect(&store, &session, file, req.preset.as_deref())?;
    match &info.preset {
        Some(p) => println!(
            "{} {}",
            ctx.t("识别为：", "Recognised as:"),
            ctx.t(p.label_zh, p.label_en)
        ),
        None => println!(
            "{}",
            ctx.t(
                "未识别的表格格式，按表头猜测列的含义：",
                "Unknown layout; columns guessed from the header row:"
            )
        ),
    }
    if info.preset.is_none() {
        for (field, header) in &info.mapping.columns {
            println!(
                "  {:<12} ← {header}",
                ctx.t(field.label_zh(), field.label_en())
            );
        }
    }
    let mut last = 0u64;
    let mut progress = |p: import::Progress| {
        let pct = (p.done * 100).checked_div(p.total).unwrap_or(100) / 10 * 10;
        if pct != last {
            last = pct;
            eprint!("\r{pct:>3}%");
            let _ = std::io::stderr().flush();
        }
    };
    let report = import::run_with(
        &store,
        &session,
        &req,
        dry_run,
        bulk,
        &mut progress,
        &AtomicBool::new(false),
    )?;
    eprintln!();
    let what = match report.kind {
        ImportKind::Orders => ctx.t("订单", "orders"),
        ImportKind::Customers => ctx.t("客户", "customers"),
    };
    if dry_run {
        println!(
            "{}",
            ctx.t("预览（没有做任何更改）：", "Dry run (nothing was changed):")
        );
    }
    println!(
        "{what}: {} {}, {} {}, {} {}, {} {}",
        ctx.t("新增", "created"),
        report.created,
        ctx.t("更新", "updated"),
        report.updated,
        ctx.t("跳过（无变化）", "skipped (unchanged)"),
        report.skipped,
        ctx.t("拒绝", "rejected"),
        report.rejected
    );
    if report.kind == ImportKind::Orders {
        println!(
            "{}: {} {}, {} {}",
            ctx.t("客户", "customers"),
            ctx.t("新增", "created"),
            report.customers_created,
            ctx.t("补充资料", "completed"),
            report.customers_updated
        );
    }
    if report.masked_phones > 0 {
        println!(
            "{} {}",
            report.masked_phones,
            ctx.t(
                "行的手机号被平台打码，已按买家昵称匹配客户（不保存打码号码）。",
                "rows had masked phones; buyers were matched by nick (masks are never stored)."
            )
        );
    }
    for p in report.problems().take(20) {
        let msg = ctx.t(&p.message_zh, &p.message_en);
        match &p.column {
            Some(c) => println!("  {} {} [{c}]: {msg}", ctx.t("第", "row"), p.row),
            None => println!("  {} {}: {msg}", ctx.t("第", "row"), p.row),
        }
    }
    if report.problems_total > 20 {
        println!(
            "  … {} {}",
            report.problems_total - 20,
            ctx.t("个问题见错误工作簿", "more problems in the error workbook")
        );
    }
    if report.rejected > 0 {
        let path = errors.unwrap_or_else(|| {
            let stem = file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "import".into());
            file.with_file_name(format!("{stem}.errors.xlsx"))
        });
        let tz = settings::timezone(&store);
        import_errors::write_error_workbook(&report, &path, ctx.lang, tz, store.now())?;
        println!(
            "{} {}",
            ctx.t(
                "被拒绝的行已写入（改好后可再次导入）：",
                "Rejected rows written to (fix them and import again):"
            ),
            path.display()
        );
    }
    if let Some(id) = report.batch_id {
        println!(
            "{} #{id} ({} laoke import undo {id})",
            ctx.t("导入批次", "Import batch"),
            ctx.t("撤销：", "undo:")
        );
    }
    Ok(())
}
