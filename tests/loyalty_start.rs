//! Switching loyalty on (issue 17): what happens to past orders (none / the last N months /
//! all), the first run in batches that resumes where it stopped and never earns an order twice,
//! loyalty off, `laoke loyalty start`, and Today's points reminders (30 and 7 days) served from
//! what the job stores.

mod loyalty_support;

use chrono::Months;
use laoke::loyalty::{
    self,
    program::{self, Past, State},
    ExpiryPolicy,
};
use loyalty_support::*;

fn earn_rows_per_order(s: &Shop) -> Vec<(i64, i64)> {
    let raw = s.raw();
    let mut stmt = raw
        .prepare(
            "SELECT source_id, count(*) FROM points_ledger
             WHERE reason = 'earn' AND source = 'order' GROUP BY source_id ORDER BY source_id",
        )
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
    rows
}

fn verify_ok(s: &Shop) {
    let check = loyalty::check::check(&s.raw(), s.clock_now()).unwrap();
    assert!(
        check.is_ok(),
        "the ledger agrees with the earn rule: {check:?}"
    );
}

#[test]
fn a_store_that_never_chose_has_loyalty_on_for_every_order() {
    let s = shop();
    let p = program::status(&s.store, &s.owner).unwrap();
    assert_eq!((p.state, p.past), (State::On, Past::All));
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    assert_eq!(
        s.balance(c),
        100,
        "as before issue 17: a sale earns at once"
    );
    assert!(
        program::begin(&s.store, &s.owner, Past::All).is_err(),
        "switching on what is on is refused"
    );
}

#[test]
fn while_loyalty_is_off_nothing_earns_and_switching_on_with_past_none_earns_only_new_orders() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    assert_eq!(s.balance(c), 100);
    program::switch_off(&s.store, &s.owner).unwrap();
    s.order(c, 20_000, 0);
    s.run();
    assert_eq!(
        s.balance(c),
        100,
        "an order paid while loyalty is off earns nothing"
    );
    s.advance_days(3);
    let p = program::run_to_end(&s.store, &s.owner, Past::None, |_| {}).unwrap();
    assert_eq!((p.state, p.total, p.earned_orders), (State::On, 0, 0));
    assert_eq!(p.earn_from, Some(s.clock_now()));
    s.run();
    assert_eq!(s.balance(c), 100, "past orders earn nothing with `none`");
    s.order(c, 5_000, 0);
    assert_eq!(
        s.balance(c),
        150,
        "an order paid after switching on earns at once"
    );
    verify_ok(&s);
}

#[test]
fn switching_on_with_the_last_months_earns_only_orders_paid_in_them() {
    let s = shop();
    program::switch_off(&s.store, &s.owner).unwrap();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0); // day 0
    s.advance_days(100);
    s.order(c, 5_000, 0); // day 100
    s.advance_days(100); // day 200: four months back is about day 80
    let p = program::run_to_end(&s.store, &s.owner, Past::Months { months: 4 }, |_| {}).unwrap();
    assert_eq!(p.state, State::On);
    assert_eq!((p.done, p.total), (2, 2), "both past orders were looked at");
    assert_eq!((p.earned_orders, p.earned_points), (1, 50));
    assert_eq!(s.balance(c), 50, "only the order of day 100 earns");
    assert_eq!(
        p.earn_from,
        s.clock_now().checked_sub_months(Months::new(4)),
        "orders paid from four months back earn"
    );
    assert!(
        !s.run().changed_anything(),
        "the job finds nothing left to do"
    );
    verify_ok(&s);
}

