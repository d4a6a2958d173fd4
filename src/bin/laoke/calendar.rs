//! `laoke calendar show|import|set|clear`: the holiday calendar of a year (days off and 调休
//! working days, and whether they are official, computed or the shop's) over
//! `laoke::tickets::arrangement`, the same calls as Settings → 节假日.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{
    holidays::{ics::ArrangementEntry, HolidayKind, HolidayYear},
    tickets::arrangement,
    Error,
};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum CalendarCmd {
    /// A year's days off and 调休 working days: `YYYY-MM-DD off|work 名称 (official|computed|shop)`.
    Show { year: i32 },
    /// Import the year's official arrangement from an .ics file (event titles say 休 or 班;
    /// owner or manager). Every year in the file is replaced unless --year picks one.
    Import {
        file: PathBuf,
        #[arg(long)]
        year: Option<i32>,
    },
    /// Type a year's official arrangement: DAY:off|work[:名称] …, e.g.
    /// `laoke calendar set 2027 2027-02-05:off:春节 2027-02-07:work:春节` (owner or manager).
    Set {
        year: i32,
        #[arg(required = true)]
        days: Vec<String>,
    },
    /// Forget the shop's arrangement of a year (back to official or computed).
    Clear { year: i32 },
}

/// One `YYYY-MM-DD off|work 名称 (source)` line per day.
pub fn lines(year: &HolidayYear, en: bool) -> Vec<String> {
    year.days
        .iter()
        .map(|d| {
            let name = if en { &d.name_en } else { &d.name };
            format!(
                "{} {} {} ({})",
                d.day,
                d.kind.as_str(),
                name,
                d.source.as_str()
            )
        })
        .collect()
}

fn print(ctx: &Ctx, year: &HolidayYear) {
    for l in lines(year, ctx.lang == laoke::i18n::Lang::En) {
        println!("{l}");
    }
    if !year.arrangement_published {
        eprintln!(
            "{}",
            ctx.t(
                "（调休待公布：只有法定假日，国务院的放假安排公布后请导入或录入。）",
                "(Arrangement not yet published: statutory days only; import or type the State Council's arrangement once it is out.)",
            )
        );
    }
}

fn parse_entry(s: &str) -> Result<ArrangementEntry, Error> {
    let bad = || {
        Error::invalid(
            format!("“{s}”应写成 日期:off|work[:名称]，例如 2027-02-05:off:春节。"),
            format!("'{s}' should be DAY:off|work[:name], e.g. 2027-02-05:off:春节."),
        )
    };
    let mut parts = s.splitn(3, ':');
    let day = parts
        .next()
        .and_then(|d| d.trim().parse().ok())
        .ok_or_else(bad)?;
    let kind = parts.next().and_then(HolidayKind::parse).ok_or_else(bad)?;
    let name = parts.next().unwrap_or("").to_string();
    Ok(ArrangementEntry { day, kind, name })
}

pub fn run(ctx: &Ctx, cmd: CalendarCmd) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    match cmd {
        CalendarCmd::Show { year } => print(ctx, &arrangement::year(&store, &session, year)?),
        CalendarCmd::Import { file, year } => {
            let r = arrangement::import_ics_file(&store, &session, &file, year)?;
            for y in &r.years {
                print(ctx, y);
            }
            for s in &r.skipped {
                eprintln!("{} {s}", ctx.t("已跳过：", "skipped:"));
            }
        }
        CalendarCmd::Set { year, days } => {
            let entries = days
                .iter()
                .map(|d| parse_entry(d))
                .collect::<Result<Vec<_>, _>>()?;
            print(
                ctx,
                &arrangement::set_year(&store, &session, year, &entries)?,
            );
        }
        CalendarCmd::Clear { year } => {
            print(ctx, &arrangement::clear_year(&store, &session, year)?)
        }
    }
    Ok(())
}
