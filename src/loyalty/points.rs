//! What staff do with points by hand — adjust (with a reason, within the role's limit),
//! compensate for a ticket, redeem against an order — and what a customer's points look like
//! (balance, usable vs locked, next expiry, history). Every write is one transaction, audited.

use super::holder::{customer_exists, follow_merges};
use super::ledger::{self, append, NewEntry, PointsEntry, Reason, Source};
use super::lots::{replay, Lots};
use super::rules::{version_at, LoyaltyRules};
use crate::{
    audit,
    auth::{Permission, Role, Session},
    store::Store,
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use serde_json::json;

/// A service rep may adjust at most this many points at once (DEFAULTS.md Roles).
pub const REP_ADJUST_LIMIT: i64 = 500;
/// Managers and owners: a sanity bound against typos.
pub const ADJUST_LIMIT: i64 = 1_000_000;

fn check_amount(s: &Session, points: i64) -> Result<()> {
    if points == 0 {
        return Err(Error::invalid("积分：不能为 0。", "Points: must not be 0."));
    }
    let limit = if s.role() == Role::Rep {
        REP_ADJUST_LIMIT
    } else {
        ADJUST_LIMIT
    };
    if points.abs() > limit {
        if s.role() == Role::Rep {
            return Err(Error::forbidden(
                format!("客服每次最多调整 {REP_ADJUST_LIMIT} 积分，更多请找店长或店主。"),
                format!("A service rep may adjust at most {REP_ADJUST_LIMIT} points at a time; ask a manager or the owner."),
            ));
        }
        return Err(Error::invalid(
            format!("积分：每次最多调整 {ADJUST_LIMIT}。"),
            format!("Points: at most {ADJUST_LIMIT} per adjustment."),
        ));
    }
    Ok(())
}

/// Add or remove points by hand. `reason` is required; `ticket_id` optional. Reps: at most
/// 500 points either way. A removal may not take the balance below zero. Returns the row id.
pub fn adjust(
    store: &Store,
    s: &Session,
    customer_id: i64,
    points: i64,
    reason: &str,
    ticket_id: Option<i64>,
) -> Result<i64> {
    s.require(Permission::WorkWithCustomers)?;
    check_amount(s, points)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "原因：请填写调整积分的原因。",
            "Reason: say why the points are adjusted.",
        ));
    }
    store.write(|tx, now| {
        let key = format!("adjust:{}:{}", s.user_id(), next_seq(tx)?);
        write_manual(
            tx,
            now,
            s,
            customer_id,
            points,
            Reason::Adjust,
            Source::Manual,
            reason,
            ticket_id,
            key,
        )
    })
}

/// Compensation points for a ticket (the tickets module calls this inside its own transaction).
/// Idempotent per ticket and `key` (e.g. "refund-delay"): calling again returns None.
#[allow(clippy::too_many_arguments)]
pub fn compensate_points_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    s: &Session,
    customer_id: i64,
    points: i64,
    reason: &str,
    ticket_id: i64,
    key: &str,
) -> Result<Option<i64>> {
    s.require(Permission::WorkWithCustomers)?;
    if points <= 0 {
        return Err(Error::invalid(
            "补偿积分：必须大于 0。",
            "Compensation points: must be above 0.",
        ));
    }
    check_amount(s, points)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "原因：请填写补偿原因。",
            "Reason: say why the customer is compensated.",
        ));
    }
    let key = format!("compensation:ticket:{ticket_id}:{key}");
    let exists = tx
        .prepare_cached("SELECT 1 FROM points_ledger WHERE idempotency_key = ?1")?
        .exists([&key])?;
    if exists {
        return Ok(None);
    }
    write_manual(
        tx,
        now,
        s,
        customer_id,
        points,
        Reason::Compensation,
        Source::Ticket,
        reason,
        Some(ticket_id),
        key,
    )
    .map(Some)
}

/// [`compensate_points_in_tx`] in its own transaction.
pub fn compensate_points(
    store: &Store,
    s: &Session,
    customer_id: i64,
    points: i64,
    reason: &str,
    ticket_id: i64,
    key: &str,
) -> Result<Option<i64>> {
    store.write(|tx, now| {
        compensate_points_in_tx(tx, now, s, customer_id, points, reason, ticket_id, key)
    })
}

fn next_seq(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT coalesce(max(id), 0) + 1 FROM points_ledger",
        [],
        |r| r.get(0),
    )?)
}

