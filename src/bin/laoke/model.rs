//! `laoke model fit | check`: thin printing over `laoke::models::shop` — one `name = value` line
//! per fitted parameter, then the log-likelihood, the customers used and the time taken; and the
//! holdout check (forecast vs what happened, in total and by past frequency).

use crate::ctx::Ctx;
use chrono::NaiveDate;
use clap::Subcommand;
use laoke::{
    models::{
        shop::{self, FitReport, ModelChoice, Outcome},
        Unit,
    },
    Error,
};

#[derive(Subcommand)]
pub enum ModelCmd {
    /// Fit a model on the orders up to --as-of DAY (YYYY-MM-DD, default today's shop day).
    Fit {
        /// pnbd (Pareto/NBD), bgnbd (BG/NBD), mbgnbd (MBG/NBD) or gg (Gamma-Gamma spend).
        #[arg(long, default_value = "pnbd")]
        model: String,
        #[arg(long)]
        as_of: Option<String>,
        /// The time unit of the rate parameters: days or weeks.
        #[arg(long, default_value = "days")]
        unit: String,
    },
    /// Fit on orders up to --as-of DAY and compare the forecast with the next --horizon-days.
    Check {
        #[arg(long)]
        as_of: String,
        #[arg(long)]
        horizon_days: u32,
        /// pnbd, bgnbd or mbgnbd.
        #[arg(long, default_value = "pnbd")]
        model: String,
        #[arg(long, default_value = "days")]
        unit: String,
    },
}

fn day(d: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
        Error::invalid(
            format!("日期“{d}”需要写成 YYYY-MM-DD。"),
            format!("The day '{d}' must be YYYY-MM-DD."),
        )
    })
}

fn unit(u: &str) -> Result<Unit, Error> {
    Unit::parse(u).ok_or_else(|| {
        Error::invalid(
            format!("时间单位“{u}”只能是 days 或 weeks。"),
            format!("The unit '{u}' must be days or weeks."),
        )
    })
}

fn choice(m: &str) -> Result<ModelChoice, Error> {
    ModelChoice::parse(m).ok_or_else(|| {
        Error::invalid(
            format!("模型“{m}”只能是 pnbd、bgnbd、mbgnbd 或 gg。"),
            format!("The model '{m}' must be pnbd, bgnbd, mbgnbd or gg."),
        )
    })
}

fn print_fit(ctx: &Ctx, f: &FitReport) {
    println!("{} ({} {})", f.title, ctx.t("截至", "as of"), f.as_of);
    for (name, v) in &f.params {
        println!("{name} = {v:.6}");
    }
    println!("ll = {:.4}", f.ll);
    println!("{} = {}", ctx.t("客户数", "customers"), f.customers);
    println!("{} = {} ms", ctx.t("用时", "took"), f.millis);
}

fn print_short(ctx: &Ctx, s: &shop::Shortfall) {
    let (zh, en) = s.message();
    println!("{}", ctx.t(&zh, &en));
}

pub fn run(ctx: &Ctx, cmd: ModelCmd) -> Result<(), Error> {
    let (store, s) = ctx.open()?;
    match cmd {
        ModelCmd::Fit {
            model,
            as_of,
            unit: u,
        } => {
            let as_of = as_of.as_deref().map(day).transpose()?;
            match shop::fit(&store, &s, choice(&model)?, as_of, unit(&u)?)? {
                Outcome::NotEnoughHistory(short) => print_short(ctx, &short),
                Outcome::Ready(f) => print_fit(ctx, &f),
            }
        }
        ModelCmd::Check {
            as_of,
            horizon_days,
            model,
            unit: u,
        } => {
            let ModelChoice::Purchases(m) = choice(&model)? else {
                return Err(Error::invalid(
                    "检验只适用于购买次数模型（pnbd、bgnbd、mbgnbd）。",
                    "The check is for purchase models only (pnbd, bgnbd, mbgnbd).",
                ));
            };
            let r = match shop::check(&store, &s, m, day(&as_of)?, horizon_days, unit(&u)?)? {
                Outcome::NotEnoughHistory(short) => {
                    print_short(ctx, &short);
                    return Ok(());
                }
                Outcome::Ready(r) => r,
            };
            print_fit(ctx, &r.fit);
            let h = &r.holdout;
            println!(
                "{} {} → {}: {} {:.1}, {} {}, {} {:+.1}%, RMSE {:.3}",
                ctx.t("检验期", "holdout"),
                r.fit.as_of,
                r.until,
                ctx.t("预测", "predicted"),
                h.predicted,
                ctx.t("实际", "actual"),
                h.actual,
                ctx.t("误差", "error"),
                h.error * 100.0,
                h.rmse
            );
            println!(
                "{}",
                ctx.t(
                    "过去回购天数  客户数  预测（人均）  实际（人均）",
                    "past repeats  customers  predicted (mean)  actual (mean)"
                )
            );
            let last = h.by_frequency.len().saturating_sub(1);
            for (i, row) in h.by_frequency.iter().enumerate() {
                let x = if i == last {
                    format!("{}+", row.x)
                } else {
                    row.x.to_string()
                };
                println!(
                    "{x:>4}  {:>8}  {:>10.3}  {:>10.3}",
                    row.customers, row.predicted_mean, row.actual_mean
                );
            }
        }
    }
    Ok(())
}
