//! `laoke bench fuzz`: run the import fuzzer (`laoke::bench::fuzz`) for as many cases as asked
//! (a million by default) and print the count, the time, what the cases were and how they
//! ended; `--case N --save DIR` writes one case's input to a file to look at or import.

use laoke::bench::{fuzz, import::peak_rss_mib};
use laoke::Error;
use std::path::PathBuf;
use std::time::Duration;

pub fn run(
    cases: u64,
    seed: u64,
    first: u64,
    max_case_ms: u64,
    save: Option<PathBuf>,
) -> Result<(), Error> {
    if let Some(dir) = save {
        std::fs::create_dir_all(&dir)?;
        for case in first..first.saturating_add(cases) {
            let (kind, input) = fuzz::case_input(seed, case);
            let path = dir.join(format!("fuzz-{seed}-{case}.bin"));
            std::fs::write(&path, &input)?;
            println!("{} ({kind:?}, {} bytes)", path.display(), input.len());
        }
        return Ok(());
    }
    // Panics inside calamine are contained and counted; their messages would drown the output.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let report = fuzz::run(
        seed,
        first,
        cases,
        Duration::from_millis(max_case_ms),
        &mut |r| {
            if r.cases % 100_000 == 0 {
                eprintln!("{} cases, {:.0} s", r.cases, r.seconds);
            }
        },
    );
    std::panic::set_hook(hook);
    println!(
        "{} cases in {:.1} s ({:.0} cases/s), seed {seed}, from case {first}",
        report.cases,
        report.seconds,
        report.cases as f64 / report.seconds.max(1e-9)
    );
    println!(
        "  read to the end {}, refused with a clear error {} (of which calamine panics contained {})",
        report.read, report.refused, report.contained
    );
    println!(
        "  {} data rows read, {:.1} MB of input",
        report.rows,
        report.input_bytes as f64 / 1e6
    );
    for (kind, (n, secs)) in &report.by_kind {
        println!("  {kind:<22} {n:>9} cases {secs:>8.1} s");
    }
    println!(
        "  slowest case {} ({:.1} ms); peak RSS {}",
        report.slowest_case,
        report.slowest.as_secs_f64() * 1000.0,
        peak_rss_mib()
            .map(|m| format!("{m:.0} MiB"))
            .unwrap_or_else(|| "?".into())
    );
    if report.failures.is_empty() {
        println!("  failures: none (no panic, no case over {max_case_ms} ms)");
        return Ok(());
    }
    for f in &report.failures {
        println!(
            "  FAILED case {} ({:?}, {} bytes): {}",
            f.case,
            f.kind,
            f.input.len(),
            f.what
        );
    }
    Err(Error::invalid(
        format!("模糊测试发现 {} 个失败的用例。", report.failures.len()),
        format!(
            "The fuzzer found {} failing cases (remake one with --seed {seed} --case N --cases 1 --save DIR).",
            report.failures.len()
        ),
    ))
}
