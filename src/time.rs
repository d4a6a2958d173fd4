//! The timestamp codec: how an instant is written to and read from the database. Stored
//! instants are UTC in RFC 3339 with milliseconds (`2026-03-05T06:02:11.000Z`), so they sort as
//! text and compare with `<` in SQL.
//!
//! [`parse_ts`] returns a `Result`: a stored text that is not a timestamp (a damaged row, a hand
//! edit) becomes a database error the caller passes on, never a panic and never a silent
//! 1970. The error converts into both [`crate::Error`] and `rusqlite::Error`, so `?` works in
//! row closures as well as in the core's functions.
//!
//! Shop days: [`shop_day_of`], [`shop_day_start`] and [`shop_day_end`] turn instants into the
//! shop's calendar days and back, given the shop's timezone ([`crate::settings::timezone`]).
//!
//! Ground floor. Where "now" comes from is [`crate::clock`].

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// UTC timestamp as stored in the database.
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Parse a stored timestamp. The store's own shape (`2026-11-24T02:20:01.000Z`, what [`ts`]
/// writes) is read by a fixed-position fast path — the loyalty job reads a million of them on
/// a mass-expiry day — and anything else through chrono's RFC 3339 parser.
pub fn parse_ts(s: &str) -> Result<DateTime<Utc>, BadTimestamp> {
    if let Some(t) = parse_own_shape(s) {
        return Ok(t);
    }
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| BadTimestamp(s.chars().take(40).collect()))
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` without the general parser; `None` for any other shape.
fn parse_own_shape(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    let fixed = b.len() == 24
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'T'
        && b[13] == b':'
        && b[16] == b':'
        && b[19] == b'.'
        && b[23] == b'Z';
    if !fixed {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = date.and_hms_milli_opt(num(11..13)?, num(14..16)?, num(17..19)?, num(20..23)?)?;
    Some(time.and_utc())
}

/// [`parse_ts`] of an optional column: `None` stays `None`.
pub fn parse_opt_ts(s: Option<&str>) -> Result<Option<DateTime<Utc>>, BadTimestamp> {
    s.map(parse_ts).transpose()
}

/// The shop day (in the shop's timezone `tz`) an instant falls on.
pub fn shop_day_of(t: DateTime<Utc>, tz: Tz) -> NaiveDate {
    t.with_timezone(&tz).date_naive()
}

/// The instant a shop day starts: local midnight in `tz`, or — where a clock change skips
/// midnight — the first local time that exists that day.
pub fn shop_day_start(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = day.and_time(chrono::NaiveTime::MIN);
    (0..=24 * 4)
        .find_map(|q| {
            tz.from_local_datetime(&(midnight + chrono::Duration::minutes(15 * q)))
                .earliest()
        })
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

/// The last second of a shop day (things valid "through" that day end here).
pub fn shop_day_end(day: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let next = day.succ_opt().unwrap_or(day);
    shop_day_start(next, tz) - chrono::Duration::seconds(1)
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

    #[test]
    fn the_fast_path_reads_exactly_what_the_general_parser_reads() {
        let mut t = Utc.with_ymd_and_hms(2019, 1, 1, 0, 0, 0).unwrap();
        for step in 0..5_000 {
            let text = ts(t);
            assert_eq!(parse_own_shape(&text), Some(t), "{text}");
            assert_eq!(parse_ts(&text), Ok(t));
            t += chrono::Duration::milliseconds(7_777_777_777 % (step + 1_000_003));
        }
        // the shape without valid numbers falls through to the general parser, which refuses it
        for odd in [
            "2026-02-30T00:00:00.000Z",
            "2026-0a-01T00:00:00.000Z",
            "2026-01-01T24:00:00.000Z",
        ] {
            assert_eq!(parse_own_shape(odd), None);
            assert!(parse_ts(odd).is_err(), "{odd}");
        }
    }

    #[test]
    fn shop_days_start_at_local_midnight_and_end_a_second_before_the_next() {
        let sh = chrono_tz::Asia::Shanghai;
        let d = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        assert_eq!(ts(shop_day_start(d, sh)), "2026-10-31T16:00:00.000Z");
        assert_eq!(ts(shop_day_end(d, sh)), "2026-11-01T15:59:59.000Z");
        assert_eq!(shop_day_of(shop_day_start(d, sh), sh), d);
        assert_eq!(shop_day_of(shop_day_end(d, sh), sh), d);
        // New York: UTC−4 in July, UTC−5 in January
        let ny = chrono_tz::America::New_York;
        let july = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let jan = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        assert_eq!(ts(shop_day_start(july, ny)), "2026-07-01T04:00:00.000Z");
        assert_eq!(ts(shop_day_start(jan, ny)), "2026-01-15T05:00:00.000Z");
        // a zone whose clocks skip midnight (Chile, DST start): the day starts at 01:00 local
        let cl = chrono_tz::America::Santiago;
        let skip = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let start = shop_day_start(skip, cl);
        assert_eq!(shop_day_of(start, cl), skip);
        assert_eq!(
            start.with_timezone(&cl).format("%H:%M").to_string(),
            "01:00"
        );
    }
}
