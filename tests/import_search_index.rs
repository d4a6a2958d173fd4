//! A large import leaves the search index exactly as the row-by-row triggers would: the import
//! switches the triggers off for its transaction and re-derives the index of the customers and
//! orders it touched at the end (search::deferred). Stores take the same imports — deferred with
//! the order indexes built after loading, deferred with them kept live, and one with the switch
//! pinned off — and their indexes must match row for row.

mod common;

use common::*;
use laoke::{
    auth::Session,
    customers,
    import::{self, BulkMode, ImportRequest},
    store::Store,
};
use rusqlite::Connection;
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn import(store: &Store, s: &Session, path: &Path) -> import::ImportReport {
    import_with(store, s, path, BulkMode::Auto)
}

fn import_with(store: &Store, s: &Session, path: &Path, bulk: BulkMode) -> import::ImportReport {
    let req = ImportRequest {
        path: path.to_path_buf(),
        preset: None,
        mapping: None,
    };
    import::run_with(
        store,
        s,
        &req,
        false,
        bulk,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_or_else(|e| panic!("import of {} failed: {e}", path.display()))
}

/// Every row of the derived index, in a fixed order, as text.
fn index_contents(conn: &Connection) -> Vec<String> {
    conn.execute_batch(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_terms USING fts5vocab(main, search_terms_fts, instance);
         CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_orders USING fts5vocab(main, search_orders_fts, instance);",
    )
    .unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT 'term', src, customer_id, text FROM search_terms ORDER BY src",
        "SELECT 'gram', gram, kind, rank, customer_id, src FROM search_grams
          ORDER BY gram, kind, rank, customer_id, src",
        "SELECT 'fts-term', term, doc FROM temp.v_terms ORDER BY term, doc",
        "SELECT 'fts-order', term, doc FROM temp.v_orders ORDER BY term, doc",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                let mut cells = Vec::with_capacity(n);
                for i in 0..n {
                    cells.push(match r.get::<_, rusqlite::types::Value>(i)? {
                        rusqlite::types::Value::Text(t) => t,
                        other => format!("{other:?}"),
                    });
                }
                Ok(cells.join("|"))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    conn.execute_batch(
        "INSERT INTO search_terms_fts (search_terms_fts, rank) VALUES ('integrity-check', 1);
         INSERT INTO search_orders_fts (search_orders_fts, rank) VALUES ('integrity-check', 1);",
    )
    .expect("the FTS indexes agree with their tables");
    out
}

fn shop_with_history(dir: &Path, row_by_row: bool) -> (Store, Session) {
    let (store, owner, _) = init(dir);
    if row_by_row {
        // Pin the switch off: the import's "defer" is undone at once, so every trigger runs.
        raw_connection_as_owner(&store, &owner)
            .execute_batch(
                "CREATE TRIGGER test_keep_search_live AFTER UPDATE ON search_control
                 WHEN NEW.deferred = 1 BEGIN UPDATE search_control SET deferred = 0; END;",
            )
            .unwrap();
    }
    // Customers typed in by hand before any import; some are buyers in the files below.
    for (name, phone) in [("王伟", "13000007919"), ("李秀英", "13000023757")] {
        customers::create(&store, &owner, &customer(name, phone)).unwrap();
    }
    (store, owner)
}

#[test]
fn a_bulk_import_leaves_the_same_search_index_as_row_by_row_triggers() {
    let (tmp, _) = temp_store_dir();
    let files = tmp.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let first = files.join("first.csv");
    let second = files.join("second.csv");
    import::bench::write_taobao_csv(&first, 400, 7).unwrap();
    // A second export: new orders from returning and new buyers (more buyers, other seed).
    import::bench::write_taobao_csv(&second, 900, 11).unwrap();
    let sheet = files.join("客户.csv");
    std::fs::write(
        &sheet,
        "客户姓名,联系方式,邮箱,微信号\n王伟,13000007919,wang@example.com,wx_wangwei\n新客户,13700137000,new@example.com,\n",
    )
    .unwrap();

    let mut indexes = Vec::new();
    // Deferred with the order indexes built after loading, deferred row by row, and the
    // reference: every trigger live.
    for (row_by_row, bulk) in [
        (false, BulkMode::Always),
        (false, BulkMode::Never),
        (true, BulkMode::Never),
    ] {
        let dir = tmp.path().join(format!("{row_by_row}-{bulk:?}"));
        let (store, owner) = shop_with_history(&dir, row_by_row);
        let mut reports = Vec::new();
        for f in [&first, &second, &sheet, &first] {
            let r = import_with(&store, &owner, f, bulk);
            reports.push((r.created, r.updated, r.skipped, r.rejected));
        }
        let conn = raw_connection_as_owner(&store, &owner);
        let deferred: i64 = conn
            .query_row("SELECT deferred FROM search_control", [], |r| r.get(0))
            .unwrap();
        assert_eq!(deferred, 0, "the triggers are on again after an import");
        indexes.push((reports, index_contents(&conn)));
    }
    let live = &indexes[2];
    for deferred in &indexes[..2] {
        assert_eq!(deferred.0, live.0, "both stores imported the same");
        assert!(deferred.1.iter().any(|r| r.starts_with("gram")));
        assert!(deferred.1.iter().any(|r| r.starts_with("fts-order")));
        assert_eq!(deferred.1.len(), live.1.len(), "same number of index rows");
        for (a, b) in deferred.1.iter().zip(&live.1) {
            assert_eq!(a, b, "the deferred index differs from the row-by-row one");
        }
    }
}

#[test]
fn a_dry_run_leaves_the_index_and_the_switch_as_they_were() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner) = shop_with_history(&dir, false);
    let file = tmp.path().join("orders.csv");
    import::bench::write_taobao_csv(&file, 200, 5).unwrap();
    let before = index_contents(&raw_connection_as_owner(&store, &owner));
    let req = ImportRequest {
        path: file.clone(),
        preset: None,
        mapping: None,
    };
    let preview = import::run(
        &store,
        &owner,
        &req,
        true,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!(preview.created, 200, "the preview counts every order");
    let conn = raw_connection_as_owner(&store, &owner);
    let deferred: i64 = conn
        .query_row("SELECT deferred FROM search_control", [], |r| r.get(0))
        .unwrap();
    assert_eq!(deferred, 0, "the triggers are on after a dry run");
    assert_eq!(
        index_contents(&conn),
        before,
        "a dry run leaves the index alone"
    );
    let real = import(&store, &owner, &file);
    assert_eq!(real.created, 200);
    assert!(
        index_contents(&conn).len() > before.len(),
        "the real import is indexed"
    );
}
