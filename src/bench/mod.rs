//! Benchmark harnesses behind `laoke bench …` and docs/BENCHMARKS.md: generated input files and
//! stores, and timings of import, search and lists, the loyalty job, the insight pass, backups, the ticket
//! queues and segment counts; and the import fuzzer (`fuzz`), whose case count and time are a benchmark too. They
//! live here, behind the `bench` cargo feature, so the desktop app's library does not ship them; the CLI turns the feature on (and the integration tests, which use the
//! generated files and stores, run with the default features).
//!
//! The harnesses use the core's own entry points; the only crate-internal one they need is
//! `backup::pragma_u64` (page count and size of the growing database, `pub(crate)`).

pub mod backup;
pub mod fuzz;
pub mod fuzz_inputs;
pub mod import;
pub mod insight;
pub mod loyalty;
pub mod search;
pub mod segments;
pub mod tickets;
