//! Money as people read and type it: ¥1,234.56 from integer fen, and typed yuan ("12.5",
//! "¥1,234.50") to fen by exact decimal parsing — never through floats.

use crate::{Error, Result};

/// `¥1,234.56` (negative: `-¥3.00`).
pub fn yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let whole = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{sign}¥{grouped}.{:02}", abs % 100)
}

/// Parse typed yuan into fen: `12`, `12.5`, `12.50`, `¥1,234.56`, `１２.５` (full-width).
/// At most two decimals; no negatives.
pub fn parse_yuan(input: &str, field_zh: &str, field_en: &str) -> Result<i64> {
    let bad = || {
        Error::invalid(
            format!("{field_zh}：“{input}”不是有效金额（例如 12.50）。"),
            format!("{field_en}: '{input}' is not an amount (e.g. 12.50)."),
        )
    };
    let t: String = input
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            c => c,
        })
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥'))
        .collect();
    let t = t.strip_suffix('元').unwrap_or(&t);
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return Err(bad());
    }
    if frac.len() > 2 {
        return Err(Error::invalid(
            format!("{field_zh}：“{input}”最多两位小数（分）。"),
            format!("{field_en}: '{input}' has more than two decimals."),
        ));
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    let frac: i64 = format!("{frac:0<2}").parse().map_err(|_| bad())?;
    whole
        .checked_mul(100)
        .and_then(|w| w.checked_add(frac))
        .ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fen_are_shown_as_yuan_with_thousands_separators() {
        assert_eq!(yuan(0), "¥0.00");
        assert_eq!(yuan(5), "¥0.05");
        assert_eq!(yuan(123_456), "¥1,234.56");
        assert_eq!(yuan(100_000_000), "¥1,000,000.00");
        assert_eq!(yuan(-300), "-¥3.00");
    }

    #[test]
    fn typed_yuan_become_exact_fen() {
        for (typed, fen) in [
            ("12", 1200),
            ("12.5", 1250),
            ("12.50", 1250),
            ("0.1", 10),
            (".5", 50),
            ("¥1,234.56", 123_456),
            ("１２．３４", 1234),
            ("19.99元", 1999),
            ("0.29", 29),
        ] {
            assert_eq!(parse_yuan(typed, "金额", "Amount").unwrap(), fen, "{typed}");
        }
        for bad in ["", "abc", "1.234", "-5", "1e3", "1.2.3"] {
            assert!(
                parse_yuan(bad, "金额", "Amount").is_err(),
                "{bad} is refused"
            );
        }
    }
}
