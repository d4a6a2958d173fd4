//! The order vocabulary shared by manual entry, import and reports. Amounts are integer fen.
//!
//! Contract for writers (import, manual entry): build a [`NewOrder`] and call
//! `orders::upsert_in_tx(tx, actor, &order, batch_id, now)`, which matches on (channel, order_no),
//! creates products/categories as they come, records the change for import undo when `batch_id`
//! is set, and returns an [`UpsertOutcome`]. Callers then call
//! `orders::refresh_stats(tx, &customer_ids)` once per batch of touched customers.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Taobao,
    Tmall,
    Jd,
    Pdd,
    WechatShop,
    Douyin,
    InStore,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 8] = [
        Channel::Taobao,
        Channel::Tmall,
        Channel::Jd,
        Channel::Pdd,
        Channel::WechatShop,
        Channel::Douyin,
        Channel::InStore,
        Channel::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Taobao => "taobao",
            Channel::Tmall => "tmall",
            Channel::Jd => "jd",
            Channel::Pdd => "pdd",
            Channel::WechatShop => "wechat_shop",
            Channel::Douyin => "douyin",
            Channel::InStore => "in_store",
            Channel::Other => "other",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Channel::Taobao => "淘宝",
            Channel::Tmall => "天猫",
            Channel::Jd => "京东",
            Channel::Pdd => "拼多多",
            Channel::WechatShop => "微信小店",
            Channel::Douyin => "抖音小店",
            Channel::InStore => "门店",
            Channel::Other => "其他",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Channel::Taobao => "Taobao",
            Channel::Tmall => "Tmall",
            Channel::Jd => "JD",
            Channel::Pdd => "Pinduoduo",
            Channel::WechatShop => "WeChat shop",
            Channel::Douyin => "Douyin shop",
            Channel::InStore => "In store",
            Channel::Other => "Other",
        }
    }

    /// Accepts the stored code or either label.
    pub fn parse(s: &str) -> Option<Channel> {
        let t = s.trim();
        Channel::ALL.into_iter().find(|c| {
            c.as_str().eq_ignore_ascii_case(t)
                || c.label_zh() == t
                || c.label_en().eq_ignore_ascii_case(t)
        })
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    Unpaid,
    Paid,
    Shipped,
    Completed,
    PartiallyRefunded,
    Refunded,
    Cancelled,
}

impl OrderStatus {
    pub const ALL: [OrderStatus; 7] = [
        OrderStatus::Unpaid,
        OrderStatus::Paid,
        OrderStatus::Shipped,
        OrderStatus::Completed,
        OrderStatus::PartiallyRefunded,
        OrderStatus::Refunded,
        OrderStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Unpaid => "unpaid",
            OrderStatus::Paid => "paid",
            OrderStatus::Shipped => "shipped",
            OrderStatus::Completed => "completed",
            OrderStatus::PartiallyRefunded => "partially_refunded",
            OrderStatus::Refunded => "refunded",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            OrderStatus::Unpaid => "待付款",
            OrderStatus::Paid => "已付款",
            OrderStatus::Shipped => "已发货",
            OrderStatus::Completed => "交易成功",
            OrderStatus::PartiallyRefunded => "部分退款",
            OrderStatus::Refunded => "已退款",
            OrderStatus::Cancelled => "已取消",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            OrderStatus::Unpaid => "Unpaid",
            OrderStatus::Paid => "Paid",
            OrderStatus::Shipped => "Shipped",
            OrderStatus::Completed => "Completed",
            OrderStatus::PartiallyRefunded => "Partially refunded",
            OrderStatus::Refunded => "Refunded",
            OrderStatus::Cancelled => "Cancelled",
        }
    }

    pub fn parse(s: &str) -> Option<OrderStatus> {
        let t = s.trim();
        OrderStatus::ALL.into_iter().find(|c| {
            c.as_str().eq_ignore_ascii_case(t)
                || c.label_zh() == t
                || c.label_en().eq_ignore_ascii_case(t)
        })
    }

    /// Orders that count as a purchase (spend, order count, points later).
    pub fn counts_as_purchase(self) -> bool {
        matches!(
            self,
            OrderStatus::Paid
                | OrderStatus::Shipped
                | OrderStatus::Completed
                | OrderStatus::PartiallyRefunded
        )
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct NewOrderItem {
    pub product_name: String,
    pub sku: String,
    pub category: String,
    pub quantity: i64,
    pub unit_price_fen: i64,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct NewOrder {
    pub customer_id: Option<i64>,
    pub channel: Channel,
    pub order_no: String,
    pub status: OrderStatus,
    pub ordered_at: DateTime<Utc>,
    pub paid_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub goods_fen: i64,
    #[serde(default)]
    pub shipping_fen: i64,
    #[serde(default)]
    pub discount_fen: i64,
    #[serde(default)]
    pub paid_fen: i64,
    #[serde(default)]
    pub refunded_fen: i64,
    #[serde(default)]
    pub buyer_nick: Option<String>,
    #[serde(default)]
    pub receiver_name: Option<String>,
    /// E.164 or None; never a mask.
    #[serde(default)]
    pub receiver_phone: Option<String>,
    #[serde(default)]
    pub receiver_address: Option<String>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub items: Vec<NewOrderItem>,
}

/// What `upsert_in_tx` did with one order.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", tag = "kind", content = "id")]
pub enum UpsertOutcome {
    Created(i64),
    /// Same (channel, order_no) existed with different content; it now holds the new content.
    Updated(i64),
    /// Same (channel, order_no) with identical content: nothing written.
    Unchanged(i64),
}
