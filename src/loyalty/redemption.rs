//! Paying with points and a coupon while a sale is entered (in-store order entry), in the same
//! transaction as the order: the coupon's discount and the points' value are added to the
//! order's discount and taken off what the customer pays, the ledger gets the redeem row with
//! the order as source, and the coupon grant is marked used with the order id. Any problem
//! (not enough points, coupon expired or used, below the minimum) names the field and creates
//! nothing.
//!
//! [`preview`] computes what the entry screen shows (usable points and their value, the most
//! usable on this order, each coupon with its discount, the amount to pay) with the same checks
//! [`check_for_sale`] applies when `sales::create` enters the sale, so the screen and the core
//! cannot disagree; [`apply_in_tx`] then marks the coupon used and writes the redeem row.
//!
//! A refund or cancellation gives back what was redeemed ([`settle_in_tx`], run by every earn
//! sweep): points return as a reversing row (`reverses_id` = the redeem row) in proportion to
//! the cash refunded — all of them when the order is refunded in full, cancelled or deleted —
//! and a coupon used on an order refunded in full or cancelled is restored to the customer if it
//! is still valid (an expired one stays used: it could not be used again anyway). Returned
//! points are usable at once and expire under the policy in force when they come back.

use super::coupons::{self, CouponKind, GrantState};
use super::holder::{customer_exists, follow_merges};
use super::ledger::{self, append, NewEntry, Reason, Source};
use super::lots::replay;
use super::points::{append_redeem, check_redeem, max_redeemable};
use super::rules::version_at;
use super::scope::Scope;
use crate::{
    audit::{self, Actor},
    auth::{Permission, Session},
    i18n::Lang,
    orders::{Channel, ManualAmounts, ManualOrder, OrderStatus},
    store::{ts, Store},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// What the customer pays with besides money: points and/or one of their coupons.
#[derive(Serialize, Deserialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Redemption {
    /// 0: no points.
    #[serde(default)]
    pub points: i64,
    #[serde(default)]
    pub coupon_grant_id: Option<i64>,
}

impl Redemption {
    pub fn is_empty(&self) -> bool {
        self.points == 0 && self.coupon_grant_id.is_none()
    }
}

/// The amounts of an order being entered, before any redemption.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderDraft {
    pub customer_id: i64,
    pub channel: Channel,
    /// Sum of the item lines.
    pub goods_fen: i64,
    #[serde(default)]
    pub shipping_fen: i64,
    /// The discount typed in (before coupon and points).
    #[serde(default)]
    pub discount_fen: i64,
}

/// One of the customer's unused coupons, for this order.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CouponOption {
    pub grant_id: i64,
    pub name: String,
    pub kind: CouponKind,
    pub gift: String,
    pub valid_to: DateTime<Utc>,
    /// The discount it gives on this order (0 when it cannot be used).
    pub discount_fen: i64,
    pub usable: bool,
    /// Why not, when it cannot be used on this order.
    pub problem_zh: Option<String>,
    pub problem_en: Option<String>,
}

/// What the order entry screen shows, and what creating the order will do.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RedemptionPreview {
    pub customer_id: i64,
    pub balance: i64,
    /// Redeemable now (unlocked, unexpired).
    pub usable_points: i64,
    /// The usable points' value in fen.
    pub usable_value_fen: i64,
    pub points_per_yuan: i64,
    pub min_points: i64,
    pub max_share_pct: i64,
    /// The most points usable on this order after the chosen coupon (0: none can be used).
    pub max_points: i64,
    pub coupons: Vec<CouponOption>,
    /// Goods + shipping − discount, before coupon and points.
    pub due_fen: i64,
    pub coupon_fen: i64,
    pub points: i64,
    pub points_fen: i64,
    /// What the customer pays after coupon and points.
    pub to_pay_fen: i64,
    /// The first problem with the requested redemption (field named), None when it applies.
    pub problem_zh: Option<String>,
    pub problem_en: Option<String>,
}

struct Plan {
    preview: RedemptionPreview,
    /// The error creating the order would give.
    error: Option<Error>,
}