#[allow(clippy::too_many_arguments)]
fn write_manual(
    tx: &Connection,
    now: DateTime<Utc>,
    s: &Session,
    customer_id: i64,
    points: i64,
    reason: Reason,
    source: Source,
    note: &str,
    ticket_id: Option<i64>,
    key: String,
) -> Result<i64> {
    customer_exists(tx, customer_id)?;
    if points < 0 {
        let bal = ledger::cached_balance(tx, customer_id)?;
        if bal + points < 0 {
            return Err(Error::invalid(
                format!("积分：客户只有 {bal} 积分，不能扣减 {}。", -points),
                format!(
                    "Points: the customer has only {bal} points; {} cannot be removed.",
                    -points
                ),
            ));
        }
    }
    let v = version_at(tx, now)?;
    let mut e = NewEntry::new(customer_id, points, reason, source, s.username(), now, key);
    e.operator_id = Some(s.user_id());
    e.note = note;
    e.ticket_id = ticket_id;
    e.source_id = ticket_id.filter(|_| source == Source::Ticket);
    e.rule_version_id = super::rules::version_ref(&v);
    if points > 0 {
        e.expiry = super::expiry::stamp(&v, now);
    }
    let id = append(tx, &e)?.ok_or_else(|| {
        Error::conflict("这笔积分已记录。", "These points were already recorded.")
    })?;
    audit::record(
        tx,
        now,
        s.audit_actor(),
        "points_adjusted",
        &format!("customer:{customer_id}"),
        json!({"points": points, "reason": reason.as_str(), "note": note, "ticketId": ticket_id,
               "entry": id}),
    )?;
    Ok(id)
}

/// The value in fen of redeeming `points` on an amount of `base_fen`, or why not: at least the
/// minimum, at most the share of the order the rules allow, only `usable` points. The one
/// check behind [`redeem`] and redemption at order entry.
pub(crate) fn check_redeem(
    rules: &LoyaltyRules,
    points: i64,
    usable: i64,
    base_fen: i64,
) -> Result<i64> {
    if points < rules.redeem_min_points || points <= 0 {
        return Err(Error::invalid(
            format!("抵扣积分：至少 {} 积分。", rules.redeem_min_points.max(1)),
            format!(
                "Points to redeem: at least {}.",
                rules.redeem_min_points.max(1)
            ),
        ));
    }
    let value_fen = points * 100 / rules.redeem_points_per_yuan;
    let max_fen = base_fen.max(0) * rules.redeem_max_share_pct / 100;
    if value_fen > max_fen {
        return Err(Error::invalid(
            format!(
                "抵扣积分：最多抵订单金额的 {}%（{}）。",
                rules.redeem_max_share_pct,
                crate::money::yuan(max_fen)
            ),
            format!(
                "Points to redeem: at most {} % of the order ({}).",
                rules.redeem_max_share_pct,
                crate::money::yuan(max_fen)
            ),
        ));
    }
    if points > usable {
        return Err(Error::invalid(
            format!("抵扣积分：可用积分只有 {usable}（锁定期内或已过期的不能用）。"),
            format!("Points to redeem: only {usable} are usable (locked or expired points cannot be used)."),
        ));
    }
    Ok(value_fen)
}

/// The most points usable on an amount of `base_fen` (0 when fewer than the minimum).
pub(crate) fn max_redeemable(rules: &LoyaltyRules, usable: i64, base_fen: i64) -> i64 {
    let max_fen = base_fen.max(0) * rules.redeem_max_share_pct / 100;
    let by_share = max_fen * rules.redeem_points_per_yuan / 100;
    let max = usable.min(by_share).max(0);
    if max < rules.redeem_min_points.max(1) {
        0
    } else {
        max
    }
}

/// The redeem row of an order (key `redeem:order:{id}`: one redemption per order). Audited.
#[allow(clippy::too_many_arguments)]
pub(crate) fn append_redeem(
    tx: &Connection,
    now: DateTime<Utc>,
    s: &Session,
    customer_id: i64,
    order_id: i64,
    order_no: &str,
    points: i64,
    value_fen: i64,
) -> Result<i64> {
    let mut e = NewEntry::new(
        customer_id,
        -points,
        Reason::Redeem,
        Source::Order,
        s.username(),
        now,
        format!("redeem:order:{order_id}"),
    );
    e.source_id = Some(order_id);
    e.operator_id = Some(s.user_id());
    e.base_fen = Some(value_fen);
    let id = append(tx, &e)?.ok_or_else(|| {
        Error::conflict(
            format!("订单 {order_no} 已经用过积分抵扣。"),
            format!("Points were already redeemed on order {order_no}."),
        )
    })?;
    audit::record(
        tx,
        now,
        s.audit_actor(),
        "points_redeemed",
        &format!("customer:{customer_id}"),
        json!({"points": points, "orderId": order_id, "valueFen": value_fen, "entry": id}),
    )?;
    Ok(id)
}