#[test]
fn the_first_run_goes_in_batches_resumes_where_it_stopped_and_never_earns_twice() {
    let s = shop();
    program::switch_off(&s.store, &s.owner).unwrap();
    let customers: Vec<i64> = (0..5)
        .map(|i| s.customer(&format!("客户{i}"), &format!("1380013800{i}")))
        .collect();
    for &c in &customers {
        s.order(c, 10_000, 0);
    }
    s.advance_days(1);
    let p = program::begin(&s.store, &s.owner, Past::All).unwrap();
    assert_eq!((p.state, p.done, p.total), (State::Starting, 0, 5));
    let p = program::step_sized(&s.store, &s.owner, 2).unwrap();
    assert_eq!((p.state, p.done, p.earned_orders), (State::Starting, 2, 2));
    // a new sale while the start goes on earns at once; the waiting past orders do not
    let late = s.customer("新客", "13900139000");
    s.order(late, 3_000, 0);
    assert_eq!(s.balance(late), 30);
    assert_eq!(
        customers.iter().map(|&c| s.balance(c)).collect::<Vec<_>>(),
        vec![100, 100, 0, 0, 0],
        "the regular sweep leaves the orders waiting for their batch alone"
    );
    // stopped here (a crash, the app closed): the next start continues, whatever it asks
    let again = program::begin(&s.store, &s.owner, Past::None).unwrap();
    assert_eq!(
        (again.past, again.done),
        (Past::All, 2),
        "the start in progress stands"
    );
    let mut seen = Vec::new();
    let done = program::run_to_end(&s.store, &s.owner, Past::All, |p| seen.push(p.done)).unwrap();
    assert_eq!(done.state, State::On);
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "progress never goes back: {seen:?}"
    );
    assert_eq!((done.done, done.total, done.earned_orders), (5, 5, 5));
    assert!(customers.iter().all(|&c| s.balance(c) == 100));
    assert!(
        earn_rows_per_order(&s).iter().all(|&(_, n)| n == 1),
        "one earn row per order: {:?}",
        earn_rows_per_order(&s)
    );
    let after = program::step(&s.store, &s.owner).unwrap();
    assert_eq!(after, done, "a step after the end does nothing");
    assert!(!s.run().changed_anything());
    verify_ok(&s);
}

#[test]
fn the_periodic_job_finishes_a_start_left_half_done() {
    let s = shop();
    program::switch_off(&s.store, &s.owner).unwrap();
    let c = s.customer("王芳", "13800138000");
    s.order(c, 10_000, 0);
    s.order(c, 20_000, 0);
    program::begin(&s.store, &s.owner, Past::All).unwrap();
    s.run();
    let p = program::status(&s.store, &s.owner).unwrap();
    assert_eq!(
        p.state,
        State::On,
        "one job run takes a batch (all of a small store)"
    );
    assert_eq!(s.balance(c), 300);
}

#[test]
fn the_cli_switches_loyalty_off_and_on_with_a_choice_for_past_orders() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let (store, owner, _) = common::init(&dir);
        let c = laoke::customers::create(&store, &owner, &common::customer("王芳", "13800138000"))
            .unwrap();
        program::switch_off(&store, &owner).unwrap();
        laoke::sales::create(
            &store,
            &owner,
            &common::in_store_sale(Some(c), "龙井茶 250g", 12_345),
            &Default::default(),
        )
        .unwrap();
    }
    let cli = |args: &[&str]| {
        common::run_cli(
            common::laoke_cli(tmp.path(), &dir)
                .args(["--user", common::OWNER, "--lang", "en"])
                .args(args)
                .env("LAOKE_PASSWORD", common::OWNER_PASSWORD),
        )
    };
    let status = cli(&["loyalty", "status"]);
    assert!(status.stdout.contains("loyalty off"), "{}", status.stdout);
    let bad = cli(&["loyalty", "start", "--past", "months:0"]);
    assert!(!bad.ok && bad.stderr.contains("months:N"), "{}", bad.stderr);
    let on = cli(&["loyalty", "start", "--past", "all"]);
    assert!(on.ok, "{}", on.stderr);
    assert!(
        on.stdout
            .contains("loyalty on  past orders 1/1  orders earning 1 (123 points)"),
        "{}",
        on.stdout
    );
    let p = cli(&["points", "1"]);
    assert!(p.stdout.contains("Balance: 123"), "{}", p.stdout);
    let twice = cli(&["loyalty", "start"]);
    assert!(
        !twice.ok && twice.stderr.contains("already on"),
        "{}",
        twice.stderr
    );
    let off = cli(&["loyalty", "stop"]);
    assert!(
        off.ok && off.stdout.contains("loyalty off"),
        "{}",
        off.stdout
    );
}

