//! `laoke demo`: realistic demo customers, and optionally orders and service tickets; creates
//! the store first (printing its recovery key) when the data folder has none.

use crate::ctx::{print_recovery_key, Ctx};
use laoke::{
    auth::Role,
    clock,
    demo::{self, DemoSpec},
    store::Store,
    users::NewUser,
    Error,
};

#[derive(clap::Args)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 2000)]
    customers: u32,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Also generate this many orders (with items) for the store's customers.
    #[arg(long, default_value_t = 0)]
    orders: u64,
    /// Also generate this many service tickets (timelines, CSAT, follow-ups).
    #[arg(long, default_value_t = 0)]
    tickets: u64,
}

pub fn run(ctx: &Ctx, args: DemoArgs) -> Result<(), Error> {
    let DemoArgs {
        customers,
        seed,
        orders,
        tickets,
    } = args;
    let (store, session) = if Store::exists(&ctx.dir) {
        ctx.open()?
    } else {
        let pw = ctx.password(
            "LAOKE_PASSWORD",
            ctx.t("新店主密码：", "New owner password: "),
        )?;
        let new = NewUser {
            username: ctx.user.clone(),
            display_name: "店主".into(),
            role: Role::Owner,
            password: pw.to_string(),
        };
        let (store, session, key) = Store::init(&ctx.dir, &new, clock::system())?;
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
