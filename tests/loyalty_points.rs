//! The points ledger: earning from paid orders (once, whatever happens to the order later),
//! reversals at the original rate, the lock period, redemption limits, manual adjustments
//! within role limits, and a ledger the database itself keeps append-only.

mod loyalty_support;

use laoke::{
    auth::Role,
    loyalty::{self, Reason},
    orders::{self, OrderStatus},
    verify,
};
use loyalty_support::{common, shop};

#[test]
fn a_paid_order_earns_one_point_per_yuan_paid_excluding_shipping_rounded_down() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 12_345, 800); // ¥123.45 goods + ¥8 shipping
    let r = s.run();
    assert_eq!(
        r.sync.earned_orders, 0,
        "a manual order earns when it is written, not again"
    );
    assert_eq!(
        s.balance(c),
        123,
        "¥123.45 excluding shipping earns 123 points"
    );
    let sum = s.summary(c);
    assert_eq!(sum.usable, 0, "points are locked for 7 days");
    assert_eq!(sum.locked, 123);
    s.advance_days(7);
    assert_eq!(
        s.summary(c).usable,
        123,
        "after the lock period they are usable"
    );
}

#[test]
fn running_the_job_again_and_reimporting_the_same_order_earns_once() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let id = s.order(c, 20_000, 0);
    s.run();
    let first = s.run();
    assert!(
        !first.changed_anything(),
        "a second run at the same clock changes nothing: {first:?}"
    );
    // re-import: the same order through the writer again (identical, then edited)
    let raw = s.raw();
    let snap = orders::snapshot(&raw, id).unwrap();
    let mut tx = raw;
    let t = tx.transaction().unwrap();
    orders::restore_in_tx(&t, &snap, "owner", s.store.now()).unwrap();
    t.commit().unwrap();
    laoke::sales::set_status(&s.store, &s.owner, id, OrderStatus::Shipped).unwrap();
    laoke::sales::set_status(&s.store, &s.owner, id, OrderStatus::Completed).unwrap();
    s.advance_days(1);
    s.run();
    s.run();
    assert_eq!(s.balance(c), 200, "the same order earns exactly once");
    let earn_rows: i64 = s
        .raw()
        .query_row(
            "SELECT count(*) FROM points_ledger WHERE reason = 'earn'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(earn_rows, 1);
}

#[test]
fn a_partial_refund_reverses_at_the_original_rate_after_a_rule_change() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let id = s.order(c, 10_000, 0); // ¥100 -> 100 points at 1/¥
    s.run();
    s.advance_days(1);
    s.save_rules(|r| r.points_per_yuan = 5);
    laoke::sales::refund(&s.store, &s.owner, id, 4_000, "少发一件").unwrap(); // 40 %
    s.run();
    assert_eq!(
        s.balance(c),
        60,
        "40 % of the 100 points earned at 1/¥ are reversed, not 5/¥"
    );
    let rows = loyalty::points::history(&s.store, &s.owner, c, 10).unwrap();
    let rev = rows
        .iter()
        .find(|e| e.reason == Reason::Reverse)
        .expect("a reverse row");
    assert_eq!(rev.delta, -40);
    let order_no: String = orders::get(&s.store, &s.owner, id).unwrap().row.order_no;
    assert_eq!(
        rev.order_no.as_deref(),
        Some(order_no.as_str()),
        "the history names the order by its number"
    );
    assert_eq!(
        rev.points_per_yuan,
        Some(1),
        "the reversal records the original rate"
    );
    assert!(
        rev.reverses_id.is_some(),
        "the reversal points to the earn row"
    );
    s.run();
    assert_eq!(s.balance(c), 60, "running again reverses nothing more");
    laoke::sales::refund(&s.store, &s.owner, id, 6_000, "全部退款").unwrap();
    s.run();
    assert_eq!(
        s.balance(c),
        0,
        "a full refund takes back everything the order earned"
    );
}

#[test]
fn a_cancelled_order_and_an_order_deleted_by_undo_reverse_their_points() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let a = s.order(c, 10_000, 0);
    let b = s.order(c, 5_000, 0);
    s.run();
    assert_eq!(s.balance(c), 150);
    laoke::sales::set_status(&s.store, &s.owner, a, OrderStatus::Cancelled).unwrap();
    let mut raw = s.raw();
    let t = raw.transaction().unwrap();
    orders::delete_in_tx(&t, b).unwrap();
    t.commit().unwrap();
    s.run();
    assert_eq!(
        s.balance(c),
        0,
        "cancelled and deleted orders keep no points"
    );
    assert_eq!(s.ledger_sum(c), 0);
}

#[test]
fn ledger_rows_cannot_be_updated_or_deleted_even_with_raw_sql() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    s.run();
    let raw = s.raw();
    let upd = raw.execute("UPDATE points_ledger SET delta = 9999", []);
    assert!(upd.is_err(), "UPDATE is refused");
    let del = raw.execute("DELETE FROM points_ledger", []);
    assert!(del.is_err(), "DELETE is refused");
    assert!(format!("{:?}", del.unwrap_err()).contains("append-only"));
    assert_eq!(s.balance(c), 100);
}

