//! `laoke points CUSTOMER`: a customer's points (balance, usable, locked, next expiry), tier
//! and latest history, over `laoke::loyalty` (CUSTOMER = id or phone).

use crate::ctx::Ctx;
use laoke::{i18n::Lang, loyalty, money::yuan, settings, Error};

#[derive(clap::Args)]
pub struct PointsArgs {
    customer: String,
    #[arg(long, default_value_t = 20)]
    limit: u32,
}

pub fn run(ctx: &Ctx, args: PointsArgs) -> Result<(), Error> {
    let PointsArgs { customer, limit } = args;
    let who = customer.as_str();
    let (store, session) = ctx.open()?;
    let id = loyalty::find_customer(&store, &session, who)?;
    let tz = settings::timezone(&store);
    let v = loyalty::customer_loyalty(&store, &session, id)?;
    let en = ctx.lang == Lang::En;
    let p = &v.points;
    println!("{} #{id}", ctx.t("客户", "Customer"));
    println!(
        "{} {}  ({} {}, {} {}, {} {})",
        ctx.t("积分余额：", "Balance:"),
        p.balance,
        ctx.t("可用", "usable"),
        p.usable,
        ctx.t("锁定中", "locked"),
        p.locked,
        ctx.t("价值", "worth"),
        yuan(p.value_fen)
    );
    if let Some(at) = p.next_expiry_at {
        println!(
            "{} {} {} {}",
            ctx.t("即将过期：", "Next expiry:"),
            p.next_expiry_points,
            ctx.t("积分于", "points on"),
            at.with_timezone(&tz).format("%Y-%m-%d")
        );
    }
    match &v.tier.tier {
        Some(t) => {
            let name = if en { &t.name_en } else { &t.name_zh };
            print!(
                "{} {name}{}  {} {}",
                ctx.t("会员等级：", "Tier:"),
                if v.tier.locked {
                    ctx.t("（已锁定）", " (locked)")
                } else {
                    ""
                },
                ctx.t("近 12 个月消费", "qualifying spend"),
                yuan(v.tier.qualifying_spend_fen)
            );
            if let (Some(n), Some(fen)) = (&v.tier.next_tier, v.tier.to_next_fen) {
                print!(
                    "  {} {} {}",
                    ctx.t("距", "to"),
                    if en { &n.name_en } else { &n.name_zh },
                    yuan(fen)
                );
            }
            println!();
        }
        None => println!("{} -", ctx.t("会员等级：", "Tier:")),
    }
    let rows = loyalty::points::history(&store, &session, id, limit)?;
    if rows.is_empty() {
        println!("{}", ctx.t("还没有积分记录。", "No points history yet."));
    }
    for e in rows {
        println!(
            "{}  {:>+8}  {:<14} {}{}{}",
            e.at.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
            e.delta,
            if en {
                e.reason.label_en()
            } else {
                e.reason.label_zh()
            },
            e.source_id
                .map(|i| format!("{} #{i} ", e.source.as_str()))
                .unwrap_or_default(),
            e.operator,
            if e.note.is_empty() {
                String::new()
            } else {
                format!("  {}", e.note)
            }
        );
    }
    Ok(())
}
