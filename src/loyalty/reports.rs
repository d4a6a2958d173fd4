//! Loyalty reports as plain structs (the export and UI layers render them): liability —
//! outstanding points and their ¥ value, unused coupons, points expiring in 30/60/90 days —
//! and points issued / redeemed / expired / reversed per shop month.

use super::{reminders::expiring_of, rules::version_at};
use crate::{
    auth::{Permission, Session},
    settings, Result,
    {
        store::Store,
        time::{parse_ts, ts},
    },
};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Liability {
    pub at: DateTime<Utc>,
    /// Sum of positive balances.
    pub outstanding_points: i64,
    /// Their value at today's redemption rate, fen.
    pub outstanding_value_fen: i64,
    pub customers_with_points: i64,
    pub unused_coupons: i64,
    /// Face value of unused money-off coupons (fixed and threshold kinds), fen.
    pub unused_coupon_value_fen: i64,
    pub expiring_30_days: i64,
    pub expiring_60_days: i64,
    pub expiring_90_days: i64,
    /// Customers per tier of the rules in force, lowest tier first: `(tier code, customers)`.
    pub tier_counts: Vec<(String, i64)>,
}

pub(crate) fn liability_of(conn: &Connection, now: DateTime<Utc>) -> Result<Liability> {
    let rules = version_at(conn, now)?.rules;
    let (points, customers): (i64, i64) = conn.query_row(
        "SELECT coalesce(sum(balance), 0), count(*) FROM points_balances WHERE balance > 0",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (unused, unused_value): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(CASE WHEN c.kind IN ('fixed', 'threshold') THEN c.amount_fen ELSE 0 END), 0)
         FROM coupon_grants g JOIN coupons c ON c.id = g.coupon_id
         WHERE g.used_at IS NULL AND g.voided_at IS NULL AND c.valid_to >= ?1",
        [ts(now)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let exp =
        |d: i64| -> Result<i64> { Ok(expiring_of(conn, now, d)?.iter().map(|e| e.points).sum()) };
    let mut per_tier: BTreeMap<String, i64> = conn
        .prepare("SELECT tier, count(*) FROM customer_tiers GROUP BY tier")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let tier_counts = rules
        .tiers
        .iter()
        .map(|t| (t.code.clone(), per_tier.remove(&t.code).unwrap_or(0)))
        .collect();
    Ok(Liability {
        at: now,
        outstanding_points: points,
        outstanding_value_fen: points * 100 / rules.redeem_points_per_yuan,
        customers_with_points: customers,
        unused_coupons: unused,
        unused_coupon_value_fen: unused_value,
        expiring_30_days: exp(30)?,
        expiring_60_days: exp(60)?,
        expiring_90_days: exp(90)?,
        tier_counts,
    })
}

/// Outstanding points, their value, unused coupons and what expires soon (owner, manager).
pub fn liability(store: &Store, s: &Session) -> Result<Liability> {
    s.require(Permission::LoyaltyAdmin)?;
    liability_of(store.conn(), store.now())
}

#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "MonthPoints"))]
#[serde(rename_all = "camelCase")]
pub struct MonthRow {
    /// Shop month, YYYY-MM.
    pub month: String,
    /// Earned, bonus, compensation, positive adjustments and transfers in.
    pub issued: i64,
    pub redeemed: i64,
    pub expired: i64,
    /// Taken back by refunds, cancellations and negative adjustments.
    pub reversed: i64,
}

/// Points issued / redeemed / expired / reversed per shop month, oldest first.
pub fn monthly(store: &Store, s: &Session) -> Result<Vec<MonthRow>> {
    s.require(Permission::LoyaltyAdmin)?;
    let tz = settings::timezone(store);
    // grouped by UTC hour in SQL (few rows), then into shop months here
    let mut stmt = store.conn().prepare(
        "SELECT substr(at, 1, 13), reason, sum(CASE WHEN delta > 0 THEN delta ELSE 0 END),
                sum(CASE WHEN delta < 0 THEN -delta ELSE 0 END)
         FROM points_ledger GROUP BY 1, 2",
    )?;
    let mut months: BTreeMap<String, MonthRow> = BTreeMap::new();
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for row in rows {
        let (hour, reason, plus, minus) = row?;
        let at = parse_ts(&format!("{hour}:00:00.000Z"))?;
        let month = at.with_timezone(&tz).format("%Y-%m").to_string();
        let m = months.entry(month.clone()).or_insert_with(|| MonthRow {
            month,
            ..Default::default()
        });
        m.issued += plus;
        match reason.as_str() {
            "redeem" => m.redeemed += minus,
            "expire" => m.expired += minus,
            _ => m.reversed += minus,
        }
    }
    Ok(months.into_values().collect())
}
