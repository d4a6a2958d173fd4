//! `laoke bench …`: the benchmarks behind docs/BENCHMARKS.md, one file per area. The harnesses
//! themselves are in the library's `bench` module (the `bench` cargo feature, on for the CLI
//! and off for the desktop app); these files parse the flags and print the tables.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::Error;
use std::path::PathBuf;

mod backup;
mod fuzz;
mod import;
mod insight;
mod loyalty;
mod search;
mod segments;
mod tickets;

#[derive(Subcommand)]
pub enum BenchCmd {
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
    /// Fuzz the import readers: --cases generated hostile files (real-shaped exports in every
    /// CSV encoding, mutated xlsx containers, zips in zips, huge cells, noise) read, recognised
    /// and checked; prints the count and time; fails on a panic or a case over --max-case-ms.
    Fuzz {
        #[arg(long, default_value_t = 1_000_000)]
        cases: u64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The first case number (to rerun one reported case: --case N --cases 1).
        #[arg(long = "case", default_value_t = 0)]
        first: u64,
        #[arg(long, default_value_t = 2_000)]
        max_case_ms: u64,
        /// Write the cases' inputs to this folder instead of running them.
        #[arg(long)]
        save: Option<PathBuf>,
    },
    /// Time the loyalty job (tiers, earning sweep, expiry) on a store (--data-dir or --store);
    /// everything is rolled back.
    Loyalty {
        #[arg(long)]
        store: Option<PathBuf>,
    },
    /// Time the insight pass, the back-fill of 24 monthly snapshots, the threshold preview and
    /// the Insight screen's reads on a store (--data-dir or --store); everything is rolled back.
    Insight {
        #[arg(long)]
        store: Option<PathBuf>,
        /// Timed repeats of the everyday steps.
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
    /// Time segment counts (typical definitions), the segments list, a list opened on a
    /// segment and one customer's segments on a store (--data-dir or --store); nothing is kept.
    Segments {
        #[arg(long)]
        store: Option<PathBuf>,
        #[arg(long, default_value_t = 30)]
        runs: usize,
    },
}

pub fn run(ctx: &Ctx, cmd: BenchCmd) -> Result<(), Error> {
    match cmd {
        BenchCmd::Backup { size_mb, to } => backup::backup(ctx, size_mb, to),
        BenchCmd::Fill { size_mb } => backup::fill(ctx, size_mb),
        BenchCmd::Search {
            store,
            runs,
            like_runs,
        } => search::run(ctx, store, runs, like_runs),
        BenchCmd::Import {
            csv_rows,
            xlsx_rows,
            dir,
            bulk,
        } => import::run(csv_rows, xlsx_rows, dir, &bulk),
        BenchCmd::Tickets { add, runs } => tickets::run(ctx, add, runs),
        BenchCmd::Loyalty { store } => loyalty::run(ctx, store),
        BenchCmd::Insight { store, runs } => insight::run(ctx, store, runs),
        BenchCmd::Segments { store, runs } => segments::run(ctx, store, runs),
        BenchCmd::Fuzz {
            cases,
            seed,
            first,
            max_case_ms,
            save,
        } => fuzz::run(cases, seed, first, max_case_ms, save),
    }
}
