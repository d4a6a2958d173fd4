//! Douyin 抖店, WeChat 微信小店 and Pinduoduo 拼多多 order exports with their full real header rows (the column
//! lists public tools that read these exports use), recognised without choosing a preset:
//! rows of one order become one order with several items, receivers become customers, and the
//! platform's amounts, times and places land in the right fields.

mod common;

use common::*;
use laoke::{
    auth::Session,
    import::{self, ImportReport, ImportRequest},
    store::Store,
};
use std::path::Path;
use std::sync::atomic::AtomicBool;

fn write_utf8_bom(path: &Path, lines: &[&str]) {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice((lines.join("\r\n") + "\r\n").as_bytes());
    std::fs::write(path, bytes).unwrap();
}

fn import(store: &Store, s: &Session, path: &Path) -> ImportReport {
    let req = ImportRequest {
        path: path.to_path_buf(),
        preset: None,
        mapping: None,
    };
    import::run(store, s, &req, false, &mut |_| {}, &AtomicBool::new(false))
        .unwrap_or_else(|e| panic!("import of {} failed: {e}", path.display()))
}

fn query<T: rusqlite::types::FromSql>(store: &Store, s: &Session, sql: &str) -> T {
    raw_connection_as_owner(store, s)
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

/// 抖店 订单导出: one row per sub-order (子订单编号) under its 主订单编号.
const DOUYIN: &[&str] = &[
    "主订单编号,子订单编号,选购商品,商品ID,商家编码,商品数量,商品金额,订单提交时间,支付完成时间,订单完成时间,订单状态,发货时间,订单应付金额,运费,优惠总金额,收件人,收件人手机号,省,市,区,街道,详细地址,支付方式,仓库名称,售后状态,商家备注",
    "6930000000000000001,6930000000000000002,桂花乌龙 250g,3600000000001,GH-250,2,68.00,2026-02-10 20:01:02,2026-02-10 20:01:30,2026-02-14 09:00:00,已完成,2026-02-11 10:00:00,150.00,0.00,10.00,周敏,13900001111,浙江省,杭州市,西湖区,文新街道,文一西路 1 号,抖音支付,杭州仓,,",
    "6930000000000000001,6930000000000000003,紫砂杯,3600000000002,ZS-01,1,24.00,2026-02-10 20:01:02,2026-02-10 20:01:30,2026-02-14 09:00:00,已完成,2026-02-11 10:00:00,150.00,0.00,10.00,周敏,13900001111,浙江省,杭州市,西湖区,文新街道,文一西路 1 号,抖音支付,杭州仓,,",
    "6930000000000000004,6930000000000000005,龙井 100g,3600000000003,LJ-100,1,99.00,2026-02-12 08:00:00,2026-02-12 08:00:20,,待发货,,99.00,0.00,0.00,吴刚,13900002222,江苏省,南京市,鼓楼区,,中山路 8 号,微信支付,杭州仓,,",
];

/// 微信小店 订单导出: one row per item, order-level amounts repeated on each row.
const WECHAT: &[&str] = &[
    "订单号,订单下单时间,支付时间,订单状态,商品名称,商品编码(平台),商品编码(自定义),SKU编码(自定义),商品属性,商品数量,商品价格(单件),商品实际价格(单件),商品总价,商品实际价格(总共),商品优惠,订单运费,订单实际支付金额,订单实际收款金额,商品已退款金额,商品售后,收件人姓名,收件人手机,省,市,区,收件人地址,买家备注,商家备注,支付方式,物流公司,快递单号",
    "3720000000000001,2026-02-20 12:00:00,2026-02-20 12:00:40,已完成,茉莉花茶,P1001,MLH,MLH-50,50g,3,20.00,20.00,60.00,60.00,0.00,8.00,68.00,68.00,0.00,,郑洁,13700003333,广东省,广州市,天河区,天河路 100 号,尽快发货,,微信支付,顺丰,SF100",
    "3720000000000002,2026-02-21 18:30:00,,待付款,白茶饼,P1002,BCB,BCB-357,357g,1,120.00,120.00,120.00,120.00,0.00,0.00,120.00,0.00,0.00,,郑洁,13700003333,广东省,广州市,天河区,天河路 100 号,,,,,",
];

#[test]
fn a_douyin_export_is_recognised_and_its_sub_orders_become_one_order_with_items() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let path = tmp.path().join("抖店订单导出.csv");
    write_utf8_bom(&path, DOUYIN);

    let r = import(&store, &owner, &path);
    assert_eq!(r.preset, "douyin");
    assert_eq!(
        (r.created, r.rejected, r.customers_created),
        (2, 0, 2),
        "{:?}",
        r.rejected_rows
    );
    let (channel, status, paid, discount): (String, String, i64, i64) = raw_connection_as_owner(&store, &owner)
        .query_row(
            "SELECT channel, status, paid_fen, discount_fen FROM orders WHERE order_no = '6930000000000000001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (channel.as_str(), status.as_str(), paid, discount),
        ("douyin", "completed", 15000, 1000)
    );
    assert_eq!(
        query::<i64>(&store, &owner, "SELECT count(*) FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.order_no = '6930000000000000001'"),
        2,
        "one item per sub-order"
    );
    assert_eq!(
        query::<String>(
            &store,
            &owner,
            "SELECT province || ' ' || city || ' ' || address FROM customers WHERE name = '周敏'"
        ),
        "浙江省 杭州市 西湖区文一西路 1 号"
    );
    assert_eq!(
        query::<String>(
            &store,
            &owner,
            "SELECT status FROM orders WHERE order_no = '6930000000000000004'"
        ),
        "paid",
        "待发货 is paid, not yet shipped"
    );
}

