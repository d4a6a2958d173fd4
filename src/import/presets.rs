//! The exports shops actually have, by their real column headers, so a known file is
//! recognised from its header row without anyone choosing a preset.
//!
//! Sources: the seller back offices' "导出订单" files as shops and open-source tools that read
//! them show them — Taobao/Tmall 订单报表 (one row per order; 宝贝种类 is the number of
//! different items, not a category), JD 商家后台 订单导出 (one row per SKU), Pinduoduo 订单查询
//! 导出 (one row per order, amounts with "(元)"), Douyin 抖店 订单导出 (one row per sub-order
//! under 主订单编号) and WeChat 微信小店 订单导出 (one row per item). Platforms rename columns
//! from time to time, so each field lists the variants seen; a file that matches no preset
//! still goes through the mapping screen. The Douyin and WeChat header sets were checked
//! against the column lists of public tools that read those exports (see
//! tests/import_platform_exports.rs, which imports a file with each full header row).

use super::fields::{normalize_header, Field, ImportKind};
use crate::orders::Channel;
use serde::Serialize;

/// Refund columns that hold one item row's refund, not the order's (WeChat shop exports one row
/// per item with 商品已退款金额): an order's refund is then the sum over its rows.
const ITEM_REFUND_HEADERS: &[&str] = &["商品已退款金额"];

pub fn is_item_refund_header(header: &str) -> bool {
    let h = normalize_header(header);
    ITEM_REFUND_HEADERS.iter().any(|x| normalize_header(x) == h)
}

pub struct Preset {
    pub id: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub kind: ImportKind,
    /// The channel every order in the file belongs to (None: a column says, or "other").
    pub channel: Option<Channel>,
    /// For each field, the headers that hold it, best first.
    pub columns: &'static [(Field, &'static [&'static str])],
    /// Headers that all must be present for the file to be recognised as this export; `a|b`
    /// accepts either (the same column under another year's or a partner tool's name).
    pub signature: &'static [&'static str],
}

const TAOBAO_COLUMNS: &[(Field, &[&str])] = &[
    (Field::OrderNo, &["订单编号"]),
    (Field::BuyerNick, &["买家会员名"]),
    (Field::GoodsAmount, &["买家应付货款", "总金额"]),
    (Field::Shipping, &["买家应付邮费"]),
    (Field::Paid, &["买家实际支付金额", "支付金额", "实付金额"]),
    (Field::Status, &["订单状态"]),
    (Field::Note, &["买家留言", "订单备注"]),
    (Field::ReceiverName, &["收货人姓名", "收货人"]),
    (Field::Address, &["收货地址", "详细收货地址"]),
    (Field::Mobile, &["联系手机", "收货人手机", "手机"]),
    (Field::Phone, &["联系电话"]),
    (Field::OrderedAt, &["订单创建时间", "创建时间"]),
    (Field::PaidAt, &["订单付款时间", "付款时间"]),
    (Field::ProductName, &["宝贝标题"]),
    (Field::Quantity, &["宝贝总数量", "商品数量"]),
    (Field::Sku, &["修改后的sku"]),
    (Field::Refunded, &["退款金额"]),
];

