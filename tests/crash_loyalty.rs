//! SIGKILL during the loyalty job (`laoke loyalty run`, one transaction: the earn sweep over
//! every unearned order, tiers, expiry): after each kill `laoke verify` passes and the store
//! holds all of the job's points, tiers and audit row or none of them (tests/crash_support).

mod common;
mod crash_support;

use crash_support::*;

#[test]
fn the_loyalty_job_killed_at_random_points_lands_whole_or_not_at_all() {
    // Demo orders have not earned yet: the job's first run earns them all.
    let p = prepare(300, 4_000, false);
    let n = kill_at_random_points("loyalty job", &p, &args(&["loyalty", "run"]), 0x10a1);
    assert!(n.kills >= ROUNDS);
}