fn plan(conn: &Connection, now: DateTime<Utc>, d: &OrderDraft, r: &Redemption) -> Result<Plan> {
    customer_exists(conn, d.customer_id)?;
    let rules = version_at(conn, now)?.rules;
    let lots = replay(&ledger::entries(conn, d.customer_id)?);
    let usable = lots.usable(now);
    let due = d.goods_fen + d.shipping_fen - d.discount_fen;
    // coupons apply to the goods after the typed discount (shipping excluded)
    let coupon_base = (d.goods_fen - d.discount_fen).max(0);
    let mut error: Option<Error> = None;
    let mut coupons_out = Vec::new();
    let mut coupon_fen = 0;
    let mut chosen_found = false;
    for g in coupons::grants_of(conn, d.customer_id, now)? {
        let chosen = r.coupon_grant_id == Some(g.id);
        if g.state != GrantState::Unused && !chosen {
            continue;
        }
        chosen_found |= chosen;
        let check = coupons::check_use(conn, now, &g, d.channel.as_str(), coupon_base, None);
        let (discount, problem) = match check {
            Ok(x) => (x, None),
            Err(e) => (0, Some(e)),
        };
        let (pz, pe) = match &problem {
            Some(e) => (Some(e.message(Lang::ZhCn)), Some(e.message(Lang::En))),
            None => (None, None),
        };
        let usable = problem.is_none();
        if chosen {
            match problem {
                Some(e) => {
                    error.get_or_insert(e);
                }
                None => coupon_fen = discount,
            }
        }
        coupons_out.push(CouponOption {
            grant_id: g.id,
            name: g.coupon.def.name.clone(),
            kind: g.coupon.def.kind,
            gift: g.coupon.def.gift.clone(),
            valid_to: g.coupon.def.valid_to,
            discount_fen: discount,
            usable,
            problem_zh: pz,
            problem_en: pe,
        });
    }
    if let (Some(id), false) = (r.coupon_grant_id, chosen_found) {
        error.get_or_insert(Error::invalid(
            format!("优惠券：#{id} 不是这位客户的券。"),
            format!("Coupon: #{id} is not one of this customer's coupons."),
        ));
    }
    coupons_out.sort_by_key(|c| (!c.usable, -c.discount_fen, c.valid_to));
    let base = (due - coupon_fen).max(0);
    let mut points_fen = 0;
    if r.points != 0 {
        match check_redeem(&rules, r.points, usable, base) {
            Ok(v) => points_fen = v,
            Err(e) => {
                error.get_or_insert(e);
            }
        }
    }
    let (pz, pe) = match &error {
        Some(e) => (Some(e.message(Lang::ZhCn)), Some(e.message(Lang::En))),
        None => (None, None),
    };
    Ok(Plan {
        preview: RedemptionPreview {
            customer_id: d.customer_id,
            balance: lots.balance(),
            usable_points: usable,
            usable_value_fen: usable * 100 / rules.redeem_points_per_yuan,
            points_per_yuan: rules.redeem_points_per_yuan,
            min_points: rules.redeem_min_points,
            max_share_pct: rules.redeem_max_share_pct,
            max_points: max_redeemable(&rules, usable, base),
            coupons: coupons_out,
            due_fen: due,
            coupon_fen,
            points: if points_fen > 0 { r.points } else { 0 },
            points_fen,
            to_pay_fen: due - coupon_fen - points_fen,
            problem_zh: pz,
            problem_en: pe,
        },
        error,
    })
}

/// What paying with these points / this coupon would do on an order with these amounts.
/// Nothing is written.
pub fn preview(
    store: &Store,
    s: &Session,
    d: &OrderDraft,
    r: &Redemption,
) -> Result<RedemptionPreview> {
    s.require(Permission::WorkWithCustomers)?;
    Ok(plan(store.conn(), store.now(), d, r)?.preview)
}

