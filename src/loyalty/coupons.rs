//! Coupons: a definition (`coupons`: kind, amounts, validity, limits, channel) and the coupons
//! in customers' hands (`coupon_grants`). Kinds: threshold (满100减10), percentage (with a cap),
//! fixed amount, gift. Issuing is for owners and managers (DEFAULTS.md Roles), to one customer
//! or a list in one transaction; redeeming on an order checks every rule and computes the
//! discount in fen; voiding keeps the row (with who and why).

use super::holder::customer_exists;
use crate::{
    audit,
    auth::{Permission, Session},
    money::yuan,
    orders::Channel,
    settings::timezone_in,
    store::Store,
    time::{parse_ts, shop_day_end, shop_day_of, shop_day_start, ts},
    Error, Result,
};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CouponKind {
    /// 满 threshold 减 amount.
    Threshold,
    /// percent off, at most cap (0 = no cap).
    Percentage,
    /// amount off.
    Fixed,
    /// a gift (no money off).
    Gift,
}

impl CouponKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CouponKind::Threshold => "threshold",
            CouponKind::Percentage => "percentage",
            CouponKind::Fixed => "fixed",
            CouponKind::Gift => "gift",
        }
    }
    pub fn parse(s: &str) -> Option<CouponKind> {
        [
            CouponKind::Threshold,
            CouponKind::Percentage,
            CouponKind::Fixed,
            CouponKind::Gift,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A coupon's terms. `V` is how its validity is given: instants (`DateTime<Utc>`, the default:
/// what is stored and checked) or, as a person enters it, the first and last shop day
/// (`NaiveDate`, inclusive: [`NewCoupon::in_shop_days`] turns them into instants in the shop's
/// timezone, so no front end converts days itself).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NewCoupon<V = DateTime<Utc>> {
    pub name: String,
    pub kind: CouponKind,
    #[serde(default)]
    pub threshold_fen: i64,
    #[serde(default)]
    pub amount_fen: i64,
    #[serde(default)]
    pub percent_off: i64,
    #[serde(default)]
    pub cap_fen: i64,
    #[serde(default)]
    pub gift: String,
    #[serde(default)]
    pub min_spend_fen: i64,
    /// Only orders of this channel (None: any).
    #[serde(default)]
    pub channel: Option<Channel>,
    pub valid_from: V,
    pub valid_to: V,
    /// Times one customer may hold/use it.
    pub per_customer_limit: i64,
    /// Grants in total (None: unlimited).
    #[serde(default)]
    pub total_limit: Option<i64>,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Coupon {
    pub id: i64,
    #[serde(flatten)]
    pub def: NewCoupon,
    /// The first and last shop day it is valid (`valid_from` / `valid_to` in the shop's
    /// timezone): what the screens show.
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub issued: i64,
    pub used: i64,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum GrantState {
    Unused,
    Used,
    Voided,
    Expired,
}

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CouponGrant {
    pub id: i64,
    pub coupon: Coupon,
    pub customer_id: i64,
    pub state: GrantState,
    pub source: String,
    pub ticket_id: Option<i64>,
    pub issued_by: String,
    pub issued_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub order_id: Option<i64>,
    pub discount_fen: Option<i64>,
    pub voided_at: Option<DateTime<Utc>>,
    pub void_reason: Option<String>,
}

impl NewCoupon<NaiveDate> {
    /// The same terms, valid from the start of the first shop day to the last second of the
    /// last one in `tz`.
    pub fn in_shop_days(&self, tz: Tz) -> NewCoupon {
        NewCoupon {
            name: self.name.clone(),
            kind: self.kind,
            threshold_fen: self.threshold_fen,
            amount_fen: self.amount_fen,
            percent_off: self.percent_off,
            cap_fen: self.cap_fen,
            gift: self.gift.clone(),
            min_spend_fen: self.min_spend_fen,
            channel: self.channel,
            valid_from: shop_day_start(self.valid_from, tz),
            valid_to: shop_day_end(self.valid_to, tz),
            per_customer_limit: self.per_customer_limit,
            total_limit: self.total_limit,
        }
    }
}

impl NewCoupon {
    pub fn validate(&self) -> Result<()> {
        let bad = |zh: &str, en: &str| Err(Error::invalid(zh, en));
        if self.name.trim().is_empty() {
            return bad("券名称：请填写。", "Coupon name: required.");
        }
        if self.valid_to <= self.valid_from {
            return bad(
                "有效期：结束须晚于开始。",
                "Validity: the end must be after the start.",
            );
        }
        if self.per_customer_limit < 1 {
            return bad("每人限领：至少 1 张。", "Limit per customer: at least 1.");
        }
        if self.total_limit.is_some_and(|t| t < 1) {
            return bad(
                "发放总量：至少 1 张（不限请留空）。",
                "Total limit: at least 1 (leave empty for no limit).",
            );
        }
        if self.min_spend_fen < 0 {
            return bad(
                "最低消费：不能为负。",
                "Minimum spend: must not be negative.",
            );
        }
        match self.kind {
            CouponKind::Threshold => {
                if self.amount_fen <= 0 || self.threshold_fen <= 0 {
                    return bad(
                        "满减券：门槛和减免金额都须大于 0。",
                        "Threshold coupon: the threshold and the amount off must be above 0.",
                    );
                }
                if self.amount_fen > self.threshold_fen {
                    return bad(
                        "满减券：减免金额不能大于门槛。",
                        "Threshold coupon: the amount off must not exceed the threshold.",
                    );
                }
            }
            CouponKind::Percentage => {
                if !(1..=99).contains(&self.percent_off) {
                    return bad(
                        "折扣券：折扣须在 1% 到 99% 之间。",
                        "Percentage coupon: percent off must be 1 to 99.",
                    );
                }
                if self.cap_fen < 0 {
                    return bad(
                        "折扣券：封顶金额不能为负。",
                        "Percentage coupon: the cap must not be negative.",
                    );
                }
            }
            CouponKind::Fixed => {
                if self.amount_fen <= 0 {
                    return bad(
                        "立减券：金额须大于 0。",
                        "Fixed coupon: the amount must be above 0.",
                    );
                }
            }
            CouponKind::Gift => {
                if self.gift.trim().is_empty() {
                    return bad("赠品券：请填写赠品。", "Gift coupon: name the gift.");
                }
            }
        }
        Ok(())
    }

    /// The discount on an order of `amount_fen` (goods after other discounts), in fen.
    pub fn discount_for(&self, amount_fen: i64) -> i64 {
        let d = match self.kind {
            CouponKind::Threshold => {
                if amount_fen >= self.threshold_fen {
                    self.amount_fen
                } else {
                    0
                }
            }
            CouponKind::Percentage => {
                let d = amount_fen * self.percent_off / 100;
                if self.cap_fen > 0 {
                    d.min(self.cap_fen)
                } else {
                    d
                }
            }
            CouponKind::Fixed => self.amount_fen,
            CouponKind::Gift => 0,
        };
        d.clamp(0, amount_fen.max(0))
    }
}

const COUPON_COLUMNS: &str = "c.id, c.name, c.kind, c.threshold_fen, c.amount_fen, c.percent_off,
    c.cap_fen, c.gift, c.min_spend_fen, c.channel, c.valid_from, c.valid_to, c.per_customer_limit,
    c.total_limit, c.created_by, c.created_at,
    (SELECT count(*) FROM coupon_grants g WHERE g.coupon_id = c.id AND g.voided_at IS NULL),
    (SELECT count(*) FROM coupon_grants g WHERE g.coupon_id = c.id AND g.used_at IS NOT NULL)";

fn coupon_from_row(r: &rusqlite::Row, o: usize, tz: Tz) -> rusqlite::Result<Coupon> {
    let valid_from = parse_ts(&r.get::<_, String>(o + 10)?)?;
    let valid_to = parse_ts(&r.get::<_, String>(o + 11)?)?;
    Ok(Coupon {
        id: r.get(o)?,
        def: NewCoupon {
            name: r.get(o + 1)?,
            kind: CouponKind::parse(&r.get::<_, String>(o + 2)?).unwrap_or(CouponKind::Gift),
            threshold_fen: r.get(o + 3)?,
            amount_fen: r.get(o + 4)?,
            percent_off: r.get(o + 5)?,
            cap_fen: r.get(o + 6)?,
            gift: r.get(o + 7)?,
            min_spend_fen: r.get(o + 8)?,
            channel: r
                .get::<_, Option<String>>(o + 9)?
                .and_then(|c| Channel::parse(&c)),
            valid_from,
            valid_to,
            per_customer_limit: r.get(o + 12)?,
            total_limit: r.get(o + 13)?,
        },
        first_day: shop_day_of(valid_from, tz),
        last_day: shop_day_of(valid_to, tz),
        created_by: r.get(o + 14)?,
        created_at: parse_ts(&r.get::<_, String>(o + 15)?)?,
        issued: r.get(o + 16)?,
        used: r.get(o + 17)?,
    })
}

/// Define a coupon valid from its first to its last shop day (what the app and the CLI
/// take): the days become instants in the shop's timezone here, once.
pub fn create_in_shop_days(store: &Store, s: &Session, c: &NewCoupon<NaiveDate>) -> Result<Coupon> {
    let tz = timezone_in(store.conn());
    if c.valid_to < c.valid_from {
        return Err(Error::invalid(
            "有效期：结束日期不能早于开始日期。",
            "Validity: the last day cannot be before the first.",
        ));
    }
    create(store, s, &c.in_shop_days(tz))
}

/// Define a coupon (owner, manager; audited).
pub fn create(store: &Store, s: &Session, c: &NewCoupon) -> Result<Coupon> {
    s.require(Permission::LoyaltyAdmin)?;
    c.validate()?;
    store.write(|tx, now| {
        tx.execute(
            "INSERT INTO coupons (name, kind, threshold_fen, amount_fen, percent_off, cap_fen, gift,
                 min_spend_fen, channel, valid_from, valid_to, per_customer_limit, total_limit,
                 created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![c.name.trim(), c.kind.as_str(), c.threshold_fen, c.amount_fen, c.percent_off,
                    c.cap_fen, c.gift.trim(), c.min_spend_fen, c.channel.map(|c| c.as_str()),
                    ts(c.valid_from), ts(c.valid_to), c.per_customer_limit, c.total_limit,
                    s.username(), ts(now)],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "coupon_created",
            &format!("coupon:{id}"),
            json!({"kind": c.kind.as_str(), "name": c.name.trim()}),
        )?;
        get_in(tx, id)
    })
}

fn get_in(conn: &Connection, id: i64) -> Result<Coupon> {
    let tz = timezone_in(conn);
    conn.query_row(
        &format!("SELECT {COUPON_COLUMNS} FROM coupons c WHERE c.id = ?1"),
        [id],
        |r| coupon_from_row(r, 0, tz),
    )
    .optional()?
    .ok_or_else(|| {
        Error::not_found(
            format!("优惠券 #{id} 不存在。"),
            format!("Coupon #{id} does not exist."),
        )
    })
}

/// All coupon definitions, newest first, with issued / used counts.
pub fn list(store: &Store, s: &Session) -> Result<Vec<Coupon>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut stmt = store.conn().prepare(&format!(
        "SELECT {COUPON_COLUMNS} FROM coupons c ORDER BY c.id DESC"
    ))?;
    let tz = timezone_in(store.conn());
    let rows = stmt
        .query_map([], |r| coupon_from_row(r, 0, tz))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Issue one coupon to each of `customer_ids` in this transaction (tickets call this with a
/// ticket id). All or nothing: a limit reached for anyone refuses the whole issue, naming them.
pub fn issue_in_tx(
    tx: &Connection,
    now: DateTime<Utc>,
    s: &Session,
    coupon_id: i64,
    customer_ids: &[i64],
    ticket_id: Option<i64>,
) -> Result<Vec<i64>> {
    s.require(Permission::LoyaltyAdmin)?;
    if customer_ids.is_empty() {
        return Err(Error::invalid(
            "客户：请至少选择一位客户。",
            "Customers: choose at least one.",
        ));
    }
    let c = get_in(tx, coupon_id)?;
    if now > c.def.valid_to {
        return Err(Error::invalid(
            "优惠券：已过有效期，不能再发放。",
            "Coupon: its validity has ended; it cannot be issued.",
        ));
    }
    if let Some(total) = c.def.total_limit {
        if c.issued + customer_ids.len() as i64 > total {
            return Err(Error::invalid(
                format!("发放总量：最多 {total} 张，已发 {} 张。", c.issued),
                format!("Total limit: at most {total}; {} already issued.", c.issued),
            ));
        }
    }
    let mut held = tx.prepare_cached(
        "SELECT count(*) FROM coupon_grants WHERE coupon_id = ?1 AND customer_id = ?2 AND voided_at IS NULL",
    )?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO coupon_grants (coupon_id, customer_id, source, ticket_id, issued_by, issued_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut ids = Vec::with_capacity(customer_ids.len());
    for &cid in customer_ids {
        customer_exists(tx, cid)?;
        let n: i64 = held.query_row(params![coupon_id, cid], |r| r.get(0))?;
        if n >= c.def.per_customer_limit {
            return Err(Error::invalid(
                format!(
                    "每人限领：客户 #{cid} 已有 {n} 张（上限 {}）。",
                    c.def.per_customer_limit
                ),
                format!(
                    "Limit per customer: customer #{cid} already has {n} (limit {}).",
                    c.def.per_customer_limit
                ),
            ));
        }
        ins.execute(params![
            coupon_id,
            cid,
            if ticket_id.is_some() {
                "ticket"
            } else {
                "manual"
            },
            ticket_id,
            s.username(),
            ts(now)
        ])?;
        ids.push(tx.last_insert_rowid());
    }
    audit::record(
        tx,
        now,
        s.audit_actor(),
        "coupons_issued",
        &format!("coupon:{coupon_id}"),
        json!({"customers": customer_ids.len(), "ticketId": ticket_id}),
    )?;
    Ok(ids)
}

/// Issue to one customer or a list, in one action. Returns the grant ids.
pub fn issue(
    store: &Store,
    s: &Session,
    coupon_id: i64,
    customer_ids: &[i64],
    ticket_id: Option<i64>,
) -> Result<Vec<i64>> {
    s.require(Permission::LoyaltyAdmin)?;
    store.write(|tx, now| issue_in_tx(tx, now, s, coupon_id, customer_ids, ticket_id))
}

pub(crate) fn grant_in(
    conn: &Connection,
    grant_id: i64,
    now: DateTime<Utc>,
) -> Result<CouponGrant> {
    let mut g = grants_where(conn, "g.id = ?1", grant_id, now)?;
    g.pop().ok_or_else(|| {
        Error::not_found(
            format!("券 #{grant_id} 不存在。"),
            format!("Coupon #{grant_id} does not exist."),
        )
    })
}

fn grants_where(
    conn: &Connection,
    cond: &str,
    arg: i64,
    now: DateTime<Utc>,
) -> Result<Vec<CouponGrant>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT g.id, g.customer_id, g.source, g.ticket_id, g.issued_by, g.issued_at, g.used_at,
                g.order_id, g.discount_fen, g.voided_at, g.void_reason, {COUPON_COLUMNS}
         FROM coupon_grants g JOIN coupons c ON c.id = g.coupon_id WHERE {cond} ORDER BY g.id DESC"
    ))?;
    let tz = timezone_in(conn);
    let rows = stmt
        .query_map([arg], |r| {
            let coupon = coupon_from_row(r, 11, tz)?;
            let used_at = r
                .get::<_, Option<String>>(6)?
                .map(|s| parse_ts(&s))
                .transpose()?;
            let voided_at = r
                .get::<_, Option<String>>(9)?
                .map(|s| parse_ts(&s))
                .transpose()?;
            let state = if voided_at.is_some() {
                GrantState::Voided
            } else if used_at.is_some() {
                GrantState::Used
            } else if now > coupon.def.valid_to {
                GrantState::Expired
            } else {
                GrantState::Unused
            };
            Ok(CouponGrant {
                id: r.get(0)?,
                customer_id: r.get(1)?,
                source: r.get(2)?,
                ticket_id: r.get(3)?,
                issued_by: r.get(4)?,
                issued_at: parse_ts(&r.get::<_, String>(5)?)?,
                used_at,
                order_id: r.get(7)?,
                discount_fen: r.get(8)?,
                voided_at,
                void_reason: r.get(10)?,
                state,
                coupon,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

pub(crate) fn grants_of(
    conn: &Connection,
    customer_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<CouponGrant>> {
    grants_where(conn, "g.customer_id = ?1", customer_id, now)
}

/// A customer's coupons, newest first, with their state.
pub fn for_customer(store: &Store, s: &Session, customer_id: i64) -> Result<Vec<CouponGrant>> {
    s.require(Permission::WorkWithCustomers)?;
    grants_of(store.conn(), customer_id, store.now())
}

/// Why a coupon cannot be used on an order (state, validity, channel, minimum spend, the
/// customer's use limit), or the discount it gives in fen: `amount_fen` is the goods after
/// other discounts (shipping excluded), `order_id` the order when it exists already. The one
/// check behind [`redeem`] and redemption at order entry, so they cannot disagree.
pub(crate) fn check_use(
    conn: &Connection,
    now: DateTime<Utc>,
    g: &CouponGrant,
    channel: &str,
    amount_fen: i64,
    order_id: Option<i64>,
) -> Result<i64> {
    match g.state {
        GrantState::Used => {
            return Err(Error::conflict(
                "优惠券：这张券已经用过。",
                "Coupon: this coupon was already used.",
            ))
        }
        GrantState::Voided => {
            return Err(Error::invalid(
                "优惠券：这张券已作废。",
                "Coupon: this coupon was voided.",
            ))
        }
        _ => {}
    }
    let c = &g.coupon.def;
    if now < c.valid_from || now > c.valid_to {
        return Err(Error::invalid(
            "优惠券：不在有效期内。",
            "Coupon: not within its validity period.",
        ));
    }
    if let Some(ch) = c.channel {
        if ch.as_str() != channel {
            return Err(Error::invalid(
                format!("优惠券：只能用于{}的订单。", ch.label_zh()),
                format!("Coupon: only for {} orders.", ch.label_en()),
            ));
        }
    }
    let need = c.min_spend_fen.max(if c.kind == CouponKind::Threshold {
        c.threshold_fen
    } else {
        0
    });
    if amount_fen < need {
        return Err(Error::invalid(
            format!(
                "最低消费：订单金额 {} 未达到 {}。",
                yuan(amount_fen),
                yuan(need)
            ),
            format!(
                "Minimum spend: the order's {} is below {}.",
                yuan(amount_fen),
                yuan(need)
            ),
        ));
    }
    if let Some(order_id) = order_id {
        let used_on_order: bool = conn
            .prepare_cached("SELECT 1 FROM coupon_grants WHERE order_id = ?1 AND coupon_id = ?2")?
            .exists(params![order_id, g.coupon.id])?;
        if used_on_order {
            return Err(Error::conflict(
                "优惠券：这个订单已经用过这种券。",
                "Coupon: this kind of coupon was already used on this order.",
            ));
        }
    }
    let uses: i64 = conn.query_row(
        "SELECT count(*) FROM coupon_grants WHERE coupon_id = ?1 AND customer_id = ?2 AND used_at IS NOT NULL",
        params![g.coupon.id, g.customer_id],
        |r| r.get(0),
    )?;
    if uses >= c.per_customer_limit {
        return Err(Error::invalid(
            "每人限用：这位客户已用满。",
            "Limit per customer: this customer has used all they may.",
        ));
    }
    Ok(c.discount_for(amount_fen))
}

/// Mark a grant used on an order with its discount (audited).
pub(crate) fn mark_used(
    tx: &Connection,
    now: DateTime<Utc>,
    s: &Session,
    grant_id: i64,
    order_id: i64,
    discount_fen: i64,
) -> Result<()> {
    tx.execute(
        "UPDATE coupon_grants SET used_at = ?2, order_id = ?3, discount_fen = ?4 WHERE id = ?1",
        params![grant_id, ts(now), order_id, discount_fen],
    )?;
    audit::record(
        tx,
        now,
        s.audit_actor(),
        "coupon_redeemed",
        &format!("coupon_grant:{grant_id}"),
        json!({"orderId": order_id, "discountFen": discount_fen}),
    )
}

/// Use a customer's coupon on one of their orders: checks state, validity, channel, minimum
/// spend / threshold and the customer's use limit; records the discount (fen). Audited.
pub fn redeem(store: &Store, s: &Session, grant_id: i64, order_id: i64) -> Result<CouponGrant> {
    s.require(Permission::WorkWithCustomers)?;
    store.write(|tx, now| {
        let g = grant_in(tx, grant_id, now)?;
        let order: Option<(Option<i64>, String, i64, i64, String)> = tx
            .query_row(
                "SELECT customer_id, channel, goods_fen, discount_fen, order_no FROM orders WHERE id = ?1",
                [order_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .optional()?;
        let Some((owner, channel, goods, discount, order_no)) = order else {
            return Err(Error::not_found(format!("订单 #{order_id} 不存在。"), format!("Order #{order_id} does not exist.")));
        };
        if owner != Some(g.customer_id) {
            return Err(Error::invalid(format!("订单 {order_no} 不属于持券客户。"), format!("Order {order_no} does not belong to the coupon's holder.")));
        }
        let amount = (goods - discount).max(0);
        let d = check_use(tx, now, &g, &channel, amount, Some(order_id))?;
        mark_used(tx, now, s, grant_id, order_id, d)?;
        grant_in(tx, grant_id, now)
    })
}

/// Void an unused coupon (owner, manager), with a reason. Audited.
pub fn void(store: &Store, s: &Session, grant_id: i64, reason: &str) -> Result<CouponGrant> {
    s.require(Permission::LoyaltyAdmin)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "原因：请填写作废原因。",
            "Reason: say why the coupon is voided.",
        ));
    }
    store.write(|tx, now| {
        let g = grant_in(tx, grant_id, now)?;
        if matches!(g.state, GrantState::Used | GrantState::Voided) {
            return Err(Error::conflict("只能作废未使用的券。", "Only unused coupons can be voided."));
        }
        tx.execute(
            "UPDATE coupon_grants SET voided_at = ?2, voided_by = ?3, void_reason = ?4 WHERE id = ?1",
            params![grant_id, ts(now), s.username(), reason],
        )?;
        audit::record(tx, now, s.audit_actor(), "coupon_voided", &format!("coupon_grant:{grant_id}"),
                      json!({"reason": reason}))?;
        grant_in(tx, grant_id, now)
    })
}

/// Unused coupons whose validity ends within `within_days` (7 for the reminder), soonest first.
pub fn expiring(store: &Store, s: &Session, within_days: i64) -> Result<Vec<CouponGrant>> {
    s.require(Permission::WorkWithCustomers)?;
    let now = store.now();
    let until = now + Duration::days(within_days);
    let mut stmt = store.conn().prepare(
        "SELECT g.id FROM coupon_grants g JOIN coupons c ON c.id = g.coupon_id
         WHERE g.used_at IS NULL AND g.voided_at IS NULL AND c.valid_to > ?1 AND c.valid_to <= ?2
         ORDER BY c.valid_to, g.id",
    )?;
    let ids: Vec<i64> = stmt
        .query_map(params![ts(now), ts(until)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.into_iter()
        .map(|id| grant_in(store.conn(), id, now))
        .collect()
}
