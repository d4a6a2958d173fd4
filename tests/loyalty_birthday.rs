//! The optional birthday bonus: the job gives members the rule's points once a year in their
//! birthday month (the shop's month, not UTC's), never twice, nothing when the rule is off.

mod loyalty_support;

use chrono::Duration;
use laoke::{customers, i18n::Lang, loyalty};
use loyalty_support::{common, shop, Shop};

fn member_born(s: &Shop, name: &str, phone: &str, birthday: &str, buys: bool) -> i64 {
    let mut c = common::customer(name, phone);
    c.birthday = Some(birthday.into());
    let id = customers::create(&s.store, &s.owner, &c).expect("a customer can be created");
    if buys {
        s.order(id, 10_000, 0);
    }
    id
}

fn bonus_rows(s: &Shop, c: i64) -> i64 {
    s.raw()
        .query_row(
            "SELECT count(*) FROM points_ledger WHERE customer_id = ?1 AND reason = 'bonus'",
            [c],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn the_job_gives_members_the_birthday_bonus_once_a_year_in_their_birthday_month() {
    let s = shop(); // 2026-03-01 10:00 in Shanghai
    let march = member_born(&s, "王芳", "13800138000", "1990-03-15", true);
    let no_year = member_born(&s, "李雷", "13800138001", "--03-02", true);
    let april = member_born(&s, "韩梅梅", "13800138002", "1992-04-01", true);
    let not_member = member_born(&s, "张伟", "13800138003", "1988-03-20", false);
    let r = s.run();
    assert_eq!(r.birthday.customers, 0, "the rule is off by default");
    s.save_rules(|r| r.birthday_bonus_points = 88);
    let r = s.run();
    assert_eq!((r.birthday.customers, r.birthday.points), (2, 176));
    assert_eq!(s.balance(march), 100 + 88);
    assert_eq!(s.summary(march).usable, 88, "the bonus is usable at once");
    assert_eq!(
        bonus_rows(&s, no_year),
        1,
        "a birthday without a year counts"
    );
    assert_eq!(bonus_rows(&s, april), 0);
    assert_eq!(
        bonus_rows(&s, not_member),
        0,
        "only customers who have bought"
    );
    assert!(!s.run().changed_anything(), "a second run pays nothing");
    s.advance_days(20);
    s.run();
    assert_eq!(bonus_rows(&s, march), 1, "once a year, not once a run");
    s.advance_days(31); // April
    s.run();
    assert_eq!(bonus_rows(&s, april), 1);
    s.advance_days(340); // March next year
    s.run();
    assert_eq!(bonus_rows(&s, march), 2, "again the next year");
    let key: String = s
        .raw()
        .query_row(
            "SELECT idempotency_key FROM points_ledger WHERE customer_id = ?1 AND reason = 'bonus' ORDER BY id DESC",
            [march],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(key, format!("birthday:{march}:2027"));
}

#[test]
fn the_birthday_month_is_the_shops_month_and_the_rule_is_validated() {
    let s = shop();
    s.clock.advance(Duration::hours(-9)); // 2026-02-28 17:00 UTC = 03-01 01:00 in Shanghai
    let march = member_born(&s, "王芳", "13800138000", "1990-03-15", true);
    s.save_rules(|r| r.birthday_bonus_points = 50);
    s.run();
    assert_eq!(bonus_rows(&s, march), 1, "already March in the shop");
    let mut rules = loyalty::rules::current(&s.store, &s.owner).unwrap().rules;
    rules.birthday_bonus_points = -5;
    let e = loyalty::rules::save(&s.store, &s.owner, &rules).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(e.message(Lang::ZhCn).contains("生日积分"), "{e}");
}
