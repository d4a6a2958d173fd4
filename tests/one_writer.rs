//! One writer per fact (issue 11), for orders: the only code in `src/` that INSERTs into
//! `orders`, `order_items` or `order_refunds` is the order writer, `src/orders/write.rs`. The
//! importer, the demo generator and the single-order path all go through it, so the list
//! preview (0011) and the refunded total (0012) cannot drift between writers. A grep, so a new
//! INSERT elsewhere fails here with its file and line.

use std::path::{Path, PathBuf};

const WRITER: &str = "src/orders/write.rs";
const TABLES: &[&str] = &["orders", "order_items", "order_refunds"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Lines where `INSERT [OR …] INTO <table>` starts, case-insensitive, across line breaks
/// (statements span lines): the text as words split at whitespace, quotes and parentheses.
fn inserts_into(text: &str, table: &str) -> Vec<usize> {
    let mut words: Vec<(String, usize)> = Vec::new();
    for (no, line) in text.lines().enumerate() {
        for w in line.split(|c: char| c.is_whitespace() || c == '"' || c == '(' || c == ',') {
            if !w.is_empty() {
                words.push((w.to_lowercase(), no + 1));
            }
        }
    }
    let mut hits = Vec::new();
    for (i, (w, _)) in words.iter().enumerate() {
        if w != "into" || words.get(i + 1).map(|n| n.0.as_str()) != Some(table) {
            continue;
        }
        // INSERT INTO, INSERT OR IGNORE INTO, INSERT OR REPLACE INTO
        let start = (1..=3)
            .filter_map(|k| i.checked_sub(k))
            .find(|&j| words[j].0 == "insert");
        if let Some(j) = start {
            hits.push(words[j].1);
        }
    }
    hits
}

#[test]
fn only_the_order_writer_inserts_orders_items_and_refunds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 50, "the sources are found");
    let mut outside = Vec::new();
    let mut in_writer = 0;
    for f in &files {
        let rel = f
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(f).unwrap();
        for t in TABLES {
            for line in inserts_into(&text, t) {
                if rel == WRITER {
                    in_writer += 1;
                } else {
                    outside.push(format!("{rel}:{line}: INSERT INTO {t}"));
                }
            }
        }
    }
    assert!(
        outside.is_empty(),
        "order rows are written only by {WRITER} (orders::OrderWriter):\n{}",
        outside.join("\n")
    );
    assert_eq!(
        in_writer, 3,
        "the writer's one INSERT per table is what the grep finds"
    );
}

#[test]
fn the_grep_sees_an_insert_however_it_is_spelled() {
    assert_eq!(
        inserts_into("tx.execute(\"INSERT INTO orders (id)", "orders"),
        [1]
    );
    assert_eq!(
        inserts_into("insert or ignore into order_items(x)", "order_items"),
        [1]
    );
    assert_eq!(
        inserts_into("\"INSERT INTO\n order_refunds", "order_refunds"),
        [1]
    );
    assert_eq!(
        inserts_into("x\n INSERT OR REPLACE\n INTO orders", "orders"),
        [2]
    );
    assert_eq!(
        inserts_into("SELECT * FROM orders", "orders"),
        Vec::<usize>::new()
    );
    assert_eq!(
        inserts_into("INSERT INTO orders_fts", "orders"),
        Vec::<usize>::new()
    );
}
