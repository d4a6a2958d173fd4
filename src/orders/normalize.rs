//! What an order must look like before it is written: [`normalize`] trims texts, rounds times
//! to what is stored (milliseconds) and checks every field, naming the order number and the
//! field in its error. Every writer path calls it first (`upsert_in_tx`, the import).

use super::model::{NewOrder, NewOrderItem, OrderStatus};
use crate::{Error, Result};
use chrono::SubsecRound;

/// Longest order number we accept (marketplaces use ≤ 30 digits).
const MAX_ORDER_NO: usize = 64;
const MAX_TEXT: usize = 200;

fn text(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Trim texts, round times to what is stored (milliseconds) and check every field; the error
/// names the order number and the field.
pub fn normalize(o: &NewOrder) -> Result<NewOrder> {
    let no = o.order_no.trim().to_string();
    if no.is_empty() {
        return Err(Error::invalid(
            "订单号：不能为空。",
            "Order number: must not be empty.",
        ));
    }
    if no.chars().count() > MAX_ORDER_NO {
        return Err(Error::invalid(
            format!("订单号“{no}”太长（最多 {MAX_ORDER_NO} 个字符）。"),
            format!("Order number '{no}' is too long (at most {MAX_ORDER_NO} characters)."),
        ));
    }
    let bad = |zh: &str, en: &str| {
        Error::invalid(format!("订单 {no}：{zh}"), format!("Order {no}: {en}"))
    };
    for (v, zh, en) in [
        (o.goods_fen, "商品金额", "goods amount"),
        (o.shipping_fen, "运费", "shipping"),
        (o.discount_fen, "优惠金额", "discount"),
        (o.paid_fen, "实付金额", "amount paid"),
        (o.refunded_fen, "退款金额", "amount refunded"),
    ] {
        if v < 0 {
            return Err(bad(
                &format!("{zh}不能为负数。"),
                &format!("{en} must not be negative."),
            ));
        }
    }
    if o.refunded_fen > o.paid_fen {
        return Err(bad(
            "退款金额不能大于实付金额。",
            "amount refunded must not exceed the amount paid.",
        ));
    }
    let needs_paid_at = o.status.counts_as_purchase() || o.status == OrderStatus::Refunded;
    if needs_paid_at && o.paid_at.is_none() {
        return Err(bad(
            &format!("状态为“{}”时必须填写付款时间。", o.status.label_zh()),
            &format!(
                "payment time is required when the status is '{}'.",
                o.status.label_en()
            ),
        ));
    }
    if o.status == OrderStatus::PartiallyRefunded && o.refunded_fen == 0 {
        return Err(bad(
            "状态为“部分退款”时退款金额必须大于 0。",
            "amount refunded must be above 0 when the status is 'Partially refunded'.",
        ));
    }
    for (v, zh, en) in [
        (&o.buyer_nick, "买家昵称", "buyer nick"),
        (&o.receiver_name, "收货人", "receiver name"),
        (&o.receiver_address, "收货地址", "receiver address"),
    ] {
        if v.as_deref().is_some_and(|s| s.chars().count() > MAX_TEXT) {
            return Err(bad(
                &format!("{zh}太长（最多 {MAX_TEXT} 个字符）。"),
                &format!("{en} is too long (at most {MAX_TEXT} characters)."),
            ));
        }
    }
    let receiver_phone = text(&o.receiver_phone);
    if let Some(p) = &receiver_phone {
        if p.contains('*') {
            return Err(bad(
                &format!("收货手机“{p}”是打码的号码，不能保存。"),
                &format!("receiver phone '{p}' is masked and cannot be stored."),
            ));
        }
    }
    let receiver_phone = match receiver_phone {
        Some(p) => Some(crate::phone::normalize(&p).map_err(|_| {
            bad(
                &format!("收货手机“{p}”不是有效的手机号码。"),
                &format!("receiver phone '{p}' is not a valid phone number."),
            )
        })?),
        None => None,
    };
    let mut items = Vec::with_capacity(o.items.len());
    for (i, it) in o.items.iter().enumerate() {
        let line = i + 1;
        let name = it.product_name.trim().to_string();
        if name.is_empty() {
            return Err(bad(
                &format!("第 {line} 件商品：商品名称不能为空。"),
                &format!("item {line}: product name must not be empty."),
            ));
        }
        if it.quantity <= 0 {
            return Err(bad(
                &format!("第 {line} 件商品（{name}）：数量必须大于 0。"),
                &format!("item {line} ({name}): quantity must be above 0."),
            ));
        }
        if it.unit_price_fen < 0 {
            return Err(bad(
                &format!("第 {line} 件商品（{name}）：单价不能为负数。"),
                &format!("item {line} ({name}): unit price must not be negative."),
            ));
        }
        items.push(NewOrderItem {
            product_name: name,
            sku: it.sku.trim().to_string(),
            category: it.category.trim().to_string(),
            quantity: it.quantity,
            unit_price_fen: it.unit_price_fen,
        });
    }
    Ok(NewOrder {
        customer_id: o.customer_id,
        channel: o.channel,
        order_no: no,
        status: o.status,
        ordered_at: o.ordered_at.trunc_subsecs(3),
        paid_at: o.paid_at.map(|t| t.trunc_subsecs(3)),
        goods_fen: o.goods_fen,
        shipping_fen: o.shipping_fen,
        discount_fen: o.discount_fen,
        paid_fen: o.paid_fen,
        refunded_fen: o.refunded_fen,
        buyer_nick: text(&o.buyer_nick),
        receiver_name: text(&o.receiver_name),
        receiver_phone,
        receiver_address: text(&o.receiver_address),
        note: o.note.trim().to_string(),
        items,
    })
}
