//! `laoke loyalty run | liability | expiring | monthly | repair | start | stop | status`: thin
//! printing over `laoke::loyalty` (the periodic job, the liability / expiry / monthly reports,
//! the repair of points that differ from the earn rule, and switching loyalty on — with the
//! choice for past orders, batched with progress — or off); [`print_check`] also serves
//! `laoke verify`.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{
    loyalty::{self, program},
    money::yuan,
    settings, Error,
};

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
    /// Bring every order's points to the earn rule (points on what was kept): writes correcting
    /// rows, never edits old ones; a second run writes nothing. Owner only; audited.
    Repair {
        /// Only say what it would write.
        #[arg(long)]
        dry_run: bool,
    },
    /// Switch loyalty on (owner). --past says which past orders earn: none (the default: only
    /// orders paid from now on), all, or months:N (the last N months). The past orders earn in
    /// batches, one transaction each, with progress; a start cut short continues where it
    /// stopped when run again (or by the next job run), never earning an order twice.
    Start {
        #[arg(long, default_value = "none")]
        past: String,
    },
    /// Switch loyalty off (owner): orders stop earning; points already earned stay.
    Stop,
    /// Whether loyalty is on, and the progress of a start.
    Status,
}

fn print_program(ctx: &Ctx, p: &program::StartProgress) {
    let state = match p.state {
        program::State::Off => ctx.t("未开启", "off"),
        program::State::Starting => ctx.t("开启中", "starting"),
        program::State::On => ctx.t("已开启", "on"),
    };
    println!(
        "{} {}  {} {}/{}  {} {} ({} {})",
        ctx.t("会员积分", "loyalty"),
        state,
        ctx.t("历史订单", "past orders"),
        p.done,
        p.total,
        ctx.t("计入订单", "orders earning"),
        p.earned_orders,
        p.earned_points,
        ctx.t("积分", "points")
    );
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
        LoyaltyCmd::Start { past } => {
            let past = program::Past::parse(&past)?;
            let p = program::run_to_end(&store, &session, past, |p| print_program(ctx, p))?;
            let from = match p.earn_from {
                Some(t) => t
                    .with_timezone(&settings::timezone(&store))
                    .format("%Y-%m-%d %H:%M")
                    .to_string(),
                None => ctx.t("全部", "all").to_string(),
            };
            println!(
                "{} {from}",
                ctx.t("计入积分的订单：付款时间自", "orders earning: paid from")
            );
        }
        LoyaltyCmd::Stop => print_program(ctx, &program::switch_off(&store, &session)?),
        LoyaltyCmd::Status => print_program(ctx, &program::status(&store, &session)?),
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
        LoyaltyCmd::Repair { dry_run } => {
            let r = loyalty::check::repair(&store, &session, dry_run)?;
            print_check(ctx, &r.before);
            println!(
                "{} {} ({} {}) / {} {} ({} {})",
                ctx.t(
                    if dry_run {
                        "将补发积分的订单"
                    } else {
                        "补发积分的订单"
                    },
                    if dry_run {
                        "orders that would earn"
                    } else {
                        "orders earning"
                    }
                ),
                r.sync.earned_orders,
                r.sync.earned_points,
                ctx.t("积分", "points"),
                ctx.t(
                    if dry_run {
                        "将冲回的订单"
                    } else {
                        "冲回订单"
                    },
                    if dry_run {
                        "orders that would be reversed"
                    } else {
                        "orders reversed"
                    }
                ),
                r.sync.reversed_orders,
                r.sync.reversed_points,
                ctx.t("积分", "points")
            );
            if dry_run {
                println!(
                    "{}",
                    ctx.t(
                        "（预览：没有写入任何内容。）",
                        "(Preview: nothing was written.)"
                    )
                );
            } else {
                println!(
                    "{} {}",
                    ctx.t("修复后仍不符的订单：", "orders still off the rule:"),
                    r.after.mismatches
                );
            }
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

/// `laoke verify`'s loyalty lines (and `laoke loyalty repair`'s "before").
pub fn print_check(ctx: &Ctx, c: &loyalty::check::LedgerCheck) {
    println!(
        "{} {}",
        ctx.t(
            "积分与订单金额不符的订单：",
            "orders whose points differ from paid − refunded:"
        ),
        c.mismatches
    );
    for m in &c.examples {
        println!(
            "  {} {} #{}: {} {}, {} {}",
            ctx.t("订单", "order"),
            m.order_no.as_deref().unwrap_or("-"),
            m.order_id.map_or("-".to_string(), |i| i.to_string()),
            ctx.t("现有", "holds"),
            m.held,
            ctx.t("应为", "should be"),
            m.expected
        );
    }
    if c.waiting_for_points > 0 {
        println!(
            "{} {}",
            ctx.t(
                "待冲回（客户积分为 0，有积分后自动冲回）：",
                "reversals waiting for the customer's next points:"
            ),
            c.waiting_for_points
        );
    }
    if c.not_earned_yet > 0 {
        println!(
            "{} {}",
            ctx.t(
                "尚未计积分的订单（下次积分任务计入）：",
                "orders not earned yet (the next loyalty run earns them):"
            ),
            c.not_earned_yet
        );
    }
}