/// Pay part of an order with points: at least the minimum, at most the share of the order the
/// rules allow, only usable (unlocked, unexpired) points, taken first-in first-out. One
/// redemption per order. Returns the ledger row id and the value in fen.
pub fn redeem(
    store: &Store,
    s: &Session,
    customer_id: i64,
    order_id: i64,
    points: i64,
) -> Result<(i64, i64)> {
    s.require(Permission::WorkWithCustomers)?;
    store.write(|tx, now| {
        customer_exists(tx, customer_id)?;
        let rules = version_at(tx, now)?.rules;
        let order: Option<(Option<i64>, i64, String)> = tx
            .query_row(
                "SELECT customer_id, paid_fen, order_no FROM orders WHERE id = ?1",
                [order_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((owner, paid_fen, order_no)) = order else {
            return Err(Error::not_found(
                format!("订单 #{order_id} 不存在。"),
                format!("Order #{order_id} does not exist."),
            ));
        };
        if owner != Some(customer_id) {
            return Err(Error::invalid(
                format!("订单 {order_no} 不属于这位客户。"),
                format!("Order {order_no} does not belong to this customer."),
            ));
        }
        let usable = replay(&ledger::entries(tx, customer_id)?).usable(now);
        let value_fen = check_redeem(&rules, points, usable, paid_fen)?;
        let id = append_redeem(
            tx,
            now,
            s,
            customer_id,
            order_id,
            &order_no,
            points,
            value_fen,
        )?;
        Ok((id, value_fen))
    })
}

/// A customer's points at a glance.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PointsSummary {
    pub customer_id: i64,
    pub balance: i64,
    /// Redeemable now.
    pub usable: i64,
    /// Still in the lock period.
    pub locked: i64,
    /// The next expiry: (points, when).
    pub next_expiry_points: i64,
    pub next_expiry_at: Option<DateTime<Utc>>,
    /// Value of the balance in fen at today's redemption rate.
    pub value_fen: i64,
}

pub(crate) fn summary_of(
    conn: &Connection,
    customer_id: i64,
    now: DateTime<Utc>,
) -> Result<(PointsSummary, Lots)> {
    let lots = replay(&ledger::entries(conn, customer_id)?);
    let rules = version_at(conn, now)?.rules;
    let balance = lots.balance();
    let usable = lots.usable(now);
    let locked: i64 = lots
        .lots
        .iter()
        .filter(|l| l.usable_from > now)
        .map(|l| l.remaining)
        .sum();
    let mut next: Vec<(i64, i64, DateTime<Utc>)> = lots.expiring(DateTime::<Utc>::MAX_UTC);
    next.sort_by_key(|x| x.2);
    let (next_expiry_points, next_expiry_at) = match next.first() {
        Some(&(_, _, at)) => (
            next.iter().filter(|x| x.2 == at).map(|x| x.1).sum(),
            Some(at),
        ),
        None => (0, None),
    };
    Ok((
        PointsSummary {
            customer_id,
            balance,
            usable,
            locked,
            next_expiry_points,
            next_expiry_at,
            value_fen: balance.max(0) * 100 / rules.redeem_points_per_yuan,
        },
        lots,
    ))
}

/// Balance, usable vs locked, next expiry.
pub fn summary(store: &Store, s: &Session, customer_id: i64) -> Result<PointsSummary> {
    s.require(Permission::WorkWithCustomers)?;
    let id = follow_merges(store.conn(), customer_id)?;
    Ok(summary_of(store.conn(), id, store.now())?.0)
}

/// The customer's rows, newest first (rows of 0 points — a lot closed with nothing left — are
/// left out).
pub fn history(
    store: &Store,
    s: &Session,
    customer_id: i64,
    limit: u32,
) -> Result<Vec<PointsEntry>> {
    s.require(Permission::WorkWithCustomers)?;
    history_of(store.conn(), customer_id, limit)
}

pub(crate) fn history_of(
    conn: &Connection,
    customer_id: i64,
    limit: u32,
) -> Result<Vec<PointsEntry>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {} FROM points_ledger WHERE customer_id = ?1 AND delta <> 0 ORDER BY id DESC LIMIT ?2",
        ledger::ENTRY_COLUMNS
    ))?;
    let mut rows = stmt
        .query_map(params![customer_id, limit], ledger::entry_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if rows.iter().any(|e| e.reason == Reason::Expire) {
        let closures = replay(&ledger::entries(conn, customer_id)?).closures;
        for e in rows.iter_mut().filter(|e| e.reason == Reason::Expire) {
            e.closed_lots = closures.iter().find(|c| c.entry_id == e.id).cloned();
        }
    }
    let mut order_no = conn.prepare_cached("SELECT order_no FROM orders WHERE id = ?1")?;
    for e in rows.iter_mut().filter(|e| e.source == Source::Order) {
        if let Some(id) = e.source_id {
            e.order_no = order_no
                .query_row([id], |r| r.get::<_, String>(0))
                .optional()?;
        }
    }
    Ok(rows)
}
