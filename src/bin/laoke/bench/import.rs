//! `laoke bench import`: generate a Taobao CSV and an xlsx, import each into a temp encrypted
//! store, and print rows/s, seconds, CPU and peak RSS per phase.

use laoke::{clock, Error};
use std::path::PathBuf;

pub fn run(csv_rows: u64, xlsx_rows: u64, dir: Option<PathBuf>, bulk: &str) -> Result<(), Error> {
    let bulk = crate::import::parse_bulk(bulk)?;
    let (work, remove) = match dir {
        Some(d) => (d, false),
        None => (
            std::env::temp_dir().join(format!("laoke-bench-import-{}", std::process::id())),
            true,
        ),
    };
    let result = laoke::bench::import::run(
        &work,
        csv_rows,
        xlsx_rows,
        bulk,
        clock::system(),
        &mut |l| println!("{l}"),
    );
    if remove {
        let _ = std::fs::remove_dir_all(&work);
    }
    let results = result?;
    println!();
    println!(
        "{:<26} {:>10} {:>9} {:>9} {:>9} {:>11} {:>13}",
        "import", "rows", "file MB", "seconds", "CPU s", "rows/s", "peak RSS MiB"
    );
    for r in &results {
        println!(
            "{:<26} {:>10} {:>9.1} {:>9.2} {:>9} {:>11.0} {:>13}",
            r.label,
            r.rows,
            r.file_mb,
            r.seconds,
            r.cpu_seconds
                .map(|c| format!("{c:.2}"))
                .unwrap_or_else(|| "?".into()),
            r.rows_per_s,
            r.peak_rss_mib
                .map(|m| format!("{m:.0}"))
                .unwrap_or_else(|| "?".into())
        );
        println!(
            "  created {} orders, {} customers; skipped {}; rejected {}",
            r.report.created, r.report.customers_created, r.report.skipped, r.report.rejected
        );
        for p in &r.phases {
            println!(
                "    {:<30} {:>7.2} s wall {:>9} s CPU",
                p.name,
                p.wall_s,
                p.cpu_s
                    .map(|c| format!("{c:.2}"))
                    .unwrap_or_else(|| "?".into())
            );
        }
    }
    Ok(())
}
