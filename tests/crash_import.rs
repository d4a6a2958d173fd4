//! SIGKILL during a large import (`laoke import FILE`, one transaction: the batch, customers,
//! orders, items, the order indexes dropped and built again in bulk mode, stats, points, search
//! index, audit row): after each kill `laoke verify` passes and either the whole file is in the
//! store or none of it (tests/crash_support).

mod common;
mod crash_support;

use crash_support::*;

/// A file of this many rows, imported in bulk mode (`--bulk always`, what the app does from
/// 20,000 rows on, kept small here so 50 kills stay quick): the order indexes are dropped
/// inside the transaction, so a kill must bring them back too.
const ROWS: u64 = 6_000;

#[test]
fn a_large_import_killed_at_random_points_lands_whole_or_not_at_all() {
    let p = prepare(100, 500, true);
    let file = p.tmp.path().join("淘宝订单报表.csv");
    laoke::bench::import::write_taobao_csv(&file, ROWS, 18).unwrap();
    let n = kill_at_random_points(
        "import",
        &p,
        &args(&["import", "--bulk", "always", file.to_str().unwrap()]),
        0x1a90,
    );
    assert!(n.kills >= ROUNDS);
}
