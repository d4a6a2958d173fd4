//! Lots: what is left of each positive ledger row, by replaying a customer's rows in order.
//! Positive rows open lots; negative rows consume them first-in first-out by earning date —
//! except a reversal, which takes from the lot it reverses first, and a redemption, which only
//! takes usable (unlocked) lots. Nothing here is stored: the ledger alone is the truth, and this
//! is a pure function of it (easy to test, cannot drift).
//!
//! Expiry rows come in two forms. Since migration 0010 the job writes **one row per customer
//! per run** (key `expire:{cutoff}:customer:{id}`): it closes every lot of that customer due at
//! the row's time, first-in first-out, and its `lot_id` names the newest lot it closed. Why:
//! the mass-expiry day — twelve months after loyalty is switched on, every lot a store earned on
//! its first run expires at once, and one row per lot (909,346 on the benchmark store) made that
//! one job run take ~26 s; one per customer is 68,853 rows. The replay can tell which lots such a
//! row closed because it sees exactly what the job saw: the rows before it (lower ids), the same
//! last activity and the same time. Rows written before (key `expire:lot:{id}`) close exactly
//! their lot and keep replaying as they always did.

use super::ledger::{Closure, PointsEntry, Reason};
use chrono::{DateTime, Months, Utc};
use serde::Serialize;

/// The key prefix of the per-lot expiry rows written before migration 0010.
pub const PER_LOT_EXPIRY_KEY: &str = "expire:lot:";

/// The idempotency key of the job's expiry row for one customer at one run's cutoff. Cutoff
/// first and the id zero-padded: a run's keys are then written in ascending order (appended to
/// the unique index rather than scattered over it).
pub fn customer_expiry_key(customer_id: i64, cutoff: &str) -> String {
    format!("expire:{cutoff}:customer:{customer_id:010}")
}

/// What the replay needs of a ledger row (read straight from SQL by the job's bulk pass, or
/// taken from a [`PointsEntry`]).
#[derive(Clone, Debug)]
pub struct LotRow {
    pub id: i64,
    pub delta: i64,
    pub reason: Reason,
    pub at: DateTime<Utc>,
    pub usable_from: DateTime<Utc>,
    /// 'none' | 'after_earning' | 'inactivity' ([`expiry_kind`]).
    pub expiry_kind: &'static str,
    pub expiry_months: Option<u32>,
    pub expires_at: Option<DateTime<Utc>>,
    pub lot_id: Option<i64>,
    pub reverses_id: Option<i64>,
    /// An expiry row in the per-customer form: it closes every lot due at its time.
    pub closes_all_due: bool,
}

impl From<&PointsEntry> for LotRow {
    fn from(e: &PointsEntry) -> Self {
        LotRow {
            id: e.id,
            delta: e.delta,
            reason: e.reason,
            at: e.at,
            usable_from: e.usable_from,
            expiry_kind: expiry_kind(&e.expiry_kind),
            expiry_months: e.expiry_months,
            expires_at: e.expires_at,
            lot_id: e.lot_id,
            reverses_id: e.reverses_id,
            closes_all_due: closes_all_due(e.reason, &e.idempotency_key),
        }
    }
}

/// A stored expiry kind as a constant (anything unknown counts as 'none': never expires).
pub fn expiry_kind(s: &str) -> &'static str {
    match s {
        "after_earning" => "after_earning",
        "inactivity" => "inactivity",
        _ => "none",
    }
}

