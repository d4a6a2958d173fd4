//! Lots: what is left of each positive ledger row, by replaying a customer's rows in order.
//! Positive rows open lots; negative rows consume them first-in first-out by earning date —
//! except a reversal, which takes from the lot it reverses first, and an expiry, which closes
//! exactly its lot; a redemption only takes usable (unlocked) lots. Nothing here is stored: the
//! ledger alone is the truth, and this is a pure function of it (easy to test, cannot drift).

use super::ledger::{PointsEntry, Reason};
use chrono::{DateTime, Months, Utc};
use serde::Serialize;

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Lot {
    /// The positive ledger row.
    pub entry_id: i64,
    pub at: DateTime<Utc>,
    pub usable_from: DateTime<Utc>,
    pub expiry_kind: String,
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
}

fn take(lot: &mut Lot, want: &mut i64) {
    let t = lot.remaining.min(*want).max(0);
    lot.remaining -= t;
    *want -= t;
}

/// Replay rows (one customer's, in id order).
pub fn replay(entries: &[PointsEntry]) -> Lots {
    let mut out = Lots::default();
    for e in entries {
        if matches!(e.reason, Reason::Earn | Reason::Redeem) {
            out.last_activity = Some(out.last_activity.map_or(e.at, |a| a.max(e.at)));
        }
        if e.delta > 0 {
            out.lots.push(Lot {
                entry_id: e.id,
                at: e.at,
                usable_from: e.usable_from,
                expiry_kind: e.expiry_kind.clone(),
                expiry_months: e.expiry_months,
                expires_at: e.expires_at,
                remaining: e.delta,
                closed: false,
            });
            continue;
        }
        let mut want = -e.delta;
        if let Some(lot_id) = e.lot_id {
            if let Some(l) = out.lots.iter_mut().find(|l| l.entry_id == lot_id) {
                take(l, &mut want);
                if e.reason == Reason::Expire {
                    l.closed = true;
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
            .filter(|l| l.usable_from <= now && self.expiry_of(l).is_none_or(|x| x > now))
            .map(|l| l.remaining)
            .sum();
        (open - self.unmatched).max(0)
    }

    /// When this lot expires (None: never), inactivity lots counted from the last activity.
    pub fn expiry_of(&self, l: &Lot) -> Option<DateTime<Utc>> {
        match l.expiry_kind.as_str() {
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

    /// Lots due at `now` that no expiry row has closed yet (some may have 0 left).
    pub fn due(&self, now: DateTime<Utc>) -> Vec<(i64, i64)> {
        self.lots
            .iter()
            .filter(|l| !l.closed && self.expiry_of(l).is_some_and(|x| x <= now))
            .map(|l| (l.entry_id, l.remaining))
            .collect()
    }
}
