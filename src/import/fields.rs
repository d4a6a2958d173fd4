//! What a column can mean to Laoke. A preset or a mapping says which column holds which field;
//! everything after that (validation, matching, writing) works on fields, never on header text.

use serde::{Deserialize, Serialize};

/// Orders (one row per order or per order item) or a customer list.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ImportKind {
    Orders,
    Customers,
}

impl ImportKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportKind::Orders => "orders",
            ImportKind::Customers => "customers",
        }
    }

    pub fn parse(s: &str) -> Option<ImportKind> {
        match s {
            "orders" => Some(ImportKind::Orders),
            "customers" => Some(ImportKind::Customers),
            _ => None,
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "ImportField"))]
#[serde(rename_all = "camelCase")]
pub enum Field {
    // Orders
    OrderNo,
    Channel,
    Status,
    /// The after-sale state (售后状态, Pinduoduo): "退款成功" there refunds an order whose own
    /// status still says 已收货.
    AfterSale,
    OrderedAt,
    PaidAt,
    GoodsAmount,
    Shipping,
    Discount,
    Paid,
    Refunded,
    ProductName,
    Sku,
    Category,
    Quantity,
    UnitPrice,
    ReceiverName,
    // Both
    BuyerNick,
    Mobile,
    Phone,
    Province,
    City,
    District,
    Address,
    Note,
    // Customers
    Name,
    Gender,
    Birthday,
    Email,
    Wechat,
    Qq,
    Tags,
    Source,
}

