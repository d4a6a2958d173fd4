//! The demo shop's catalogue: categories a small Chinese online shop sells in, with product
//! names as they read on a marketplace listing, SKU stems and typical prices (fen); and what its
//! customers write to the service desk about.

use crate::tickets::model::TicketType;

/// What customers write to the service desk about, by ticket type (both demo generators).
pub const TICKET_SUBJECTS: &[(TicketType, &str)] = &[
    (TicketType::Complaint, "收到的商品包装破损"),
    (TicketType::Complaint, "快递三天没有更新物流"),
    (TicketType::Complaint, "颜色和图片差别很大"),
    (TicketType::Complaint, "客服回复太慢，要投诉"),
    (TicketType::ReturnRefund, "尺码不合适，申请换货"),
    (TicketType::ReturnRefund, "七天无理由退货"),
    (TicketType::ReturnRefund, "少发了一件，要求退款"),
    (TicketType::Inquiry, "什么时候发货"),
    (TicketType::Inquiry, "能不能开发票"),
    (TicketType::Inquiry, "会员积分怎么用"),
    (TicketType::Suggestion, "希望增加小包装"),
    (TicketType::Praise, "茶叶很香，下次还来"),
];

/// What a rep notes while working a ticket.
pub const TICKET_NOTES: &[&str] = &[
    "已致电顾客，先道歉并说明处理方案",
    "顾客发来照片，确认外箱压损",
    "联系快递公司核实物流",
    "已安排补发，单号稍后告知",
    "顾客同意换货",
    "微信回复顾客，解释发货时间",
];

/// (product name, SKU stem, price in fen)
pub type Product = (&'static str, &'static str, i64);

/// (category, products)
pub const CATALOG: &[(&str, &[Product])] = &[
    (
        "美妆护肤",
        &[
            ("玻尿酸补水保湿面膜 10片装", "MZ-MM10", 5900),
            ("氨基酸温和洁面乳 120g", "MZ-JM120", 6900),
            ("烟酰胺亮肤精华液 30ml", "MZ-JH30", 15900),
            ("防晒霜 SPF50+ 清爽不油腻 50ml", "MZ-FS50", 8900),
            ("哑光丝绒口红 #999", "MZ-KH999", 12900),
            ("保湿爽肤水 200ml", "MZ-SF200", 7900),
            ("眼霜淡化细纹 15g", "MZ-YS15", 19900),
            ("卸妆水 400ml 敏感肌可用", "MZ-XZ400", 6900),
        ],
    ),
    (
        "母婴用品",
        &[
            ("婴儿纸尿裤 L码 62片", "MY-NK-L62", 12900),
            ("宝宝洗发沐浴二合一 300ml", "MY-MY300", 4900),
            ("婴儿湿巾 80抽×6包", "MY-SJ6", 3990),
            ("儿童保温杯 带吸管 450ml", "MY-BWB450", 8900),
            ("宝宝辅食米粉 高铁 250g", "MY-MF250", 6800),
            ("纯棉婴儿连体衣 三件套", "MY-LTY3", 9900),
        ],
    ),
    (
        "食品零食",
        &[
            ("每日坚果 混合果仁 30袋", "SP-JG30", 12900),
            ("云南小粒咖啡 挂耳 50包", "SP-GE50", 7900),
            ("手工牛轧糖 500g 礼盒", "SP-NZT500", 5900),
            ("五常稻花香大米 5kg", "SP-DM5", 8990),
            ("新疆灰枣 一级 1kg", "SP-HZ1", 3990),
            ("西湖龙井 明前特级 250g", "SP-LJ250", 36800),
            ("螺蛳粉 广西柳州 5袋", "SP-LSF5", 4990),
            ("低糖全麦面包 1kg 整箱", "SP-MB1", 2990),
        ],
    ),
    (
        "服饰鞋包",
        &[
            ("纯棉短袖T恤 宽松百搭", "FS-TX", 6900),
            ("高腰阔腿牛仔裤", "FS-NZK", 15900),
            ("轻薄羽绒服 90白鸭绒", "FS-YRF", 39900),
            ("真丝围巾 桑蚕丝", "FS-WJ", 19900),
            ("帆布托特包 大容量", "FS-TTB", 8900),
            ("小白鞋 透气休闲板鞋", "FS-XBX", 22900),
            ("羊毛针织开衫", "FS-ZZS", 29900),
        ],
    ),
    (
        "家居日用",
        &[
            ("全棉四件套 1.8m床", "JJ-SJT18", 29900),
            ("记忆棉枕头 护颈", "JJ-ZT", 12900),
            ("抽纸 3层120抽×24包", "JJ-CZ24", 5990),
            ("洗衣凝珠 52颗 持久留香", "JJ-NZ52", 4990),
            ("不粘锅炒锅 32cm", "JJ-CG32", 16900),
            ("收纳箱 大号 三只装", "JJ-SNX3", 7900),
            ("香薰蜡烛 礼盒装", "JJ-XX", 9900),
        ],
    ),
    (
        "数码配件",
        &[
            ("20W快充充电器 Type-C", "SM-CD20", 4900),
            ("蓝牙耳机 降噪 长续航", "SM-EJ", 19900),
            ("手机壳 防摔 透明", "SM-SJK", 2900),
            ("充电宝 10000mAh 轻薄", "SM-CDB10", 8900),
            ("无线鼠标 静音", "SM-SB", 5900),
            ("钢化膜 高清 2片装", "SM-GHM2", 1990),
        ],
    ),
    (
        "个护清洁",
        &[
            ("电动牙刷 声波 软毛", "GH-YS", 19900),
            ("氨基酸洗发水 去屑 500ml", "GH-XFS500", 6900),
            ("香氛沐浴露 1L", "GH-MYL1", 5900),
            ("护手霜 礼盒 5支装", "GH-HSS5", 4900),
            ("牙膏 美白 3支装", "GH-YG3", 3990),
        ],
    ),
    (
        "保健滋补",
        &[
            ("宁夏枸杞 特级 500g", "BJ-GQ500", 5900),
            ("即食燕窝 70g×6瓶", "BJ-YW6", 49900),
            ("东阿阿胶糕 500g", "BJ-AJG", 19900),
            ("复合维生素 60片", "BJ-WSS60", 12900),
            ("长白山人参 礼盒", "BJ-RS", 39900),
        ],
    ),
];

/// SKU variants (colour / size / pack) appended to the stem.
pub const VARIANTS: &[&str] = &["", "-A", "-B", "-2P", "-XL", "-M"];

/// Receivers who are not the buyer (gifts, family).
pub const OTHER_RECEIVERS: &[&str] = &[
    "王女士",
    "李先生",
    "张女士",
    "刘先生",
    "陈小姐",
    "杨先生",
    "妈妈",
    "老公",
];