pub const PRESETS: &[Preset] = &[
    Preset {
        id: "taobao",
        label_zh: "淘宝 订单报表",
        label_en: "Taobao order export",
        kind: ImportKind::Orders,
        channel: Some(Channel::Taobao),
        columns: TAOBAO_COLUMNS,
        // the core headers, under this year's names and those of older layouts and partner
        // tools (收货人 for 收货人姓名, 支付金额 for 买家实际支付金额, …)
        signature: &[
            "订单编号",
            "买家会员名|买家昵称",
            "买家实际支付金额|支付金额|实付金额",
            "订单创建时间|创建时间",
        ],
    },
    Preset {
        id: "tmall",
        label_zh: "天猫 订单报表",
        label_en: "Tmall order export",
        kind: ImportKind::Orders,
        channel: Some(Channel::Tmall),
        columns: TAOBAO_COLUMNS,
        // Same file as Taobao's; chosen by hand (a Taobao file is recognised as Taobao).
        signature: &[],
    },
    Preset {
        id: "jd",
        label_zh: "京东 订单导出",
        label_en: "JD order export",
        kind: ImportKind::Orders,
        channel: Some(Channel::Jd),
        columns: &[
            (Field::OrderNo, &["订单号"]),
            (Field::ProductName, &["商品名称"]),
            (Field::Sku, &["商家SKUID", "商品ID"]),
            (Field::Quantity, &["订购数量"]),
            (Field::UnitPrice, &["京东价"]),
            (Field::GoodsAmount, &["订单金额"]),
            (Field::Paid, &["应付金额"]),
            (Field::Shipping, &["运费金额"]),
            (Field::OrderedAt, &["下单时间"]),
            (Field::PaidAt, &["付款确认时间"]),
            (Field::Status, &["订单状态"]),
            (Field::BuyerNick, &["下单帐号", "下单账号"]),
            (Field::ReceiverName, &["客户姓名"]),
            (Field::Address, &["客户地址"]),
            (Field::Mobile, &["联系电话"]),
            (Field::Note, &["订单备注"]),
        ],
        signature: &["订单号", "商品名称", "订购数量", "下单时间", "客户姓名"],
    },
    Preset {
        id: "pdd",
        label_zh: "拼多多 订单导出",
        label_en: "Pinduoduo order export",
        kind: ImportKind::Orders,
        channel: Some(Channel::Pdd),
        columns: &[
            (Field::OrderNo, &["订单号"]),
            (Field::ProductName, &["商品"]),
            (
                Field::Sku,
                &["商家编码-SKU维度", "商家编码-规格维度", "样式ID"],
            ),
            (Field::Status, &["订单状态"]),
            (Field::AfterSale, &["售后状态"]),
            (Field::GoodsAmount, &["商品总价(元)"]),
            (Field::Discount, &["店铺优惠折扣(元)"]),
            (Field::Shipping, &["邮费(元)"]),
            (Field::Paid, &["用户实付金额(元)", "商家实收金额(元)"]),
            (Field::Quantity, &["商品数量(件)"]),
            (Field::ReceiverName, &["收货人"]),
            (Field::Mobile, &["手机"]),
            (Field::Province, &["省"]),
            (Field::City, &["市"]),
            (Field::District, &["区"]),
            (Field::Address, &["街道", "详细地址"]),
            (Field::OrderedAt, &["订单成交时间", "成团时间", "支付时间"]),
            (Field::PaidAt, &["支付时间", "成团时间"]),
            (Field::Note, &["商家备注", "买家留言"]),
            // Masked phones (138****1234) say nothing about who bought: the buyer's id, when
            // the export carries one, matches repeat buyers as Taobao's 买家会员名 does.
            (
                Field::BuyerNick,
                &["买家ID", "用户ID", "买家昵称", "用户昵称"],
            ),
        ],
        signature: &["订单号", "商品", "商家实收金额(元)", "商品数量(件)"],
    },
    Preset {
        id: "douyin",
        label_zh: "抖店 订单导出",
        label_en: "Douyin shop order export",
        kind: ImportKind::Orders,
        channel: Some(Channel::Douyin),
        columns: &[
            (Field::OrderNo, &["主订单编号"]),
            (Field::ProductName, &["选购商品", "商品名称"]),
            (Field::Sku, &["商家编码", "货号", "商品ID"]),
            (Field::Quantity, &["商品数量"]),
            (Field::UnitPrice, &["商品金额"]),
            (Field::Paid, &["订单应付金额", "应付金额"]),
            (Field::Shipping, &["运费"]),
            (Field::Discount, &["商家优惠", "优惠总金额"]),
            (Field::OrderedAt, &["订单提交时间"]),
            (Field::PaidAt, &["支付完成时间"]),
            (Field::Status, &["订单状态"]),
            (Field::Refunded, &["退款金额"]),
            (Field::ReceiverName, &["收件人"]),
            (Field::Mobile, &["收件人手机号"]),
            (Field::Province, &["省"]),
            (Field::City, &["市"]),
            (Field::District, &["区"]),
            (Field::Address, &["详细地址", "街道"]),
            (Field::BuyerNick, &["买家昵称", "用户昵称"]),
            (Field::Note, &["买家留言", "商家备注"]),
        ],
        signature: &["主订单编号", "子订单编号", "订单提交时间"],
    },
    Preset {
        id: "wechat_shop",
        label_zh: "微信小店 订单导出",
        label_en: "WeChat shop order export",
        kind: ImportKind::Orders,
        channel: Some(Channel::WechatShop),
        columns: &[
            (Field::OrderNo, &["订单号"]),
            (Field::OrderedAt, &["订单下单时间", "下单时间"]),
            (Field::PaidAt, &["订单支付时间", "支付时间"]),
            (Field::Status, &["订单状态"]),
            (Field::ProductName, &["商品名称"]),
            (
                Field::Sku,
                &["SKU编码(自定义)", "商品编码(自定义)", "商品编码(平台)"],
            ),
            (Field::Quantity, &["商品数量"]),
            (
                Field::UnitPrice,
                &[
                    "商品价格(单件)",
                    "商品实际价格(单件)",
                    "商品售价",
                    "商品单价",
                ],
            ),
            (
                Field::Paid,
                &["订单实际支付金额", "订单实付金额", "实付金额"],
            ),
            (Field::Shipping, &["订单运费", "运费"]),
            (Field::Discount, &["商家优惠金额", "订单优惠金额"]),
            (Field::Refunded, &["退款金额", "商品已退款金额"]),
            (Field::ReceiverName, &["收件人姓名", "收货人姓名"]),
            (Field::Mobile, &["收件人手机", "收货人手机号", "收货人手机"]),
            (Field::Province, &["省", "省份"]),
            (Field::City, &["市", "城市"]),
            (Field::District, &["区"]),
            (Field::Address, &["收件人地址", "详细收货地址", "详细地址"]),
            (Field::BuyerNick, &["买家昵称"]),
            (Field::Note, &["用户备注", "买家备注", "商家备注"]),
        ],
        signature: &["订单号", "订单下单时间", "商品名称", "收件人姓名"],
    },
    Preset {
        id: "customers",
        label_zh: "客户名单",
        label_en: "Customer list",
        kind: ImportKind::Customers,
        channel: None,
        columns: &[],
        signature: &[],
    },
    Preset {
        id: "laoke_orders",
        label_zh: "老客 订单模板",
        label_en: "Laoke order template",
        kind: ImportKind::Orders,
        channel: None,
        columns: TEMPLATE_ORDERS,
        signature: &["订单号", "渠道", "下单时间", "实付金额(元)", "商品名称"],
    },
    Preset {
        id: "laoke_customers",
        label_zh: "老客 客户模板",
        label_en: "Laoke customer template",
        kind: ImportKind::Customers,
        channel: None,
        columns: TEMPLATE_CUSTOMERS,
        signature: &["姓名", "手机", "生日", "微信号", "标签"],
    },
];

