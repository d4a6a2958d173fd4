//! The import readers fuzzed in every test run: 10,000 generated cases (real-shaped exports in
//! every CSV encoding, mutated .xlsx and .xls containers, zips in zips, huge cells, noise) through
//! reading, recognising, mapping and row checks, with no panic and no case slower than the
//! limit (`laoke bench fuzz` runs a million). A failure names the case to make again with
//! `laoke bench fuzz --seed S --case N --save DIR`.

use laoke::bench::fuzz;
use std::time::Duration;

/// A fixed seed, so a failure here is the same failure on every machine.
const SEED: u64 = 18;

#[test]
fn ten_thousand_hostile_files_end_in_rows_or_a_clear_error() {
    // Debug build, shared machine: generous; release cases take well under 50 ms.
    let report = fuzz::run(SEED, 0, 10_000, Duration::from_secs(10), &mut |_| {});
    let failures: Vec<String> = report
        .failures
        .iter()
        .map(|f| {
            format!(
                "case {} ({:?}, {} bytes): {}",
                f.case,
                f.kind,
                f.input.len(),
                f.what
            )
        })
        .collect();
    assert!(failures.is_empty(), "seed {SEED}: {failures:#?}");
    assert_eq!(report.cases, 10_000);
    // The cases reach past the readers' front doors: some read rows, some are refused.
    assert!(report.read > 1_000, "{report:?}");
    assert!(report.refused > 1_000, "{report:?}");
    assert!(report.rows > 10_000, "{report:?}");
    assert_eq!(
        report.by_kind.len(),
        6,
        "every kind of input ran: {:?}",
        report.by_kind
    );
}

#[test]
fn a_case_is_the_same_bytes_every_time() {
    assert_eq!(fuzz::case_input(7, 123).1, fuzz::case_input(7, 123).1);
    assert_ne!(fuzz::case_input(7, 123).1, fuzz::case_input(7, 124).1);
}
