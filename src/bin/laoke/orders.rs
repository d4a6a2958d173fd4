//! `laoke orders list | show | new`: one page of orders with the filter's totals, or one order
//! with its items, over the same core calls as the orders page (times on the shop's clock);
//! `new` (a sale entered by hand, with points / a coupon) lives in `sale.rs`.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{i18n::Lang, Error};

#[derive(Subcommand)]
pub enum OrdersCmd {
    /// One page of orders, newest first, with the totals for the filter.
    List {
        /// taobao, tmall, jd, pdd, wechat_shop, douyin, in_store, other (or 淘宝, 京东…); repeatable.
        #[arg(long)]
        channel: Vec<String>,
        /// unpaid, paid, shipped, completed, partially_refunded, refunded, cancelled; repeatable.
        #[arg(long)]
        status: Vec<String>,
        /// First shop day (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        /// Last shop day (YYYY-MM-DD), inclusive.
        #[arg(long)]
        to: Option<String>,
        #[arg(long)]
        customer: Option<i64>,
        /// Part of the order number, buyer nick or product name.
        #[arg(long)]
        text: Option<String>,
        /// orderedAt, paidFen, orderNo, channel, status, customerName, refundedFen…
        #[arg(long, default_value = "orderedAt")]
        sort: String,
        /// Ascending instead of descending.
        #[arg(long)]
        asc: bool,
        #[arg(long, default_value_t = 1)]
        page: u32,
        #[arg(long, default_value_t = 50)]
        page_size: u32,
    },
    /// One order with its items.
    Show {
        order_no: String,
        /// Needed only when the number exists on several channels.
        #[arg(long)]
        channel: Option<String>,
    },
    /// Enter a paid sale by hand, optionally paying part with points and/or a coupon.
    New(crate::sale::SaleArgs),
}

pub fn parse_channel(s: &str) -> Result<laoke::orders::Channel, Error> {
    laoke::orders::Channel::parse(s).ok_or_else(|| {
        Error::invalid(
            format!("渠道“{s}”不认识（可用 taobao、tmall、jd、pdd、wechat_shop、douyin、in_store、other）。"),
            format!("Unknown channel '{s}' (taobao, tmall, jd, pdd, wechat_shop, douyin, in_store, other)."),
        )
    })
}

pub fn run(ctx: &Ctx, cmd: OrdersCmd) -> Result<(), Error> {
    use laoke::money::yuan;
    use laoke::orders::{self, OrderQuery, OrderStatus};
    let en = ctx.lang == Lang::En;
    let channel_label = |c: orders::Channel| if en { c.label_en() } else { c.label_zh() };
    let status_label = |s: OrderStatus| if en { s.label_en() } else { s.label_zh() };
    let local = |tz: chrono_tz::Tz, t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
    };
    match cmd {
        OrdersCmd::New(args) => return crate::sale::run(ctx, args),
        OrdersCmd::List {
            channel,
            status,
            from,
            to,
            customer,
            text,
            sort,
            asc,
            page,
            page_size,
        } => {
            let channels = channel
                .iter()
                .map(|c| parse_channel(c))
                .collect::<Result<Vec<_>, _>>()?;
            let statuses = status
                .iter()
                .map(|s| {
                    OrderStatus::parse(s).ok_or_else(|| {
                        Error::invalid(
                            format!("状态“{s}”不认识。"),
                            format!("Unknown status '{s}'."),
                        )
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let (store, session) = ctx.open()?;
            let tz = laoke::settings::timezone(&store);
            let p = orders::list(
                &store,
                &session,
                &OrderQuery {
                    page,
                    page_size,
                    channels,
                    statuses,
                    ordered_from: from,
                    ordered_to: to,
                    customer_id: customer,
                    text,
                    sort: Some(sort),
                    desc: Some(!asc),
                    ..Default::default()
                },
            )?;
            for r in &p.rows {
                println!(
                    "{:<22} {:<8} {:<8} {:<16} {:>12} {:>12}  {:<8} {}",
                    r.order_no,
                    channel_label(r.channel),
                    status_label(r.status),
                    local(tz, r.ordered_at),
                    yuan(r.paid_fen),
                    yuan(r.refunded_fen),
                    r.customer_name.as_deref().unwrap_or("-"),
                    r.products
                );
            }
            println!(
                "{} {}  {} {}  {} {}",
                ctx.t("合计订单：", "orders:"),
                p.totals.count,
                ctx.t("实付：", "paid:"),
                yuan(p.totals.paid_fen),
                ctx.t("已退款：", "refunded:"),
                yuan(p.totals.refunded_fen)
            );
        }
        OrdersCmd::Show { order_no, channel } => {
            let channel = channel.as_deref().map(parse_channel).transpose()?;
            let (store, session) = ctx.open()?;
            let o = orders::find_by_no(&store, &session, &order_no, channel)?;
            let tz = laoke::settings::timezone(&store);
            println!(
                "{} {}  {}  {}",
                ctx.t("订单", "Order"),
                o.row.order_no,
                channel_label(o.row.channel),
                status_label(o.row.status)
            );
            println!(
                "{} {}",
                ctx.t("客户：", "Customer:"),
                o.customer
                    .as_ref()
                    .map(|c| format!("{} (#{})", c.name, c.id))
                    .unwrap_or_else(|| "-".into())
            );
            println!(
                "{} {}",
                ctx.t("下单：", "Ordered:"),
                local(tz, o.row.ordered_at)
            );
            if let Some(p) = o.row.paid_at {
                println!("{} {}", ctx.t("付款：", "Paid at:"), local(tz, p));
            }
            for it in &o.items {
                println!(
                    "  {} × {}  {}  {}{}",
                    it.quantity,
                    it.product_name,
                    yuan(it.unit_price_fen),
                    yuan(it.line_fen),
                    if it.category.is_empty() {
                        String::new()
                    } else {
                        format!("  [{}]", it.category)
                    }
                );
            }
            println!(
                "{} {}  {} {}  {} {}  {} {}  {} {}",
                ctx.t("商品", "goods"),
                yuan(o.row.goods_fen),
                ctx.t("运费", "shipping"),
                yuan(o.row.shipping_fen),
                ctx.t("优惠", "discount"),
                yuan(o.row.discount_fen),
                ctx.t("实付", "paid"),
                yuan(o.row.paid_fen),
                ctx.t("已退款", "refunded"),
                yuan(o.row.refunded_fen)
            );
            if !o.note.is_empty() {
                println!("{} {}", ctx.t("备注：", "Note:"), o.note);
            }
        }
    }
    Ok(())
}
