//! The bulk path of a large import (order indexes dropped while loading and built again before
//! the commit, new rows written in batched multi-row INSERTs) must leave exactly the store the
//! row-by-row path leaves, and a cancel, an error or a dry run in the middle of it must leave
//! nothing behind — not a row, not a missing index.

mod common;

use common::*;
use laoke::{
    auth::Session,
    import::{self, BulkMode, ImportReport, ImportRequest},
    store::Store,
};
use rusqlite::Connection;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

fn req(path: &Path) -> ImportRequest {
    ImportRequest {
        path: path.to_path_buf(),
        preset: None,
        mapping: None,
    }
}

fn import(store: &Store, s: &Session, path: &Path, bulk: BulkMode) -> ImportReport {
    import::run_with(
        store,
        s,
        &req(path),
        false,
        bulk,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_or_else(|e| panic!("import of {} failed: {e}", path.display()))
}

/// Every row of the tables an import writes (and the schema of their indexes), as text.
fn contents(conn: &Connection) -> Vec<String> {
    let mut out = Vec::new();
    let mut schema = conn
        .prepare(
            "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master
             WHERE type IN ('index', 'trigger') ORDER BY name",
        )
        .unwrap();
    for r in schema.query_map([], |r| r.get::<_, String>(0)).unwrap() {
        out.push(r.unwrap());
    }
    for table in [
        "customers",
        "customer_phones",
        "customer_nicks",
        "customer_tags",
        "customer_stats",
        "orders",
        "order_items",
        "products",
        "categories",
        "import_batches",
        "import_changes",
        "search_terms",
        "search_grams",
        "search_control",
        "loyalty_dirty_orders",
    ] {
        let n = conn
            .prepare(&format!("SELECT * FROM {table}"))
            .unwrap()
            .column_count();
        let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
        let mut stmt = conn
            .prepare(&format!(
                "SELECT * FROM {table} ORDER BY {}",
                order.join(", ")
            ))
            .unwrap();
        let rows = stmt
            .query_map([], |r| {
                let mut line = format!("{table}:");
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!(" {v:?}"));
                }
                Ok(line)
            })
            .unwrap();
        for r in rows {
            out.push(r.unwrap());
        }
    }
    conn.execute_batch(
        "INSERT INTO search_terms_fts (search_terms_fts, rank) VALUES ('integrity-check', 1);
         INSERT INTO search_orders_fts (search_orders_fts, rank) VALUES ('integrity-check', 1);",
    )
    .expect("the FTS indexes agree with their tables");
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok", "every index holds exactly its table's rows");
    out
}

/// Where each order index's b-tree starts: a dropped and rebuilt index starts elsewhere.
fn index_roots(conn: &Connection) -> Vec<(String, i64)> {
    let mut stmt = conn
        .prepare(
            "SELECT name, rootpage FROM sqlite_master
             WHERE type = 'index' AND tbl_name IN ('orders', 'order_items') ORDER BY name",
        )
        .unwrap();
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    rows.map(Result::unwrap).collect()
}

