//! `laoke insight score | classes | settings | preview`: thin printing over `laoke::insight`
//! (the scoring pass, the class and stage counts, the threshold settings and a preview of a
//! change). Names in the CLI's language (`--lang`), codes beside them for scripts.

use crate::ctx::Ctx;
use chrono::NaiveDate;
use clap::Subcommand;
use laoke::{
    insight::{self, InsightParams, LineMode},
    money::{parse_yuan, yuan},
    Error,
};

#[derive(Subcommand)]
pub enum InsightCmd {
    /// Run the scoring pass now (every live customer's class and stage), as of --as-of DAY
    /// (YYYY-MM-DD, default today's shop day); back-fills the monthly snapshots the first time.
    Score {
        #[arg(long)]
        as_of: Option<String>,
    },
    /// Each RFM class and lifecycle stage with its count, from the stored pass.
    Classes,
    /// The rules as configured, the shop's medians, the presets and label sets.
    Settings,
    /// What saving these lines would do (how many customers move where); saves nothing.
    Preview {
        #[arg(long)]
        r_days: Option<u32>,
        #[arg(long)]
        f_orders: Option<u32>,
        #[arg(long)]
        m_yuan: Option<String>,
        /// A preset's id (see `laoke insight settings`).
        #[arg(long)]
        preset: Option<String>,
        /// The medians (the default mode).
        #[arg(long)]
        median: bool,
    },
}

fn print_lines(ctx: &Ctx, p: &InsightParams) {
    let mode = match p.mode {
        LineMode::Median => ctx.t("中位数", "medians"),
        LineMode::Fixed => ctx.t("固定线", "fixed lines"),
    };
    println!(
        "{} {mode}: R ≤ {} {} · F ≥ {} · M ≥ {}  ({} {} {})",
        ctx.t("分层线", "lines"),
        p.r_days,
        ctx.t("天", "days"),
        p.f_orders,
        yuan(p.m_fen),
        ctx.t("窗口", "window"),
        p.window_days,
        ctx.t("天", "days"),
    );
}

fn moves(ctx: &Ctx, title: (&str, &str), cells: &[insight::MoveCell]) {
    println!("{}", ctx.t(title.0, title.1));
    let none = ctx.t("（无）", "(none)");
    for c in cells {
        println!(
            "  {} → {}  {}",
            c.from.as_deref().unwrap_or(none),
            c.to.as_deref().unwrap_or(none),
            c.customers
        );
    }
}

