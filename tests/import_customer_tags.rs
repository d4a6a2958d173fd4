//! A customer list's tags reach customers who already exist: added to the shop's own tags
//! (never replacing them), skipped when already there, and taken back exactly by undo.

mod common;

use common::*;
use laoke::{
    auth::Session,
    customers::{self, NewCustomer},
    import::{self, ImportReport, ImportRequest},
    store::Store,
};
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn import(store: &Store, s: &Session, path: &Path) -> ImportReport {
    import::run(
        store,
        s,
        &ImportRequest {
            path: path.to_path_buf(),
            preset: None,
            mapping: None,
        },
        false,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_or_else(|e| panic!("import of {} failed: {e}", path.display()))
}

fn tags(store: &Store, s: &Session, id: i64) -> Vec<String> {
    let mut t = customers::get(store, s, id).unwrap().tags;
    t.sort();
    t
}

#[test]
fn a_customer_list_adds_its_tags_to_customers_who_exist_and_undo_removes_exactly_those() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let zhang = customers::create(
        &store,
        &owner,
        &NewCustomer {
            tags: vec!["老客".into()],
            ..customer("张三", "13800138000")
        },
    )
    .unwrap();
    let list = tmp.path().join("客户.csv");
    std::fs::write(
        &list,
        "客户姓名,联系方式,标签\n张三,138-0013-8000,VIP、老客\n李四,13900139000,新客\n",
    )
    .unwrap();

    let r = import(&store, &owner, &list);
    assert_eq!((r.created, r.updated, r.skipped), (1, 1, 0));
    assert_eq!(
        tags(&store, &owner, zhang),
        ["VIP", "老客"],
        "the file's tag is added, the shop's own stays"
    );

    let again = import(&store, &owner, &list);
    assert_eq!(
        (again.created, again.updated, again.skipped),
        (0, 0, 2),
        "tags already there change nothing"
    );

    let u = import::undo(&store, &owner, r.batch_id.unwrap()).unwrap();
    assert_eq!((u.customers_removed, u.customers_restored), (1, 1));
    assert_eq!(u.phones_and_nicks_removed, 1, "one tag taken back");
    assert_eq!(
        tags(&store, &owner, zhang),
        ["老客"],
        "undo removes exactly the tag the import added"
    );
    assert_eq!(customer_total(&store, &owner), 1);
}

#[test]
fn undo_of_added_tags_is_refused_once_the_customer_was_edited() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let id = customers::create(
        &store,
        &owner,
        &NewCustomer {
            tags: Vec::new(),
            ..customer("王五", "13700137000")
        },
    )
    .unwrap();
    let list = tmp.path().join("list.csv");
    std::fs::write(&list, "客户姓名,联系方式,标签\n王五,13700137000,VIP\n").unwrap();
    let r = import(&store, &owner, &list);
    assert_eq!(r.updated, 1);
    assert_eq!(tags(&store, &owner, id), ["VIP"]);

    // The shop edits the customer afterwards (a later clock so the stamp differs).
    let later = fixed_clock();
    later.advance(chrono::Duration::hours(1));
    drop(store);
    let (store2, owner2) = Store::login(&dir, OWNER, OWNER_PASSWORD, later).unwrap();
    let mut edit = NewCustomer {
        tags: vec!["VIP".into(), "常客".into()],
        ..customer("王五", "13700137000")
    };
    edit.notes = "改过".into();
    customers::update(&store2, &owner2, id, &edit).unwrap();

    let err = import::undo(&store2, &owner2, r.batch_id.unwrap()).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert_eq!(
        tags(&store2, &owner2, id),
        ["VIP", "常客"],
        "nothing changed"
    );
}
