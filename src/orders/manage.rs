//! The order side of what staff do by hand: enter an in-store sale (its checks, amounts and
//! order number), change an order's status, record a refund. Each goes through the same writer
//! as import ([`super::upsert_in_tx`]) so the rules are the same. Sessions, roles, the
//! customer's stats and points, and the audit are `crate::sales`'s: these functions only run
//! inside its transaction.

use super::model::{Channel, NewOrder, NewOrderItem, OrderStatus, UpsertOutcome};
use super::upsert::{snapshot, upsert_in_tx, upsert_with_reason, OrderSnapshot};
use crate::{time::parse_ts, Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};
use serde::Deserialize;

/// A sale typed in by staff (usually in the shop). Goods amount is the sum of the item lines;
/// paid defaults to goods + shipping − discount.
#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct ManualOrder {
    pub customer_id: Option<i64>,
    #[serde(default = "in_store")]
    pub channel: Channel,
    /// Empty: one is generated (MD + shop date + sequence, e.g. MD20260301-001).
    #[serde(default)]
    pub order_no: String,
    #[serde(default = "paid")]
    pub status: OrderStatus,
    /// Default: now.
    #[serde(default)]
    pub ordered_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub shipping_fen: i64,
    #[serde(default)]
    pub discount_fen: i64,
    /// Default: goods + shipping − discount (0 for unpaid or cancelled orders).
    #[serde(default)]
    pub paid_fen: Option<i64>,
    #[serde(default)]
    pub note: String,
    pub items: Vec<NewOrderItem>,
}

fn in_store() -> Channel {
    Channel::InStore
}
fn paid() -> OrderStatus {
    OrderStatus::Paid
}

/// The money of a manual order, checked: goods = sum of the lines, due = goods + shipping −
/// discount, paid (as typed, or due; 0 for an unpaid order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ManualAmounts {
    pub goods_fen: i64,
    pub due_fen: i64,
    pub paid_fen: i64,
}

/// Validate a manual order (items, status, amounts) before its transaction.
pub fn check_manual(m: &ManualOrder) -> Result<ManualAmounts> {
    if m.items.is_empty() {
        return Err(Error::invalid(
            "商品：请至少添加一件商品。",
            "Items: add at least one item.",
        ));
    }
    if !matches!(
        m.status,
        OrderStatus::Unpaid | OrderStatus::Paid | OrderStatus::Shipped | OrderStatus::Completed
    ) {
        return Err(Error::invalid(
            "状态：新订单只能是待付款、已付款、已发货或交易成功；退款请在订单页办理。",
            "Status: a new order is unpaid, paid, shipped or completed; record refunds on the order page.",
        ));
    }
    let mut goods: i64 = 0;
    for (i, it) in m.items.iter().enumerate() {
        let line = it.quantity.checked_mul(it.unit_price_fen);
        goods = match line.and_then(|l| goods.checked_add(l)) {
            Some(g) => g,
            None => {
                return Err(Error::invalid(
                    format!("第 {} 件商品：金额太大。", i + 1),
                    format!("Item {}: the amount is too large.", i + 1),
                ))
            }
        };
    }
    let due = goods + m.shipping_fen - m.discount_fen;
    let paid_fen = match m.paid_fen {
        Some(p) => p,
        None if m.status == OrderStatus::Unpaid => 0,
        None => due,
    };
    if paid_fen < 0 || due < 0 {
        return Err(Error::invalid(
            "优惠金额：不能大于商品金额加运费。",
            "Discount: must not exceed goods plus shipping.",
        ));
    }
    Ok(ManualAmounts {
        goods_fen: goods,
        due_fen: due,
        paid_fen,
    })
}

/// A manual order as written: what `sales` audits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Created {
    pub id: i64,
    pub order_no: String,
    pub paid_fen: i64,
}