pub fn run(ctx: &Ctx, cmd: InsightCmd) -> Result<(), Error> {
    let (store, s) = ctx.open()?;
    match cmd {
        InsightCmd::Score { as_of } => {
            let day = match as_of {
                Some(d) => Some(
                    NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
                        Error::invalid(
                            format!("日期“{d}”需要写成 YYYY-MM-DD。"),
                            format!("The day '{d}' must be YYYY-MM-DD."),
                        )
                    })?,
                ),
                None => None,
            };
            let r = insight::score(&store, &s, day, "cli")?;
            println!(
                "{} {}: {} {}, {} {}, {} {}, {} {} ms",
                ctx.t("评分截至", "scored as of"),
                r.as_of,
                r.customers,
                ctx.t("位客户", "customers"),
                r.buyers,
                ctx.t("位窗口内购买", "buyers in the window"),
                r.rows_written,
                ctx.t("行有变化", "rows changed"),
                ctx.t("用时", "took"),
                r.millis
            );
            if !r.months_added.is_empty() {
                println!(
                    "{} {} ({}–{})",
                    ctx.t("补录月度快照", "monthly snapshots added"),
                    r.months_added.len(),
                    r.months_added[0],
                    r.months_added[r.months_added.len() - 1]
                );
            }
        }
        InsightCmd::Classes => {
            let o = insight::overview(&store, &s)?;
            let Some(as_of) = &o.as_of else {
                println!(
                    "{}",
                    ctx.t(
                        "还没有评分：先运行 laoke insight score。",
                        "Not scored yet: run laoke insight score."
                    )
                );
                return Ok(());
            };
            println!("{} {as_of}", ctx.t("评分截至", "scored as of"));
            print_lines(ctx, &o.params);
            for (c, l) in o.classes.iter().zip(&o.labels) {
                println!(
                    "  {:<20} {:>8}  {:>5.1}%  {} {}",
                    ctx.t(&l.zh, &l.en),
                    c.customers,
                    c.share * 100.0,
                    yuan(c.spend_fen),
                    c.code.as_str()
                );
            }
            for st in &o.stages {
                let (zh, en) = st.code.names();
                println!(
                    "  {:<20} {:>8}  {}",
                    ctx.t(zh, en),
                    st.customers,
                    st.code.as_str()
                );
            }
            println!(
                "  {:<20} {:>8}  returning",
                ctx.t("老客户（≥ 2 单）", "Returning (≥ 2 orders)"),
                o.returning
            );
        }
        InsightCmd::Settings => {
            let st = insight::settings(&store, &s)?;
            print_lines(ctx, &st.params);
            println!(
                "{}: R {} {} · F {} · M {}",
                ctx.t("店铺中位数", "shop medians"),
                st.medians.r_days,
                ctx.t("天", "days"),
                st.medians.f_orders,
                yuan(st.medians.m_fen)
            );
            println!(
                "{}: {} {} / {} {} / {} {}",
                ctx.t("生命周期", "lifecycle"),
                ctx.t("新", "new ≤"),
                st.params.new_days,
                ctx.t("活跃", "active ≤"),
                st.params.active_days,
                ctx.t("沉睡", "dormant ≤"),
                st.params.dormant_days
            );
            println!("{}", ctx.t("预设（固定线）：", "presets (fixed lines):"));
            for p in &st.presets {
                println!("  {:<12} {}", p.id, ctx.t(&p.zh, &p.en));
            }
            println!("{}", ctx.t("名称方案：", "label sets:"));
            for l in &st.label_sets {
                let mark = if l.id == st.params.label_set {
                    "*"
                } else {
                    " "
                };
                println!(" {mark}{:<12} {}", l.id, ctx.t(&l.zh, &l.en));
            }
        }
        InsightCmd::Preview {
            r_days,
            f_orders,
            m_yuan,
            preset,
            median,
        } => {
            let st = insight::settings(&store, &s)?;
            let mut p = st.params.clone();
            if median {
                p.mode = LineMode::Median;
            } else if let Some(id) = preset {
                let pr = st.presets.iter().find(|p| p.id == id).ok_or_else(|| {
                    Error::invalid(format!("没有预设“{id}”。"), format!("No preset '{id}'."))
                })?;
                (p.mode, p.r_days, p.f_orders, p.m_fen) =
                    (LineMode::Fixed, pr.r_days, pr.f_orders, pr.m_fen);
            }
            if r_days.is_some() || f_orders.is_some() || m_yuan.is_some() {
                p.mode = LineMode::Fixed;
                p.r_days = r_days.unwrap_or(p.r_days);
                p.f_orders = f_orders.unwrap_or(p.f_orders);
                if let Some(m) = m_yuan {
                    p.m_fen = parse_yuan(&m, "M 线", "the M line")?;
                }
            }
            let pv = insight::preview(&store, &s, &p)?;
            print_lines(ctx, &pv.resolved);
            println!(
                "{} {} / {} {}",
                ctx.t("会变动的客户", "customers who would move"),
                pv.moved,
                ctx.t("全部", "of"),
                pv.total
            );
            moves(ctx, ("RFM 分层变动：", "class moves:"), &pv.class_moves);
            moves(ctx, ("生命周期变动：", "stage moves:"), &pv.stage_moves);
        }
    }
    Ok(())
}
