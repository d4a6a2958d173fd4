//! Issue 11, "One writer per fact": every row of the points ledger is written by
//! `src/loyalty/ledger.rs` (its `append`, `append_select`, `append_select_returning`). This
//! reads every Rust file under `src/` (and the shell's `src-tauri/src/`) and fails on an
//! `INSERT INTO points_ledger` anywhere else — in any case and spacing, `OR IGNORE` /
//! `OR REPLACE` forms included.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `INSERT [OR …] INTO points_ledger` in `text`, whitespace and case folded.
fn inserts_into_the_ledger(text: &str) -> bool {
    let folded = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase();
    [
        "insert into points_ledger",
        "insert or ignore into points_ledger",
        "insert or replace into points_ledger",
        "replace into points_ledger",
    ]
    .iter()
    .any(|needle| {
        folded.match_indices(needle).any(|(i, m)| {
            // the table itself, not e.g. points_ledger_archive
            !folded[i + m.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    })
}

#[test]
fn only_ledger_rs_inserts_into_points_ledger() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("src-tauri").join("src"), &mut files);
    assert!(
        files.len() > 50,
        "the source tree was found: {} files",
        files.len()
    );
    let writer = root.join("src").join("loyalty").join("ledger.rs");
    assert!(
        inserts_into_the_ledger(&std::fs::read_to_string(&writer).unwrap()),
        "ledger.rs is the writer"
    );
    let others: Vec<String> = files
        .iter()
        .filter(|p| **p != writer)
        .filter(|p| inserts_into_the_ledger(&std::fs::read_to_string(p).unwrap()))
        .map(|p| p.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert!(
        others.is_empty(),
        "INSERT INTO points_ledger outside src/loyalty/ledger.rs (use its append fns): {others:?}"
    );
}

#[test]
fn the_check_sees_every_spelling() {
    assert!(inserts_into_the_ledger(
        "conn.execute(\"INSERT INTO points_ledger (a) VALUES (1)\")"
    ));
    assert!(inserts_into_the_ledger(
        "\"insert\n             into   points_ledger\""
    ));
    assert!(inserts_into_the_ledger(
        "INSERT OR IGNORE INTO points_ledger"
    ));
    assert!(!inserts_into_the_ledger(
        "INSERT INTO points_ledger_archive"
    ));
    assert!(!inserts_into_the_ledger("SELECT * FROM points_ledger"));
}