/// The redemption a sale asks for, checked against the sale inside its transaction (the same
/// checks as [`preview`]): None when nothing is redeemed, else what the order will be paid with.
/// `sales::create` writes the order with `coupon_fen + points_fen` off, then [`apply_in_tx`].
pub fn check_for_sale(
    tx: &Connection,
    now: DateTime<Utc>,
    m: &ManualOrder,
    amounts: &ManualAmounts,
    r: &Redemption,
) -> Result<Option<RedemptionPreview>> {
    if r.is_empty() {
        return Ok(None);
    }
    let Some(customer_id) = m.customer_id else {
        return Err(Error::invalid(
            "客户：使用积分或优惠券须先选择客户。",
            "Customer: choose the customer to use points or a coupon.",
        ));
    };
    if m.status == OrderStatus::Unpaid {
        return Err(Error::invalid(
            "状态：待付款的订单不能使用积分或优惠券。",
            "Status: an unpaid order cannot use points or a coupon.",
        ));
    }
    if m.paid_fen.is_some_and(|p| p != amounts.due_fen) {
        return Err(Error::invalid(
            "实付金额：使用积分或优惠券时由系统计算，请留空。",
            "Paid: computed when points or a coupon are used; leave it empty.",
        ));
    }
    let draft = OrderDraft {
        customer_id,
        channel: m.channel,
        goods_fen: amounts.goods_fen,
        shipping_fen: m.shipping_fen,
        discount_fen: m.discount_fen,
    };
    let p = plan(tx, now, &draft, r)?;
    match p.error {
        Some(e) => Err(e),
        None => Ok(Some(p.preview)),
    }
}

/// Apply a redemption [`check_for_sale`] accepted to the order just written: the coupon grant
/// is marked used with the order, the ledger gets the redeem row.
pub fn apply_in_tx(
    tx: &Transaction,
    now: DateTime<Utc>,
    s: &Session,
    order_id: i64,
    order_no: &str,
    p: &RedemptionPreview,
    r: &Redemption,
) -> Result<()> {
    if let Some(g) = r.coupon_grant_id {
        coupons::mark_used(tx, now, s, g, order_id, p.coupon_fen)?;
    }
    if p.points > 0 {
        append_redeem(
            tx,
            now,
            s,
            p.customer_id,
            order_id,
            order_no,
            p.points,
            p.points_fen,
        )?;
    }
    Ok(())
}

/// What was redeemed on an order: (points, their value in fen, points given back so far,
/// coupon grant id, coupon discount in fen). For the order page.
#[derive(Serialize, Clone, Debug, Default, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OrderRedemption {
    pub points: i64,
    pub points_fen: i64,
    pub points_returned: i64,
    pub coupon_grant_id: Option<i64>,
    pub coupon_name: Option<String>,
    pub coupon_fen: i64,
}

/// Points and coupon used on an order (zeros when none).
pub fn for_order(store: &Store, s: &Session, order_id: i64) -> Result<OrderRedemption> {
    s.require(Permission::WorkWithCustomers)?;
    for_order_in(store.conn(), order_id)
}

pub(crate) fn for_order_in(conn: &Connection, order_id: i64) -> Result<OrderRedemption> {
    let mut out = OrderRedemption::default();
    let row: Option<(i64, i64, i64)> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT r.id, -r.delta, coalesce(r.base_fen, 0) FROM points_ledger r
         WHERE r.idempotency_key = 'redeem:order:' || ?1",
        [order_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?;
    if let Some((id, points, fen)) = row {
        out.points = points;
        out.points_fen = fen;
        out.points_returned = conn.query_row(
            "SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE reverses_id = ?1",
            [id],
            |r| r.get(0),
        )?;
    }
    let g: Option<(i64, String, i64)> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT g.id, c.name, coalesce(g.discount_fen, 0) FROM coupon_grants g
         JOIN coupons c ON c.id = g.coupon_id WHERE g.order_id = ?1 ORDER BY g.id LIMIT 1",
        [order_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    ))?;
    if let Some((id, name, fen)) = g {
        out.coupon_grant_id = Some(id);
        out.coupon_name = Some(name);
        out.coupon_fen = fen;
    }
    Ok(out)
}

