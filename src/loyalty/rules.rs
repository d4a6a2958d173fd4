//! Loyalty rules: earn rate, lock period, redemption limits, expiry policy and tiers, stored as
//! versions (one row per change, `loyalty_rule_versions`). Earn rows record the version and the
//! rate they used, so a change applies only from its effective time on: points already earned
//! keep their rate (for refunds) and their expiry (no retroactive expiry).

use crate::{
    audit,
    auth::{Permission, Session},
    Error, Result,
    {
        store::Store,
        time::{parse_ts, ts},
    },
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// When points expire. A policy applies only to points earned while it is in force.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExpiryPolicy {
    Off,
    /// Each lot expires `months` after it was earned (first in, first out).
    AfterEarning {
        months: u32,
    },
    /// All such points expire after `months` without earning or redeeming.
    Inactivity {
        months: u32,
    },
}

/// Which spend qualifies for a tier.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum TierBasis {
    /// Paid − refunded over the last 12 months.
    Last12Months,
    Lifetime,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "TierDef"))]
#[serde(rename_all = "camelCase")]
pub struct Tier {
    /// Stable code (`regular`, `silver`…), stored on customers and in the history.
    pub code: String,
    pub name_zh: String,
    pub name_en: String,
    /// Qualifying spend needed; the first tier is 0 (any purchase).
    pub threshold_fen: i64,
    /// Points multiplier in percent: 120 = 1.2×.
    pub multiplier_pct: i64,
    /// Discount in percent off: 2 = 98折.
    pub discount_pct: i64,
    #[serde(default)]
    pub notes: String,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LoyaltyRules {
    /// Points per ¥1 actually paid (after coupons, excluding shipping), rounded down per order.
    pub points_per_yuan: i64,
    /// Days before earned points can be redeemed (return window); 0 allowed.
    pub lock_days: i64,
    /// Points worth ¥1 when redeemed.
    pub redeem_points_per_yuan: i64,
    pub redeem_min_points: i64,
    /// At most this share (percent) of an order can be paid with points.
    pub redeem_max_share_pct: i64,
    pub expiry: ExpiryPolicy,
    pub tier_basis: TierBasis,
    /// A tier is kept this long from reaching it, then re-evaluated.
    pub tier_retention_months: u32,
    /// Lowest first; thresholds strictly increasing.
    pub tiers: Vec<Tier>,
    /// Points given once a year in the customer's birthday month (members only); 0 = off.
    #[serde(default)]
    pub birthday_bonus_points: i64,
}

fn tier(code: &str, zh: &str, en: &str, yuan: i64, mult: i64, disc: i64, notes: &str) -> Tier {
    Tier {
        code: code.into(),
        name_zh: zh.into(),
        name_en: en.into(),
        threshold_fen: yuan * 100,
        multiplier_pct: mult,
        discount_pct: disc,
        notes: notes.into(),
    }
}

impl Default for LoyaltyRules {
    /// DEFAULTS.md (Points, Tiers).
    fn default() -> Self {
        LoyaltyRules {
            points_per_yuan: 1,
            lock_days: 7,
            redeem_points_per_yuan: 100,
            redeem_min_points: 100,
            redeem_max_share_pct: 50,
            expiry: ExpiryPolicy::Off,
            tier_basis: TierBasis::Last12Months,
            tier_retention_months: 12,
            tiers: vec![
                tier("regular", "普通会员", "Member", 0, 100, 0, ""),
                tier("silver", "银卡会员", "Silver", 1_000, 120, 2, ""),
                tier("gold", "金卡会员", "Gold", 3_000, 150, 5, ""),
                tier(
                    "diamond",
                    "钻石会员",
                    "Diamond",
                    10_000,
                    200,
                    10,
                    "优先服务 / priority service",
                ),
            ],
            birthday_bonus_points: 0,
        }
    }
}

impl LoyaltyRules {
    /// Every field checked; the error names the field.
    pub fn validate(&self) -> Result<()> {
        let bad = |zh: &str, en: &str| Err(Error::invalid(zh, en));
        if !(0..=1000).contains(&self.points_per_yuan) {
            return bad(
                "每元积分：须在 0 到 1000 之间。",
                "Points per ¥1: must be 0 to 1000.",
            );
        }
        if !(0..=365).contains(&self.lock_days) {
            return bad(
                "锁定天数：须在 0 到 365 之间。",
                "Lock days: must be 0 to 365.",
            );
        }
        if !(1..=100_000).contains(&self.redeem_points_per_yuan) {
            return bad(
                "抵扣比例：多少积分抵 1 元，须在 1 到 100000 之间。",
                "Redemption rate: points per ¥1 must be 1 to 100000.",
            );
        }
        if self.redeem_min_points < 0 {
            return bad(
                "最低抵扣积分：不能为负。",
                "Minimum points to redeem: must not be negative.",
            );
        }
        if !(0..=100_000).contains(&self.birthday_bonus_points) {
            return bad(
                "生日积分：须在 0 到 100000 之间（0 为不送）。",
                "Birthday bonus: must be 0 to 100000 points (0 = none).",
            );
        }
        if !(0..=100).contains(&self.redeem_max_share_pct) {
            return bad(
                "最高抵扣比例：须在 0% 到 100% 之间。",
                "Maximum share paid with points: must be 0 % to 100 %.",
            );
        }
        match self.expiry {
            ExpiryPolicy::AfterEarning { months } | ExpiryPolicy::Inactivity { months }
                if !(1..=120).contains(&months) =>
            {
                return bad(
                    "积分有效期：须为 1 到 120 个月。",
                    "Points expiry: must be 1 to 120 months.",
                );
            }
            _ => {}
        }
        if !(1..=120).contains(&self.tier_retention_months) {
            return bad(
                "等级保级期：须为 1 到 120 个月。",
                "Tier retention: must be 1 to 120 months.",
            );
        }
        if self.tiers.is_empty() {
            return bad(
                "会员等级：至少需要一个等级。",
                "Tiers: at least one tier is needed.",
            );
        }
        if self.tiers[0].threshold_fen != 0 {
            return bad(
                "会员等级：第一个等级的门槛须为 0（首次购买）。",
                "Tiers: the first tier's threshold must be 0 (first purchase).",
            );
        }
        for (i, t) in self.tiers.iter().enumerate() {
            let n = i + 1;
            if t.code.is_empty()
                || !t
                    .code
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_')
                || self.tiers[..i].iter().any(|o| o.code == t.code)
            {
                return Err(Error::invalid(
                    format!("第 {n} 个等级：代码须为唯一的字母、数字或下划线。"),
                    format!("Tier {n}: the code must be unique letters, digits or underscores."),
                ));
            }
            if t.name_zh.trim().is_empty() || t.name_en.trim().is_empty() {
                return Err(Error::invalid(
                    format!("第 {n} 个等级：请填写中英文名称。"),
                    format!("Tier {n}: enter the Chinese and English names."),
                ));
            }
            if i > 0 && t.threshold_fen <= self.tiers[i - 1].threshold_fen {
                return Err(Error::invalid(
                    format!("第 {n} 个等级：门槛须高于上一个等级。"),
                    format!("Tier {n}: the threshold must be above the previous tier's."),
                ));
            }
            if !(0..=1000).contains(&t.multiplier_pct) {
                return Err(Error::invalid(
                    format!("第 {n} 个等级：积分倍率须在 0 到 10 倍之间。"),
                    format!("Tier {n}: the points multiplier must be 0× to 10×."),
                ));
            }
            if !(0..=100).contains(&t.discount_pct) {
                return Err(Error::invalid(
                    format!("第 {n} 个等级：折扣须在 0% 到 100% 之间。"),
                    format!("Tier {n}: the discount must be 0 % to 100 %."),
                ));
            }
        }
        Ok(())
    }

