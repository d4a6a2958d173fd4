//! The full export speaks the reader's language for stored codes too: a customer's gender and a
//! user's role read 女 / 店主 in a Chinese workbook and Female / Owner in an English one, never
//! `female` / `owner`.

mod common;

use calamine::{open_workbook, Data, Reader, Xlsx};
use common::*;
use laoke::{customers::Gender, export, i18n::Lang};

fn column(path: &std::path::Path, sheet: &str, title: &str) -> Vec<String> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    let mut rows = range.rows();
    let header: Vec<String> = rows.next().unwrap().iter().map(Data::to_string).collect();
    let i = header
        .iter()
        .position(|h| h == title)
        .unwrap_or_else(|| panic!("{title} in {header:?}"));
    rows.map(|r| r[i].to_string()).collect()
}

#[test]
fn gender_and_role_codes_are_translated_in_both_languages() {
    let (tmp, dir) = temp_store_dir();
    let (store, s, _) = init(&dir);
    let mut c = customer("王芳", "13800138001");
    c.gender = Gender::Female;
    laoke::customers::create(&store, &s, &c).unwrap();

    let zh = tmp.path().join("zh.xlsx");
    export::full_workbook(&store, &s, Lang::ZhCn, &zh).unwrap();
    assert_eq!(column(&zh, "客户", "性别"), ["女"]);
    assert_eq!(column(&zh, "用户", "角色"), ["店主"]);

    let en = tmp.path().join("en.xlsx");
    export::full_workbook(&store, &s, Lang::En, &en).unwrap();
    assert_eq!(column(&en, "Customers", "Gender"), ["Female"]);
    assert_eq!(column(&en, "Users", "Role"), ["Owner"]);
}