#[test]
fn a_wechat_shop_export_is_recognised_with_its_item_prices_freight_and_places() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let path = tmp.path().join("微信小店订单.csv");
    write_utf8_bom(&path, WECHAT);

    let r = import(&store, &owner, &path);
    assert_eq!(r.preset, "wechat_shop");
    assert_eq!(
        (r.created, r.rejected, r.customers_created),
        (2, 0, 1),
        "{:?}",
        r.rejected_rows
    );
    let (channel, status, paid, shipping): (String, String, i64, i64) = raw_connection_as_owner(&store, &owner)
        .query_row(
            "SELECT channel, status, paid_fen, shipping_fen FROM orders WHERE order_no = '3720000000000001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert_eq!(
        (channel.as_str(), status.as_str(), paid, shipping),
        ("wechat_shop", "completed", 6800, 800)
    );
    assert_eq!(
        query::<String>(&store, &owner, "SELECT sku || ' ' || quantity || ' ' || unit_price_fen FROM order_items WHERE product_name = '茉莉花茶'"),
        "MLH-50 3 2000"
    );
    assert_eq!(
        query::<String>(
            &store,
            &owner,
            "SELECT province || ' ' || city || ' ' || address FROM customers WHERE name = '郑洁'"
        ),
        "广东省 广州市 天河区天河路 100 号"
    );
    assert_eq!(
        query::<String>(
            &store,
            &owner,
            "SELECT status FROM orders WHERE order_no = '3720000000000002'"
        ),
        "unpaid"
    );
}

#[test]
fn a_wechat_order_refunded_on_two_items_records_the_sum_of_its_item_refunds() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let path = tmp.path().join("微信小店退款.csv");
    let header = WECHAT[0];
    let rows = [
        header,
        "3720000000000009,2026-02-22 10:00:00,2026-02-22 10:00:30,已完成,茉莉花茶,P1001,MLH,MLH-50,50g,2,20.00,20.00,40.00,40.00,0.00,0.00,100.00,100.00,10.00,退款成功,郑洁,13700003333,广东省,广州市,天河区,天河路 100 号,,,微信支付,顺丰,SF200",
        "3720000000000009,2026-02-22 10:00:00,2026-02-22 10:00:30,已完成,白茶饼,P1002,BCB,BCB-357,357g,1,60.00,60.00,60.00,60.00,0.00,0.00,100.00,100.00,5.00,退款成功,郑洁,13700003333,广东省,广州市,天河区,天河路 100 号,,,微信支付,顺丰,SF200",
    ];
    write_utf8_bom(&path, &rows);

    let r = import(&store, &owner, &path);
    assert_eq!(
        (r.preset.as_str(), r.created, r.rejected),
        ("wechat_shop", 1, 0)
    );
    assert_eq!(
        query::<String>(
            &store,
            &owner,
            "SELECT status || ' ' || refunded_fen FROM orders WHERE order_no = '3720000000000009'"
        ),
        "partially_refunded 1500",
        "商品已退款金额 is per item: ¥10 + ¥5"
    );
}

