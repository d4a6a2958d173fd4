//! The timestamp codec: how an instant is written to and read from the database. Stored
//! instants are UTC in RFC 3339 with milliseconds (`2026-03-05T06:02:11.000Z`), so they sort as
//! text and compare with `<` in SQL.
//!
//! [`parse_ts`] returns a `Result`: a stored text that is not a timestamp (a damaged row, a hand
//! edit) becomes a database error the caller passes on, never a panic and never a silent
//! 1970. The error converts into both [`crate::Error`] and `rusqlite::Error`, so `?` works in
//! row closures as well as in the core's functions.
//!
//! Ground floor. Where "now" comes from is [`crate::clock`]; the shop's timezone (for shop days)
//! is [`crate::settings::timezone`].

use chrono::{DateTime, Utc};

/// UTC timestamp as stored in the database.
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Parse a stored timestamp.
pub fn parse_ts(s: &str) -> Result<DateTime<Utc>, BadTimestamp> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| BadTimestamp(s.chars().take(40).collect()))
}

/// [`parse_ts`] of an optional column: `None` stays `None`.
pub fn parse_opt_ts(s: Option<&str>) -> Result<Option<DateTime<Utc>>, BadTimestamp> {
    s.map(parse_ts).transpose()
}

/// A stored text that is not an RFC 3339 timestamp (its first 40 characters).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("stored timestamp '{0}' is not RFC 3339")]
pub struct BadTimestamp(pub String);

impl From<BadTimestamp> for rusqlite::Error {
    fn from(e: BadTimestamp) -> Self {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
    }
}

impl From<BadTimestamp> for crate::Error {
    fn from(e: BadTimestamp) -> Self {
        crate::Error::Database(e.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn instants_round_trip_with_milliseconds() {
        let t =
            Utc.with_ymd_and_hms(2026, 3, 5, 6, 2, 11).unwrap() + chrono::Duration::milliseconds(7);
        assert_eq!(ts(t), "2026-03-05T06:02:11.007Z");
        assert_eq!(parse_ts(&ts(t)), Ok(t));
        assert_eq!(parse_opt_ts(None), Ok(None));
        assert_eq!(parse_opt_ts(Some("2026-03-05T06:02:11.007Z")), Ok(Some(t)));
    }

    #[test]
    fn other_offsets_are_read_as_the_same_instant() {
        let t = Utc.with_ymd_and_hms(2026, 3, 5, 6, 2, 11).unwrap();
        assert_eq!(parse_ts("2026-03-05T14:02:11+08:00"), Ok(t));
        assert_eq!(parse_ts("2026-03-05T06:02:11Z"), Ok(t));
    }

    #[test]
    fn bad_stored_text_is_an_error_not_a_panic_nor_1970() {
        for bad in ["", "yesterday", "2026-03-05", "2026-13-05T06:02:11Z", "😀"] {
            let e = parse_ts(bad).unwrap_err();
            assert_eq!(e, BadTimestamp(bad.into()));
            let core: crate::Error = e.clone().into();
            assert_eq!(core.code(), "database");
            let sql: rusqlite::Error = e.into();
            assert!(sql.to_string().contains("not RFC 3339") || format!("{sql:?}").contains(bad));
        }
        assert!(parse_opt_ts(Some("x")).is_err());
    }
}
