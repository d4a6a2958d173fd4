//! `laoke verify` checks every order's points against the earn rule (points on what was kept)
//! and `laoke loyalty repair` fixes a store made wrong by the old sweep — with correcting rows
//! only, audited, owner only, and a second repair writes nothing (issue 18).

mod loyalty_support;

use laoke::{loyalty, orders, verify};
use loyalty_support::{common, shop};

fn rows(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn verify_reports_orders_off_the_rule_and_repair_fixes_them_once() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let refunded = s.order(c, 20_000, 0);
    let uncancelled = s.order(c, 9_900, 0);
    laoke::sales::set_status(
        &s.store,
        &s.owner,
        uncancelled,
        orders::OrderStatus::Cancelled,
    )
    .unwrap();
    assert_eq!(s.balance(c), 200);
    assert!(verify::run(&s.store, &s.owner).unwrap().is_ok());

    // The store as the old sweep left it: ¥50 refunded on the ¥200 order with its full 200
    // points kept, and the cancelled order paid again without its 99 points back — and no
    // order marked for the sweep any more (the old job had taken the marks).
    let conn = s.raw();
    conn.execute_batch(&format!(
        "INSERT INTO order_refunds (order_id, amount_fen, source, actor, at)
             VALUES ({refunded}, 5000, 'manual', 'owner', '2026-03-01T02:00:00.000Z');
         UPDATE orders SET refunded_fen = 5000, status = 'partially_refunded' WHERE id = {refunded};
         UPDATE orders SET status = 'paid' WHERE id = {uncancelled};
         DELETE FROM loyalty_dirty_orders;"
    ))
    .unwrap();
    s.run();
    assert_eq!(
        s.balance(c),
        200,
        "the job does not see orders nobody marked"
    );

    let v = verify::run(&s.store, &s.owner).unwrap();
    assert!(!v.is_ok(), "verify fails on a wrong ledger");
    assert_eq!(v.loyalty.mismatches, 2, "{:?}", v.loyalty);
    let mut seen: Vec<(Option<i64>, i64, i64)> = v
        .loyalty
        .examples
        .iter()
        .map(|m| (m.order_id, m.held, m.expected))
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        vec![(Some(refunded), 200, 150), (Some(uncancelled), 0, 99)]
    );
    assert!(v
        .loyalty
        .examples
        .iter()
        .all(|m| m.customer_id == c && m.order_no.is_some()));

    // a manager may not repair; a dry run writes nothing
    common::add_user(
        &s.store,
        &s.owner,
        "manager1",
        laoke::auth::Role::Manager,
        "manager password 1",
    );
    let (_, manager) = laoke::store::Store::login(
        s.store.dir(),
        "manager1",
        "manager password 1",
        s.clock.clone(),
    )
    .unwrap();
    let err = loyalty::check::repair(&s.store, &manager, false).unwrap_err();
    assert_eq!(err.code(), "forbidden");
    let ledger_rows = rows(&conn, "points_ledger");
    let audit_rows = rows(&conn, "audit_log");
    let dry = loyalty::check::repair(&s.store, &s.owner, true).unwrap();
    assert!(dry.dry_run);
    assert_eq!((dry.sync.reversed_points, dry.sync.earned_points), (50, 99));
    assert_eq!(dry.after.mismatches, 0, "what the repair would leave");
    assert_eq!(
        rows(&conn, "points_ledger"),
        ledger_rows,
        "a dry run writes nothing"
    );
    assert_eq!(rows(&conn, "audit_log"), audit_rows);

    let r = loyalty::check::repair(&s.store, &s.owner, false).unwrap();
    assert_eq!(r.before.mismatches, 2);
    assert_eq!((r.sync.reversed_orders, r.sync.reversed_points), (1, 50));
    assert_eq!((r.sync.earned_orders, r.sync.earned_points), (1, 99));
    assert_eq!(r.after.mismatches, 0);
    assert_eq!(s.balance(c), 150 + 99);
    assert_eq!(
        rows(&conn, "points_ledger"),
        ledger_rows + 2,
        "two correcting rows"
    );
    let old_rows_kept: i64 = conn
        .query_row(
            "SELECT count(*) FROM points_ledger WHERE reason = 'earn' AND reverses_id IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(old_rows_kept, 2, "old rows are never edited");
    assert_eq!(
        common::audit_actions(&conn)
            .iter()
            .filter(|a| a.1 == "loyalty_repaired")
            .count(),
        1
    );
    assert!(
        verify::run(&s.store, &s.owner).unwrap().is_ok(),
        "verify passes after the repair"
    );

    let audit_rows = rows(&conn, "audit_log");
    let again = loyalty::check::repair(&s.store, &s.owner, false).unwrap();
    assert_eq!(
        again.sync,
        loyalty::SyncReport::default(),
        "a second repair writes nothing"
    );
    assert_eq!(rows(&conn, "points_ledger"), ledger_rows + 2);
    assert_eq!(rows(&conn, "audit_log"), audit_rows);
    assert!(!s.run().changed_anything());
}

#[test]
fn a_reversal_the_balance_cannot_give_waits_and_is_not_a_fault() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let id = s.order(c, 20_000, 0);
    // the points are spent, then the order is refunded in full: nothing left to take
    loyalty::adjust(&s.store, &s.owner, c, -200, "已兑换礼品", None).unwrap();
    laoke::sales::set_status(&s.store, &s.owner, id, orders::OrderStatus::Refunded).unwrap();
    assert_eq!(s.balance(c), 0, "never below zero");
    let v = verify::run(&s.store, &s.owner).unwrap();
    assert_eq!((v.loyalty.mismatches, v.loyalty.waiting_for_points), (0, 1));
    assert!(v.is_ok());
    // the customer's next points pay it back first
    s.order(c, 30_000, 0);
    s.run();
    assert_eq!(s.balance(c), 100, "300 earned, 200 taken back");
    let v = verify::run(&s.store, &s.owner).unwrap();
    assert_eq!((v.loyalty.mismatches, v.loyalty.waiting_for_points), (0, 0));
}
