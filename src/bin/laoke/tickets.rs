//! `laoke tickets list | show | new | log | state | resolve | report | run`: thin printing over
//! `laoke::tickets` (the queues, one ticket, its timeline and the service report).

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{
    money::yuan,
    tickets::{self, NewTicket, Priority, Queue, TicketChannel, TicketQuery, TicketType},
    Error,
};

#[derive(Subcommand)]
pub enum TicketsCmd {
    /// A queue: mine, unassigned, due-soon, breached, waiting, all (default).
    List {
        #[arg(long, default_value = "all")]
        queue: String,
        /// Ticket number, subject or description.
        #[arg(long)]
        text: Option<String>,
        #[arg(long, default_value_t = 1)]
        page: u32,
    },
    /// One ticket with its SLA clocks and timeline (T000123 or 123).
    Show { no: String },
    /// Log a ticket for a customer (id).
    New {
        #[arg(long)]
        customer: i64,
        /// complaint, return_refund, inquiry, suggestion, praise (or 投诉, 咨询 …).
        #[arg(long, default_value = "complaint")]
        r#type: String,
        /// phone, wechat, wangwang, in_store, email (or 电话, 微信, 旺旺 …).
        #[arg(long, default_value = "phone")]
        channel: String,
        /// p1, p2, p3 (default by type).
        #[arg(long)]
        priority: Option<String>,
        #[arg(long)]
        subject: String,
        #[arg(long, default_value = "")]
        description: String,
        #[arg(long)]
        tag: Vec<String>,
    },
    /// The periodic job: auto-close resolved tickets after 7 days, flag SLA breaches (idempotent).
    Run,
    /// Add a note, call or message to the timeline (a call or message is a response).
    Log {
        no: String,
        /// note, call, message (or 备注, 电话, 消息).
        #[arg(long, default_value = "note")]
        kind: String,
        text: String,
    },
    /// Change the state: in_progress, waiting, closed; in_progress on a resolved ticket reopens it.
    State {
        no: String,
        state: String,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Resolve with CSAT (1–5; --reason required for 1–2), root cause and a refund note.
    Resolve {
        no: String,
        #[arg(long)]
        csat: Option<u8>,
        /// slow_response, not_solved, attitude, compensation, product_quality, delivery, process_too_long, other.
        #[arg(long)]
        reason: Option<String>,
        /// product_defect, wrong_item, logistics, description, service, pricing, customer_misunderstanding, other.
        #[arg(long)]
        cause: Option<String>,
        /// A refund made on the platform, in yuan (e.g. 15.00).
        #[arg(long)]
        refund: Option<String>,
        /// Points credited through the loyalty ledger with the ticket id (--note is the reason).
        #[arg(long)]
        points: Option<i64>,
        /// A coupon (id) issued through the loyalty module (owner / manager).
        #[arg(long)]
        coupon: Option<i64>,
        #[arg(long, default_value = "")]
        note: String,
    },
    /// Service report per week or month: SLA compliance, medians, CSAT, complaints per 100 orders.
    Report {
        #[arg(long)]
        from: String,
        #[arg(long)]
        to: String,
        #[arg(long)]
        weekly: bool,
        /// Also write the report to this Excel workbook (owner / manager; audited).
        #[arg(long, value_name = "FILE")]
        xlsx: Option<std::path::PathBuf>,
    },
}

fn bad(what_zh: &str, what_en: &str, v: &str) -> Error {
    Error::invalid(
        format!("{what_zh}：不认识“{v}”。"),
        format!("{what_en}: unknown '{v}'."),
    )
}

pub fn run(ctx: &Ctx, cmd: TicketsCmd) -> Result<(), Error> {
    let (store, s) = ctx.open()?;
    let zh = ctx.lang == laoke::i18n::Lang::ZhCn;
    let label = |z: &'static str, e: &'static str| if zh { z } else { e };
    match cmd {
        TicketsCmd::List { queue, text, page } => {
            let q = Queue::parse(&queue).ok_or_else(|| bad("队列", "Queue", &queue))?;
            let p = tickets::list(
                &store,
                &s,
                &TicketQuery {
                    queue: q,
                    text,
                    page,
                    page_size: 50,
                    ..Default::default()
                },
            )?;
            for r in &p.rows {
                println!(
                    "{}  {:<8} {:<10} {:<12} {:<12} {}{}  {}",
                    r.no,
                    r.priority.as_str().to_uppercase(),
                    label(r.state.label_zh(), r.state.label_en()),
                    r.customer_name,
                    r.assignee_name.as_deref().unwrap_or("-"),
                    r.sla_due_at
                        .map(|d| d.format("%m-%d %H:%M UTC").to_string())
                        .unwrap_or_else(|| "-".into()),
                    if r.breached {
                        label(" 已超时", " BREACHED")
                    } else if r.sla_warning {
                        label(" 即将到期", " due soon")
                    } else {
                        ""
                    },
                    r.subject
                );
            }
            if p.has_more {
                println!("{} --page {}", label("更多：", "more:"), p.page + 1);
            }
        }
        TicketsCmd::Show { no } => {
            let id =
                tickets::parse_ticket_no(&no).ok_or_else(|| bad("工单号", "Ticket number", &no))?;
            let t = tickets::get(&store, &s, id)?;
            let r = &t.row;
            println!("{}  {}", r.no, r.subject);
            println!(
                "  {} {} · {} · {} · {}",
                label("客户", "customer"),
                r.customer_name,
                label(r.ticket_type.label_zh(), r.ticket_type.label_en()),
                label(r.channel.label_zh(), r.channel.label_en()),
                label(r.priority.label_zh(), r.priority.label_en())
            );
            println!(
                "  {} {}",
                label("状态", "state"),
                label(r.state.label_zh(), r.state.label_en())
            );
            for (name, c, b) in [
                (
                    label("首次响应", "first response"),
                    &t.first_response,
                    t.first_response_breached,
                ),
                (
                    label("解决", "resolution"),
                    &t.resolution,
                    t.resolution_breached,
                ),
            ] {
                println!(
                    "  {name}: {:?} {}% {}/{} min{}{}",
                    c.state,
                    c.percent_used,
                    c.elapsed_secs / 60,
                    c.target_secs / 60,
                    c.due_at
                        .map(|d| format!(" due {}", d.format("%Y-%m-%d %H:%M UTC")))
                        .unwrap_or_default(),
                    if b {
                        label(" 已超时", " breached")
                    } else {
                        ""
                    }
                );
            }
            if let Some(c) = t.csat {
                println!(
                    "  CSAT {c}{}",
                    t.csat_reason
                        .map(|r| format!(" ({})", label(r.label_zh(), r.label_en())))
                        .unwrap_or_default()
                );
            }
            for c in &t.compensations {
                println!(
                    "  {} {} {}",
                    label("补偿", "compensation"),
                    yuan(c.amount_fen),
                    c.note
                );
            }
            for e in &t.timeline {
                println!(
                    "  {} {:<10} {:<8} {} {}",
                    e.at.format("%Y-%m-%d %H:%M"),
                    e.actor_name,
                    label(e.kind.label_zh(), e.kind.label_en()),
                    e.body,
                    if e.detail.as_object().is_some_and(|o| !o.is_empty()) {
                        e.detail.to_string()
                    } else {
                        String::new()
                    }
                );
            }
        }
        TicketsCmd::New {
            customer,
            r#type,
            channel,
            priority,
            subject,
            description,
            tag,
        } => {
            let ticket_type =
                TicketType::parse(&r#type).ok_or_else(|| bad("类型", "Type", &r#type))?;
            let channel =
                TicketChannel::parse(&channel).ok_or_else(|| bad("渠道", "Channel", &channel))?;
            let priority = match priority {
                Some(p) => Some(Priority::parse(&p).ok_or_else(|| bad("优先级", "Priority", &p))?),
                None => None,
            };
            let id = tickets::create(
                &store,
                &s,
                &NewTicket {
                    customer_id: customer,
                    order_id: None,
                    ticket_type,
                    channel,
                    priority,
                    subject,
                    description,
                    assignee_id: None,
                    tags: tag,
                },
            )?;
            println!(
                "{} {}",
                label("已创建工单", "Ticket created"),
                tickets::ticket_no(id)
            );
        }
        TicketsCmd::Log { no, kind, text } => {
            let id =
                tickets::parse_ticket_no(&no).ok_or_else(|| bad("工单号", "Ticket number", &no))?;
            let kind = tickets::EventKind::parse(&kind)
                .ok_or_else(|| bad("记录类型", "Entry kind", &kind))?;
            tickets::add_entry(&store, &s, id, kind, &text)?;
            println!(
                "{} {}",
                label("已记录", "Logged on"),
                tickets::ticket_no(id)
            );
        }
        TicketsCmd::State { no, state, note } => {
            let id =
                tickets::parse_ticket_no(&no).ok_or_else(|| bad("工单号", "Ticket number", &no))?;
            let to =
                tickets::TicketState::parse(&state).ok_or_else(|| bad("状态", "State", &state))?;
            tickets::set_state(&store, &s, id, to, &note)?;
            println!(
                "{} → {}",
                tickets::ticket_no(id),
                label(to.label_zh(), to.label_en())
            );
        }
        TicketsCmd::Resolve {
            no,
            csat,
            reason,
            cause,
            refund,
            points,
            coupon,
            note,
        } => {
            let id =
                tickets::parse_ticket_no(&no).ok_or_else(|| bad("工单号", "Ticket number", &no))?;
            let csat_reason = match reason {
                Some(r) => Some(
                    tickets::CsatReason::parse(&r)
                        .ok_or_else(|| bad("不满意原因", "CSAT reason", &r))?,
                ),
                None => None,
            };
            let root_cause = match cause {
                Some(c) => Some(
                    tickets::RootCause::parse(&c)
                        .ok_or_else(|| bad("原因类别", "Root cause", &c))?,
                ),
                None => None,
            };
            let mut compensation = Vec::new();
            if let Some(r) = refund {
                let amount_fen = laoke::money::parse_yuan(&r, "退款金额", "Refund amount")?;
                compensation.push(tickets::Compensation::RefundNote {
                    amount_fen,
                    note: note.clone(),
                });
            }
            if let Some(points) = points {
                compensation.push(tickets::Compensation::Points {
                    points,
                    reason: note.clone(),
                });
            }
            if let Some(coupon_id) = coupon {
                compensation.push(tickets::Compensation::Coupon { coupon_id });
            }
            tickets::resolve(
                &store,
                &s,
                id,
                &tickets::Resolution {
                    csat,
                    csat_reason,
                    root_cause,
                    note,
                    compensation,
                },
            )?;
            println!("{} {}", tickets::ticket_no(id), label("已解决", "resolved"));
        }
        TicketsCmd::Report {
            from,
            to,
            weekly,
            xlsx,
        } => {
            use laoke::tickets::reports::{report, Period};
            let period = if weekly { Period::Week } else { Period::Month };
            let r = match &xlsx {
                Some(path) => {
                    let (r, done) = laoke::export::service_report_workbook(
                        &store, &s, ctx.lang, period, &from, &to, path,
                    )?;
                    eprintln!(
                        "{} {} ({} {}, {} bytes)",
                        label("已导出", "exported"),
                        path.display(),
                        done.sheets.len(),
                        label("个工作表", "sheets"),
                        done.bytes
                    );
                    r
                }
                None => report(&store, &s, period, &from, &to)?,
            };
            let pm = |v: Option<i64>| {
                v.map(|v| format!("{}.{}%", v / 10, v % 10))
                    .unwrap_or_else(|| "—".into())
            };
            let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_else(|| "—".into());
            println!(
                "{:<9} {:>6} {:>6} {:>7} {:>9} {:>9} {:>6} {:>7} {:>6} {:>7} {:>8}",
                label("周期", "period"),
                label("新建", "new"),
                label("解决", "solved"),
                "SLA",
                label("首响(分)", "1st min"),
                label("解决(分)", "res min"),
                "CSAT#",
                "CSAT",
                label("投诉", "compl"),
                label("订单", "orders"),
                label("每百单", "per 100")
            );
            for p in &r.rows {
                println!(
                    "{:<9} {:>6} {:>6} {:>7} {:>9} {:>9} {:>6} {:>7} {:>6} {:>7} {:>8}",
                    p.period,
                    p.created,
                    p.resolved,
                    pm(p.sla_compliance_permille),
                    n(p.median_first_response_min),
                    n(p.median_resolution_min),
                    p.csat_responses,
                    pm(p.csat_permille),
                    p.complaints,
                    p.orders,
                    p.complaints_per_100_orders_x10
                        .map(|v| format!("{}.{}", v / 10, v % 10))
                        .unwrap_or_else(|| "—".into())
                );
            }
            for c in r.top_root_causes.iter().take(5) {
                println!(
                    "  {} {}",
                    label(c.cause.label_zh(), c.cause.label_en()),
                    c.tickets
                );
            }
            for c in &r.compensation {
                println!(
                    "  {} {} {} × {}",
                    c.month,
                    c.cause
                        .map(|x| label(x.label_zh(), x.label_en()))
                        .unwrap_or("—"),
                    c.count,
                    yuan(c.amount_fen)
                );
            }
        }
        TicketsCmd::Run => {
            let r = tickets::run_jobs(&store, &s)?;
            println!(
                "{} {}, {} {}",
                label("自动关闭", "closed"),
                r.closed,
                label("新超时", "newly breached"),
                r.newly_breached
            );
        }
    }
    Ok(())
}
