//! Phone numbers are stored in E.164 (`+8613800138000`) so that `138-0013-8000`,
//! `+86 138 0013 8000` and `0086 13800138000` are the same person. Mainland mobiles are checked
//! (11 digits starting 13–19); other numbers with a country code are kept as given.
//!
//! Ground floor (no domain knowledge): customers, orders (receiver phones), search, import and
//! the exports all normalise, show and mask phones through this one module.

use crate::{Error, Result};

/// Normalise what was typed to E.164. Default country +86.
pub fn normalize(input: &str) -> Result<String> {
    let trimmed = input.trim();
    let bad = || {
        Error::invalid(
            format!("手机号“{trimmed}”格式不对，例如 138 0013 8000 或 +86 13800138000。"),
            format!("'{trimmed}' is not a phone number, e.g. 138 0013 8000 or +86 13800138000."),
        )
    };
    if trimmed.contains('*') {
        // Marketplaces mask receivers' numbers (138****1234); a mask is never a phone.
        return Err(bad());
    }
    let plus = trimmed.trim_start_matches('(').starts_with('+');
    let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
    if trimmed
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, '+' | '-' | ' ' | '(' | ')' | '.')))
    {
        return Err(bad());
    }
    let (cc, national) = if plus {
        split_country(&digits)
    } else if let Some(rest) = digits.strip_prefix("00") {
        split_country(rest)
    } else {
        ("86".to_string(), digits.clone())
    };
    if cc == "86" {
        let national = national
            .strip_prefix('0')
            .filter(|n| n.len() == 11)
            .unwrap_or(&national);
        let b = national.as_bytes();
        if national.len() == 11 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]) {
            return Ok(format!("+86{national}"));
        }
        // Landlines: area code + number, 9–11 digits without the trunk 0.
        let landline = national.trim_start_matches('0');
        if (9..=11).contains(&landline.len()) && !landline.starts_with('1') {
            return Ok(format!("+86{landline}"));
        }
        return Err(bad());
    }
    if national.len() >= 6 && cc.len() + national.len() <= 15 {
        Ok(format!("+{cc}{national}"))
    } else {
        Err(bad())
    }
}

fn split_country(d: &str) -> (String, String) {
    // Enough for Greater China and neighbours; anything else keeps a 2-digit guess, which
    // only affects display, never matching (matching compares the whole E.164 string).
    for cc in [
        "86", "852", "853", "886", "1", "81", "82", "65", "60", "44", "61",
    ] {
        if let Some(rest) = d.strip_prefix(cc) {
            return (cc.into(), rest.into());
        }
    }
    (d.chars().take(2).collect(), d.chars().skip(2).collect())
}

/// How a number is shown to someone allowed to see it: mainland numbers without +86.
pub fn display(e164: &str) -> String {
    e164.strip_prefix("+86")
        .map(str::to_string)
        .unwrap_or_else(|| e164.to_string())
}

/// How a service rep sees it: 138****8000.
pub fn mask(e164: &str) -> String {
    let d = display(e164);
    let chars: Vec<char> = d.chars().collect();
    if chars.len() <= 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 4..].iter().collect();
    format!("{head}****{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_ways_of_writing_a_mobile_are_one_number() {
        for typed in [
            "138-0013-8000",
            "+86 13800138000",
            "0086 138 0013 8000",
            "13800138000",
            "(+86) 138.0013.8000",
        ] {
            assert_eq!(normalize(typed).unwrap(), "+8613800138000", "{typed}");
        }
    }

    #[test]
    fn a_marketplace_mask_is_never_stored_as_a_phone() {
        assert!(normalize("138****1234").is_err());
    }

    #[test]
    fn reps_see_the_middle_digits_masked() {
        assert_eq!(mask("+8613800138000"), "138****8000");
    }
}