    pub fn tier_index(&self, code: &str) -> Option<usize> {
        self.tiers.iter().position(|t| t.code == code)
    }

    /// The highest tier whose threshold the spend reaches.
    pub fn tier_for_spend(&self, spend_fen: i64) -> usize {
        self.tiers
            .iter()
            .rposition(|t| spend_fen >= t.threshold_fen)
            .unwrap_or(0)
    }

    /// Points for `base_fen` at this rate and multiplier, rounded down
    /// ([`super::formula::points_for`]).
    pub fn points_for(&self, base_fen: i64, multiplier_pct: i64) -> i64 {
        super::formula::points_for(base_fen, self.points_per_yuan, multiplier_pct)
    }
}

/// A saved rule version.
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RuleVersion {
    /// 0 = the built-in defaults (never saved yet).
    pub id: i64,
    pub effective_at: DateTime<Utc>,
    pub created_by: String,
    pub rules: LoyaltyRules,
}

/// The version in force at `at` (the defaults, id 0, before any was saved).
pub fn version_at(conn: &Connection, at: DateTime<Utc>) -> Result<RuleVersion> {
    let row: Option<(i64, String, String, String)> = conn
        .query_row(
            "SELECT id, effective_at, rules, created_by FROM loyalty_rule_versions
             WHERE effective_at <= ?1 ORDER BY effective_at DESC, id DESC LIMIT 1",
            [ts(at)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    Ok(match row {
        Some((id, eff, rules, by)) => RuleVersion {
            id,
            effective_at: parse_ts(&eff)?,
            created_by: by,
            rules: serde_json::from_str(&rules)
                .map_err(|e| Error::Internal(format!("loyalty rules {id}: {e}")))?,
        },
        None => RuleVersion {
            id: 0,
            effective_at: DateTime::<Utc>::UNIX_EPOCH,
            created_by: String::new(),
            rules: LoyaltyRules::default(),
        },
    })
}

/// The rule version id to store on a row: None for the built-in defaults.
pub(crate) fn version_ref(v: &RuleVersion) -> Option<i64> {
    (v.id > 0).then_some(v.id)
}

/// The rules in force now (any logged-in user may read them).
pub fn current(store: &Store, s: &Session) -> Result<RuleVersion> {
    s.require(Permission::WorkWithCustomers)?;
    version_at(store.conn(), store.now())
}

/// All saved versions, newest first.
pub fn history(store: &Store, s: &Session) -> Result<Vec<RuleVersion>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut stmt = store.conn().prepare(
        "SELECT id, effective_at, rules, created_by FROM loyalty_rule_versions ORDER BY id DESC",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(id, eff, rules, by)| {
            Ok(RuleVersion {
                id,
                effective_at: parse_ts(&eff)?,
                created_by: by,
                rules: serde_json::from_str(&rules)
                    .map_err(|e| Error::Internal(format!("loyalty rules {id}: {e}")))?,
            })
        })
        .collect()
}

/// Save new rules, in force from now (settings: owner only; audited).
pub fn save(store: &Store, s: &Session, rules: &LoyaltyRules) -> Result<RuleVersion> {
    s.require(Permission::ManageSettings)?;
    rules.validate()?;
    store.write(|tx, now| save_in_tx(tx, now, s.username(), rules, Some(s)))
}

pub(crate) fn save_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    by: &str,
    rules: &LoyaltyRules,
    s: Option<&Session>,
) -> Result<RuleVersion> {
    let text = serde_json::to_string(rules).map_err(|e| Error::Internal(e.to_string()))?;
    tx.execute(
        "INSERT INTO loyalty_rule_versions (effective_at, rules, created_by, created_at)
         VALUES (?1, ?2, ?3, ?1)",
        params![ts(now), text, by],
    )?;
    let id = tx.last_insert_rowid();
    if let Some(s) = s {
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "loyalty_rules_changed",
            &format!("loyalty_rules:{id}"),
            json!({"pointsPerYuan": rules.points_per_yuan, "lockDays": rules.lock_days,
                   "expiry": rules.expiry, "tiers": rules.tiers.len()}),
        )?;
    }
    Ok(RuleVersion {
        id,
        effective_at: now,
        created_by: by.into(),
        rules: rules.clone(),
    })
}
