//! The 1- and 2-character grams of a search term, computed in Rust for bulk writers.
//!
//! This MIRRORS the `search_terms_ai` trigger of migrations/0004_search.sql, expression by
//! expression; `tests/import_search_index.rs` proves it by comparing every `search_grams` row
//! (and the FTS vocabularies) of a store maintained by [`super::deferred`] with one maintained
//! row by row by the triggers, including the edge cases (mixed Chinese / Latin, digits, emoji,
//! upper-case and full-width letters, terms longer than 64 characters).
//!
//! Why it exists: a first import of a million orders creates ~200k customers with ~1.1M grams;
//! the trigger builds them one term at a time through a join with `search_positions`, which was
//! ~7 s of the import (docs/BENCHMARKS.md "Import"). Here they are computed in memory, sorted
//! by the table's key and written with multi-row INSERTs.
//!
//! What the trigger does, and how each piece maps here:
//! - positions `i` are `search_positions` (1..=64), pieces `n` of 1 and 2 characters with
//!   `i + n - 1 <= length(text)`: SQLite counts characters (code points), like `char`s;
//! - `lower()` without ICU folds ASCII letters only: [`char::to_ascii_lowercase`];
//! - kind 0 when the gram equals `lower(text)`, else 1 at position 1, else 2;
//! - kept when the term is not a phone (`src & 7 <> 3`) and either at position 1, or the term is
//!   a name / nick (`src & 7 IN (0, 4)`) and the piece's first or last character is in
//!   U+3400..=U+9FFF (`unicode()` BETWEEN 13312 AND 40959);
//! - `INSERT OR IGNORE` on the key: duplicates collapse.
//!
//! SQLite's `length()` stops at a NUL character; such a term (never written by the app) is left
//! to the trigger: [`term_grams`] returns false and the caller re-inserts it with the trigger on.

/// The last position `search_positions` holds (migrations/0004_search.sql: 8 × 8 rows).
const LAST_POSITION: usize = 64;
/// The CJK range the trigger tests with `unicode()` (CJK Extension A and Unified Ideographs).
const CJK: std::ops::RangeInclusive<u32> = 13312..=40959;

/// Field codes of `src & 7` (migrations/0004_search.sql).
const FIELD_NAME: i64 = 0;
const FIELD_PHONE: i64 = 3;
const FIELD_NICK: i64 = 4;

/// One `search_grams` row.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gram {
    pub gram: String,
    pub kind: i64,
    pub rank: i64,
    pub customer_id: i64,
    pub src: i64,
}

/// Append the grams the trigger writes for the term (`src`, `customer_id`, `text`) whose
/// customer ranks `rank` (`search_customer_rank`, 0 without stats). Returns false, writing
/// nothing, for a text the trigger must handle itself (one holding NUL).
pub fn term_grams(src: i64, customer_id: i64, text: &str, rank: i64, out: &mut Vec<Gram>) -> bool {
    if text.contains('\0') {
        return false;
    }
    let field = src & 7;
    if field == FIELD_PHONE {
        return true;
    }
    let inside = field == FIELD_NAME || field == FIELD_NICK;
    let chars: Vec<char> = text.chars().collect();
    let whole = text.to_ascii_lowercase();
    let cjk = |c: char| CJK.contains(&(c as u32));
    for i in 0..chars.len().min(LAST_POSITION) {
        for n in 1..=2 {
            let Some(piece) = chars.get(i..i + n) else {
                continue;
            };
            if !(i == 0 || inside && (cjk(piece[0]) || cjk(piece[n - 1]))) {
                continue;
            }
            let gram: String = piece.iter().map(char::to_ascii_lowercase).collect();
            let kind = if gram == whole {
                0
            } else if i == 0 {
                1
            } else {
                2
            };
            out.push(Gram {
                gram,
                kind,
                rank,
                customer_id,
                src,
            });
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grams(src: i64, text: &str) -> Vec<(String, i64)> {
        let mut out = Vec::new();
        assert!(term_grams(src, 1, text, 0, &mut out));
        out.into_iter().map(|g| (g.gram, g.kind)).collect()
    }

    #[test]
    fn a_chinese_name_gives_every_piece_and_its_start() {
        assert_eq!(
            grams(8, "张伟"),
            vec![("张".into(), 1), ("张伟".into(), 0), ("伟".into(), 2)]
        );
    }

    #[test]
    fn latin_text_gives_only_its_lower_case_start_and_phones_nothing() {
        assert_eq!(
            grams(9, "Wang@X.cn"),
            vec![("w".into(), 1), ("wa".into(), 1)]
        );
        assert!(grams(11, "13800138000").is_empty());
    }

    #[test]
    fn a_text_with_nul_is_left_to_the_trigger() {
        let mut out = Vec::new();
        assert!(!term_grams(8, 1, "a\0b", 0, &mut out));
        assert!(out.is_empty());
    }
}
