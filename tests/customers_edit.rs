//! Creating, viewing and editing customers: every bad field is refused with a message naming
//! it (in Chinese and English) and nothing changes; the usual ways of writing one mobile number
//! are one number; birthdays may lack the year; edits are audited without personal data.

mod common;
mod customers_support;

use laoke::{
    customers::{self, Gender, NewCustomer},
    i18n::Lang,
};

fn zh_en(e: &laoke::Error) -> (String, String) {
    (e.message(Lang::ZhCn), e.message(Lang::En))
}

#[test]
fn each_bad_field_is_refused_with_a_message_naming_it_and_nothing_is_created() {
    let shop = customers_support::shop();
    let cases: Vec<(NewCustomer, &str, &str)> = vec![
        (NewCustomer::default(), "姓名", "Name"),
        (
            NewCustomer {
                name: "王芳".into(),
                phones: vec!["138-0013-800".into()],
                ..Default::default()
            },
            "手机号",
            "phone number",
        ),
        (
            NewCustomer {
                name: "王芳".into(),
                email: Some("wangfang.qq.com".into()),
                ..Default::default()
            },
            "邮箱",
            "Email",
        ),
        (
            NewCustomer {
                name: "王芳".into(),
                birthday: Some("1990-02-30".into()),
                ..Default::default()
            },
            "生日",
            "Birthday",
        ),
        (
            NewCustomer {
                name: "王芳".into(),
                nicks: vec![("weibo".into(), "芳芳".into())],
                ..Default::default()
            },
            "平台",
            "platform",
        ),
        (
            NewCustomer {
                name: "王芳".into(),
                tags: vec!["一个非常非常非常非常非常非常非常长的标签名字".into()],
                ..Default::default()
            },
            "标签",
            "Tag",
        ),
    ];
    for (c, zh, en) in cases {
        let e = customers::create(&shop.store, &shop.owner, &c).expect_err("bad input is refused");
        assert_eq!(e.code(), "invalid_input");
        let (mzh, men) = zh_en(&e);
        assert!(mzh.contains(zh), "{mzh} should name {zh}");
        assert!(men.contains(en), "{men} should name {en}");
    }
    assert_eq!(common::customer_total(&shop.store, &shop.owner), 0);
}

#[test]
fn the_usual_ways_of_writing_a_mobile_are_one_number_for_the_same_person() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &NewCustomer {
            name: "李娜".into(),
            phones: vec![
                "138-0013-8000".into(),
                "+86 13800138000".into(),
                "0086 138 0013 8000".into(),
            ],
            ..Default::default()
        },
    )
    .unwrap();
    let c = customers::get(&shop.store, &shop.owner, id).unwrap();
    assert_eq!(c.phones, vec!["13800138000"], "three spellings, one number");

    let other = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("李娜", "+86 138 0013 8000"),
    )
    .unwrap();
    let pairs = customers::duplicates::suggestions(&shop.store, &shop.owner).unwrap();
    assert!(
        pairs.iter().any(|p| p.a.id == id
            && p.b.id == other
            && p.reasons.contains(&customers::DuplicateReason::Phone)),
        "the same number written differently is suggested as the same person: {pairs:?}"
    );
}

#[test]
fn a_birthday_without_a_year_is_kept_as_month_and_day() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &NewCustomer {
            name: "赵敏".into(),
            birthday: Some("5/1".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(
        customers::get(&shop.store, &shop.owner, id)
            .unwrap()
            .birthday
            .as_deref(),
        Some("05-01")
    );
    let stored: String = shop
        .raw
        .query_row("SELECT birthday FROM customers WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stored, "--05-01");

    let mut edit = NewCustomer {
        name: "赵敏".into(),
        birthday: Some("1992/11/3".into()),
        ..Default::default()
    };
    let c = customers::update(&shop.store, &shop.owner, id, &edit).unwrap();
    assert_eq!(c.birthday.as_deref(), Some("1992-11-03"));
    edit.birthday = None;
    assert_eq!(
        customers::update(&shop.store, &shop.owner, id, &edit)
            .unwrap()
            .birthday,
        None
    );
}

#[test]
fn an_edit_replaces_phones_nicks_and_tags_and_is_audited_by_field_name_only() {
    let shop = customers_support::shop();
    let id = customers::create(
        &shop.store,
        &shop.owner,
        &common::customer("孙丽", "13900139000"),
    )
    .unwrap();
    let edit = NewCustomer {
        name: "孙丽".into(),
        gender: Gender::Female,
        phones: vec!["13900139000".into(), "021-6888 8888".into()],
        nicks: vec![
            ("taobao".into(), "丽丽爱购物".into()),
            ("jd".into(), "jd_sunli".into()),
        ],
        tags: vec!["VIP".into(), "回头客".into()],
        email: Some("sunli@example.com".into()),
        notes: "只收顺丰".into(),
        ..Default::default()
    };
    let c = customers::update(&shop.store, &shop.owner, id, &edit).unwrap();
    assert_eq!(c.phones, vec!["13900139000", "2168888888"]);
    assert_eq!(c.nicks.len(), 2);
    assert_eq!(c.tags, vec!["VIP", "回头客"]);
    assert_eq!(c.gender, Gender::Female);
    assert_eq!(c.province, None, "the edit is the whole record");

    let detail: String = shop
        .raw
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'customer_updated' AND subject = ?1",
            [format!("customer:{id}")],
            |r| r.get(0),
        )
        .expect("the edit is audited");
    assert!(
        detail.contains("phones") && detail.contains("nicks") && detail.contains("notes"),
        "{detail}"
    );
    assert!(
        !detail.contains("顺丰") && !detail.contains("2168888888"),
        "no personal data in the audit log: {detail}"
    );
}

#[test]
fn a_nick_that_belongs_to_someone_else_is_refused_with_who_has_it() {
    let shop = customers_support::shop();
    let mut a = common::customer("周杰", "13700137000");
    a.nicks = vec![("taobao".into(), "小周".into())];
    let a_id = customers::create(&shop.store, &shop.owner, &a).unwrap();
    let mut b = common::customer("周洁", "13600136000");
    b.nicks = vec![("taobao".into(), "小周".into())];
    let e = customers::create(&shop.store, &shop.owner, &b).expect_err("a nick has one owner");
    assert_eq!(e.code(), "conflict");
    assert!(
        e.message(Lang::ZhCn).contains(&format!("#{a_id}")),
        "{}",
        e.message(Lang::ZhCn)
    );
    assert_eq!(common::customer_total(&shop.store, &shop.owner), 1);
}

#[test]
fn an_unknown_customer_is_reported_as_not_found() {
    let shop = customers_support::shop();
    let e = customers::get(&shop.store, &shop.owner, 999).unwrap_err();
    assert_eq!(e.code(), "not_found");
    assert!(e.message(Lang::En).contains("#999"));
}
