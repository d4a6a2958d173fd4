//! Issue 18, "Ledger correctness": points earned = points on what was kept, whatever the order
//! of events. These are the cases that were wrong before the fix (each failed on main then):
//! an order that already carried a partial refund when it first earned earned on the full
//! amount, and a second job run did not fix it; a cancelled sale set back to paid never earned
//! again.

mod loyalty_support;

use laoke::orders::OrderStatus;
use loyalty_support::{shop, taobao_row};

#[test]
fn a_one_row_import_of_200_paid_50_refunded_earns_150_points_and_a_second_run_keeps_it() {
    let s = shop();
    let r = s.import_rows(&[taobao_row(
        "3712345678901234501",
        "13800138000",
        20_000,
        0,
        5_000,
        "交易成功",
    )]);
    assert_eq!(r.created, 1);
    let c = s.customer_by_phone("13800138000");
    s.run();
    assert_eq!(s.balance(c), 150, "¥200 paid, ¥50 refunded: 150 points");
    s.run();
    assert_eq!(s.balance(c), 150, "a second run changes nothing");
    assert_eq!(s.ledger_sum(c), 150);
}

#[test]
fn a_cancelled_sale_set_back_to_paid_earns_its_points_again() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let id = s.order(c, 9_900, 0);
    assert_eq!(s.balance(c), 99);
    laoke::sales::set_status(&s.store, &s.owner, id, OrderStatus::Cancelled).unwrap();
    assert_eq!(s.balance(c), 0);
    laoke::sales::set_status(&s.store, &s.owner, id, OrderStatus::Paid).unwrap();
    assert_eq!(s.balance(c), 99, "paid again: the points are back");
    s.run();
    assert_eq!(s.balance(c), 99);
}
