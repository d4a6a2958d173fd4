//! `laoke search QUERY`: the app's global search, as a table (or JSON with `--json`).

use crate::ctx::Ctx;
use laoke::Error;

#[derive(clap::Args)]
pub struct SearchArgs {
    query: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(ctx: &Ctx, args: SearchArgs) -> Result<(), Error> {
    let SearchArgs { query, json } = args;
    let query = query.as_str();
    let (store, session) = ctx.open()?;
    let r = laoke::search::search(&store, &session, query)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&r).map_err(|e| Error::Internal(e.to_string()))?
        );
        return Ok(());
    }
    let field = |f: laoke::search::MatchField| {
        use laoke::search::MatchField::*;
        match f {
            Name => ctx.t("姓名", "name"),
            Email => ctx.t("邮箱", "email"),
            Wechat => ctx.t("微信", "WeChat"),
            Phone => ctx.t("手机", "phone"),
            Nick => ctx.t("昵称", "nick"),
            OrderNo => ctx.t("订单号", "order no."),
        }
    };
    println!("{} ({})", ctx.t("客户", "Customers"), r.customers.len());
    for c in &r.customers {
        println!(
            "  #{:<7} {:<10} {:<13} {:>4} {}  {}: {}",
            c.id,
            c.name,
            c.phone.as_deref().unwrap_or("-"),
            c.orders_count,
            ctx.t("单", "orders"),
            field(c.matched.field),
            c.matched.text
        );
    }
    println!("{} ({})", ctx.t("订单", "Orders"), r.orders.len());
    for o in &r.orders {
        println!(
            "  {:<24} {:<12} {:<20} {:>10}  {}",
            o.order_no,
            o.channel,
            o.status,
            laoke::money::yuan(o.paid_fen),
            o.customer_name.as_deref().unwrap_or("-")
        );
    }
    Ok(())
}
