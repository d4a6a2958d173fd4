//! Birthdays as shops know them: often only the day (a customer says "五月一号"), sometimes with
//! the year. Stored as `YYYY-MM-DD`, or `--MM-DD` (the ISO 8601 form without a year) so birthday
//! care still works when the year is unknown.

use crate::{Error, Result};
use chrono::NaiveDate;

/// Normalise what was typed: `1990-05-01`, `1990/5/1`, `1990.05.01` → `1990-05-01`;
/// `05-01`, `5/1`, `--05-01` → `--05-01`; empty → `None`. Anything else is refused, naming
/// the field.
pub fn normalize(input: &str) -> Result<Option<String>> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let bad = || {
        Error::invalid(
            format!("生日“{t}”格式不对：请写成 1990-05-01；不知道年份可以只写 05-01。"),
            format!(
                "Birthday: '{t}' is not a date. Write 1990-05-01, or 05-01 when the year is unknown."
            ),
        )
    };
    let body = t.strip_prefix("--").unwrap_or(t);
    let parts: Vec<&str> = body.split(['-', '/', '.']).collect();
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m, d] if !t.starts_with("--") && y.len() == 4 => {
            let (y, m, d) = (
                num(y).ok_or_else(bad)?,
                num(m).ok_or_else(bad)?,
                num(d).ok_or_else(bad)?,
            );
            if !(1900..=2100).contains(&y) {
                return Err(bad());
            }
            let date = NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(bad)?;
            Ok(Some(date.format("%Y-%m-%d").to_string()))
        }
        [m, d] if m.len() <= 2 && d.len() <= 2 => {
            let (m, d) = (num(m).ok_or_else(bad)?, num(d).ok_or_else(bad)?);
            // A leap year, so 02-29 is a real birthday.
            NaiveDate::from_ymd_opt(2000, m, d).ok_or_else(bad)?;
            Ok(Some(format!("--{m:02}-{d:02}")))
        }
        _ => Err(bad()),
    }
}

/// How a stored birthday is shown and edited: `1990-05-01`, or `05-01` without a year.
pub fn display(stored: &str) -> String {
    stored.strip_prefix("--").unwrap_or(stored).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_birthday_with_or_without_year_is_kept_in_one_form() {
        assert_eq!(normalize("1990/5/1").unwrap().unwrap(), "1990-05-01");
        assert_eq!(normalize("5-1").unwrap().unwrap(), "--05-01");
        assert_eq!(normalize("--02-29").unwrap().unwrap(), "--02-29");
        assert_eq!(normalize("  ").unwrap(), None);
        assert!(normalize("1990-02-30").is_err());
        assert!(normalize("13-01").is_err());
        assert!(normalize("明天").is_err());
        assert_eq!(display("--05-01"), "05-01");
    }
}