fn filter(scope: Scope, order_col: &str, customer_col: &str) -> String {
    match scope {
        Scope::Full => "1".into(),
        Scope::All => format!("{order_col} IN (SELECT order_id FROM loyalty_dirty_orders)"),
        Scope::Customers(ids) => format!(
            "{customer_col} IN ({})",
            ids.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

/// Give back what refunded, cancelled or deleted orders had redeemed (see the module docs).
/// Idempotent: the key of a return is the cumulative amount returned. Returns (points given
/// back, coupons restored).
pub fn settle_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    operator: &str,
    scope: Scope,
) -> Result<(i64, u64)> {
    let v = version_at(tx, now)?;
    // the redeem rows to look at: of the changed orders (the job), of these customers (after a
    // manual order write), or of every refunded / cancelled order (a full repair sweep)
    let (from, only) = match scope {
        Scope::All => (
            "loyalty_dirty_orders d
             JOIN points_ledger r ON r.idempotency_key = 'redeem:order:' || d.order_id"
                .to_string(),
            "1".to_string(),
        ),
        Scope::Full => (
            "orders f JOIN points_ledger r ON r.idempotency_key = 'redeem:order:' || f.id"
                .to_string(),
            "(f.status IN ('cancelled', 'refunded') OR f.refunded_fen > 0)".to_string(),
        ),
        Scope::Customers(_) => (
            "points_ledger r".to_string(),
            filter(scope, "r.source_id", "r.customer_id"),
        ),
    };
    let sql = format!(
        "SELECT r.id, r.customer_id, -r.delta, r.source_id, o.id IS NOT NULL, o.status,
                coalesce(o.paid_fen, 0), coalesce(o.refunded_fen, 0),
                (SELECT coalesce(sum(x.delta), 0) FROM points_ledger x WHERE x.reverses_id = r.id)
         FROM {from} LEFT JOIN orders o ON o.id = r.source_id
         WHERE r.reason = 'redeem' AND r.source = 'order' AND {only}
           AND (o.id IS NULL OR o.status IN ('cancelled', 'refunded') OR o.refunded_fen > 0)"
    );
    struct Cand {
        id: i64,
        customer: i64,
        redeemed: i64,
        order: Option<i64>,
        exists: bool,
        status: Option<String>,
        paid: i64,
        refunded: i64,
        returned: i64,
    }
    let cands: Vec<Cand> = tx
        .prepare(&sql)?
        .query_map([], |r| {
            Ok(Cand {
                id: r.get(0)?,
                customer: r.get(1)?,
                redeemed: r.get(2)?,
                order: r.get(3)?,
                exists: r.get(4)?,
                status: r.get(5)?,
                paid: r.get(6)?,
                refunded: r.get(7)?,
                returned: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut points = 0i64;
    for c in cands {
        let all = !c.exists
            || matches!(c.status.as_deref(), Some("cancelled" | "refunded"))
            || c.paid <= 0;
        let target = if all {
            c.redeemed
        } else {
            (c.redeemed as i128 * c.refunded.min(c.paid) as i128 / c.paid as i128) as i64
        };
        if target <= c.returned {
            continue;
        }
        let customer = follow_merges(tx, c.customer)?;
        let mut e = NewEntry::new(
            customer,
            target - c.returned,
            Reason::Reverse,
            Source::Order,
            operator,
            now,
            format!("unredeem:{}:{}", c.id, target),
        );
        e.source_id = c.order;
        e.reverses_id = Some(c.id);
        e.base_fen = Some(c.refunded);
        e.rule_version_id = super::rules::version_ref(&v);
        e.expiry = super::expiry::stamp(&v, now);
        if append(tx, &e)?.is_some() {
            points += target - c.returned;
        }
    }
    // coupons used on orders refunded in full or cancelled come back while still valid
    let sql = format!(
        "SELECT g.id, g.order_id, g.customer_id FROM coupon_grants g
         JOIN orders o ON o.id = g.order_id JOIN coupons c ON c.id = g.coupon_id
         WHERE g.used_at IS NOT NULL AND g.voided_at IS NULL
           AND o.status IN ('cancelled', 'refunded') AND c.valid_to >= ?1 AND {}",
        filter(scope, "g.order_id", "g.customer_id")
    );
    let grants: Vec<(i64, i64, i64)> = tx
        .prepare(&sql)?
        .query_map([ts(now)], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let restored = grants.len() as u64;
    for (grant, order, customer) in grants {
        tx.execute(
            "UPDATE coupon_grants SET used_at = NULL, order_id = NULL, discount_fen = NULL
             WHERE id = ?1",
            params![grant],
        )?;
        audit::record(
            tx,
            now,
            Actor {
                id: None,
                name: operator,
            },
            "coupon_restored",
            &format!("coupon_grant:{grant}"),
            json!({"orderId": order, "customerId": customer}),
        )?;
    }
    Ok((points, restored))
}
