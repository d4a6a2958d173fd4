//! `laoke` — the command line over the same core the desktop app uses.
//! Passwords come from a prompt, or from `LAOKE_PASSWORD` (and `LAOKE_NEW_PASSWORD`) in scripts.
//!
//! This file only parses the command line and dispatches: each subcommand (its flags and its
//! printing) lives in its own file next to this one, the shared prompts and session opening in
//! `ctx.rs`. The binary needs the `cli` cargo feature (clap, rpassword); `laoke bench …` the
//! `bench` feature (the harnesses in the library's `bench` module). Both are default features
//! of this package and off for the desktop app.

use clap::{Parser, Subcommand};
use laoke::i18n::Lang;
use std::{path::PathBuf, process::ExitCode};

mod backup;
#[cfg(feature = "bench")]
mod bench;
mod calendar;
mod ctx;
mod customers;
mod demo;
mod export;
mod import;
mod info;
mod init;
mod insight;
mod loyalty;
mod model;
mod orders;
mod points;
mod rawkey;
mod restore;
mod sale;
mod search;
mod segments;
mod tickets;
mod today;
mod users;
mod verify;

use ctx::Ctx;

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
    Init(init::InitArgs),
    /// Manage users (owner only, except changing your own password).
    #[command(subcommand)]
    User(users::UserCmd),
    /// Check encryption pages, database integrity, foreign keys and the audit chain.
    Verify,
    /// Generate realistic demo customers (creates the store first if there is none).
    Demo(demo::DemoArgs),
    /// Store location, schema version and row counts.
    Info,
    /// Print the raw SQLCipher key (owner only, audited) to open the file with another SQLCipher 4 client.
    Rawkey,
    /// Back up now (to every configured backup folder, or --to DIR); list, verify, add folders.
    Backup(backup::BackupArgs),
    /// Restore a backup (owner). Into the current store (a safety backup is made first), or
    /// into an empty data folder on a new computer. The backup opens with the same user's
    /// password (LAOKE_BACKUP_PASSWORD if it differs) or --recovery-key (LAOKE_RECOVERY_KEY).
    Restore(restore::RestoreArgs),
    /// Export to Excel. `--all FILE.xlsx`: every table, one sheet each (owner only, audited).
    Export(export::ExportArgs),
    /// Benchmarks on a generated store.
    #[cfg(feature = "bench")]
    #[command(subcommand)]
    Bench(bench::BenchCmd),
    /// Global search: name (1 character is enough), any part of a phone, nick, email, order number.
    Search(search::SearchArgs),
    /// Import orders or customers from xlsx / xls / csv (Taobao, JD, Pinduoduo, Douyin, WeChat
    /// shop exports are recognised); undo, list, template.
    Import(import::ImportArgs),
    /// Customers: show one, list duplicate suggestions, merge two, undo a merge.
    #[command(subcommand)]
    Customers(customers::CustomersCmd),
    /// Orders: list with filters, show one, enter a sale (with points / a coupon).
    #[command(subcommand)]
    Orders(orders::OrdersCmd),
    /// Service desk tickets: list a queue, show, log, run the periodic job.
    #[command(subcommand)]
    Tickets(tickets::TicketsCmd),
    /// Holidays of a year (official, computed or the shop's); import or type the arrangement.
    #[command(subcommand)]
    Calendar(calendar::CalendarCmd),
    /// Today's due list: follow-ups, SLA due soon / breached, unpaid orders, birthdays.
    Today,
    /// A customer's points (balance, usable, tier, history); CUSTOMER = id or phone.
    Points(points::PointsArgs),
    /// Loyalty: the periodic job, liability, expiring points, monthly report.
    #[command(subcommand)]
    Loyalty(loyalty::LoyaltyCmd),
    /// Customer insight: RFM classes and lifecycle stages (score, classes, settings, preview).
    #[command(subcommand)]
    Insight(insight::InsightCmd),
    /// Customer segments (客户分组): list with sizes, show one in words, count, save.
    #[command(subcommand)]
    Segments(segments::SegmentsCmd),
    /// Customer-base models: fit Pareto/NBD, BG/NBD, MBG/NBD or Gamma-Gamma; check a forecast.
    #[command(subcommand)]
    Model(model::ModelCmd),
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

fn run(ctx: &Ctx, cmd: Cmd) -> Result<(), laoke::Error> {
    match cmd {
        Cmd::Init(args) => init::run(ctx, args),
        Cmd::User(c) => users::run(ctx, c),
        Cmd::Verify => verify::run(ctx),
        Cmd::Demo(args) => demo::run(ctx, args),
        Cmd::Info => info::run(ctx),
        Cmd::Rawkey => rawkey::run(ctx),
        Cmd::Backup(args) => backup::run(ctx, args),
        Cmd::Restore(args) => restore::run(ctx, args),
        Cmd::Export(args) => export::run(ctx, args),
        #[cfg(feature = "bench")]
        Cmd::Bench(c) => bench::run(ctx, c),
        Cmd::Search(args) => search::run(ctx, args),
        Cmd::Import(args) => import::run(ctx, args),
        Cmd::Customers(c) => customers::run(ctx, c),
        Cmd::Orders(c) => orders::run(ctx, c),
        Cmd::Tickets(c) => tickets::run(ctx, c),
        Cmd::Calendar(c) => calendar::run(ctx, c),
        Cmd::Today => today::run(ctx),
        Cmd::Points(args) => points::run(ctx, args),
        Cmd::Loyalty(c) => loyalty::run(ctx, c),
        Cmd::Insight(c) => insight::run(ctx, c),
        Cmd::Segments(c) => segments::run(ctx, c),
        Cmd::Model(c) => model::run(ctx, c),
    }
}