#[test]
fn today_lists_points_expiring_in_30_and_7_days_from_what_the_job_stores() {
    let s = shop();
    s.save_rules(|r| r.expiry = ExpiryPolicy::AfterEarning { months: 12 });
    let early = s.customer("王芳", "13800138000");
    let later = s.customer("李娜", "13800138001");
    s.order(early, 10_000, 0); // expires day 0 + 12 months
    s.advance_days(25);
    s.order(later, 5_000, 0); // expires day 25 + 12 months
    let expiry = s.clock_now() - chrono::Duration::days(25) + Months::new(12);
    s.clock.set(expiry - chrono::Duration::days(20));
    s.run(); // stores the reminder list
    let stored: i64 = s
        .raw()
        .query_row("SELECT count(*) FROM loyalty_expiring", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, 2, "both lots are within the job's 45-day horizon");
    let t = laoke::care::today::today(&s.store, &s.owner).unwrap();
    assert_eq!(
        (t.counts.points_expiring_30, t.counts.points_expiring),
        (1, 0)
    );
    assert_eq!(t.points_expiring_30[0].customer_id, early);
    assert_eq!(t.points_expiring_30[0].points, 100);
    s.advance_days(15); // 5 days before the first expiry, no job run since
    let t = laoke::care::today::today(&s.store, &s.owner).unwrap();
    assert_eq!(
        (t.counts.points_expiring_30, t.counts.points_expiring),
        (2, 1)
    );
    assert_eq!(t.points_expiring[0].customer_id, early);
    assert_eq!(
        t.points_expiring_30
            .iter()
            .map(|x| (x.customer_id, x.points))
            .collect::<Vec<_>>(),
        vec![(early, 100), (later, 50)],
        "soonest first"
    );
    // points used since the job ran are seen at once (that customer's ledger is replayed)
    loyalty::adjust(&s.store, &s.owner, early, -30, "兑换礼品", None).unwrap();
    let t = laoke::care::today::today(&s.store, &s.owner).unwrap();
    assert_eq!(t.points_expiring[0].points, 70);
    assert_eq!(
        (t.counts.points_expiring_30, t.counts.points_expiring),
        (2, 1),
        "a customer replayed at read time is counted once"
    );
    assert_eq!(
        loyalty::expiring(&s.store, &s.owner, 30).unwrap(),
        t.points_expiring_30,
        "the CLI's list and Today's agree"
    );
    // after the expiry day the job closes the lot and the list moves on
    s.advance_days(6);
    s.run();
    let t = laoke::care::today::today(&s.store, &s.owner).unwrap();
    assert_eq!(t.counts.points_expiring_30, 1);
    assert_eq!(t.points_expiring_30[0].customer_id, later);
    verify_ok(&s);
}

#[test]
fn a_new_shop_earns_from_its_creation_so_imported_history_waits_for_the_owners_choice() {
    let s = shop();
    program::start_new_shop(&s.store, &s.owner).unwrap();
    let p = program::status(&s.store, &s.owner).unwrap();
    assert_eq!((p.state, p.past), (State::On, Past::None));
    assert_eq!(p.earn_from, Some(s.clock_now()));

    // Years of history imported on the first day (paid before the shop was created).
    s.import_rows(&[taobao_row("1001", "13900139001", 20_000, 0, 0, "交易成功")]);
    s.run();
    let c = s.customer_by_phone("13900139001");
    assert_eq!(
        s.balance(c),
        0,
        "the imported history earns nothing by itself"
    );
    s.order(c, 5_000, 0);
    assert_eq!(s.balance(c), 50, "a sale after the creation earns at once");

    // The owner chooses to give points for the history too.
    program::switch_off(&s.store, &s.owner).unwrap();
    program::run_to_end(&s.store, &s.owner, Past::All, |_| {}).unwrap();
    assert_eq!(s.balance(c), 250);
    program::start_new_shop(&s.store, &s.owner).unwrap();
    assert_eq!(
        program::status(&s.store, &s.owner).unwrap().past,
        Past::All,
        "a recorded choice is never overwritten"
    );
    verify_ok(&s);
}
