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
    laoke::bench::import::write_taobao_csv(&first, 400, 7).unwrap();
    // A second export: new orders from returning and new buyers (more buyers, other seed).
    laoke::bench::import::write_taobao_csv(&second, 900, 11).unwrap();
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
    laoke::bench::import::write_taobao_csv(&file, 200, 5).unwrap();
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

/// Texts that exercise every expression of the 0004 gram trigger that search::grams mirrors:
/// CJK next to Latin, digits, emoji and other 4-byte characters (inside and outside the CJK
/// range the trigger tests), its range bounds, upper-case and full-width letters, repeated
/// pieces (INSERT OR IGNORE), terms past the 64 positions of search_positions, spaces that
/// trim removes, and a NUL (left to the trigger itself).
const EDGE_NAMES: &[&str] = &[
    "张伟",
    "张",
    "Anna李",
    "李Anna",
    "ÉMILE 张",
    "ＡＢＣ张三",
    "１２３",
    "JOHN SMITH",
    "aA",
    "X",
    "王😀明",
    "😀",
    "𠀀𠀁张",
    "㐀鿿ꀀ",
    "张张张张",
    "  李 四  ",
    "李4号",
    "a\0张",
];

fn edge_texts(conn: &Connection, deferred: bool) {
    let long_name = format!("{}张伟李{}", "a".repeat(62), "王".repeat(10));
    let long_nick = format!("{}小明", "店".repeat(63));
    let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let d = deferred.then(|| laoke::search::deferred::defer(&tx).unwrap());
    let mut names: Vec<String> = EDGE_NAMES.iter().map(|s| s.to_string()).collect();
    names.push(long_name);
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let id = 1000 + i as i64;
        ids.push(id);
        tx.execute(
            "INSERT INTO customers (id, name, email, wechat_id, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            rusqlite::params![
                id,
                name,
                format!("{}.Wei{i}@EXAMPLE.com", name.trim()),
                if i % 2 == 0 {
                    format!("WX_{name}")
                } else {
                    String::new()
                },
            ],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO customer_phones (customer_id, phone) VALUES (?1, ?2)",
            rusqlite::params![id, format!("+86138{:08}", i)],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO customer_nicks (customer_id, platform, nick) VALUES (?1, 'taobao', ?2)",
            rusqlite::params![id, format!("{name}_{i}")],
        )
        .unwrap();
        if i % 3 != 0 {
            tx.execute(
                "INSERT INTO customer_stats (customer_id, orders_count, spend_fen, last_order_at)
                 VALUES (?1, ?2, 100, ?3)",
                rusqlite::params![id, i as i64, format!("2026-0{}-15T08:00:00Z", 1 + i % 9)],
            )
            .unwrap();
        }
    }
    tx.execute(
        "INSERT INTO customer_nicks (customer_id, platform, nick) VALUES (?1, 'jd', ?2)",
        rusqlite::params![ids[0], long_nick],
    )
    .unwrap();
    // Customers that existed before: one renamed, one with a new nick.
    tx.execute(
        "UPDATE customers SET name = 'Wang 王伟 Ⅱ' WHERE name = '王伟'",
        [],
    )
    .unwrap();
    let old: Vec<i64> = tx
        .prepare("SELECT id FROM customers WHERE id < 1000")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tx.execute(
        "INSERT INTO customer_nicks (customer_id, platform, nick) VALUES (?1, 'pdd', '老客Ｏｌｄ')",
        [old[1]],
    )
    .unwrap();
    if let Some(d) = d {
        d.finish(&tx, ids.iter().chain(&old).copied()).unwrap();
    }
    tx.commit().unwrap();
}

#[test]
fn grams_built_in_rust_equal_the_triggers_for_edge_case_texts() {
    let (tmp, _) = temp_store_dir();
    let mut indexes = Vec::new();
    for deferred in [true, false] {
        let (store, owner) = shop_with_history(&tmp.path().join(format!("{deferred}")), false);
        let conn = raw_connection_as_owner(&store, &owner);
        edge_texts(&conn, deferred);
        indexes.push(index_contents(&conn));
    }
    let (bulk, live) = (&indexes[0], &indexes[1]);
    for needle in [
        "gram|张|Integer(1)|",
        "gram|客Ｏ|Integer(2)|",
        "gram|伟李|Integer(2)|",
        "gram|小明|Integer(2)|",
        "gram|x|Integer(0)|",
        "gram|😀|Integer(0)|",
        "gram|É|Integer(1)|",
    ] {
        assert!(
            live.iter().any(|r| r.starts_with(needle)),
            "the reference has {needle}"
        );
    }
    assert!(
        !live.iter().any(|r| r.starts_with("gram|王王|")),
        "nothing past position 64 + 1"
    );
    assert!(
        !live.iter().any(|r| r.starts_with("gram|é")),
        "lower() folds ASCII letters only"
    );
    assert_eq!(bulk.len(), live.len(), "same number of index rows");
    for (a, b) in bulk.iter().zip(live) {
        assert_eq!(a, b, "the grams built in Rust differ from the trigger's");
    }
}

#[test]
fn undo_of_an_import_puts_the_search_index_back_and_keeps_one_undo_row_for_its_new_orders() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner) = shop_with_history(&dir, false);
    let first = tmp.path().join("first.csv");
    let second = tmp.path().join("second.csv");
    laoke::bench::import::write_taobao_csv(&first, 300, 7).unwrap();
    laoke::bench::import::write_taobao_csv(&second, 700, 11).unwrap();
    import(&store, &owner, &first);
    let conn = raw_connection_as_owner(&store, &owner);
    let before = index_contents(&conn);
    let stats_before: String = conn
        .query_row(
            "SELECT count(*) || sum(orders_count) || sum(spend_fen) FROM customer_stats",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap();
    let r = import(&store, &owner, &second);
    assert!(r.created > 0);
    let (ranges, per_order): (i64, i64) = conn
        .query_row(
            "SELECT count(*) FILTER (WHERE entity = 'order_range'),
                    count(*) FILTER (WHERE entity = 'order')
               FROM import_changes WHERE batch_id = ?1",
            [r.batch_id.unwrap()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(ranges, 1, "one undo row for all the batch's new orders");
    assert_eq!(per_order, r.updated as i64, "one per updated order only");
    let u = import::undo(&store, &owner, r.batch_id.unwrap()).unwrap();
    assert_eq!(u.orders_removed, r.created);
    assert_eq!(
        index_contents(&conn),
        before,
        "the index is as before the import"
    );
    let stats_after: String = conn
        .query_row(
            "SELECT count(*) || sum(orders_count) || sum(spend_fen) FROM customer_stats",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap();
    assert_eq!(stats_after, stats_before, "the stats are as before");
}