/// Laoke's own order template: the headers `laoke import template` writes.
pub const TEMPLATE_ORDERS: &[(Field, &[&str])] = &[
    (Field::OrderNo, &["订单号"]),
    (Field::Channel, &["渠道"]),
    (Field::Status, &["订单状态"]),
    (Field::OrderedAt, &["下单时间"]),
    (Field::PaidAt, &["付款时间"]),
    (Field::BuyerNick, &["买家昵称"]),
    (Field::ReceiverName, &["收货人"]),
    (Field::Mobile, &["手机"]),
    (Field::Address, &["地址"]),
    (Field::ProductName, &["商品名称"]),
    (Field::Sku, &["SKU"]),
    (Field::Category, &["分类"]),
    (Field::Quantity, &["数量"]),
    (Field::UnitPrice, &["单价(元)"]),
    (Field::Shipping, &["运费(元)"]),
    (Field::Discount, &["优惠(元)"]),
    (Field::Paid, &["实付金额(元)"]),
    (Field::Refunded, &["退款金额(元)"]),
    (Field::Note, &["备注"]),
];

/// Laoke's own customer template.
pub const TEMPLATE_CUSTOMERS: &[(Field, &[&str])] = &[
    (Field::Name, &["姓名"]),
    (Field::Mobile, &["手机"]),
    (Field::Gender, &["性别"]),
    (Field::Birthday, &["生日"]),
    (Field::Email, &["邮箱"]),
    (Field::Wechat, &["微信号"]),
    (Field::Qq, &["QQ"]),
    (Field::BuyerNick, &["买家昵称"]),
    (Field::Channel, &["平台"]),
    (Field::Province, &["省份"]),
    (Field::City, &["城市"]),
    (Field::Address, &["地址"]),
    (Field::Tags, &["标签"]),
    (Field::Source, &["来源"]),
    (Field::Note, &["备注"]),
];

