//! Fuzzing the import readers on stable Rust, inside the normal test run
//! (`tests/import_fuzz.rs`, 10,000 cases) and from the CLI (`laoke bench fuzz`, a million or
//! more, the count and time printed for docs/BENCHMARKS.md).
//!
//! Each case (see [`super::fuzz_inputs`]) goes through everything an import does with a file
//! before it touches the store: [`read::load_bytes`] (container, encoding, header row),
//! recognising the export or guessing a mapping, looking at the first rows' data, resolving the
//! mapping, then every row read and checked as an order or customer row. A case passes when it
//! ends in a result or a clear error; it fails when it panics or takes longer than the time
//! allowed per case. Memory is bounded by the readers' own limits (`read::MAX_*`), which the
//! inputs reach: cells far away, zips that unpack large, huge cells. A crash from running out
//! of memory ends the run (the process dies), which is as loud a failure as can be.

use super::fuzz_inputs::{Corpus, InputKind};
use crate::import::{
    mapping::{self, Mapping},
    presets,
    read::{self, Value},
    validate, ImportKind,
};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

/// Rows read per case at most: the readers' cost per row is what the import benchmark measures.
const ROWS_PER_CASE: u64 = 2_000;

/// How one case ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Read to the end; `rows` data rows, of which `valid` passed the row checks.
    Read { rows: u64, valid: u64 },
    /// Refused with a clear error (the message, in English).
    Refused(String),
}

/// A case that panicked or took too long: enough to make it again.
#[derive(Clone, Debug)]
pub struct Failure {
    pub case: u64,
    pub kind: InputKind,
    pub what: String,
    pub input: Vec<u8>,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct FuzzReport {
    pub cases: u64,
    pub read: u64,
    pub refused: u64,
    /// Of the refused, how many were a panic inside calamine turned into the "cannot read"
    /// error by `read::guarded` (upstream bugs, contained).
    pub contained: u64,
    pub rows: u64,
    pub input_bytes: u64,
    /// Cases and seconds (making the input + running it) per kind of input.
    pub by_kind: BTreeMap<&'static str, (u64, f64)>,
    pub slowest: Duration,
    pub slowest_case: u64,
    pub seconds: f64,
    pub failures: Vec<Failure>,
}

/// The whole pipeline from bytes to checked rows, without a store.
pub fn target(bytes: Vec<u8>) -> Outcome {
    let refused = |e: crate::Error| Outcome::Refused(e.message(crate::i18n::Lang::En));
    let loaded = match read::load_bytes(bytes) {
        Ok(l) => l,
        Err(e) => return refused(e),
    };
    let _ = (loaded.estimated_rows(), loaded.total_units());
    let headers = &loaded.headers;
    let mut m = match presets::detect(headers) {
        Some(p) => Mapping::from_preset(p, headers),
        None => mapping::guess(headers),
    };
    let mut sample = Vec::new();
    let sampled = loaded.for_each_row(&mut |_, cells, _| {
        sample.push(cells.iter().map(Value::to_text).collect::<Vec<_>>());
        Ok(sample.len() < 20)
    });
    if let Err(e) = sampled {
        return refused(e);
    }
    mapping::prefer_filled(&mut m, headers, &sample);
    let resolved = m.resolve(headers).ok();
    let tz = chrono_tz::Asia::Shanghai;
    let (mut rows, mut valid) = (0u64, 0u64);
    let result = loaded.for_each_row(&mut |_, cells, pos| {
        rows += 1;
        assert!(pos.done <= pos.total.max(pos.done), "position");
        for c in cells {
            let _ = (c.to_text(), c.is_empty());
        }
        let ok = match &resolved {
            Some(r) if r.kind == ImportKind::Orders => validate::order_row(r, cells, tz).is_ok(),
            Some(r) => validate::customer_row(r, cells).is_ok(),
            None => false,
        };
        valid += ok as u64;
        Ok(rows < ROWS_PER_CASE)
    });
    match result {
        Ok(()) => Outcome::Read { rows, valid },
        Err(e) => refused(e),
    }
}

/// Run `cases` cases of the run seeded with `seed`, from case `first`. A case that panics or
/// takes longer than `max_case` is a failure (the run goes on; at most 20 are kept).
/// `progress(done)` is called every 10,000 cases.
pub fn run(
    seed: u64,
    first: u64,
    cases: u64,
    max_case: Duration,
    progress: &mut dyn FnMut(&FuzzReport),
) -> FuzzReport {
    let corpus = Corpus::new();
    let mut report = FuzzReport::default();
    let started = Instant::now();
    // A case that aborts the process (an allocation the system refuses) cannot be reported
    // after the fact: LAOKE_FUZZ_TRACE=1 names every case on stderr before it runs.
    let trace = std::env::var_os("LAOKE_FUZZ_TRACE").is_some();
    for case in first..first.saturating_add(cases) {
        if trace {
            eprintln!("case {case}");
        }
        let made = Instant::now();
        let (kind, input) = corpus.case(seed, case);
        report.input_bytes += input.len() as u64;
        let kept = input.clone();
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target(input)));
        let took = t.elapsed();
        let entry = report.by_kind.entry(kind.label()).or_default();
        (entry.0, entry.1) = (entry.0 + 1, entry.1 + made.elapsed().as_secs_f64());
        if took > report.slowest {
            (report.slowest, report.slowest_case) = (took, case);
        }
        let failure = match outcome {
            Ok(Outcome::Read { rows, .. }) => {
                report.read += 1;
                report.rows += rows;
                (took > max_case).then(|| format!("took {took:?}"))
            }
            Ok(Outcome::Refused(message)) => {
                report.refused += 1;
                report.contained += message.contains(read::READER_STOPPED) as u64;
                (took > max_case).then(|| format!("took {took:?}"))
            }
            Err(panic) => Some(format!("panicked: {}", panic_text(&panic))),
        };
        if let Some(what) = failure {
            if report.failures.len() < 20 {
                report.failures.push(Failure {
                    case,
                    kind,
                    what,
                    input: kept,
                });
            }
        }
        report.cases += 1;
        if report.cases % 10_000 == 0 {
            report.seconds = started.elapsed().as_secs_f64();
            progress(&report);
        }
    }
    report.seconds = started.elapsed().as_secs_f64();
    report
}

/// The input of one case, to save and look at.
pub fn case_input(seed: u64, case: u64) -> (InputKind, Vec<u8>) {
    Corpus::new().case(seed, case)
}

fn panic_text(p: &Box<dyn std::any::Any + Send>) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into())
}
