//! SLA time arithmetic, pure: no database, no clock. Everything that decides "when is this
//! ticket due" and "how much of its window is used" is a function of the inputs here, so it can
//! be tested exhaustively (tests/tickets_sla.rs) and the queues can store the answer.
//!
//! **What the targets mean.** Every target (first response and resolution) is counted in
//! *business hours*: only time inside the shop's opening hours, on days the shop is open, counts.
//! "24 h" for a P1 resolution therefore means 24 business hours — with the default Mon–Sun
//! 09:00–21:00 that is two full business days, not one calendar day. This follows the issue
//! ("SLA … counted in business hours") and Odoo Helpdesk's working-hours SLAs; a clock-hour
//! target would make a ticket logged at 20:55 breach overnight while nobody can answer it.
//!
//! **Which days are open.** A date listed as a holiday in the calendar is closed; a date listed
//! as a working day (调休) is open with the *regular weekday hours* (the first open day of
//! Monday…Friday, else of the week) even if it is a weekend the shop normally closes; any other
//! date follows its weekday's hours. Days are shop-local (the shop timezone); times are UTC.
//!
//! **Pauses.** Time while the ticket waits on the customer (or sits resolved before a reopen)
//! does not count. A pause without an end (still waiting) stops the clock: there is no due time.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Opening hours of one day, minutes after local midnight, `open < close <= 1440`.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DayHours {
    pub open_minute: u16,
    pub close_minute: u16,
}

/// Opening hours per weekday, Monday first; `None` = closed that weekday.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BusinessHours {
    pub days: [Option<DayHours>; 7],
}

impl Default for BusinessHours {
    /// Mon–Sun 09:00–21:00 (DEFAULTS.md: shops open weekends).
    fn default() -> Self {
        let d = Some(DayHours {
            open_minute: 9 * 60,
            close_minute: 21 * 60,
        });
        BusinessHours { days: [d; 7] }
    }
}

impl BusinessHours {
    /// Mon–Fri only, with the same hours (used by tests and shops closed at weekends).
    pub fn weekdays(open_minute: u16, close_minute: u16) -> Self {
        let d = Some(DayHours {
            open_minute,
            close_minute,
        });
        BusinessHours {
            days: [d, d, d, d, d, None, None],
        }
    }

    /// `None` if every day is valid and at least one is open; else what is wrong (English).
    pub fn problem(&self) -> Option<String> {
        for (i, d) in self.days.iter().enumerate() {
            if let Some(d) = d {
                if d.open_minute >= d.close_minute || d.close_minute > 1440 {
                    return Some(format!("day {}: open must be before close", i + 1));
                }
            }
        }
        self.days
            .iter()
            .all(Option::is_none)
            .then(|| "no open day".to_string())
    }

    fn workday_hours(&self) -> Option<DayHours> {
        self.days[..5]
            .iter()
            .chain(self.days[5..].iter())
            .find_map(|d| *d)
    }
}

/// Whether a date is an exception to the weekly hours.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum DayKind {
    /// Closed (public holiday, shop holiday).
    Holiday,
    /// Open with the regular weekday hours (调休 working weekend).
    Workday,
}

/// Everything needed to turn instants into business time.
#[derive(Clone, Debug)]
pub struct Schedule {
    pub tz: Tz,
    pub hours: BusinessHours,
    pub calendar: BTreeMap<NaiveDate, DayKind>,
}

/// An interval during which the clock does not run; `to: None` = still paused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pause {
    pub from: DateTime<Utc>,
    pub to: Option<DateTime<Utc>>,
}

/// How far a window is used.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    /// Running, under 75 %.
    Ok,
    /// Running, 75 % or more used.
    Warning,
    /// The target is exceeded (running or stopped late).
    Breached,
    /// Stopped in time.
    Met,
    /// Waiting on the customer: the clock stands still.
    Paused,
}

/// The warning threshold: 75 % of a window (DEFAULTS.md).
pub const WARN_PERCENT: i64 = 75;

/// One SLA window evaluated at an instant.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SlaClock {
    pub target_secs: i64,
    pub elapsed_secs: i64,
    /// Whole percent of the target used (may exceed 100).
    pub percent_used: i64,
    /// When the target runs out; `None` while paused.
    pub due_at: Option<DateTime<Utc>>,
    pub state: SlaState,
}

/// Search this many days ahead at most (a schedule with no open day in ten years is broken).
const HORIZON_DAYS: i64 = 3660;

impl Schedule {
    pub fn new(tz: Tz, hours: BusinessHours, calendar: BTreeMap<NaiveDate, DayKind>) -> Self {
        Schedule {
            tz,
            hours,
            calendar,
        }
    }

