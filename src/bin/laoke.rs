//! `laoke` — the command line over the same core the desktop app uses.
//! Passwords come from a prompt, or from `LAOKE_PASSWORD` (and `LAOKE_NEW_PASSWORD`) in scripts.

use clap::{Parser, Subcommand};
use laoke::{
    auth::{self, Role, Session},
    backup::{self, BackupError, Credential, Destination, Phase, Progress, RunEvent},
    clock,
    demo::{self, DemoSpec},
    export,
    i18n::Lang,
    info,
    store::Store,
    users::{self, NewUser},
    verify, Error,
};
use std::{path::PathBuf, process::ExitCode};

#[path = "cli/import.rs"]
mod import_cli;
#[path = "cli/loyalty.rs"]
mod loyalty_cli;
use zeroize::Zeroizing;

#[path = "cli/tickets.rs"]
mod tickets_cli;

#[path = "laoke/customers_cli.rs"]
mod customers_cli;

#[derive(Parser)]
#[command(
    name = "laoke",
    version,
    about = "老客 Laoke — offline encrypted CRM for a single shop"
)]
struct Cli {
    /// Store folder (default: the OS app-data folder).
    #[arg(long, global = true, env = "LAOKE_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Acting user for commands that open the store.
    #[arg(long, global = true, env = "LAOKE_USER", default_value = "owner")]
    user: String,
    /// Message language: zh-CN (default) or en.
    #[arg(long, global = true, env = "LAOKE_LANG", default_value = "zh-CN")]
    lang: String,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create a new encrypted store and its owner; prints the recovery key once.
    Init {
        /// Owner's user name.
        #[arg(long, default_value = "owner")]
        owner: String,
        #[arg(long, default_value = "店主")]
        display_name: String,
    },
    /// Manage users (owner only, except changing your own password).
    #[command(subcommand)]
    User(UserCmd),
    /// Check encryption pages, database integrity, foreign keys and the audit chain.
    Verify,
    /// Generate realistic demo customers (creates the store first if there is none).
    Demo {
        #[arg(long, default_value_t = 2000)]
        customers: u32,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Also generate this many orders (with items) for the store's customers.
        #[arg(long, default_value_t = 0)]
        orders: u64,
        /// Also generate this many service tickets (timelines, CSAT, follow-ups).
        #[arg(long, default_value_t = 0)]
        tickets: u64,
    },
    /// Store location, schema version and row counts.
    Info,
    /// Print the raw SQLCipher key (owner only, audited) to open the file with another SQLCipher 4 client.
    Rawkey,
    /// Back up now (to every configured backup folder, or --to DIR); list, verify, add folders.
    Backup(BackupArgs),
    /// Restore a backup (owner). Into the current store (a safety backup is made first), or
    /// into an empty data folder on a new computer. The backup opens with the same user's
    /// password (LAOKE_BACKUP_PASSWORD if it differs) or --recovery-key (LAOKE_RECOVERY_KEY).
    Restore {
        file: PathBuf,
        #[arg(long)]
        recovery_key: bool,
    },
    /// Export to Excel. `--all FILE.xlsx`: every table, one sheet each (owner only, audited).
    Export {
        /// Everything in the store (the only export so far).
        #[arg(long, required = true)]
        all: bool,
        file: PathBuf,
    },
    /// Benchmarks on a generated store.
    #[command(subcommand)]
    Bench(BenchCmd),
    /// Global search: name (1 character is enough), any part of a phone, nick, email, order number.
    Search {
        query: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Import orders or customers from xlsx / xls / csv (Taobao, JD, Pinduoduo, Douyin, WeChat
    /// shop exports are recognised); undo, list, template.
    Import(ImportArgs),
    /// Customers: show one, list duplicate suggestions, merge two, undo a merge.
    #[command(subcommand)]
    Customers(CustomersCmd),
    /// Orders: list with filters, show one.
    #[command(subcommand)]
    Orders(OrdersCmd),
    /// Service desk tickets: list a queue, show, log, run the periodic job.
    #[command(subcommand)]
    Tickets(tickets_cli::TicketsCmd),
    /// Today's due list: follow-ups, SLA due soon / breached, unpaid orders, birthdays.
    Today,
    /// A customer's points (balance, usable, tier, history); CUSTOMER = id or phone.
    Points {
        customer: String,
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Loyalty: the periodic job, liability, expiring points, monthly report.
    #[command(subcommand)]
    Loyalty(loyalty_cli::LoyaltyCmd),
}

#[derive(Subcommand)]
enum OrdersCmd {
    /// One page of orders, newest first, with the totals for the filter.
    List {
        /// taobao, tmall, jd, pdd, wechat_shop, douyin, in_store, other (or 淘宝, 京东…); repeatable.
        #[arg(long)]
        channel: Vec<String>,
        /// unpaid, paid, shipped, completed, partially_refunded, refunded, cancelled; repeatable.
        #[arg(long)]
        status: Vec<String>,
        /// First shop day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last shop day (YYYY-MM-DD), inclusive.
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        customer: Option<i64>,
        /// Part of the order number, buyer nick or product name.
        #[arg(long)]
        text: Option<String>,
        /// orderedAt, paidFen, orderNo, channel, status, customerName, refundedFen…
        #[arg(long, default_value = "orderedAt")]
        sort: String,
        /// Ascending instead of descending.
        #[arg(long)]
        asc: bool,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
        page_size: u32,
    },
    /// One order with its items.
    Show {
        order_no: String,
        /// Needed only when the number exists on several channels.
        #[arg(long)]
        channel: Option<String>,
    },
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
struct ImportArgs {
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
}

#[derive(Subcommand)]
enum ImportCmd {
    /// Undo a whole import batch (owner or manager).
    Undo { batch: i64 },
    /// The import history, newest first.
    List,
    /// Write Laoke's import template (xlsx with an order sheet and a customer sheet).
    Template { path: PathBuf },
}

#[derive(Subcommand)]
enum CustomersCmd {
    /// A customer's profile, lifetime numbers, latest orders, consent and merges.
    Show { id: i64 },
    /// Suggested duplicates (same phone, email, nick or WeChat id; same name and address/city).
    Duplicates,
    /// Merge OTHER into KEEP (owner/manager). Orders and consent move to KEEP; undo within 30 days.
    Merge {
        keep: i64,
        other: i64,
        /// Fields whose value comes from OTHER, comma separated: name,gender,birthday,email,
        /// wechatId,qq,province,city,address,sourceChannel,notes.
        #[arg(long, value_delimiter = ',')]
        take: Vec<String>,
        /// Keep both records' notes.
        #[arg(long)]
        combine_notes: bool,
    },
    /// Undo a merge (within 30 days): both records exactly as before.
    Unmerge { merge_id: i64 },
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
struct BackupArgs {
    #[command(subcommand)]
    cmd: Option<BackupCmd>,
    /// Back up into this folder instead of the configured ones.
    #[arg(long)]
    to: Option<PathBuf>,
}

#[derive(Subcommand)]
enum BackupCmd {
    /// List the backups in a folder (no password needed).
    List { dir: PathBuf },
    /// Decrypt and check a backup completely (password of --user, or --recovery-key).
    Verify {
        file: PathBuf,
        #[arg(long)]
        recovery_key: bool,
    },
    /// Add a backup folder (owner), e.g. a USB stick or a cloud sync folder.
    AddTarget {
        dir: PathBuf,
        #[arg(long, default_value = "")]
        label: String,
    },
    /// Configured backup folders and their last verified backup.
    Status,
}

#[derive(Subcommand)]
enum BenchCmd {
    /// Time search (vs LIKE scans), list pages and customer 360 on a store (--data-dir or
    /// --store), e.g. one made by `laoke demo --customers 100000 --orders 1000000`.
    Search {
        /// Store folder (default: --data-dir).
        #[arg(long)]
        store: Option<PathBuf>,
        /// Timed searches per query class.
        #[arg(long, default_value_t = 200)]
        runs: usize,
        /// Of those, how many also run as LIKE scans.
        #[arg(long, default_value_t = 20)]
        like_runs: usize,
    },
    /// Build a store of about --size-mb MiB (if the data folder has none), then time backup + verify.
    Backup {
        #[arg(long, default_value_t = 1000)]
        size_mb: u64,
        /// Where the backup goes (default: next to the data folder).
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// Grow the existing store with padded demo customers to about --size-mb MiB (to watch a
    /// long backup's progress bar; owner's password: LAOKE_PASSWORD or a prompt).
    Fill {
        #[arg(long)]
        size_mb: u64,
    },
    /// Generate a 1M-row Taobao CSV and a 100k-row xlsx, import each into a temp encrypted
    /// store; print rows/s, seconds and peak RSS.
    Import {
        #[arg(long, default_value_t = 1_000_000)]
        csv_rows: u64,
        #[arg(long, default_value_t = 100_000)]
        xlsx_rows: u64,
        /// Work folder (default: a new folder under the system temp dir, removed afterwards).
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Write strategy: auto (as the app), always (build order indexes after loading) or
        /// never (keep them current row by row).
        #[arg(long, default_value = "auto")]
        bulk: String,
    },
    /// Time the Today due list and every ticket queue on the store (--data-dir); --add N
    /// generates N demo tickets first.
    Tickets {
        #[arg(long, default_value_t = 0)]
        add: u64,
        #[arg(long, default_value_t = 30)]
        runs: usize,
    },
    /// Time the loyalty job (tiers, earning sweep, expiry) on a store (--data-dir or --store);
    /// everything is rolled back.
    Loyalty {
        #[arg(long)]
        store: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum UserCmd {
    /// Add a manager or service rep. Their password: prompt or LAOKE_NEW_PASSWORD.
    Add {
        username: String,
        #[arg(long, default_value = "rep")]
        role: String,
        #[arg(long)]
        display_name: Option<String>,
    },
    List,
    /// Disable a user (their password stops opening the store); --enable to undo.
    Disable {
        username: String,
        #[arg(long)]
        enable: bool,
    },
    /// Change your own password, or (owner) reset another user's; --recovery-key to use the recovery key.
    Passwd {
        username: Option<String>,
        #[arg(long)]
        recovery_key: bool,
    },
}

struct Ctx {
    dir: PathBuf,
    user: String,
    lang: Lang,
}

impl Ctx {
    fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.lang == Lang::En {
            en
        } else {
            zh
        }
    }

    fn password(&self, env: &str, prompt: &str) -> Result<Zeroizing<String>, Error> {
        if let Ok(p) = std::env::var(env) {
            return Ok(Zeroizing::new(p));
        }
        rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(Error::Io)
    }

    fn new_password(&self) -> Result<Zeroizing<String>, Error> {
        if let Ok(p) = std::env::var("LAOKE_NEW_PASSWORD") {
            return Ok(Zeroizing::new(p));
        }
        let a = self.password("LAOKE_NEW_PASSWORD", self.t("新密码：", "New password: "))?;
        let b = self.password("LAOKE_NEW_PASSWORD", self.t("再输入一次：", "Repeat it: "))?;
        if *a != *b {
            return Err(Error::invalid(
                "两次输入的密码不一致。",
                "The two passwords differ.",
            ));
        }
        Ok(a)
    }

    fn open(&self) -> Result<(Store, Session), Error> {
        let prompt = format!(
            "{} {}: ",
            self.t("密码 / Password for", "Password for"),
            self.user
        );
        let pw = self.password("LAOKE_PASSWORD", &prompt)?;
        let (store, session) = Store::login(&self.dir, &self.user, &pw, clock::system())?;
        // The core's housekeeping after a login (the recycle-bin purge).
        laoke::jobs::after_login(&store, &session)?;
        Ok((store, session))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx {
        dir: cli.data_dir.clone().unwrap_or_else(laoke::paths::data_dir),
        user: cli.user.clone(),
        lang: Lang::parse(&cli.lang).unwrap_or_default(),
    };
    match run(&ctx, cli.cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{}: {} [{}]",
                ctx.t("错误", "error"),
                e.message(ctx.lang),
                e.code()
            );
            ExitCode::FAILURE
        }
    }
}

fn print_recovery_key(ctx: &Ctx, key: &laoke::crypto::RecoveryKey) {
    println!();
    println!(
        "{}",
        ctx.t(
            "恢复密钥（只显示这一次，请抄写或打印后妥善保存）：",
            "Recovery key (shown only this once; write it down or print it and keep it safe):"
        )
    );
    println!();
    println!("    {}", key.display());
    println!();
}

fn run(ctx: &Ctx, cmd: Cmd) -> Result<(), Error> {
    match cmd {
        Cmd::Init {
            owner,
            display_name,
        } => {
            let pw = if std::env::var("LAOKE_PASSWORD").is_ok() {
                ctx.password("LAOKE_PASSWORD", "")?
            } else {
                ctx.new_password()?
            };
            let new = NewUser {
                username: owner,
                display_name,
                role: Role::Owner,
                password: pw.to_string(),
            };
            let (_store, session, key) = Store::init(&ctx.dir, &new, clock::system())?;
            println!(
                "{} {} ({})",
                ctx.t("已创建店铺：", "Store created:"),
                ctx.dir.display(),
                session.username()
            );
            print_recovery_key(ctx, &key);
        }
        Cmd::User(u) => user_cmd(ctx, u)?,
        Cmd::Orders(o) => orders_cmd(ctx, o)?,
        Cmd::Verify => {
            let (store, session) = ctx.open()?;
            let r = verify::run(&store, &session)?;
            println!(
                "{} {}",
                ctx.t("加密页校验：", "cipher pages:"),
                if r.cipher_problems.is_empty() {
                    "ok".to_string()
                } else {
                    r.cipher_problems.join("; ")
                }
            );
            println!(
                "{} {}",
                ctx.t("数据库完整性：", "integrity:"),
                if r.integrity_problems.is_empty() {
                    "ok".to_string()
                } else {
                    r.integrity_problems.join("; ")
                }
            );
            println!(
                "{} {}",
                ctx.t("外键问题：", "foreign key violations:"),
                r.foreign_key_violations
            );
            println!(
                "{} {} {}",
                ctx.t("审计日志：", "audit log:"),
                r.audit_rows,
                ctx.t("条", "rows")
            );
            for b in &r.audit_breaks {
                println!(
                    "  {} #{}: {}",
                    ctx.t("审计链断裂", "audit chain broken at"),
                    b.id,
                    b.problem
                );
            }
            println!(
                "{} {}",
                ctx.t("积分余额缓存不符：", "points balance mismatches:"),
                r.points_balance_mismatches
            );
            println!(
                "{} {}",
                ctx.t(
                    "订单列表商品摘要不符：",
                    "order list item previews that differ:"
                ),
                r.order_preview_mismatches
            );
            println!(
                "{} {}",
                ctx.t("订单退款合计不符：", "order refund totals that differ:"),
                r.order_refund_mismatches
            );
            loyalty_cli::print_check(ctx, &r.loyalty);
            if !r.is_ok() {
                return Err(Error::conflict(
                    "校验发现问题（见上）。",
                    "Verification found problems (see above).",
                ));
            }
            println!("{}", ctx.t("校验通过。", "All checks passed."));
        }
        Cmd::Demo {
            customers,
            seed,
            orders,
            tickets,
        } => {
            let (store, session) = if Store::exists(&ctx.dir) {
                ctx.open()?
            } else {
                let pw = ctx.password(
                    "LAOKE_PASSWORD",
                    ctx.t("新店主密码：", "New owner password: "),
                )?;
                let new = NewUser {
                    username: ctx.user.clone(),
                    display_name: "店主".into(),
                    role: Role::Owner,
                    password: pw.to_string(),
                };
                let (store, session, key) = Store::init(&ctx.dir, &new, clock::system())?;
                print_recovery_key(ctx, &key);
                (store, session)
            };
            let started = std::time::Instant::now();
            let r = demo::generate(&store, &session, &DemoSpec { customers, seed })?;
            println!(
                "{} {} ({:.2} s)",
                ctx.t("已生成演示客户：", "Demo customers generated:"),
                r.customers,
                started.elapsed().as_secs_f64()
            );
            if orders > 0 {
                let started = std::time::Instant::now();
                let r =
                    demo::generate_orders(&store, &session, &demo::OrdersSpec { orders, seed })?;
                println!(
                    "{} {} / {} {} ({:.2} s)",
                    ctx.t("已生成订单：", "Orders generated:"),
                    r.orders,
                    ctx.t("商品行", "items"),
                    r.items,
                    started.elapsed().as_secs_f64()
                );
            }
            if tickets > 0 {
                let r =
                    demo::generate_tickets(&store, &session, &demo::TicketsSpec { tickets, seed })?;
                println!(
                    "{} {} / {} {}",
                    ctx.t("已生成工单：", "Tickets generated:"),
                    r.tickets,
                    ctx.t("回访计划", "follow-ups"),
                    r.follow_ups
                );
            }
        }
        Cmd::Info => {
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
        }
        Cmd::Rawkey => {
            let (store, session) = ctx.open()?;
            let hex = store.export_raw_key(&session)?;
            println!("PRAGMA key = \"x'{}'\";", hex.as_str());
        }
        Cmd::Backup(args) => backup_cmd(ctx, args)?,
        Cmd::Restore { file, recovery_key } => restore_cmd(ctx, &file, recovery_key)?,
        Cmd::Export { all: _, file } => {
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
        }
        Cmd::Bench(BenchCmd::Backup { size_mb, to }) => bench_backup(ctx, size_mb, to)?,
        Cmd::Bench(BenchCmd::Fill { size_mb }) => {
            let (store, session) = ctx.open()?;
            let n = backup::fill_to_size(&store, &session, size_mb).map_err(Error::from)?;
            println!("{n} {}", ctx.t("个客户已添加。", "customers added."));
        }
        Cmd::Search { query, json } => search_cmd(ctx, &query, json)?,
        Cmd::Bench(BenchCmd::Search {
            store,
            runs,
            like_runs,
        }) => bench_search(ctx, store, runs, like_runs)?,
        Cmd::Import(args) => import_cli::run(ctx, args)?,
        Cmd::Bench(BenchCmd::Import {
            csv_rows,
            xlsx_rows,
            dir,
            bulk,
        }) => import_cli::bench(csv_rows, xlsx_rows, dir, &bulk)?,
        Cmd::Customers(c) => customers_cli::run(ctx, c)?,
        Cmd::Tickets(t) => tickets_cli::run(ctx, t)?,
        Cmd::Today => tickets_cli::today_cmd(ctx)?,
        Cmd::Bench(BenchCmd::Tickets { add, runs }) => tickets_cli::bench(ctx, add, runs)?,
        Cmd::Points { customer, limit } => loyalty_cli::points(ctx, &customer, limit)?,
        Cmd::Loyalty(c) => loyalty_cli::run(ctx, c)?,
        Cmd::Bench(BenchCmd::Loyalty { store }) => loyalty_cli::bench(ctx, store)?,
    }
    Ok(())
}

/// Prints "phase NN%" lines at every 10 %.
fn progress_printer(ctx: &Ctx) -> impl FnMut(Progress) + '_ {
    let mut last: Option<(Phase, u64)> = None;
    move |p: Progress| {
        let pct = (p.done * 100).checked_div(p.total).unwrap_or(100) / 10 * 10;
        if last != Some((p.phase, pct)) {
            last = Some((p.phase, pct));
            let phase = match p.phase {
                Phase::Snapshot => ctx.t("快照", "snapshot"),
                Phase::Encrypt => ctx.t("加密写入", "encrypt"),
                Phase::Verify => ctx.t("校验", "verify"),
            };
            println!("{phase} {pct}%");
        }
    }
}

fn print_header(ctx: &Ctx, h: &backup::Header) {
    println!(
        "  {} {}  {} {}  {} {}",
        ctx.t("时间", "made"),
        h.created_at.format("%Y-%m-%d %H:%M:%S UTC"),
        ctx.t("由", "by"),
        h.created_by,
        ctx.t("版本", "app"),
        h.app_version
    );
    for (table, n) in &h.counts {
        println!("    {table:<20} {n}");
    }
}

fn print_backup_run(ctx: &Ctx, run: &backup::TargetRun) {
    match &run.result {
        Ok(b) => println!(
            "{} {} ({} MB)",
            ctx.t("已备份并校验：", "Backed up and verified:"),
            b.path.display(),
            b.size / 1_000_000
        ),
        Err(e) => eprintln!(
            "{} {}: {} [{}]",
            ctx.t("备份失败", "backup failed"),
            run.destination.dir.display(),
            e.message(ctx.lang),
            e.code()
        ),
    }
}

fn backup_cmd(ctx: &Ctx, args: BackupArgs) -> Result<(), Error> {
    match args.cmd {
        None => {
            let (store, session) = ctx.open()?;
            let destinations: Vec<Destination> = match args.to {
                Some(d) => vec![Destination::folder(d)],
                None => backup::targets(&store, &session)?
                    .iter()
                    .map(Destination::from)
                    .collect(),
            };
            if destinations.is_empty() {
                return Err(Error::invalid(
                    "还没有设置备份位置：用 --to 文件夹，或先 laoke backup add-target 文件夹。",
                    "No backup folder yet: use --to DIR, or first laoke backup add-target DIR.",
                ));
            }
            let mut progress = progress_printer(ctx);
            let runs =
                backup::run_targets(&store, &session, destinations, &mut |event| match event {
                    RunEvent::Progress { phase: Some(p), .. } => progress(p),
                    RunEvent::Progress { .. } => {}
                    RunEvent::Finished { run, .. } => {
                        progress = progress_printer(ctx);
                        print_backup_run(ctx, run);
                    }
                });
            if let Some(e) = runs.into_iter().filter_map(|r| r.result.err()).last() {
                return Err(e.into());
            }
        }
        Some(BackupCmd::List { dir }) => {
            for l in backup::list(&dir).map_err(Error::from)? {
                let when = l
                    .created_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "?".into());
                let customers = l.counts.get("customers").copied().unwrap_or(0);
                println!(
                    "{:<48} {when}  {:>8} KB  {:<8} {:<10} {} {customers}{}{}",
                    l.file_name,
                    l.size / 1024,
                    l.app_version.as_deref().unwrap_or("?"),
                    l.created_by.as_deref().unwrap_or("?"),
                    ctx.t("客户", "customers"),
                    if l.conflict_copy {
                        ctx.t("  [同步冲突副本]", "  [sync conflict copy]")
                    } else {
                        ""
                    },
                    l.problem_code
                        .map(|c| format!("  [{c}]"))
                        .unwrap_or_default(),
                );
            }
        }
        Some(BackupCmd::Verify { file, recovery_key }) => {
            let secret = backup_secret(ctx, recovery_key, "LAOKE_PASSWORD")?;
            let cred = credential(ctx, recovery_key, &secret);
            let work = work_dir(ctx);
            let h = backup::verify_file(&file, &cred, &work, &mut progress_printer(ctx))
                .map_err(Error::from)?;
            println!(
                "{} {}",
                ctx.t("备份完好：", "Backup is intact:"),
                file.display()
            );
            print_header(ctx, &h);
        }
        Some(BackupCmd::AddTarget { dir, label }) => {
            let (store, session) = ctx.open()?;
            let t = backup::add_target(&store, &session, &dir, &label)?;
            println!(
                "{} {}",
                ctx.t("已添加备份位置：", "Backup folder added:"),
                t.path
            );
            if let Some(c) = t.sync_folder {
                println!("  ({} {c})", ctx.t("云同步文件夹：", "cloud sync folder:"));
            }
        }
        Some(BackupCmd::Status) => {
            let (store, session) = ctx.open()?;
            for s in backup::status(&store, &session, store.now())? {
                let last = s
                    .last_verified
                    .and_then(|b| b.verified_at)
                    .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                    .unwrap_or_else(|| ctx.t("从未", "never").into());
                println!(
                    "{:<40} {} {last}{}{}",
                    s.target.path,
                    ctx.t("上次校验通过：", "last verified:"),
                    if s.stale {
                        ctx.t("  [超过 3 天]", "  [older than 3 days]")
                    } else {
                        ""
                    },
                    s.target
                        .last_error
                        .map(|c| format!("  [{c}]"))
                        .unwrap_or_default()
                );
            }
        }
    }
    Ok(())
}

fn backup_secret(ctx: &Ctx, recovery_key: bool, env: &str) -> Result<Zeroizing<String>, Error> {
    if recovery_key {
        ctx.password("LAOKE_RECOVERY_KEY", ctx.t("恢复密钥：", "Recovery key: "))
    } else {
        let prompt = format!(
            "{} {}: ",
            ctx.t("备份的密码 / Backup password for", "Backup password for"),
            ctx.user
        );
        ctx.password(env, &prompt)
    }
}

fn credential<'a>(ctx: &'a Ctx, recovery_key: bool, secret: &'a str) -> Credential<'a> {
    if recovery_key {
        Credential::RecoveryKey(secret)
    } else {
        Credential::Password {
            username: &ctx.user,
            password: secret,
        }
    }
}

/// Decrypted copies (still SQLCipher-encrypted) go into the data folder when there is one.
fn work_dir(ctx: &Ctx) -> PathBuf {
    if ctx.dir.is_dir() {
        ctx.dir.clone()
    } else {
        std::env::temp_dir()
    }
}

fn restore_cmd(ctx: &Ctx, file: &std::path::Path, recovery_key: bool) -> Result<(), Error> {
    let mut progress = progress_printer(ctx);
    if !Store::exists(&ctx.dir) {
        let secret = backup_secret(ctx, recovery_key, "LAOKE_PASSWORD")?;
        let cred = credential(ctx, recovery_key, &secret);
        let (store, session) =
            backup::restore_new(&ctx.dir, file, &cred, clock::system(), &mut progress)
                .map_err(Error::from)?;
        println!(
            "{} {} ({})",
            ctx.t("已恢复到：", "Restored into:"),
            store.dir().display(),
            session.username()
        );
        return Ok(());
    }
    let (store, session) = ctx.open()?;
    let env = if std::env::var("LAOKE_BACKUP_PASSWORD").is_ok() {
        "LAOKE_BACKUP_PASSWORD"
    } else {
        "LAOKE_PASSWORD"
    };
    let secret = backup_secret(ctx, recovery_key, env)?;
    let cred = credential(ctx, recovery_key, &secret);
    let prepared = backup::prepare_restore(&store, &session, file, &cred, &mut progress)
        .map_err(Error::from)?;
    println!("{}", ctx.t("备份内容：", "The backup holds:"));
    print_header(ctx, prepared.header());
    println!(
        "{} {}",
        ctx.t("当前数据的安全备份：", "Safety backup of the current data:"),
        prepared.safety_backup().path.display()
    );
    let (store, session) = backup::apply_restore(store, prepared).map_err(Error::from)?;
    println!(
        "{} {} ({})",
        ctx.t("已恢复。", "Restored."),
        store.dir().display(),
        session.username()
    );
    Ok(())
}

fn bench_backup(ctx: &Ctx, size_mb: u64, to: Option<PathBuf>) -> Result<(), Error> {
    let (store, session) = if Store::exists(&ctx.dir) {
        ctx.open()?
    } else {
        let pw = std::env::var("LAOKE_PASSWORD").unwrap_or_else(|_| "bench password".into());
        let new = NewUser {
            username: ctx.user.clone(),
            display_name: "店主".into(),
            role: Role::Owner,
            password: pw,
        };
        let (store, session, _key) = Store::init(&ctx.dir, &new, clock::system())?;
        let started = std::time::Instant::now();
        let n = backup::fill_to_size(&store, &session, size_mb).map_err(Error::from)?;
        println!(
            "store built: {n} customers in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        (store, session)
    };
    let to = to.unwrap_or_else(|| ctx.dir.with_extension("bench-backups"));
    std::fs::create_dir_all(&to)?;
    let db_mb = std::fs::metadata(laoke::paths::db_path(&ctx.dir))?.len() as f64 / 1e6;
    let started = std::time::Instant::now();
    let mut marks: Vec<(Phase, f64)> = Vec::new();
    let mut progress = |p: Progress| {
        if marks.last().map(|m| m.0) != Some(p.phase) {
            marks.push((p.phase, started.elapsed().as_secs_f64()));
        }
    };
    let b = backup::prepare(&store, &session, &to)
        .and_then(|job| job.run(&mut progress))
        .map_err(|e: BackupError| Error::from(e))?;
    let total = started.elapsed().as_secs_f64();
    let mut phases = Vec::new();
    for (i, (phase, at)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map(|m| m.1).unwrap_or(total);
        phases.push(format!("{phase:?} {:.1} s", end - at));
    }
    println!(
        "database {db_mb:.0} MB, backup file {:.0} MB",
        b.size as f64 / 1e6
    );
    println!(
        "backup + verify: {total:.1} s ({:.0} MB/s) — {}",
        db_mb / total,
        phases.join(", ")
    );
    println!("file: {}", b.path.display());
    Ok(())
}

fn user_cmd(ctx: &Ctx, cmd: UserCmd) -> Result<(), Error> {
    match cmd {
        UserCmd::Add {
            username,
            role,
            display_name,
        } => {
            let role = Role::parse(&role).ok_or_else(|| {
                Error::invalid(
                    "角色只能是 manager（店长）或 rep（客服）。",
                    "Role must be manager or rep.",
                )
            })?;
            let (store, session) = ctx.open()?;
            let pw = ctx.new_password()?;
            let new = NewUser {
                display_name: display_name.unwrap_or_else(|| username.clone()),
                username,
                role,
                password: pw.to_string(),
            };
            let u = users::add(&store, &session, &new)?;
            println!(
                "{} {} ({})",
                ctx.t("已添加用户：", "User added:"),
                u.username,
                u.role.as_str()
            );
        }
        UserCmd::List => {
            let (store, session) = ctx.open()?;
            for u in users::list(&store, &session)? {
                println!(
                    "{:<4} {:<16} {:<10} {:<8} {}",
                    u.id,
                    u.username,
                    u.role.as_str(),
                    if u.disabled {
                        ctx.t("已停用", "disabled")
                    } else {
                        ctx.t("正常", "active")
                    },
                    u.display_name
                );
            }
        }
        UserCmd::Disable { username, enable } => {
            let (store, session) = ctx.open()?;
            let id = users::id_by_username(&store, &session, &username)?;
            let u = users::set_disabled(&store, &session, id, !enable)?;
            println!(
                "{} {}",
                u.username,
                if u.disabled {
                    ctx.t("已停用", "disabled")
                } else {
                    ctx.t("已启用", "enabled")
                }
            );
        }
        UserCmd::Passwd {
            username,
            recovery_key,
        } => {
            if recovery_key {
                let target = username.unwrap_or_else(|| ctx.user.clone());
                let key =
                    ctx.password("LAOKE_RECOVERY_KEY", ctx.t("恢复密钥：", "Recovery key: "))?;
                let pw = ctx.new_password()?;
                Store::recover(&ctx.dir, &key, &target, &pw, clock::system())?;
            } else {
                let (store, session) = ctx.open()?;
                match username.filter(|u| u != session.username()) {
                    Some(other) => {
                        let id = users::id_by_username(&store, &session, &other)?;
                        let pw = ctx.new_password()?;
                        users::reset_password(&store, &session, id, &pw)?;
                    }
                    None => {
                        let old = ctx.password(
                            "LAOKE_PASSWORD",
                            ctx.t("当前密码：", "Current password: "),
                        )?;
                        let pw = ctx.new_password()?;
                        auth::change_own_password(&store, &session, &old, &pw)?;
                    }
                }
            }
            println!("{}", ctx.t("密码已更新。", "Password updated."));
        }
    }
    Ok(())
}

/// `laoke search QUERY`: the app's global search, as a table (or JSON).
fn search_cmd(ctx: &Ctx, query: &str, json: bool) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    let r = laoke::search::search(&store, &session, query)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&r).map_err(|e| Error::Internal(e.to_string()))?
        );
        return Ok(());
    }
    let field = |f: laoke::search::MatchField| {
        use laoke::search::MatchField::*;
        match f {
            Name => ctx.t("姓名", "name"),
            Email => ctx.t("邮箱", "email"),
            Wechat => ctx.t("微信", "WeChat"),
            Phone => ctx.t("手机", "phone"),
            Nick => ctx.t("昵称", "nick"),
            OrderNo => ctx.t("订单号", "order no."),
        }
    };
    println!("{} ({})", ctx.t("客户", "Customers"), r.customers.len());
    for c in &r.customers {
        println!(
            "  #{:<7} {:<10} {:<13} {:>4} {}  {}: {}",
            c.id,
            c.name,
            c.phone.as_deref().unwrap_or("-"),
            c.orders_count,
            ctx.t("单", "orders"),
            field(c.matched.field),
            c.matched.text
        );
    }
    println!("{} ({})", ctx.t("订单", "Orders"), r.orders.len());
    for o in &r.orders {
        println!(
            "  {:<24} {:<12} {:<20} {:>10}  {}",
            o.order_no,
            o.channel,
            o.status,
            laoke::orders::money::yuan(o.paid_fen),
            o.customer_name.as_deref().unwrap_or("-")
        );
    }
    Ok(())
}

/// `laoke bench search`: the table for docs/BENCHMARKS.md.
fn bench_search(
    ctx: &Ctx,
    store_dir: Option<PathBuf>,
    runs: usize,
    like_runs: usize,
) -> Result<(), Error> {
    let ctx = Ctx {
        dir: store_dir.unwrap_or_else(|| ctx.dir.clone()),
        user: ctx.user.clone(),
        lang: ctx.lang,
    };
    let (store, session) = ctx.open()?;
    let en = ctx.lang == Lang::En;
    let r = laoke::search::bench::run(&store, &session, runs.max(1), like_runs, en)?;
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

fn parse_channel(s: &str) -> Result<laoke::orders::Channel, Error> {
    laoke::orders::Channel::parse(s).ok_or_else(|| {
        Error::invalid(
            format!("渠道“{s}”不认识（可用 taobao、tmall、jd、pdd、wechat_shop、douyin、in_store、other）。"),
            format!("Unknown channel '{s}' (taobao, tmall, jd, pdd, wechat_shop, douyin, in_store, other)."),
        )
    })
}

fn orders_cmd(ctx: &Ctx, cmd: OrdersCmd) -> Result<(), Error> {
    use laoke::orders::{self, money::yuan, OrderQuery, OrderStatus};
    let en = ctx.lang == Lang::En;
    let channel_label = |c: orders::Channel| if en { c.label_en() } else { c.label_zh() };
    let status_label = |s: OrderStatus| if en { s.label_en() } else { s.label_zh() };
    let local = |tz: chrono_tz::Tz, t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
    };
    match cmd {
        OrdersCmd::List {
            channel,
            status,
            from,
            to,
            customer,
            text,
            sort,
            asc,
            page,
            page_size,
        } => {
            let channels = channel
                .iter()
                .map(|c| parse_channel(c))
                .collect::<Result<Vec<_>, _>>()?;
            let statuses = status
                .iter()
                .map(|s| {
                    OrderStatus::parse(s).ok_or_else(|| {
                        Error::invalid(
                            format!("状态“{s}”不认识。"),
                            format!("Unknown status '{s}'."),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let (store, session) = ctx.open()?;
            let tz = laoke::settings::timezone(&store);
            let p = orders::list(
                &store,
                &session,
                &OrderQuery {
                    page,
                    page_size,
                    channels,
                    statuses,
                    ordered_from: from,
                    ordered_to: to,
                    customer_id: customer,
                    text,
                    sort: Some(sort),
                    desc: Some(!asc),
                    ..Default::default()
                },
            )?;
            for r in &p.rows {
                println!(
                    "{:<22} {:<8} {:<8} {:<16} {:>12} {:>12}  {:<8} {}",
                    r.order_no,
                    channel_label(r.channel),
                    status_label(r.status),
                    local(tz, r.ordered_at),
                    yuan(r.paid_fen),
                    yuan(r.refunded_fen),
                    r.customer_name.as_deref().unwrap_or("-"),
                    r.products
                );
            }
            println!(
                "{} {}  {} {}  {} {}",
                ctx.t("合计订单：", "orders:"),
                p.totals.count,
                ctx.t("实付：", "paid:"),
                yuan(p.totals.paid_fen),
                ctx.t("已退款：", "refunded:"),
                yuan(p.totals.refunded_fen)
            );
        }
        OrdersCmd::Show { order_no, channel } => {
            let channel = channel.as_deref().map(parse_channel).transpose()?;
            let (store, session) = ctx.open()?;
            let o = orders::find_by_no(&store, &session, &order_no, channel)?;
            let tz = laoke::settings::timezone(&store);
            println!(
                "{} {}  {}  {}",
                ctx.t("订单", "Order"),
                o.row.order_no,
                channel_label(o.row.channel),
                status_label(o.row.status)
            );
            println!(
                "{} {}",
                ctx.t("客户：", "Customer:"),
                o.customer
                    .as_ref()
                    .map(|c| format!("{} (#{})", c.name, c.id))
                    .unwrap_or_else(|| "-".into())
            );
            println!(
                "{} {}",
                ctx.t("下单：", "Ordered:"),
                local(tz, o.row.ordered_at)
            );
            if let Some(p) = o.row.paid_at {
                println!("{} {}", ctx.t("付款：", "Paid at:"), local(tz, p));
            }
            for it in &o.items {
                println!(
                    "  {} × {}  {}  {}{}",
                    it.quantity,
                    it.product_name,
                    yuan(it.unit_price_fen),
                    yuan(it.line_fen),
                    if it.category.is_empty() {
                        String::new()
                    } else {
                        format!("  [{}]", it.category)
                    }
                );
            }
            println!(
                "{} {}  {} {}  {} {}  {} {}  {} {}",
                ctx.t("商品", "goods"),
                yuan(o.row.goods_fen),
                ctx.t("运费", "shipping"),
                yuan(o.row.shipping_fen),
                ctx.t("优惠", "discount"),
                yuan(o.row.discount_fen),
                ctx.t("实付", "paid"),
                yuan(o.row.paid_fen),
                ctx.t("已退款", "refunded"),
                yuan(o.row.refunded_fen)
            );
            if !o.note.is_empty() {
                println!("{} {}", ctx.t("备注：", "Note:"), o.note);
            }
        }
    }
    Ok(())
}