/// Whether an expiry row is in the per-customer form (anything but the old per-lot key).
pub fn closes_all_due(reason: Reason, idempotency_key: &str) -> bool {
    reason == Reason::Expire && !idempotency_key.starts_with(PER_LOT_EXPIRY_KEY)
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Lot {
    /// The positive ledger row.
    pub entry_id: i64,
    pub at: DateTime<Utc>,
    pub usable_from: DateTime<Utc>,
    pub expiry_kind: &'static str,
    pub expiry_months: Option<u32>,
    pub expires_at: Option<DateTime<Utc>>,
    pub remaining: i64,
    /// An expiry row closed it.
    pub closed: bool,
}

/// The customer's lots after all rows, plus the time of the last earn or redeem (activity).
#[derive(Clone, Debug, Default)]
pub struct Lots {
    pub lots: Vec<Lot>,
    pub last_activity: Option<DateTime<Utc>>,
    /// Negative amounts that found no lot to take from (a customer in debt: e.g. a refund after
    /// the points were spent). Balance = sum(remaining) − unmatched.
    pub unmatched: i64,
    /// What each expiry row closed, in row order.
    pub closures: Vec<Closure>,
}

fn take(lot: &mut Lot, want: &mut i64) {
    let t = lot.remaining.min(*want).max(0);
    lot.remaining -= t;
    *want -= t;
}

/// Replay rows (one customer's, in id order).
pub fn replay(entries: &[PointsEntry]) -> Lots {
    replay_rows(entries.iter().map(LotRow::from))
}

/// Replay rows (one customer's, in id order).
pub fn replay_rows(rows: impl IntoIterator<Item = LotRow>) -> Lots {
    let mut out = Lots::default();
    for e in rows {
        if matches!(e.reason, Reason::Earn | Reason::Redeem) {
            out.last_activity = Some(out.last_activity.map_or(e.at, |a| a.max(e.at)));
        }
        if e.delta > 0 {
            out.lots.push(Lot {
                entry_id: e.id,
                at: e.at,
                usable_from: e.usable_from,
                expiry_kind: e.expiry_kind,
                expiry_months: e.expiry_months,
                expires_at: e.expires_at,
                remaining: e.delta,
                closed: false,
            });
            continue;
        }
        let mut want = -e.delta;
        if e.closes_all_due {
            // every lot due at the row's time, first in first out (what the job saw)
            let due: Vec<usize> = (0..out.lots.len())
                .filter(|&i| out.is_due(&out.lots[i], e.at))
                .collect();
            let mut closure: Option<Closure> = None;
            for i in due {
                let l = &mut out.lots[i];
                let before = l.remaining;
                take(l, &mut want);
                l.closed = true;
                let c = closure.get_or_insert(Closure {
                    entry_id: e.id,
                    lots: 0,
                    points: 0,
                    first_earned_at: l.at,
                    last_earned_at: l.at,
                });
                c.lots += 1;
                c.points += before - l.remaining;
                c.first_earned_at = c.first_earned_at.min(l.at);
                c.last_earned_at = c.last_earned_at.max(l.at);
            }
            out.closures.extend(closure);
        } else if let Some(lot_id) = e.lot_id {
            if let Some(l) = out.lots.iter_mut().find(|l| l.entry_id == lot_id) {
                let before = l.remaining;
                take(l, &mut want);
                if e.reason == Reason::Expire {
                    l.closed = true;
                    out.closures.push(Closure {
                        entry_id: e.id,
                        lots: 1,
                        points: before - l.remaining,
                        first_earned_at: l.at,
                        last_earned_at: l.at,
                    });
                }
            }
        }
        if let Some(rev) = e.reverses_id {
            if let Some(l) = out.lots.iter_mut().find(|l| l.entry_id == rev) {
                take(l, &mut want);
            }
        }
        for l in out.lots.iter_mut() {
            if want == 0 {
                break;
            }
            if e.reason == Reason::Redeem && l.usable_from > e.at {
                continue;
            }
            take(l, &mut want);
        }
        out.unmatched += want;
    }
    out
}

impl Lots {
    pub fn balance(&self) -> i64 {
        self.lots.iter().map(|l| l.remaining).sum::<i64>() - self.unmatched
    }

    /// Points that may be redeemed at `now`: unlocked and not yet expired.
    pub fn usable(&self, now: DateTime<Utc>) -> i64 {
        let open: i64 = self
            .lots
            .iter()
            .filter(|l| l.usable_from <= now && self.expiry_of(l).map_or(true, |x| x > now))
            .map(|l| l.remaining)
            .sum();
        (open - self.unmatched).max(0)
    }

    /// When this lot expires (None: never), inactivity lots counted from the last activity.
    pub fn expiry_of(&self, l: &Lot) -> Option<DateTime<Utc>> {
        match l.expiry_kind {
            "after_earning" => l.expires_at,
            "inactivity" => {
                let from = self.last_activity.unwrap_or(l.at).max(l.at);
                l.expiry_months
                    .and_then(|m| from.checked_add_months(Months::new(m)))
            }
            _ => None,
        }
    }

    /// Lots with points left that expire at or before `until`: (lot, points, expires_at).
    pub fn expiring(&self, until: DateTime<Utc>) -> Vec<(i64, i64, DateTime<Utc>)> {
        self.lots
            .iter()
            .filter(|l| l.remaining > 0 && !l.closed)
            .filter_map(|l| {
                self.expiry_of(l)
                    .filter(|x| *x <= until)
                    .map(|x| (l.entry_id, l.remaining, x))
            })
            .collect()
    }

    /// Not closed yet and its expiry is at or before `now`.
    fn is_due(&self, l: &Lot, now: DateTime<Utc>) -> bool {
        !l.closed && self.expiry_of(l).is_some_and(|x| x <= now)
    }

    /// Lots due at `now` that no expiry row has closed yet (some may have 0 left), first in
    /// first out: the lots one per-customer expiry row written at `now` closes.
    pub fn due(&self, now: DateTime<Utc>) -> Vec<(i64, i64)> {
        self.lots
            .iter()
            .filter(|l| self.is_due(l, now))
            .map(|l| (l.entry_id, l.remaining))
            .collect()
    }
}
