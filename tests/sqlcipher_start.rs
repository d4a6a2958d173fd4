//! SQLCipher finishes its start-up after SQLite reports itself ready, so threads that open
//! their first databases at the same moment used to see "An error occurred with PRAGMA key"
//! now and then (about one process start in 300 here). Every open goes through
//! `laoke::db::apply_key`, which waits for SQLCipher first.

use laoke::crypto::DataKey;
use std::sync::{Arc, Barrier};

#[test]
fn threads_opening_their_first_databases_at_once_all_get_them_keyed() {
    let tmp = tempfile::tempdir().unwrap();
    let threads = 8;
    let start = Arc::new(Barrier::new(threads));
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let path = tmp.path().join(format!("store-{t}.db"));
            let start = start.clone();
            std::thread::spawn(move || {
                start.wait();
                let conn =
                    laoke::db::open(&path, &DataKey::generate()).map_err(|e| e.to_string())?;
                conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
                    .map_err(|e| e.to_string())
            })
        })
        .collect();
    let errors: Vec<String> = handles
        .into_iter()
        .filter_map(|h| h.join().unwrap().err())
        .collect();
    assert!(
        errors.is_empty(),
        "every thread's database opens: {errors:?}"
    );
}
