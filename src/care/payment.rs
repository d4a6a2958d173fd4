//! The 催付 (unpaid order) schedule, pure. DEFAULTS.md: remind at 30 minutes, at 4 hours, and
//! 2 hours before the platform closes the unpaid order; at most 3 reminders in 24 hours; stop
//! when paid (the due list only looks at orders still `unpaid`).
//!
//! Auto-close times per channel (the platforms' usual defaults for unpaid orders; a shop that
//! set a different one on its platform still gets the first two reminders right):
//! Taobao / Tmall 72 h, JD 24 h, Pinduoduo 24 h, Douyin 24 h, WeChat shop 24 h, in store and
//! other 24 h.

use crate::orders::Channel;
use chrono::{DateTime, Duration, Utc};

/// When the platform closes an unpaid order, after it was placed.
pub fn auto_close_after(channel: Channel) -> Duration {
    match channel {
        Channel::Taobao | Channel::Tmall => Duration::hours(72),
        _ => Duration::hours(24),
    }
}

/// The longest auto-close window (how far back the due list looks).
pub const LONGEST_WINDOW_HOURS: i64 = 72;

/// The reminder instants for an order placed at `ordered_at`.
pub fn reminder_times(channel: Channel, ordered_at: DateTime<Utc>) -> [DateTime<Utc>; 3] {
    [
        ordered_at + Duration::minutes(30),
        ordered_at + Duration::hours(4),
        ordered_at + auto_close_after(channel) - Duration::hours(2),
    ]
}

/// Whether a reminder is due at `now`, given the reminders already sent (their times). `None`
/// when none is due; else the step number (1–3).
pub fn due_step(
    channel: Channel,
    ordered_at: DateTime<Utc>,
    sent: &[DateTime<Utc>],
    now: DateTime<Utc>,
) -> Option<usize> {
    if now >= ordered_at + auto_close_after(channel) || sent.len() >= 3 {
        return None;
    }
    let in_last_day = sent
        .iter()
        .filter(|t| **t > now - Duration::hours(24))
        .count();
    if in_last_day >= 3 {
        return None;
    }
    let times = reminder_times(channel, ordered_at);
    // The latest step whose time has come, if it has not been covered by a reminder yet.
    let step = times.iter().rposition(|t| *t <= now)?;
    (sent.len() <= step).then_some(step + 1)
}
