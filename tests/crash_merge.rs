//! SIGKILL during a customer merge (`laoke customers merge KEEP OTHER`, one transaction: the
//! orders, phones, nicks, consent, points and tier move to the kept record, the merge's
//! snapshot for undo, the search index, the audit row): after each kill `laoke verify` passes
//! and either the whole merge is there or none of it (tests/crash_support).

mod common;
mod crash_support;

use crash_support::*;

#[test]
fn a_merge_killed_at_random_points_lands_whole_or_not_at_all() {
    let p = prepare(300, 4_000, true);
    // The two customers with the most points (both have orders, points and a tier).
    let top = |skip: i64| {
        p.query_i64(&format!(
            "SELECT customer_id FROM points_balances ORDER BY balance DESC, customer_id
             LIMIT 1 OFFSET {skip}"
        ))
        .to_string()
    };
    let (keep, other) = (top(0), top(1));
    let n = kill_at_random_points(
        "merge",
        &p,
        &args(&[
            "customers",
            "merge",
            &keep,
            &other,
            "--take",
            "address",
            "--combine-notes",
        ]),
        0x3e29,
    );
    assert!(n.kills >= ROUNDS);
}