fn index_schema(conn: &Connection) -> Vec<String> {
    let mut stmt = conn
        .prepare("SELECT name || ' ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .unwrap();
    let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn the_bulk_path_and_the_row_by_row_path_leave_identical_stores() {
    let (tmp, _) = temp_store_dir();
    let files = tmp.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let first = files.join("first.csv");
    let second = files.join("second.csv");
    laoke::bench::import::write_taobao_csv(&first, 700, 7).unwrap();
    // Returning and new buyers; its first 700 order numbers are the first file's, most with
    // other content (updated), the rest new.
    laoke::bench::import::write_taobao_csv(&second, 1500, 7).unwrap();
    let mut stores = Vec::new();
    for bulk in [BulkMode::Always, BulkMode::Never] {
        let dir = tmp.path().join(format!("{bulk:?}"));
        let (store, owner, _) = init(&dir);
        // A customer typed in by hand who is also a buyer in the files.
        laoke::customers::create(&store, &owner, &customer("王伟", "13000007919")).unwrap();
        let r1 = import(&store, &owner, &first, bulk);
        let before_r2 = index_roots(&raw_connection_as_owner(&store, &owner));
        let r2 = import(&store, &owner, &second, bulk);
        assert_eq!(
            index_roots(&raw_connection_as_owner(&store, &owner)) != before_r2,
            bulk == BulkMode::Always,
            "new orders in bulk mode rebuild the indexes (and only then)"
        );
        let conn = raw_connection_as_owner(&store, &owner);
        let roots = index_roots(&conn);
        let r3 = import(&store, &owner, &second, bulk);
        assert_eq!(
            index_roots(&conn),
            roots,
            "a file with nothing new rebuilds no index ({bulk:?})"
        );
        assert_eq!(
            laoke::verify::run(&store, &owner)
                .unwrap()
                .order_preview_mismatches,
            0,
            "every imported order's list preview matches its items ({bulk:?})"
        );
        assert_eq!((r1.created, r1.rejected), (700, 0));
        assert_eq!((r2.created, r2.updated + r2.skipped), (800, 700));
        assert!(r2.updated > 0, "orders of the first file come back changed");
        assert_eq!(
            (r3.created, r3.updated, r3.skipped),
            (0, 0, 1500),
            "the same file twice changes nothing ({bulk:?})"
        );
        stores.push((
            (
                r1.customers_created,
                r2.customers_created,
                r2.customers_updated,
            ),
            contents(&raw_connection_as_owner(&store, &owner)),
        ));
    }
    let (bulk, rows) = (&stores[0], &stores[1]);
    assert_eq!(bulk.0, rows.0, "same customers created and updated");
    assert!(bulk.1.iter().any(|l| l.starts_with("orders:")));
    assert_eq!(bulk.1.len(), rows.1.len(), "same number of rows");
    for (a, b) in bulk.1.iter().zip(&rows.1) {
        assert_eq!(a, b, "the bulk path wrote something else");
    }
}

#[test]
fn undo_of_a_bulk_import_takes_every_row_back() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let file = tmp.path().join("orders.csv");
    laoke::bench::import::write_taobao_csv(&file, 900, 3).unwrap();
    let conn = raw_connection_as_owner(&store, &owner);
    let before = contents(&conn);
    let r = import(&store, &owner, &file, BulkMode::Always);
    assert_eq!(r.created, 900);
    let u = import::undo(&store, &owner, r.batch_id.unwrap()).unwrap();
    assert_eq!(u.orders_removed, 900);
    assert_eq!(u.customers_removed, r.customers_created);
    let after: Vec<String> = contents(&conn)
        .into_iter()
        .filter(|l| {
            !l.starts_with("import_batches:")
                && !l.starts_with("import_changes:")
                && !l.starts_with("loyalty_dirty_orders:")
                && !l.starts_with("products:")
                && !l.starts_with("categories:")
        })
        .collect();
    assert_eq!(after, before, "undo leaves the store as it was");
}

#[test]
fn cancel_in_the_middle_of_a_bulk_import_leaves_nothing_and_every_index() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let file = tmp.path().join("orders.csv");
    // Progress (and the cancel check) comes every 2,000 rows: by the cancel, batches of new
    // customers and orders were written with the indexes dropped.
    laoke::bench::import::write_taobao_csv(&file, 5000, 5).unwrap();
    let conn = raw_connection_as_owner(&store, &owner);
    let before = contents(&conn);
    let indexes = index_schema(&conn);
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let r = import::run_with(
        &store,
        &owner,
        &req(&file),
        false,
        BulkMode::Always,
        &mut |p| {
            calls += 1;
            assert!(p.rows >= 2000);
            cancel.store(true, Ordering::Relaxed);
        },
        &cancel,
    )
    .unwrap();
    assert!(r.cancelled && r.batch_id.is_none());
    assert_eq!(calls, 1);
    assert_eq!(contents(&conn), before, "nothing of the import is left");
    assert_eq!(index_schema(&conn), indexes, "every index is there again");

    // A dry run in bulk mode: exact counts, nothing kept.
    let preview = import::run_with(
        &store,
        &owner,
        &req(&file),
        true,
        BulkMode::Always,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!((preview.created, preview.batch_id), (5000, None));
    assert_eq!(contents(&conn), before);
    assert_eq!(index_schema(&conn), indexes);

    // And the real import afterwards has them all.
    let real = import(&store, &owner, &file, BulkMode::Always);
    assert_eq!(real.created, 5000);
    assert_eq!(index_schema(&conn), indexes);
}

#[test]
fn an_error_in_the_middle_of_a_bulk_import_rolls_everything_back() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let file = tmp.path().join("orders.csv");
    laoke::bench::import::write_taobao_csv(&file, 3000, 9).unwrap();
    let conn = raw_connection_as_owner(&store, &owner);
    // Something the import cannot get past, after the first batches were written: an order
    // insert the store refuses.
    conn.execute_batch(
        "CREATE TRIGGER test_fail_late BEFORE INSERT ON orders
         WHEN NEW.id > 2500 BEGIN SELECT RAISE(ABORT, 'test: refused'); END;",
    )
    .unwrap();
    let before = contents(&conn);
    let indexes = index_schema(&conn);
    let err = import::run_with(
        &store,
        &owner,
        &req(&file),
        false,
        BulkMode::Always,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(err.to_string().contains("refused"), "{err}");
    assert_eq!(contents(&conn), before);
    assert_eq!(index_schema(&conn), indexes);
    assert!(import::list(&store, &owner).unwrap().is_empty());
}

#[test]
fn orders_of_a_bulk_import_earn_points_at_once_and_lose_them_on_undo() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let file = tmp.path().join("orders.csv");
    laoke::bench::import::write_taobao_csv(&file, 600, 13).unwrap();
    let r = import(&store, &owner, &file, BulkMode::Always);
    let conn = raw_connection_as_owner(&store, &owner);
    let counted: i64 = conn
        .query_row(
            &format!(
                "SELECT count(*) FROM orders WHERE customer_id IS NOT NULL AND status IN ({})",
                laoke::orders::counted_statuses_sql()
            ),
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(counted > 0);
    let earn_rows = |conn: &Connection| -> i64 {
        conn.query_row(
            "SELECT count(*) FROM points_ledger WHERE reason = 'earn' AND source = 'order'",
            [],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(
        earn_rows(&conn),
        counted,
        "every counted order the import created earned points when the import committed"
    );
    let job = laoke::loyalty::job::run(&store, &owner).unwrap();
    assert_eq!(job.sync.earned_orders, 0, "nothing left for the job");
    let held: i64 = conn
        .query_row("SELECT sum(delta) FROM points_ledger", [], |r| r.get(0))
        .unwrap();
    assert!(held > 0);
    import::undo(&store, &owner, r.batch_id.unwrap()).unwrap();
    let reversed: i64 = conn
        .query_row(
            "SELECT count(DISTINCT reverses_id) FROM points_ledger WHERE reason = 'reverse'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reversed, counted, "the undo took every order's points back");
    let left: i64 = conn
        .query_row("SELECT sum(delta) FROM points_ledger", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
    let after = laoke::loyalty::job::run(&store, &owner).unwrap();
    assert_eq!(after.sync.reversed_orders, 0, "nothing left for the job");
}

#[test]
fn undo_is_refused_when_a_later_import_was_given_the_id_of_an_order_deleted_by_hand() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let first = tmp.path().join("first.csv");
    let second = tmp.path().join("second.csv");
    laoke::bench::import::write_taobao_csv(&first, 50, 7).unwrap();
    laoke::bench::import::write_taobao_csv(&second, 60, 13).unwrap();
    let r1 = import(&store, &owner, &first, BulkMode::Auto);
    let conn = raw_connection_as_owner(&store, &owner);
    // The newest order of the first import is deleted by hand: its id is free again.
    let newest: i64 = conn
        .query_row("SELECT max(id) FROM orders", [], |r| r.get(0))
        .unwrap();
    conn.execute_batch(&format!(
        "DELETE FROM order_items WHERE order_id = {newest}; DELETE FROM orders WHERE id = {newest};"
    ))
    .unwrap();
    let r2 = import(&store, &owner, &second, BulkMode::Auto);
    let reused: i64 = conn
        .query_row(
            "SELECT import_batch_id FROM orders WHERE id = ?1",
            [newest],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reused, r2.batch_id.unwrap(), "the second import got the id");
    let err = import::undo(&store, &owner, r1.batch_id.unwrap()).unwrap_err();
    assert_eq!(err.code(), "conflict");
    assert!(
        err.message(laoke::i18n::Lang::En).contains("undo #"),
        "{}",
        err.message(laoke::i18n::Lang::En)
    );
    import::undo(&store, &owner, r2.batch_id.unwrap()).unwrap();
    let u1 = import::undo(&store, &owner, r1.batch_id.unwrap()).unwrap();
    assert_eq!(u1.orders_removed, 49, "every order but the deleted one");
    let left: i64 = conn
        .query_row("SELECT count(*) FROM orders", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}