/// A preset as the UI lists it.
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportPreset"))]
#[serde(rename_all = "camelCase")]
pub struct PresetInfo {
    pub id: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    pub kind: ImportKind,
    pub channel: Option<Channel>,
}

pub fn list() -> Vec<PresetInfo> {
    PRESETS
        .iter()
        .map(|p| PresetInfo {
            id: p.id,
            label_zh: p.label_zh,
            label_en: p.label_en,
            kind: p.kind,
            channel: p.channel,
        })
        .collect()
}

pub fn by_id(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id.trim())
}

/// The export these headers come from, if Laoke knows it: every signature header present
/// (one of its `|` alternatives); the preset with the most recognised columns wins.
pub fn detect(headers: &[String]) -> Option<&'static Preset> {
    let normalized: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
    let has = |h: &str| normalized.contains(&normalize_header(h));
    let has_one_of = |alternatives: &str| alternatives.split('|').any(has);
    PRESETS
        .iter()
        .filter(|p| !p.signature.is_empty() && p.signature.iter().all(|h| has_one_of(h)))
        .max_by_key(|p| {
            p.columns
                .iter()
                .filter(|(_, hs)| hs.iter().any(|h| has(h)))
                .count()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(hs: &[&str]) -> Vec<String> {
        hs.iter().map(|h| h.to_string()).collect()
    }

    #[test]
    fn a_taobao_export_with_trailing_spaces_is_recognised() {
        let h = headers(&[
            "订单编号 ",
            "买家会员名 ",
            "买家实际支付金额 ",
            "订单状态 ",
            "订单创建时间 ",
        ]);
        assert_eq!(detect(&h).map(|p| p.id), Some("taobao"));
    }

    #[test]
    fn every_preset_with_a_signature_recognises_its_own_headers() {
        for p in PRESETS.iter().filter(|p| !p.signature.is_empty()) {
            let mut h: Vec<String> = p
                .signature
                .iter()
                .map(|s| s.split('|').next().unwrap().to_string())
                .collect();
            for (_, hs) in p.columns {
                h.push(hs[0].to_string());
            }
            assert_eq!(detect(&h).map(|d| d.id), Some(p.id));
        }
    }

    #[test]
    fn taobao_layouts_of_other_years_and_partner_tools_are_recognised_as_taobao() {
        // an older / partner-tool layout: 收货人 for 收货人姓名, 支付金额 for 买家实际支付金额,
        // 联系电话 before 联系手机, 买家支付宝账号 added, 宝贝标题 missing
        let h = headers(&[
            "订单编号",
            "买家会员名",
            "买家支付宝账号",
            "支付金额",
            "订单状态",
            "收货人",
            "收货地址",
            "联系电话",
            "联系手机",
            "订单创建时间",
            "订单付款时间",
        ]);
        let p = detect(&h).expect("recognised");
        assert_eq!(p.id, "taobao");
        let m = crate::import::mapping::Mapping::from_preset(p, &h);
        let col = |f| m.columns.get(&f).map(String::as_str);
        assert_eq!(col(Field::Mobile), Some("联系手机"));
        assert_eq!(col(Field::Phone), Some("联系电话"));
        assert_eq!(col(Field::Paid), Some("支付金额"));
        assert_eq!(col(Field::ReceiverName), Some("收货人"));
        // every alternative of each signature header is enough on its own
        let h = headers(&["订单编号", "买家昵称", "实付金额", "创建时间"]);
        assert_eq!(detect(&h).map(|p| p.id), Some("taobao"));
    }

    #[test]
    fn an_unknown_layout_is_not_forced_into_a_preset() {
        assert!(detect(&headers(&["客户", "电话", "消费"])).is_none());
    }
}
