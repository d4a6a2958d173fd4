//! `laoke segments list|show KEY|count KEY|save`: the customer segments (客户分组) with their
//! live sizes, one segment's conditions in words, and saving a simple segment from flags.
//! Ready-made keys: ready:new, ready:returning, ready:vip, ready:high, ready:mid, ready:low,
//! ready:dormant, ready:churned; saved ones: saved:<id>.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{money::yuan, segments, Error};

#[derive(Subcommand)]
pub enum SegmentsCmd {
    /// Every segment (ready-made first) with its customers, share and spend.
    List,
    /// One segment: its conditions in words and its size.
    Show { key: String },
    /// One segment's customer count (a number alone, for scripts).
    Count { key: String },
    /// Save a segment (owner or manager) from simple conditions.
    Save {
        #[arg(long)]
        name: String,
        /// Edit this saved segment instead of creating one.
        #[arg(long)]
        id: Option<i64>,
        /// Stage codes (prospect, new, active, dormant, churned), repeatable.
        #[arg(long)]
        stage: Vec<String>,
        /// RFM class codes (important_value, …), repeatable.
        #[arg(long = "class")]
        class: Vec<String>,
        /// Tier codes, repeatable.
        #[arg(long)]
        tier: Vec<String>,
        /// Categories bought in, repeatable.
        #[arg(long)]
        category: Vec<String>,
        /// Products bought (name or SKU), repeatable.
        #[arg(long)]
        product: Vec<String>,
        /// Consent channels agreed to (sms, phone, wechat, email), repeatable.
        #[arg(long)]
        consent: Vec<String>,
        /// Only 老客 (≥ 2 orders ever).
        #[arg(long)]
        returning: bool,
        /// Lifetime spend at least this many yuan.
        #[arg(long)]
        min_yuan: Option<String>,
    },
}

pub fn run(ctx: &Ctx, cmd: SegmentsCmd) -> Result<(), Error> {
    let (store, s) = ctx.open()?;
    let name = |zh: &str, en: &str| ctx.t(zh, en).to_string();
    match cmd {
        SegmentsCmd::List => {
            for seg in segments::list(&store, &s)? {
                println!(
                    "{:<18} {:<16} {:>8} {:>6.1}% {:>16}",
                    seg.key,
                    name(&seg.name_zh, &seg.name_en),
                    seg.customers,
                    seg.share * 100.0,
                    yuan(seg.spend_fen)
                );
            }
        }
        SegmentsCmd::Show { key } => {
            let (seg, words) = segments::describe(&store, &s, &key)?;
            println!("{} · {}", seg.key, name(&seg.name_zh, &seg.name_en));
            if words.is_empty() {
                println!("  {}", ctx.t("（全部客户）", "(every customer)"));
            }
            for w in words {
                println!("  {}", name(&w.zh, &w.en));
            }
            println!(
                "{}: {} ({:.1}%) · {}: {}",
                ctx.t("客户", "customers"),
                seg.customers,
                seg.share * 100.0,
                ctx.t("消费金额", "spend"),
                yuan(seg.spend_fen)
            );
        }
        SegmentsCmd::Count { key } => {
            println!("{}", segments::describe(&store, &s, &key)?.0.customers);
        }
        SegmentsCmd::Save {
            name: seg_name,
            id,
            stage,
            class,
            tier,
            category,
            product,
            consent,
            returning,
            min_yuan,
        } => {
            let mut d = segments::SegmentDefinition::default();
            d.scores.stages = stage;
            d.scores.rfm_classes = class;
            d.scores.tiers = tier;
            d.scores.categories = category;
            d.scores.products = product;
            d.scores.consent = consent;
            d.scores.returning = returning.then_some(true);
            d.query.min_spend_fen = min_yuan
                .map(|y| laoke::money::parse_yuan(&y, "消费金额", "Spend"))
                .transpose()?;
            let req = segments::SegmentSave {
                id,
                name: seg_name,
                definition: d,
            };
            let seg = segments::save(&store, &s, &req)?;
            println!("{} · {} · {}", seg.key, seg.name_zh, seg.customers);
        }
    }
    Ok(())
}