/// Write a checked manual order inside the caller's transaction (by `actor`). `paid_with_fen`
/// is what the customer paid with points and coupons (loyalty's redemption at order entry): it
/// is added to the discount and taken off the amount paid, so the order's amounts stay
/// consistent. Stats, points and audit are the caller's (`sales::create`).
pub fn insert_manual_in_tx(
    tx: &Transaction,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
    actor: &str,
    m: &ManualOrder,
    amounts: &ManualAmounts,
    paid_with_fen: i64,
) -> Result<Created> {
    let paid_fen = amounts.paid_fen - paid_with_fen;
    let ordered_at = m.ordered_at.unwrap_or(now);
    let order_no = match m.order_no.trim() {
        "" => next_order_no(tx, tz, m.channel, now)?,
        no => {
            let taken: bool = tx
                .prepare_cached("SELECT 1 FROM orders WHERE channel = ?1 AND order_no = ?2")?
                .exists(params![m.channel.as_str(), no])?;
            if taken {
                return Err(Error::conflict(
                    format!("订单号 {no} 在{}已存在。", m.channel.label_zh()),
                    format!(
                        "Order number {no} already exists for {}.",
                        m.channel.label_en()
                    ),
                ));
            }
            no.to_string()
        }
    };
    let order = NewOrder {
        customer_id: m.customer_id,
        channel: m.channel,
        order_no: order_no.clone(),
        status: m.status,
        ordered_at,
        paid_at: (m.status != OrderStatus::Unpaid).then_some(ordered_at),
        goods_fen: amounts.goods_fen,
        shipping_fen: m.shipping_fen,
        discount_fen: m.discount_fen + paid_with_fen,
        paid_fen,
        refunded_fen: 0,
        buyer_nick: None,
        receiver_name: None,
        receiver_phone: None,
        receiver_address: None,
        note: m.note.clone(),
        items: m.items.clone(),
    };
    let out = upsert_in_tx(tx, actor, &order, None, now)?;
    let UpsertOutcome::Created(id) = out else {
        return Err(Error::Internal(format!("manual order {order_no}: {out:?}")));
    };
    Ok(Created {
        id,
        order_no,
        paid_fen,
    })
}

/// MD + shop date + 3-digit sequence, unique for the channel.
fn next_order_no(
    tx: &Transaction,
    tz: chrono_tz::Tz,
    channel: Channel,
    now: DateTime<Utc>,
) -> Result<String> {
    let prefix = format!("MD{}-", now.with_timezone(&tz).format("%Y%m%d"));
    let taken: i64 = tx.query_row(
        "SELECT count(*) FROM orders WHERE channel = ?1 AND order_no LIKE ?2 || '%'",
        params![channel.as_str(), prefix],
        |r| r.get(0),
    )?;
    let mut n = taken + 1;
    loop {
        let no = format!("{prefix}{n:03}");
        let exists = tx
            .prepare_cached("SELECT 1 FROM orders WHERE channel = ?1 AND order_no = ?2")?
            .exists(params![channel.as_str(), no])?;
        if !exists {
            return Ok(no);
        }
        n += 1;
    }
}

fn to_new_order(b: &OrderSnapshot) -> Result<NewOrder> {
    Ok(NewOrder {
        customer_id: b.customer_id,
        channel: Channel::parse(&b.channel).unwrap_or(Channel::Other),
        order_no: b.order_no.clone(),
        status: OrderStatus::parse(&b.status).unwrap_or(OrderStatus::Unpaid),
        ordered_at: parse_ts(&b.ordered_at)?,
        paid_at: b.paid_at.as_deref().map(parse_ts).transpose()?,
        goods_fen: b.goods_fen,
        shipping_fen: b.shipping_fen,
        discount_fen: b.discount_fen,
        paid_fen: b.paid_fen,
        refunded_fen: b.refunded_fen,
        buyer_nick: b.buyer_nick.clone(),
        receiver_name: b.receiver_name.clone(),
        receiver_phone: b.receiver_phone.clone(),
        receiver_address: b.receiver_address.clone(),
        note: b.note.clone(),
        items: b.items.clone(),
    })
}

