//! Birthday bonus (an optional rule; 0 points = off, the default: DEFAULTS.md gives none): the
//! periodic job gives each member — a customer who has bought — the rule's points once a year
//! in their birthday month, in the shop's timezone. One set-based INSERT (`ledger::append_select`); the key
//! `birthday:{customer}:{year}` makes it exactly once a year whatever re-runs, restarts or rule
//! changes happen. Birthdays without a year (`--MM-DD`) count; customers merged away, erased or
//! in the recycle bin get nothing. The points are usable at once and expire like any lot earned
//! under the rules in force.

use super::ledger::Reason;
use super::rules::{version_ref, RuleVersion};
use crate::{store::ts, Result};
use chrono::{DateTime, Datelike, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BirthdayReport {
    pub customers: u64,
    pub points: i64,
}

/// Pay this month's birthday bonuses not paid yet this year.
pub fn run_in_tx(tx: &Connection, now: DateTime<Utc>, v: &RuleVersion) -> Result<BirthdayReport> {
    let points = v.rules.birthday_bonus_points;
    if points <= 0 {
        return Ok(BirthdayReport::default());
    }
    let local = now.with_timezone(&crate::settings::timezone_in(tx));
    let (kind, months, expires_at) = super::expiry::stamp(v, now);
    let n = super::ledger::append_select(
        tx,
        "customer_id, delta, reason, source, rule_version_id, operator, note, at, usable_from,
         expiry_kind, expiry_months, expires_at, idempotency_key",
        "SELECT c.id, ?1, ?2, 'job', ?3, 'job', '生日积分 / birthday bonus', ?4, ?4, ?5, ?6, ?7,
                'birthday:' || c.id || ':' || ?8
         FROM customers c JOIN customer_stats s ON s.customer_id = c.id
         WHERE c.birthday IS NOT NULL AND substr(c.birthday, -5, 2) = ?9
           AND c.merged_into IS NULL AND c.erased_at IS NULL AND c.deleted_at IS NULL",
        params![
            points,
            Reason::Bonus.as_str(),
            version_ref(v),
            ts(now),
            kind,
            months,
            expires_at.map(ts),
            local.year(),
            format!("{:02}", local.month()),
        ],
    )?;
    Ok(BirthdayReport {
        customers: n as u64,
        points: n as i64 * points,
    })
}
