//! `laoke loyalty run | liability | expiring | monthly`: thin printing over `laoke::loyalty`
//! (the periodic job and the liability / expiry / monthly reports).

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{loyalty, orders::money::yuan, settings, Error};

#[derive(Subcommand)]
pub enum LoyaltyCmd {
    /// The periodic job: tier re-evaluation, earning from paid orders, refund reversals,
    /// expiry. Idempotent: running it twice changes nothing.
    Run,
    /// Outstanding points and their value, unused coupons, points expiring in 30/60/90 days.
    Liability,
    /// Customers with points expiring within --days (reminders: 30 and 7).
    Expiring {
        #[arg(long, default_value_t = 30)]
        days: i64,
    },
    /// Points issued / redeemed / expired / reversed per month.
    Monthly,
}

pub fn run(ctx: &Ctx, cmd: LoyaltyCmd) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    match cmd {
        LoyaltyCmd::Run => {
            let r = loyalty::run(&store, &session)?;
            println!(
                "{} {} / {} {} / {} {}",
                ctx.t("等级评定", "tiers evaluated"),
                r.tiers.evaluated,
                ctx.t("升级", "upgraded"),
                r.tiers.upgraded,
                ctx.t("降级", "downgraded"),
                r.tiers.downgraded
            );
            println!(
                "{} {} ({} {}) / {} {} ({} {})",
                ctx.t("新得积分订单", "orders earning"),
                r.sync.earned_orders,
                r.sync.earned_points,
                ctx.t("积分", "points"),
                ctx.t("冲回订单", "orders reversed"),
                r.sync.reversed_orders,
                r.sync.reversed_points,
                ctx.t("积分", "points")
            );
            println!(
                "{} {} ({} {})",
                ctx.t("过期批次", "lots expired"),
                r.expiry.lots,
                r.expiry.points,
                ctx.t("积分", "points")
            );
            if r.sync.returned_points > 0 || r.sync.restored_coupons > 0 {
                println!(
                    "{} {} / {} {}",
                    ctx.t("退还抵扣积分", "redeemed points returned"),
                    r.sync.returned_points,
                    ctx.t("恢复优惠券", "coupons restored"),
                    r.sync.restored_coupons
                );
            }
            if r.birthday.customers > 0 {
                println!(
                    "{} {} ({} {})",
                    ctx.t("生日积分", "birthday bonuses"),
                    r.birthday.customers,
                    r.birthday.points,
                    ctx.t("积分", "points")
                );
            }
            if !r.changed_anything() {
                println!("{}", ctx.t("没有需要处理的。", "Nothing to do."));
            }
        }
        LoyaltyCmd::Liability => {
            let l = loyalty::reports::liability(&store, &session)?;
            println!(
                "{} {}",
                ctx.t("未兑付积分：", "Outstanding points:"),
                l.outstanding_points
            );
            println!(
                "{} {}",
                ctx.t("折合金额：", "Worth:"),
                yuan(l.outstanding_value_fen)
            );
            println!(
                "{} {}",
                ctx.t("有积分的客户：", "Customers with points:"),
                l.customers_with_points
            );
            println!(
                "{} {} ({} {})",
                ctx.t("未使用的券：", "Unused coupons:"),
                l.unused_coupons,
                ctx.t("面值", "face value"),
                yuan(l.unused_coupon_value_fen)
            );
            println!(
                "{} 30 {} {} / 60 {} {} / 90 {} {}",
                ctx.t("即将过期：", "Expiring within:"),
                ctx.t("天", "days"),
                l.expiring_30_days,
                ctx.t("天", "days"),
                l.expiring_60_days,
                ctx.t("天", "days"),
                l.expiring_90_days
            );
        }
        LoyaltyCmd::Expiring { days } => {
            let tz = settings::timezone(&store);
            let rows = loyalty::expiring(&store, &session, days)?;
            for r in &rows {
                println!(
                    "#{:<7} {:<12} {:>8}  {}",
                    r.customer_id,
                    r.customer_name,
                    r.points,
                    r.expires_at.with_timezone(&tz).format("%Y-%m-%d")
                );
            }
            println!("{} {}", rows.len(), ctx.t("位客户", "customers"));
        }
        LoyaltyCmd::Monthly => {
            println!(
                "| {} | {} | {} | {} | {} |",
                ctx.t("月份", "month"),
                ctx.t("发放", "issued"),
                ctx.t("抵扣", "redeemed"),
                ctx.t("过期", "expired"),
                ctx.t("冲回", "reversed")
            );
            for m in loyalty::reports::monthly(&store, &session)? {
                println!(
                    "| {} | {} | {} | {} | {} |",
                    m.month, m.issued, m.redeemed, m.expired, m.reversed
                );
            }
        }
    }
    Ok(())
}
