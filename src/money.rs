//! Money as people read and type it, in one place: integer fen (1/100 yuan, `i64`) shown as
//! `¥1,234.56`, and yuan written by people or by other shops' exports turned into fen by exact
//! decimal parsing — never through floats (except the one conversion for a number cell a
//! spreadsheet already holds as a float).
//!
//! Two parsers on purpose, sharing the digit rules:
//! - [`parse_yuan`] reads what a person types in the app or CLI (`12.5`, `¥1,234.50`,
//!   full-width `１２．５`, `19.99元`): strict — more than two decimals is refused, because a
//!   typo should be fixed, not rounded.
//! - [`parse_export_amount`] reads an amount from an imported file (`¥1,234.50`, `12元`,
//!   `0.125`): other systems write a third decimal, so it rounds half up on the third one, and
//!   refuses more than 11 integer digits (no shop order is ¥100 billion).
//!
//! Ground floor: no domain knowledge. Orders, loyalty, tickets, import and the CLI all format and
//! parse money through here.

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
    let (whole, frac) = split_decimal(t).ok_or_else(bad)?;
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

/// An amount written in an exported file, in fen: `¥1,234.50`, `1234.5`, `12元`, `.5`,
/// `0.125` (→ 13: half up on the third decimal; later decimals are ignored). The currency
/// signs, `元`, thousands separators (`,` `，`) and spaces (also no-break) anywhere are ignored.
/// `None` for anything else: a sign, an exponent, letters, more than 11 integer digits.
pub fn parse_export_amount(s: &str) -> Option<i64> {
    let s: String = s
        .chars()
        .filter(|c| !matches!(c, '¥' | '￥' | ',' | '，' | ' ' | '元' | '\u{a0}'))
        .collect();
    let (int, frac) = split_decimal(&s)?;
    if int.len() > 11 {
        return None;
    }
    let yuan: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut digits = frac.bytes().map(|b| (b - b'0') as i64);
    let jiao = digits.next().unwrap_or(0);
    let fen = digits.next().unwrap_or(0);
    let round_up = digits.next().is_some_and(|d| d >= 5);
    Some(yuan * 100 + jiao * 10 + fen + i64::from(round_up))
}

/// A spreadsheet number cell holding yuan, in fen (rounded to the nearest fen): the one place a
/// float becomes money, because the file already stores it as one. `None` if negative, not
/// finite or above ¥10^13.
pub fn fen_from_yuan_number(n: f64) -> Option<i64> {
    if !n.is_finite() || !(0.0..=1e13).contains(&n) {
        return None;
    }
    Some((n * 100.0).round() as i64)
}

/// `"12.34"` → (`"12"`, `"34"`): ASCII digits on both sides of at most one `.`, not both empty.
fn split_decimal(t: &str) -> Option<(&str, &str)> {
    let (whole, frac) = t.split_once('.').unwrap_or((t, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((whole, frac))
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
        assert_eq!(yuan(-5), "-¥0.05");
        assert_eq!(yuan(-123_456), "-¥1,234.56");
        assert_eq!(yuan(i64::MIN), "-¥92,233,720,368,547,758.08");
        assert_eq!(yuan(i64::MAX), "¥92,233,720,368,547,758.07");
    }

    #[test]
    fn typed_yuan_become_exact_fen() {
        for (typed, fen) in [
            ("12", 1200),
            ("12.5", 1250),
            ("12.50", 1250),
            ("0.1", 10),
            (".5", 50),
            ("5.", 500),
            ("1.5", 150),
            ("¥1,234.56", 123_456),
            ("¥1,234.50", 123_450),
            ("￥ 1 234.5", 123_450),
            ("１２．３４", 1234),
            ("12。5", 1250),
            ("19.99元", 1999),
            ("0.29", 29),
            ("  7  ", 700),
            ("0", 0),
        ] {
            assert_eq!(parse_yuan(typed, "金额", "Amount").unwrap(), fen, "{typed}");
        }
        for bad in [
            "",
            "abc",
            "1.234",
            "0.005",
            "-5",
            "-¥3.00",
            "1e3",
            "1.2.3",
            ".",
            "元",
            "+5",
            "99999999999999999999",
        ] {
            assert!(
                parse_yuan(bad, "金额", "Amount").is_err(),
                "{bad} is refused"
            );
        }
    }

    #[test]
    fn a_typed_amount_with_a_third_decimal_is_refused_with_its_own_message() {
        let e = parse_yuan("0.005", "退款金额", "Refund amount").unwrap_err();
        assert!(
            format!("{e:?}").contains("has more than two decimals"),
            "{e:?}"
        );
    }

    #[test]
    fn exported_amounts_become_exact_fen_rounding_the_third_decimal() {
        for (written, fen) in [
            ("¥1,234.50", 123_450),
            ("1234.5", 123_450),
            ("12元", 1200),
            (".5", 50),
            ("0.125", 13),
            ("0.124", 12),
            ("0.005", 1),
            ("0.0049", 0),
            ("1.999", 200),
            ("1，234", 123_400),
            ("1\u{a0}234.00", 123_400),
            ("99999999999", 9_999_999_999_900),
        ] {
            assert_eq!(parse_export_amount(written), Some(fen), "{written}");
        }
        for bad in [
            "",
            "abc",
            "-5",
            "1e3",
            "1.2.3",
            ".",
            "¥",
            "100000000000",
            "１２",
        ] {
            assert_eq!(parse_export_amount(bad), None, "{bad} is refused");
        }
    }

    #[test]
    fn spreadsheet_numbers_round_to_the_nearest_fen() {
        assert_eq!(fen_from_yuan_number(19.99), Some(1999));
        assert_eq!(fen_from_yuan_number(0.125), Some(13));
        assert_eq!(fen_from_yuan_number(0.0), Some(0));
        assert_eq!(fen_from_yuan_number(1e13), Some(1_000_000_000_000_000));
        for bad in [-0.01, f64::NAN, f64::INFINITY, 1.1e13] {
            assert_eq!(fen_from_yuan_number(bad), None, "{bad}");
        }
    }
}