impl Field {
    pub const ORDERS: &'static [Field] = &[
        Field::OrderNo,
        Field::Channel,
        Field::Status,
        Field::AfterSale,
        Field::OrderedAt,
        Field::PaidAt,
        Field::GoodsAmount,
        Field::Shipping,
        Field::Discount,
        Field::Paid,
        Field::Refunded,
        Field::ProductName,
        Field::Sku,
        Field::Category,
        Field::Quantity,
        Field::UnitPrice,
        Field::BuyerNick,
        Field::ReceiverName,
        Field::Mobile,
        Field::Phone,
        Field::Province,
        Field::City,
        Field::District,
        Field::Address,
        Field::Note,
    ];

    pub const CUSTOMERS: &'static [Field] = &[
        Field::Name,
        Field::Mobile,
        Field::Phone,
        Field::Gender,
        Field::Birthday,
        Field::Email,
        Field::Wechat,
        Field::Qq,
        Field::BuyerNick,
        Field::Channel,
        Field::Province,
        Field::City,
        Field::District,
        Field::Address,
        Field::Tags,
        Field::Source,
        Field::Note,
    ];

    pub fn for_kind(kind: ImportKind) -> &'static [Field] {
        match kind {
            ImportKind::Orders => Field::ORDERS,
            ImportKind::Customers => Field::CUSTOMERS,
        }
    }

    /// Without these a row cannot be imported; the mapping screen insists on them.
    pub fn required(kind: ImportKind) -> &'static [Field] {
        match kind {
            ImportKind::Orders => &[Field::OrderNo, Field::OrderedAt],
            ImportKind::Customers => &[Field::Name],
        }
    }

    pub fn label_zh(self) -> &'static str {
        use Field::*;
        match self {
            OrderNo => "订单号",
            Channel => "渠道/平台",
            Status => "订单状态",
            AfterSale => "售后状态",
            OrderedAt => "下单时间",
            PaidAt => "付款时间",
            GoodsAmount => "商品金额",
            Shipping => "运费",
            Discount => "优惠",
            Paid => "实付金额",
            Refunded => "退款金额",
            ProductName => "商品名称",
            Sku => "商品编码/SKU",
            Category => "商品分类",
            Quantity => "数量",
            UnitPrice => "单价",
            ReceiverName => "收货人",
            BuyerNick => "买家昵称",
            Mobile => "手机",
            Phone => "电话",
            Province => "省份",
            City => "城市",
            District => "区县",
            Address => "地址",
            Note => "备注",
            Name => "姓名",
            Gender => "性别",
            Birthday => "生日",
            Email => "邮箱",
            Wechat => "微信号",
            Qq => "QQ",
            Tags => "标签",
            Source => "来源",
        }
    }

    pub fn label_en(self) -> &'static str {
        use Field::*;
        match self {
            OrderNo => "Order number",
            Channel => "Channel",
            Status => "Status",
            AfterSale => "After-sale status",
            OrderedAt => "Ordered at",
            PaidAt => "Paid at",
            GoodsAmount => "Goods amount",
            Shipping => "Shipping",
            Discount => "Discount",
            Paid => "Amount paid",
            Refunded => "Refunded",
            ProductName => "Product",
            Sku => "SKU",
            Category => "Category",
            Quantity => "Quantity",
            UnitPrice => "Unit price",
            ReceiverName => "Receiver",
            BuyerNick => "Buyer nick",
            Mobile => "Mobile",
            Phone => "Phone",
            Province => "Province",
            City => "City",
            District => "District",
            Address => "Address",
            Note => "Note",
            Name => "Name",
            Gender => "Gender",
            Birthday => "Birthday",
            Email => "Email",
            Wechat => "WeChat ID",
            Qq => "QQ",
            Tags => "Tags",
            Source => "Source",
        }
    }

    /// Header words that usually mean this field (besides the presets' exact headers); used to
    /// guess a mapping for a layout Laoke has not seen.
    pub fn synonyms(self) -> &'static [&'static str] {
        use Field::*;
        match self {
            OrderNo => &[
                "订单号",
                "订单编号",
                "主订单编号",
                "订单id",
                "单号",
                "order no",
                "order number",
                "order id",
            ],
            Channel => &["渠道", "平台", "来源平台", "channel", "platform"],
            Status => &["订单状态", "状态", "交易状态", "status"],
            AfterSale => &["售后状态", "退款状态", "售后", "after-sale status"],
            OrderedAt => &[
                "下单时间",
                "订单创建时间",
                "创建时间",
                "订单提交时间",
                "成交时间",
                "订单日期",
                "日期",
                "购买日期",
                "order date",
                "ordered at",
                "date",
            ],
            PaidAt => &[
                "付款时间",
                "支付时间",
                "订单付款时间",
                "支付完成时间",
                "paid at",
                "payment date",
            ],
            GoodsAmount => &[
                "商品金额",
                "商品总价",
                "货款",
                "商品总额",
                "goods amount",
                "subtotal",
            ],
            Shipping => &["运费", "邮费", "shipping"],
            Discount => &["优惠", "折扣", "优惠金额", "discount"],
            Paid => &[
                "实付金额",
                "实付",
                "支付金额",
                "付款金额",
                "实际支付金额",
                "购买金额",
                "消费金额",
                "金额",
                "amount paid",
                "paid",
                "total",
                "amount",
            ],
            Refunded => &["退款金额", "退款", "refund", "refunded"],
            ProductName => &[
                "商品名称",
                "商品",
                "宝贝标题",
                "产品",
                "产品名称",
                "购买商品",
                "品名",
                "product",
                "item",
            ],
            Sku => &["sku", "商品编码", "商家编码", "货号", "规格编码"],
            Category => &["分类", "类目", "商品分类", "品类", "category"],
            Quantity => &["数量", "购买数量", "商品数量", "件数", "quantity", "qty"],
            UnitPrice => &["单价", "价格", "售价", "unit price", "price"],
            ReceiverName => &["收货人", "收件人", "收货人姓名", "收件人姓名", "receiver"],
            BuyerNick => &[
                "买家昵称",
                "昵称",
                "买家会员名",
                "会员名",
                "旺旺",
                "买家账号",
                "nick",
                "nickname",
            ],
            Mobile => &[
                "手机",
                "手机号",
                "手机号码",
                "联系手机",
                "移动电话",
                "联系方式",
                "mobile",
                "cell",
            ],
            Phone => &["电话", "联系电话", "固话", "phone", "tel"],
            Province => &["省", "省份", "province"],
            City => &["市", "城市", "city"],
            District => &["区", "区县", "district"],
            Address => &["地址", "收货地址", "详细地址", "收件地址", "address"],
            Note => &[
                "备注",
                "留言",
                "买家留言",
                "订单备注",
                "note",
                "notes",
                "remark",
            ],
            Name => &[
                "姓名",
                "客户姓名",
                "名字",
                "客户名称",
                "联系人",
                "name",
                "customer",
            ],
            Gender => &["性别", "gender", "sex"],
            Birthday => &["生日", "出生日期", "birthday", "birth date"],
            Email => &["邮箱", "电子邮箱", "email", "e-mail"],
            Wechat => &["微信", "微信号", "wechat"],
            Qq => &["qq", "qq号"],
            Tags => &["标签", "客户标签", "tags", "tag"],
            Source => &["来源", "客户来源", "source"],
        }
    }
}

/// Header text as compared: trimmed, no inner spaces, ASCII brackets, lower case, without the
/// `="…"` wrapper some exports put around every cell.
pub fn normalize_header(h: &str) -> String {
    let h = super::read::clean_text(h);
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{feff}')
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '：' => ':',
            c => c,
        })
        .collect::<String>()
        .to_lowercase()
}
