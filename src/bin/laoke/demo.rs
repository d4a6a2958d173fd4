//! `laoke demo`: with no sizing flag, the sample shop (`laoke::demo::sample`: 2,000 customers
//! and two years of orders, tickets, follow-ups and loyalty) in an empty data folder; with
//! `--customers`, `--orders` or `--tickets`, that many generated rows (the benchmark store:
//! 100000 / 1000000), added to the store or creating it first. Either way a new store prints
//! its recovery key.

use crate::ctx::{print_recovery_key, Ctx};
use laoke::{
    auth::Role,
    clock,
    demo::{self, DemoSpec, SampleSpec},
    store::Store,
    users::NewUser,
    Error,
};

#[derive(clap::Args)]
pub struct DemoArgs {
    /// Generate this many customers (default 2000 when --orders or --tickets is given).
    #[arg(long)]
    customers: Option<u32>,
    /// The random seed (same seed, same data): default 2026 for the sample shop, else 42.
    #[arg(long)]
    seed: Option<u64>,
    /// Also generate this many orders (with items) for the store's customers.
    #[arg(long)]
    orders: Option<u64>,
    /// Also generate this many service tickets (timelines, CSAT, follow-ups).
    #[arg(long)]
    tickets: Option<u64>,
}

fn owner(ctx: &Ctx) -> Result<NewUser, Error> {
    let pw = ctx.password(
        "LAOKE_PASSWORD",
        ctx.t("新店主密码：", "New owner password: "),
    )?;
    Ok(NewUser {
        username: ctx.user.clone(),
        display_name: "店主".into(),
        role: Role::Owner,
        password: pw.to_string(),
    })
}

pub fn run(ctx: &Ctx, args: DemoArgs) -> Result<(), Error> {
    if args.customers.is_none() && args.orders.is_none() && args.tickets.is_none() {
        return sample_shop(ctx, args.seed.unwrap_or(SampleSpec::default().seed));
    }
    let customers = args.customers.unwrap_or(2000);
    let seed = args.seed.unwrap_or(42);
    let (orders, tickets) = (args.orders.unwrap_or(0), args.tickets.unwrap_or(0));
    let (store, session) = if Store::exists(&ctx.dir) {
        ctx.open()?
    } else {
        let (store, session, key) = Store::init(&ctx.dir, &owner(ctx)?, clock::system())?;
        print_recovery_key(ctx, &key);
        (store, session)
    };
    let started = std::time::Instant::now();
    let r = demo::generate(&store, &session, &DemoSpec { customers, seed })?;
    println!(
        "{} {} ({:.2} s)",
        ctx.t("已生成演示客户：", "Demo customers generated:"),
        r.customers,
        started.elapsed().as_secs_f64()
    );
    if orders > 0 {
        let started = std::time::Instant::now();
        let r = demo::generate_orders(&store, &session, &demo::OrdersSpec { orders, seed })?;
        println!(
            "{} {} / {} {} ({:.2} s)",
            ctx.t("已生成订单：", "Orders generated:"),
            r.orders,
            ctx.t("商品行", "items"),
            r.items,
            started.elapsed().as_secs_f64()
        );
    }
    if tickets > 0 {
        let r = demo::generate_tickets(&store, &session, &demo::TicketsSpec { tickets, seed })?;
        println!(
            "{} {} / {} {}",
            ctx.t("已生成工单：", "Tickets generated:"),
            r.tickets,
            ctx.t("回访计划", "follow-ups"),
            r.follow_ups
        );
    }
    Ok(())
}

/// The sample shop, made in an empty data folder only (it is a whole shop's history, with its
/// own users and settings; it never mixes into a real store).
fn sample_shop(ctx: &Ctx, seed: u64) -> Result<(), Error> {
    if Store::exists(&ctx.dir) {
        return Err(Error::conflict(
            "这里已经有店铺：示例店铺只在空的数据文件夹里创建（--data-dir 另选一个）。要往这家店加演示数据，请用 --customers / --orders / --tickets。",
            "A store is already here: the sample shop is made in an empty data folder only (choose another with --data-dir). To add demo data to this store, use --customers / --orders / --tickets.",
        ));
    }
    let started = std::time::Instant::now();
    let spec = SampleSpec {
        seed,
        ..SampleSpec::default()
    };
    let (_store, _session, key, r) =
        demo::sample::create(&ctx.dir, &owner(ctx)?, clock::system(), &spec)?;
    print_recovery_key(ctx, &key);
    println!(
        "{} ({:.1} s)",
        ctx.t(
            "已创建示例店铺：两年的经营记录",
            "Sample shop created: two years of history"
        ),
        started.elapsed().as_secs_f64()
    );
    let rows = [
        (ctx.t("客户", "customers"), r.customers.to_string()),
        (ctx.t("订单", "orders"), r.orders.to_string()),
        (ctx.t("工单", "tickets"), r.tickets.to_string()),
        (ctx.t("跟进记录", "follow-ups"), r.follow_ups.to_string()),
        (
            ctx.t("积分余额", "points balance"),
            r.points_balance.to_string(),
        ),
        (
            ctx.t("已发优惠券", "coupons issued"),
            r.coupon_grants.to_string(),
        ),
    ];
    for (label, n) in rows {
        println!("  {label}: {n}");
    }
    Ok(())
}