/// A status change or refund as written: what `sales` refreshes and audits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub id: i64,
    pub order_no: String,
    pub customer_id: Option<i64>,
    pub from: OrderStatus,
    pub to: OrderStatus,
    /// The order's refunded total after the change.
    pub refunded_fen: i64,
}

/// Change an order's status inside the caller's transaction. Refunds go through
/// [`refund_in_tx`]; a paid status without a payment time gets now; "refunded" refunds the
/// whole amount paid (a refund row with the rest). None when the order already has it.
pub fn set_status_in_tx(
    tx: &Transaction,
    now: DateTime<Utc>,
    actor: &str,
    id: i64,
    status: OrderStatus,
) -> Result<Option<Changed>> {
    if status == OrderStatus::PartiallyRefunded {
        return Err(Error::invalid(
            "状态：部分退款请用“登记退款”并填写金额。",
            "Status: for a partial refund use 'Record refund' with the amount.",
        ));
    }
    let before = snapshot(tx, id)?;
    let mut o = to_new_order(&before)?;
    let from = o.status;
    if from == status {
        return Ok(None);
    }
    o.status = status;
    if (status.counts_as_purchase() || status == OrderStatus::Refunded) && o.paid_at.is_none() {
        o.paid_at = Some(now);
    }
    if status == OrderStatus::Refunded {
        o.refunded_fen = o.paid_fen;
    } else if status.counts_as_purchase() && o.refunded_fen > 0 {
        return Err(Error::invalid(
            "状态：这个订单已有退款，不能改回未退款的状态。",
            "Status: this order has refunds; it cannot go back to a status without refunds.",
        ));
    }
    upsert_in_tx(tx, actor, &o, None, now)?;
    Ok(Some(Changed {
        id,
        order_no: o.order_no,
        customer_id: o.customer_id,
        from,
        to: status,
        refunded_fen: o.refunded_fen,
    }))
}

/// Record a refund of `amount_fen` inside the caller's transaction: a new refund row (with
/// `reason`), the order's total and status following. Refunds add up; together they may not
/// exceed the amount paid. The status becomes "partially refunded", or "refunded" once
/// everything is back; the reason is added to the note.
pub fn refund_in_tx(
    tx: &Transaction,
    now: DateTime<Utc>,
    actor: &str,
    id: i64,
    amount_fen: i64,
    reason: &str,
) -> Result<Changed> {
    if amount_fen <= 0 {
        return Err(Error::invalid(
            "退款金额：必须大于 0。",
            "Refund amount: must be above 0.",
        ));
    }
    let before = snapshot(tx, id)?;
    let mut o = to_new_order(&before)?;
    let from = o.status;
    if !o.status.counts_as_purchase() {
        return Err(Error::invalid(
            format!(
                "订单 {}：状态为“{}”，不能退款。",
                o.order_no,
                o.status.label_zh()
            ),
            format!(
                "Order {}: a '{}' order cannot be refunded.",
                o.order_no,
                o.status.label_en()
            ),
        ));
    }
    let left = o.paid_fen - o.refunded_fen;
    if amount_fen > left {
        return Err(Error::invalid(
            format!("退款金额：最多还能退 {}。", crate::money::yuan(left)),
            format!(
                "Refund amount: at most {} can still be refunded.",
                crate::money::yuan(left)
            ),
        ));
    }
    o.refunded_fen += amount_fen;
    o.status = if o.refunded_fen == o.paid_fen {
        OrderStatus::Refunded
    } else {
        OrderStatus::PartiallyRefunded
    };
    let reason = reason.trim();
    if !reason.is_empty() {
        o.note = if o.note.is_empty() {
            format!("退款：{reason}")
        } else {
            format!("{}\n退款：{reason}", o.note)
        };
    }
    upsert_with_reason(tx, actor, &o, None, now, reason)?;
    Ok(Changed {
        id,
        order_no: o.order_no,
        customer_id: o.customer_id,
        from,
        to: o.status,
        refunded_fen: o.refunded_fen,
    })
}
