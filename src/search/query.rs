//! What the user typed, made comparable with what the index holds: trimmed, lower-case, and
//! phone-looking input (`138-0013 8000`, `+86 138…`) reduced to national digits, because phones
//! are indexed as `13800138000`.

/// A normalised query. `text` is what customer terms are matched with (phone input as
/// digits); `raw` is the trimmed, lower-case input, for order numbers (`260214-5050…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub text: String,
    pub len: usize,
    pub raw: String,
}

/// Longest query looked at (a pasted address or paragraph is cut, not refused).
pub const MAX_CHARS: usize = 64;

impl Query {
    /// `None` when nothing searchable is left.
    pub fn parse(raw: &str) -> Option<Query> {
        let trimmed: String = raw.trim().chars().take(MAX_CHARS).collect();
        let trimmed = trimmed.trim();
        if trimmed.is_empty() {
            return None;
        }
        let phone_like = trimmed.chars().any(|c| c.is_ascii_digit())
            && trimmed
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')' | '.'));
        let text = if phone_like {
            let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
            let national = if trimmed.starts_with("+86") || trimmed.starts_with("(+86") {
                digits.strip_prefix("86").unwrap_or(&digits).to_string()
            } else if digits.len() > 4 && digits.starts_with("0086") {
                digits[4..].to_string()
            } else {
                digits
            };
            if national.is_empty() {
                return None;
            }
            national
        } else {
            trimmed.to_lowercase()
        };
        let len = text.chars().count();
        Some(Query {
            text,
            len,
            raw: trimmed.to_lowercase(),
        })
    }

    /// The same query as typed (trimmed, lower-case), for order numbers.
    pub fn as_typed(&self) -> Query {
        Query {
            text: self.raw.clone(),
            len: self.raw.chars().count(),
            raw: self.raw.clone(),
        }
    }

    /// True when the trigram indexes can answer (3 characters or more).
    pub fn uses_trigrams(&self) -> bool {
        self.len >= 3
    }

    /// An FTS5 expression for a detail=none trigram index: trigrams that cover the query
    /// (at 0, 3, 6, … and the last one), ANDed (phrase queries need detail=full). Fewer posting
    /// lists to read than every trigram; candidates need a substring check anyway.
    pub fn fts_expression(&self) -> String {
        let chars: Vec<char> = self.text.chars().collect();
        if chars.len() < 3 {
            return String::new();
        }
        let last = chars.len() - 3;
        let mut starts: Vec<usize> = (0..=last).step_by(3).collect();
        if starts.last() != Some(&last) {
            starts.push(last);
        }
        let mut seen: Vec<String> = Vec::new();
        for i in starts {
            let t: String = chars[i..i + 3].iter().collect();
            if !seen.contains(&t) {
                seen.push(t);
            }
        }
        seen.iter()
            .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_looking_input_becomes_national_digits() {
        assert_eq!(Query::parse(" 138-0013 ").unwrap().text, "1380013");
        assert_eq!(
            Query::parse("+86 138 0013 8000").unwrap().text,
            "13800138000"
        );
        assert_eq!(Query::parse("008613800138000").unwrap().text, "13800138000");
    }

    #[test]
    fn names_and_nicks_are_lower_cased_and_trimmed() {
        let q = Query::parse("  张伟 ").unwrap();
        assert_eq!((q.text.as_str(), q.len), ("张伟", 2));
        assert_eq!(Query::parse("Jd_Wang").unwrap().text, "jd_wang");
        assert!(Query::parse("   ").is_none());
    }

    #[test]
    fn the_fts_expression_ands_covering_trigrams_once() {
        let q = Query::parse("a\"bcb\"").unwrap();
        assert_eq!(q.fts_expression(), "\"a\"\"b\" AND \"cb\"\"\"");
        assert_eq!(
            Query::parse("12345678").unwrap().fts_expression(),
            "\"123\" AND \"456\" AND \"678\""
        );
        assert_eq!(Query::parse("000000").unwrap().fts_expression(), "\"000\"");
    }
}