/// An older Taobao 订单报表 layout as partner tools still export it: 收货人 for 收货人姓名,
/// 支付金额 for 买家实际支付金额, the usually empty 联系电话 before 联系手机, 买家支付宝账号 added and
/// 宝贝标题 missing.
const TAOBAO_OLDER: &[&str] = &[
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,支付金额,订单状态,买家留言,收货人,收货地址,联系电话,联系手机,订单创建时间,订单付款时间,退款金额",
    "3300000000000001,tea_lover,t***@163.com,200.00,0.00,200.00,交易成功,,孙悦,浙江省 杭州市 西湖区 文三路 9 号,,13600001111,2019-06-18 10:00:00,2019-06-18 10:01:00,50.00",
    "3300000000000002,小茶客,x***@qq.com,88.00,10.00,98.00,卖家已发货，等待买家确认,,钱程,上海 上海市 浦东新区 世纪大道 1 号,,13600002222,2019-11-11 00:05:00,2019-11-11 00:06:00,0.00",
];

#[test]
fn an_older_taobao_layout_is_recognised_and_every_buyer_keeps_the_mobile() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let path = tmp.path().join("淘宝订单报表-2019.csv");
    write_utf8_bom(&path, TAOBAO_OLDER);

    let r = import(&store, &owner, &path);
    assert_eq!(r.preset, "taobao", "recognised by its core headers");
    assert_eq!(
        (r.created, r.rejected, r.customers_created),
        (2, 0, 2),
        "{:?}",
        r.rejected_rows
    );
    assert_eq!(
        query::<i64>(
            &store,
            &owner,
            "SELECT count(*) FROM orders WHERE channel = 'taobao'"
        ),
        2,
        "the orders' channel is Taobao, not 其他"
    );
    assert_eq!(
        query::<String>(
            &store,
            &owner,
            "SELECT group_concat(p.phone, ',') FROM customer_phones p JOIN customers c ON c.id = p.customer_id
             WHERE c.name IN ('孙悦', '钱程') ORDER BY p.phone"
        ),
        "+8613600001111,+8613600002222",
        "the mobile comes from 联系手机, not the empty 联系电话"
    );
    assert_eq!(
        query::<i64>(
            &store,
            &owner,
            "SELECT paid_fen - refunded_fen FROM orders WHERE order_no = '3300000000000001'"
        ),
        15_000,
        "支付金额 is the amount paid"
    );
}

/// 拼多多 订单导出 in its current layout (the order columns public tools read), with the
/// receiver's columns masked as the platform exports them and the buyer's id.
const PDD: &[&str] = &[
    "订单成交时间,商品,订单号,订单状态,商品总价(元),邮费(元),店铺优惠折扣(元),平台优惠折扣(元),多多支付立减金额(元),用户实付金额(元),商家实收金额(元),商品数量(件),发货时间,确认收货时间,商品id,商品规格,样式ID,商家编码-规格维度,商家编码-商品维度,商家备注,售后状态,快递单号,快递公司,收货人,手机,省,市,区,街道,买家ID",
    "2026-02-03 10:00:00,桂花乌龙 250g,260203-111111111111111,已收货,68.00,0.00,5.00,3.00,0.00,60.00,63.00,1,2026-02-03 18:00:00,2026-02-06 09:00:00,754299529443,250g,S1,GH-250,GH,,无售后或售后取消,YT100,圆通快递,张**,138****1234,浙江省,杭州市,西湖区,****,pdd_80001",
    "2026-02-09 21:00:00,紫砂杯,260209-222222222222222,已收货,24.00,0.00,0.00,0.00,0.00,24.00,24.00,1,2026-02-10 09:00:00,2026-02-13 09:00:00,754299529444,白色,S2,ZS-01,ZS,,退款成功,YT101,圆通快递,张**,138****5678,浙江省,杭州市,西湖区,****,pdd_80001",
    "2026-02-10 08:00:00,龙井 100g,260210-333333333333333,待发货,99.00,0.00,0.00,0.00,0.00,99.00,99.00,1,,,754299529445,100g,S3,LJ-100,LJ,,无售后或售后取消,,,李**,139****0000,江苏省,南京市,鼓楼区,****,pdd_80002",
];

#[test]
fn a_pinduoduo_export_with_masked_phones_matches_repeat_buyers_by_their_buyer_id() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let path = tmp.path().join("拼多多订单导出.csv");
    write_utf8_bom(&path, PDD);

    let r = import(&store, &owner, &path);
    assert_eq!(r.preset, "pdd");
    assert_eq!(
        (r.created, r.rejected, r.customers_created),
        (3, 0, 2),
        "two buyers, though every phone differs: {:?}",
        r.rejected_rows
    );
    assert_eq!(
        query::<i64>(
            &store,
            &owner,
            "SELECT count(DISTINCT customer_id) FROM orders WHERE order_no IN ('260203-111111111111111', '260209-222222222222222')"
        ),
        1,
        "pdd_80001's two orders land on one customer"
    );
    let (channel, status, paid): (String, String, i64) = raw_connection_as_owner(&store, &owner)
        .query_row(
            "SELECT channel, status, paid_fen FROM orders WHERE order_no = '260209-222222222222222'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(channel, "pdd");
    assert_eq!(paid, 2400, "what the buyer paid (用户实付)");
    assert_eq!(
        status, "refunded",
        "售后状态 退款成功 is read as a refund: {status}"
    );
    assert_eq!(
        query::<i64>(
            &store,
            &owner,
            "SELECT count(*) FROM customer_phones WHERE phone LIKE '%*%'"
        ),
        0,
        "a masked phone is never stored as a number"
    );
}

