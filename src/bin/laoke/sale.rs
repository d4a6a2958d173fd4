//! `laoke orders new`: enter a sale by hand, optionally paying part of it with points and/or a
//! coupon — thin parsing and printing over `laoke::sales::create`, the one entry the app's
//! new-order screen uses too (one transaction: the order, stats, points, coupon use, audit).
//! Scripts and the crash tests (tests/crash_sale.rs) drive a sale with redemption through it.

use crate::ctx::Ctx;
use laoke::{
    loyalty::redemption::Redemption,
    money::{parse_yuan, yuan},
    orders::{self, ManualOrder, NewOrderItem, OrderStatus},
    Error,
};

#[derive(clap::Args)]
pub struct SaleArgs {
    /// The customer's id (none: a walk-in sale, which cannot use points or coupons).
    #[arg(long)]
    customer: Option<i64>,
    /// PRODUCT=PRICE or PRODUCT=PRICExQTY, the unit price in yuan (e.g. 龙井=99.00x2); repeatable.
    #[arg(long = "item", required = true)]
    items: Vec<String>,
    /// in_store (default), taobao, jd, pdd, wechat_shop, douyin, other.
    #[arg(long, default_value = "in_store")]
    channel: String,
    /// Shipping in yuan.
    #[arg(long)]
    shipping: Option<String>,
    /// Discount in yuan (before coupon and points).
    #[arg(long)]
    discount: Option<String>,
    /// Points to pay with.
    #[arg(long, default_value_t = 0)]
    points: i64,
    /// The coupon grant to use (its id, as `laoke points CUSTOMER` lists it).
    #[arg(long)]
    coupon: Option<i64>,
    #[arg(long, default_value = "")]
    note: String,
}

/// `龙井=99.00x2` → one item line.
fn parse_item(s: &str) -> Result<NewOrderItem, Error> {
    let bad = || {
        Error::invalid(
            format!("商品“{s}”的格式应为 名称=单价 或 名称=单价x数量（例如 龙井=99.00x2）。"),
            format!("Item '{s}' should be NAME=PRICE or NAME=PRICExQTY (e.g. 龙井=99.00x2)."),
        )
    };
    let (name, rest) = s.rsplit_once('=').ok_or_else(bad)?;
    let (price, qty) = match rest.rsplit_once(['x', 'X', '×']) {
        Some((p, q)) => (p, q.trim().parse::<i64>().map_err(|_| bad())?),
        None => (rest, 1),
    };
    if name.trim().is_empty() {
        return Err(bad());
    }
    Ok(NewOrderItem {
        product_name: name.trim().into(),
        sku: String::new(),
        category: String::new(),
        quantity: qty,
        unit_price_fen: parse_yuan(price, "单价", "unit price")?,
    })
}

pub fn run(ctx: &Ctx, a: SaleArgs) -> Result<(), Error> {
    let channel = crate::orders::parse_channel(&a.channel)?;
    let amount = |v: &Option<String>, zh: &str, en: &str| {
        v.as_deref().map_or(Ok(0), |v| parse_yuan(v, zh, en))
    };
    let m = ManualOrder {
        customer_id: a.customer,
        channel,
        order_no: String::new(),
        status: OrderStatus::Paid,
        ordered_at: None,
        shipping_fen: amount(&a.shipping, "运费", "shipping")?,
        discount_fen: amount(&a.discount, "优惠", "discount")?,
        paid_fen: None,
        note: a.note,
        items: a
            .items
            .iter()
            .map(|s| parse_item(s))
            .collect::<Result<_, _>>()?,
    };
    let r = Redemption {
        points: a.points,
        coupon_grant_id: a.coupon,
    };
    let (store, session) = ctx.open()?;
    let id = laoke::sales::create(&store, &session, &m, &r)?;
    let o = orders::get(&store, &session, id)?;
    println!(
        "{} {} (#{id})  {} {}  {} {}",
        ctx.t("已录入订单", "Order entered"),
        o.row.order_no,
        ctx.t("优惠", "discount"),
        yuan(o.row.discount_fen),
        ctx.t("实付", "paid"),
        yuan(o.row.paid_fen)
    );
    Ok(())
}
