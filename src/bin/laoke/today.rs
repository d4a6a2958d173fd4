//! `laoke today`: the day's due list (follow-ups, SLA due soon / breached, unpaid orders to
//! chase, birthdays, expiring points and coupons) over `laoke::care::today`.

use crate::ctx::Ctx;
use laoke::{care::today, money::yuan, Error};

/// `laoke today`: the counts, and at most ten rows of each list.
pub fn run(ctx: &Ctx) -> Result<(), Error> {
    let (store, s) = ctx.open()?;
    let zh = ctx.lang == laoke::i18n::Lang::ZhCn;
    let label = |z: &'static str, e: &'static str| if zh { z } else { e };
    let t = today::today(&store, &s)?;
    let c = &t.counts;
    println!("{} {}", label("今日待办", "Today"), t.day);
    println!(
        "  {} {}",
        label("待回访/关怀：", "follow-ups due:"),
        c.follow_ups
    );
    for f in t.follow_ups.iter().take(10) {
        println!(
            "    {} {} {} {}",
            f.next_contact_on,
            f.customer_name,
            label(f.kind.label_zh(), f.kind.label_en()),
            f.notes
        );
    }
    for (title, count, rows) in [
        (
            label("SLA 即将到期：", "SLA due soon:"),
            c.sla_due_soon,
            &t.sla_due_soon,
        ),
        (
            label("SLA 已超时：", "SLA breached:"),
            c.sla_breached,
            &t.sla_breached,
        ),
    ] {
        println!("  {title} {count}");
        for r in rows.iter().take(10) {
            println!("    {} {} {}", r.no, r.customer_name, r.subject);
        }
    }
    println!(
        "  {} {}",
        label("待催付订单：", "unpaid orders to chase:"),
        c.unpaid_orders
    );
    for o in t.unpaid_orders.iter().take(10) {
        println!(
            "    {} {} #{} {}",
            o.order_no,
            o.customer_name.as_deref().unwrap_or("-"),
            o.step,
            yuan(o.goods_fen)
        );
    }
    println!(
        "  {} {}",
        label("7 天内生日：", "birthdays in 7 days:"),
        c.birthdays
    );
    println!(
        "  {} {} · {} {}",
        label("7 天内到期积分：", "points expiring in 7 days:"),
        c.points_expiring,
        label("优惠券：", "coupons:"),
        c.coupons_expiring
    );
    for b in t.birthdays.iter().take(10) {
        println!("    {} {} (+{})", b.on, b.customer_name, b.in_days);
    }
    Ok(())
}