#[test]
fn a_rep_may_adjust_at_most_500_points_and_every_adjustment_needs_a_reason_and_is_audited() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    common::add_user(&s.store, &s.owner, "rep1", Role::Rep, "rep password 1");
    let (_st, rep) = (
        (),
        laoke::store::Store::login(s.store.dir(), "rep1", "rep password 1", s.clock.clone())
            .unwrap()
            .1,
    );
    let e = loyalty::adjust(&s.store, &rep, c, 501, "生日礼", None).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    assert!(e.message(laoke::i18n::Lang::ZhCn).contains("500"));
    loyalty::adjust(&s.store, &rep, c, 500, "生日礼", None).expect("500 is within the rep limit");
    let e = loyalty::adjust(&s.store, &s.owner, c, 10, "  ", None).unwrap_err();
    assert_eq!(e.code(), "invalid_input", "a reason is required");
    loyalty::adjust(&s.store, &s.owner, c, 2_000, "老客户回馈", Some(42)).unwrap();
    let e = loyalty::adjust(&s.store, &s.owner, c, -3_000, "纠错", None).unwrap_err();
    assert_eq!(e.code(), "invalid_input", "a balance never goes below zero");
    assert_eq!(s.balance(c), 2_500);
    let audit = common::audit_actions(&s.raw());
    assert_eq!(audit.iter().filter(|a| a.1 == "points_adjusted").count(), 2);
    let hist = loyalty::points::history(&s.store, &s.owner, c, 10).unwrap();
    assert_eq!(hist[0].ticket_id, Some(42));
    assert_eq!(hist[0].operator, "owner");
}

#[test]
fn redemption_needs_100_points_at_most_half_the_order_and_only_unlocked_points() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 50_000, 0); // 500 points
    s.run();
    let target = s.order(c, 40_000, 0);
    let e = loyalty::redeem(&s.store, &s.owner, c, target, 200).unwrap_err();
    assert!(
        e.message(laoke::i18n::Lang::En).contains("usable"),
        "locked points cannot be used: {e}"
    );
    s.advance_days(7);
    let e = loyalty::redeem(&s.store, &s.owner, c, target, 99).unwrap_err();
    assert!(e.message(laoke::i18n::Lang::En).contains("at least 100"));
    // ¥400 order: at most ¥200 = 20,000 points; we have 500, so ask for 500 on a small order
    let small = s.order(c, 600, 0); // ¥6 -> at most ¥3 = 300 points
    let e = loyalty::redeem(&s.store, &s.owner, c, small, 400).unwrap_err();
    assert!(e.message(laoke::i18n::Lang::En).contains("50 %"));
    let (_, value) = loyalty::redeem(&s.store, &s.owner, c, target, 300).unwrap();
    assert_eq!(value, 300, "100 points = ¥1");
    assert_eq!(
        s.balance(c),
        606,
        "500 + 400 + 6 earned (manual orders earn at once) − 300"
    );
    let e = loyalty::redeem(&s.store, &s.owner, c, target, 100).unwrap_err();
    assert_eq!(e.code(), "conflict", "one redemption per order");
}

#[test]
fn compensation_for_a_ticket_is_recorded_once_with_the_ticket() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let first =
        loyalty::compensate_points(&s.store, &s.owner, c, 200, "发货延迟", 7, "delay").unwrap();
    let again =
        loyalty::compensate_points(&s.store, &s.owner, c, 200, "发货延迟", 7, "delay").unwrap();
    assert!(
        first.is_some() && again.is_none(),
        "the same compensation is given once"
    );
    let h = loyalty::points::history(&s.store, &s.owner, c, 10).unwrap();
    assert_eq!(h.len(), 1);
    assert_eq!(h[0].reason, Reason::Compensation);
    assert_eq!(h[0].ticket_id, Some(7));
    assert_eq!(s.balance(c), 200);
}

#[test]
fn verify_checks_the_cached_balances_against_the_ledger() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    s.run();
    let r = verify::run(&s.store, &s.owner).unwrap();
    assert_eq!(r.points_balance_mismatches, 0);
    assert!(r.is_ok());
    s.raw()
        .execute("UPDATE points_balances SET balance = 5", [])
        .unwrap();
    let r = verify::run(&s.store, &s.owner).unwrap();
    assert_eq!(r.points_balance_mismatches, 1, "a tampered cache is found");
}

#[test]
fn a_merge_moves_the_points_to_the_kept_customer_and_its_undo_moves_them_back() {
    use laoke::customers::merge::MergeChoices;
    let s = shop();
    let keep = s.customer("王芳", "13800138000");
    let other = s.customer("王芳", "13900139000");
    s.order(keep, 10_000, 0);
    s.order(other, 5_000, 0);
    s.run();
    let m = laoke::customer_ops::merge(&s.store, &s.owner, keep, other, &MergeChoices::default())
        .unwrap();
    s.run();
    assert_eq!(
        s.balance(keep),
        150,
        "the kept customer holds both customers' points"
    );
    assert_eq!(s.ledger_sum(other), 0, "the merged customer's lots left it");
    assert_eq!(
        s.summary(keep).locked,
        150,
        "moved lots keep their lock period"
    );
    laoke::customer_ops::unmerge(&s.store, &s.owner, m.merge_id).unwrap();
    s.run();
    assert_eq!(s.ledger_sum(keep), 100);
    assert_eq!(s.ledger_sum(other), 50, "undo moves the points back");
    assert_eq!(s.run(), s.run(), "stable after the undo");
}

#[test]
fn an_import_undo_that_removes_the_customer_still_reverses_the_points() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let id = s.order(c, 10_000, 0);
    assert_eq!(s.balance(c), 100);
    // what an import undo does: remove the order, then the customer it created
    let mut raw = s.raw();
    let t = raw.transaction().unwrap();
    orders::delete_in_tx(&t, id).unwrap();
    t.execute("DELETE FROM customer_phones WHERE customer_id = ?1", [c])
        .unwrap();
    t.execute("DELETE FROM customers WHERE id = ?1", [c])
        .expect("the ledger does not block removing a customer");
    t.commit().unwrap();
    s.run();
    assert_eq!(
        s.ledger_sum(c),
        0,
        "the removed order's points are reversed"
    );
    assert!(verify::run(&s.store, &s.owner).unwrap().is_ok());
}