    /// The open interval of a shop-local date, in UTC, if the shop is open that day.
    pub fn open_interval(&self, day: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let hours = match self.calendar.get(&day) {
            Some(DayKind::Holiday) => None,
            Some(DayKind::Workday) => self.hours.workday_hours(),
            None => self.hours.days[day.weekday().num_days_from_monday() as usize],
        }?;
        let at = |minute: u16| -> DateTime<Utc> {
            let local = if minute >= 1440 {
                day.succ_opt().unwrap_or(day).and_time(NaiveTime::MIN)
            } else {
                day.and_time(
                    NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0)
                        .unwrap_or(NaiveTime::MIN),
                )
            };
            self.tz
                .from_local_datetime(&local)
                .earliest()
                .unwrap_or_else(|| self.tz.from_utc_datetime(&local))
                .with_timezone(&Utc)
        };
        Some((at(hours.open_minute), at(hours.close_minute)))
    }

    fn local_day(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.tz).date_naive()
    }

    /// Business time in `[from, to)` outside the pauses, in seconds.
    pub fn business_secs(&self, from: DateTime<Utc>, to: DateTime<Utc>, pauses: &[Pause]) -> i64 {
        if to <= from {
            return 0;
        }
        let pauses = merged(pauses);
        let mut total = 0;
        let mut day = self.local_day(from);
        let last = self.local_day(to);
        while day <= last {
            if let Some((o, c)) = self.open_interval(day) {
                let (s, e) = (o.max(from), c.min(to));
                if s < e {
                    total += secs_outside(s, e, &pauses);
                }
            }
            day = match day.succ_opt() {
                Some(d) => d,
                None => break,
            };
        }
        total
    }

    /// The instant at which `target_secs` of business time (outside the pauses) have passed
    /// since `start`. `None` if a pause without an end begins before that (the clock stopped),
    /// or if the schedule has no open time within ten years.
    pub fn due_at(
        &self,
        start: DateTime<Utc>,
        target_secs: i64,
        pauses: &[Pause],
    ) -> Option<DateTime<Utc>> {
        let pauses = merged(pauses);
        let mut left = target_secs.max(0);
        let mut day = self.local_day(start);
        for _ in 0..HORIZON_DAYS {
            if let Some((o, c)) = self.open_interval(day) {
                let mut cursor = o.max(start);
                // Walk the working segments of [cursor, c) between pauses.
                for p in pauses.iter() {
                    if cursor >= c {
                        break;
                    }
                    let pe = p.to.unwrap_or(DateTime::<Utc>::MAX_UTC);
                    if pe <= cursor {
                        continue;
                    }
                    let seg_end = p.from.min(c);
                    if seg_end > cursor {
                        let avail = (seg_end - cursor).num_seconds();
                        if avail >= left {
                            return Some(cursor + Duration::seconds(left));
                        }
                        left -= avail;
                    }
                    if p.from < c {
                        p.to?;
                        cursor = cursor.max(pe);
                    } else {
                        cursor = c;
                    }
                }
                if cursor < c {
                    let avail = (c - cursor).num_seconds();
                    if avail >= left {
                        return Some(cursor + Duration::seconds(left));
                    }
                    left -= avail;
                }
            }
            day = day.succ_opt()?;
        }
        None
    }

    /// Evaluate a window that started at `start` with `target_secs`, stopped at `stopped_at`
    /// (first response given / ticket resolved) or still running, as seen at `now`.
    pub fn evaluate(
        &self,
        start: DateTime<Utc>,
        target_secs: i64,
        pauses: &[Pause],
        stopped_at: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> SlaClock {
        let end = stopped_at.unwrap_or(now).max(start);
        let elapsed_secs = self.business_secs(start, end, pauses);
        let percent_used = if target_secs > 0 {
            elapsed_secs * 100 / target_secs
        } else {
            100
        };
        let paused_now = stopped_at.is_none()
            && pauses
                .iter()
                .any(|p| p.from <= now && !matches!(p.to, Some(t) if t <= now));
        let due_at = self.due_at(start, target_secs, pauses);
        let state = if elapsed_secs > target_secs {
            SlaState::Breached
        } else if stopped_at.is_some() {
            SlaState::Met
        } else if paused_now {
            SlaState::Paused
        } else if percent_used >= WARN_PERCENT {
            SlaState::Warning
        } else {
            SlaState::Ok
        };
        SlaClock {
            target_secs,
            elapsed_secs,
            percent_used,
            due_at,
            state,
        }
    }

    /// The instant at which 75 % of the window is used (for "due soon" queues).
    pub fn warn_at(
        &self,
        start: DateTime<Utc>,
        target_secs: i64,
        pauses: &[Pause],
    ) -> Option<DateTime<Utc>> {
        self.due_at(start, target_secs * WARN_PERCENT / 100, pauses)
    }
}

/// Sort and merge overlapping pauses (an open-ended one swallows everything after it).
fn merged(pauses: &[Pause]) -> Vec<Pause> {
    let mut v: Vec<Pause> = pauses
        .iter()
        .copied()
        .filter(|p| !matches!(p.to, Some(t) if t <= p.from))
        .collect();
    v.sort_by_key(|p| p.from);
    let mut out: Vec<Pause> = Vec::with_capacity(v.len());
    for p in v {
        match out.last_mut() {
            Some(last) if !matches!(last.to, Some(t) if t < p.from) => {
                last.to = match (last.to, p.to) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => out.push(p),
        }
    }
    out
}

/// Seconds of `[s, e)` not covered by the (merged) pauses.
fn secs_outside(s: DateTime<Utc>, e: DateTime<Utc>, pauses: &[Pause]) -> i64 {
    let mut total = (e - s).num_seconds();
    for p in pauses {
        let pe = p.to.unwrap_or(DateTime::<Utc>::MAX_UTC);
        let (a, b) = (p.from.max(s), pe.min(e));
        if a < b {
            total -= (b - a).num_seconds();
        }
    }
    total
}