/// 京东 订单导出 in its full layout: one row per SKU with the order's amounts repeated, the
/// buyer's account (下单帐号) beside a masked phone and name.
const JD: &[&str] = &[
    "订单号,商品ID,商品名称,订购数量,支付方式,下单时间,京东价,订单金额,结算金额,余额支付,应付金额,订单状态,订单类型,下单帐号,客户姓名,客户地址,联系电话,订单备注,发票类型,发票抬头,发票内容,商家备注,商家备注等级（等级1-5为由高到低）,运费金额,付款确认时间,增值税发票,货号,订单完成时间,订单来源,订单渠道,送装服务,服务费,仓库ID,仓库名称,是否京仓订单",
    "310000000001,100011,桂花乌龙 250g,2,在线支付,2026-02-05 09:00:00,34.00,92.00,92.00,0.00,92.00,完成,SOP,jd_wangfang,王*,浙江杭州市西湖区****,138****1234,,电子普通发票,个人,商品明细,,,0.00,2026-02-05 09:01:00,否,GH-250,2026-02-09 10:00:00,京东商城,APP,否,0.00,,,否",
    "310000000001,100012,紫砂杯,1,在线支付,2026-02-05 09:00:00,24.00,92.00,92.00,0.00,92.00,完成,SOP,jd_wangfang,王*,浙江杭州市西湖区****,138****1234,,电子普通发票,个人,商品明细,,,0.00,2026-02-05 09:01:00,否,ZS-01,2026-02-09 10:00:00,京东商城,APP,否,0.00,,,否",
    "310000000002,100013,龙井 100g,1,在线支付,2026-02-20 20:00:00,99.00,99.00,99.00,0.00,99.00,等待出库,SOP,jd_wangfang,王*,浙江杭州市西湖区****,138****9999,,电子普通发票,个人,商品明细,,,0.00,2026-02-20 20:00:30,否,LJ-100,,京东商城,APP,否,0.00,,,否",
    "310000000003,100013,龙井 100g,1,在线支付,2026-02-21 20:00:00,99.00,99.00,99.00,0.00,99.00,(删除)已取消,SOP,jd_lisi,李*,江苏南京市鼓楼区****,139****0000,,电子普通发票,个人,商品明细,,,0.00,,否,LJ-100,,京东商城,APP,否,0.00,,,否",
];

#[test]
fn a_jd_export_with_masked_contacts_keeps_multi_item_orders_whole_and_buyers_apart() {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let path = tmp.path().join("京东订单导出.csv");
    write_utf8_bom(&path, JD);

    let r = import(&store, &owner, &path);
    assert_eq!(r.preset, "jd");
    assert_eq!(
        (r.created, r.rejected, r.customers_created),
        (3, 0, 2),
        "{:?}",
        r.rejected_rows
    );
    let (paid, items): (i64, i64) = raw_connection_as_owner(&store, &owner)
        .query_row(
            "SELECT o.paid_fen, (SELECT count(*) FROM order_items i WHERE i.order_id = o.id)
             FROM orders o WHERE o.order_no = '310000000001'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (paid, items),
        (9200, 2),
        "the order's amount once, both SKUs as items"
    );
    assert_eq!(
        query::<i64>(
            &store,
            &owner,
            "SELECT count(DISTINCT customer_id) FROM orders WHERE order_no IN ('310000000001', '310000000002')"
        ),
        1,
        "jd_wangfang's orders land on one customer although the masked phones differ"
    );
    assert_eq!(
        query::<String>(
            &store,
            &owner,
            "SELECT status FROM orders WHERE order_no = '310000000003'"
        ),
        "cancelled"
    );
    assert_eq!(
        query::<i64>(
            &store,
            &owner,
            "SELECT count(*) FROM customer_phones WHERE phone LIKE '%*%'"
        ),
        0,
        "a masked phone is never stored as a number"
    );
}
