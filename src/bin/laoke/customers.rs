//! `laoke customers show|duplicates|merge|unmerge`: the customer record from a terminal, over
//! the same core calls as the 360 and duplicates pages (so reps see masked phones here too).

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{
    customers::{self, consent::ConsentChannel, DuplicateReason, MergeChoices},
    money::yuan,
    Error,
};

#[derive(Subcommand)]
pub enum CustomersCmd {
    /// A customer's profile, lifetime numbers, latest orders, consent and merges.
    Show { id: i64 },
    /// Suggested duplicates (same phone, email, nick or WeChat id; same name and address/city).
    Duplicates,
    /// Merge OTHER into KEEP (owner/manager). Orders and consent move to KEEP; undo within 30 days.
    Merge {
        keep: i64,
        other: i64,
        /// Fields whose value comes from OTHER, comma separated: name,gender,birthday,email,
        /// wechatId,qq,province,city,address,sourceChannel,notes.
        #[arg(long, value_delimiter = ',')]
        take: Vec<String>,
        /// Keep both records' notes.
        #[arg(long)]
        combine_notes: bool,
    },
    /// Undo a merge (within 30 days): both records exactly as before.
    Unmerge { merge_id: i64 },
}

pub fn run(ctx: &Ctx, cmd: CustomersCmd) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    let tz = laoke::settings::timezone(&store);
    let day =
        |t: chrono::DateTime<chrono::Utc>| t.with_timezone(&tz).format("%Y-%m-%d").to_string();
    let time = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
    };
    match cmd {
        CustomersCmd::Show { id } => {
            let p = customers::profile(&store, &session, id)?;
            let c = &p.customer;
            println!("#{} {}", c.id, c.name);
            let state = if c.erased_at.is_some() {
                ctx.t("个人信息已删除", "erased")
            } else if let Some(into) = c.merged_into {
                println!("{} #{into}", ctx.t("已合并到", "merged into"));
                ""
            } else if c.deleted_at.is_some() {
                ctx.t("在回收站", "in the recycle bin")
            } else {
                ""
            };
            if !state.is_empty() {
                println!("  ({state})");
            }
            let line = |zh: &str, en: &str, v: String| {
                if !v.is_empty() {
                    println!("  {:<10} {v}", ctx.t(zh, en));
                }
            };
            line("手机", "phones", c.phones.join(", "));
            line("邮箱", "email", c.email.clone().unwrap_or_default());
            line("生日", "birthday", c.birthday.clone().unwrap_or_default());
            line("微信", "WeChat", c.wechat_id.clone().unwrap_or_default());
            line(
                "平台昵称",
                "nicks",
                c.nicks
                    .iter()
                    .map(|n| format!("{}:{}", n.platform, n.nick))
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            line(
                "地区",
                "region",
                [c.province.clone(), c.city.clone(), c.address.clone()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            line("标签", "tags", c.tags.join(", "));
            line("备注", "notes", c.notes.clone());
            let s = &p.stats;
            println!(
                "  {} {}  {} {}  {} {}",
                ctx.t("累计消费", "spend"),
                yuan(s.total_spend_fen),
                ctx.t("订单", "orders"),
                s.orders_count,
                ctx.t("客单价", "AOV"),
                yuan(s.average_order_fen)
            );
            if let (Some(first), Some(last)) = (s.first_order_at, s.last_order_at) {
                println!(
                    "  {} {}  {} {}",
                    ctx.t("首单", "first order"),
                    day(first),
                    ctx.t("最近", "last order"),
                    day(last)
                );
            }
            if !s.favourite_categories.is_empty() {
                line(
                    "偏好类目",
                    "favourites",
                    s.favourite_categories
                        .iter()
                        .map(|c| format!("{} {}", c.category, yuan(c.spend_fen)))
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
            for o in p.orders.rows.iter().take(10) {
                println!(
                    "  {}  {:<22} {:>12}  {:?}  {}",
                    time(o.ordered_at),
                    o.order_no,
                    yuan(o.paid_fen),
                    o.status,
                    o.products
                );
            }
            let consent = p
                .consent
                .iter()
                .map(|s| {
                    let v = match s.granted {
                        Some(true) => ctx.t("同意", "yes"),
                        Some(false) => ctx.t("拒绝", "no"),
                        None => ctx.t("未询问", "not asked"),
                    };
                    let ch = match s.channel {
                        ConsentChannel::Sms => ctx.t("短信", "SMS"),
                        ConsentChannel::Phone => ctx.t("电话", "phone"),
                        ConsentChannel::Wechat => ctx.t("微信", "WeChat"),
                        ConsentChannel::Email => ctx.t("邮件", "email"),
                    };
                    format!("{ch} {v}")
                })
                .collect::<Vec<_>>()
                .join(", ");
            line("营销同意", "consent", consent);
            for m in &p.merges {
                println!(
                    "  {} #{}: #{} ← #{} {}{}",
                    ctx.t("合并", "merge"),
                    m.id,
                    m.kept_id,
                    m.merged_id,
                    day(m.merged_at),
                    m.undo_until
                        .map(|u| format!(" ({} {})", ctx.t("可撤销至", "undo until"), day(u)))
                        .unwrap_or_default()
                );
            }
        }
        CustomersCmd::Duplicates => {
            let pairs = customers::duplicates::suggestions(&store, &session)?;
            if pairs.is_empty() {
                println!(
                    "{}",
                    ctx.t("没有发现疑似重复的客户。", "No suggested duplicates.")
                );
            }
            for p in pairs {
                let reasons = p
                    .reasons
                    .iter()
                    .map(|r| match r {
                        DuplicateReason::Phone => ctx.t("同手机号", "same phone"),
                        DuplicateReason::Email => ctx.t("同邮箱", "same email"),
                        DuplicateReason::Nick => ctx.t("同平台昵称", "same nick"),
                        DuplicateReason::WechatId => ctx.t("同微信号", "same WeChat id"),
                        DuplicateReason::NameAddress => {
                            ctx.t("同名同地址", "same name and address")
                        }
                        DuplicateReason::NameCity => ctx.t("同名同城市", "same name and city"),
                    })
                    .collect::<Vec<_>>()
                    .join(", ");
                println!(
                    "#{} {} ({} {})  ~  #{} {} ({} {})  [{reasons}]",
                    p.a.id,
                    p.a.name,
                    p.a.orders_count,
                    ctx.t("单", "orders"),
                    p.b.id,
                    p.b.name,
                    p.b.orders_count,
                    ctx.t("单", "orders"),
                );
            }
        }
        CustomersCmd::Merge {
            keep,
            other,
            take,
            combine_notes,
        } => {
            let out = laoke::customer_ops::merge(
                &store,
                &session,
                keep,
                other,
                &MergeChoices {
                    take_from_other: take.into_iter().filter(|t| !t.trim().is_empty()).collect(),
                    combine_notes,
                },
            )?;
            println!(
                "{} #{}: #{} → #{} ({} {})",
                ctx.t("已合并", "Merged"),
                out.merge_id,
                out.merged_id,
                out.kept_id,
                out.moved_orders,
                ctx.t("个订单已转移", "orders moved")
            );
            println!(
                "{} laoke customers unmerge {}",
                ctx.t("30 天内可撤销：", "Undo within 30 days:"),
                out.merge_id
            );
        }
        CustomersCmd::Unmerge { merge_id } => {
            let out = laoke::customer_ops::unmerge(&store, &session, merge_id)?;
            println!(
                "{} #{}: #{} {} #{} ({} {})",
                ctx.t("已撤销合并", "Merge undone"),
                merge_id,
                out.kept_id,
                ctx.t("和", "and"),
                out.merged_id,
                out.moved_orders,
                ctx.t("个订单已移回", "orders moved back")
            );
        }
    }
    Ok(())
}
