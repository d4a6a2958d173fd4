//! The sample shop's service desk: which tickets and follow-ups its two years bring, and when
//! each step of them happens (played by [`super::sample`]'s agenda through `tickets::write` and
//! `care::followups`, the homes of those facts).
//!
//! - Orders bring tickets: a quarter of the refunded ones a return / refund ticket, about 1.8 in
//!   100 a complaint, 1.2 in 100 a question — a few complaints per hundred orders, as a real
//!   shop has. Ordinary days bring questions, suggestions and praise without an order.
//! - Each ticket lives in shop hours (09:00–21:00, the default business hours): assigned within
//!   minutes, first answered by phone or message within minutes to a few hours (a median of
//!   well under an hour), sometimes waiting on the customer, resolved within hours to days
//!   (about one in ten late, past its SLA target),
//!   with a CSAT score (a reason when low), a root cause and sometimes a compensation; the
//!   ticket job closes it 7 days later. A few duplicates are merged into their original.
//! - Complaints and returns get a follow-up call a day or two after they are resolved; heavy
//!   buyers get care messages, some lapsed ones a win-back call, each with a next contact date
//!   (so Today has follow-ups due).
//! - "Today's desk": a handful of tickets from the last days planned to stop in each open
//!   state (new, assigned, in progress, waiting) and one left in progress too long (breached),
//!   so every queue has something in it whatever the random draw.

use super::catalog::{TICKET_NOTES as NOTES, TICKET_SUBJECTS as SUBJECTS};
use super::orders::local;
use super::Rng;
use crate::{
    auth::Session,
    care::followups::{self, FollowUpChannel, FollowUpKind, NewFollowUp, Outcome},
    orders::OrderStatus,
    store::Store,
    tickets::model::{CsatReason, EventKind, RootCause, TicketChannel, TicketState, TicketType},
    tickets::write::{self as tw, Compensation, NewTicket, Resolution},
    Result,
};
use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};

const TAGS: &[&str] = &["物流", "包装", "质量", "发票", "尺码"];

struct Plan {
    /// 0: any customer, chosen when it is created.
    customer: i64,
    order: Option<i64>,
    ty: TicketType,
    subject: &'static str,
    channel: TicketChannel,
    tag: Option<&'static str>,
    /// A duplicate: the same customer as this plan.
    like: Option<usize>,
    /// Assigned as it is created (else by a later step, or never).
    assign_now: bool,
    id: i64,
}

/// One step of a ticket or a follow-up.
pub(super) enum DeskStep {
    Create(usize),
    Assign(usize),
    Start(usize),
    Contact(usize),
    Wait(usize),
    Resume(usize),
    Resolve(usize),
    Merge(usize, usize),
    FollowUp(FollowUpPlan),
}

pub(super) struct FollowUpPlan {
    customer: i64,
    ticket: Option<usize>,
    kind: FollowUpKind,
    channel: FollowUpChannel,
    outcome: Outcome,
    notes: &'static str,
    next_in_days: Option<i64>,
}

/// Steps planned, with their times (the agenda drops what lies after "now").
pub(super) type Planned = Vec<(DateTime<Utc>, DeskStep)>;

#[derive(Default)]
pub(super) struct Desk {
    plans: Vec<Plan>,
    /// Who tickets are assigned to (everyone active), read once.
    staff: Vec<i64>,
}

/// Move `t` into shop hours (09:00–21:00): before opening → opening, after closing → the next
/// morning, plus a few minutes so not everything lands on the hour.
fn shop_time(rng: &mut Rng, t: DateTime<Utc>) -> DateTime<Utc> {
    let local_t = t.with_timezone(&super::orders::shanghai());
    let day = local_t.date_naive();
    let minutes = rng.below(25) as i64;
    match local_t.hour() {
        0..=8 => local(day, 9, 0) + Duration::minutes(minutes),
        21..=23 => local(day + Duration::days(1), 9, 0) + Duration::minutes(minutes),
        _ => t,
    }
}

fn minutes(n: u64) -> Duration {
    Duration::minutes(n as i64)
}

/// How long until the first answer: minutes mostly, sometimes hours.
fn response(rng: &mut Rng) -> Duration {
    match rng.below(100) {
        0..=49 => minutes(5 + rng.below(25)),
        50..=84 => minutes(30 + rng.below(90)),
        _ => minutes(120 + rng.below(240)),
    }
}

fn subject_of(rng: &mut Rng, ty: TicketType) -> &'static str {
    let of: Vec<&'static str> = SUBJECTS.iter().filter(|s| s.0 == ty).map(|s| s.1).collect();
    of[rng.below(of.len() as u64) as usize]
}

/// `stop`: the last state the plan reaches (None: the whole life, resolved and followed up).
#[allow(clippy::too_many_arguments)]
fn plan_ticket(
    desk: &mut Desk,
    out: &mut Planned,
    rng: &mut Rng,
    customer: i64,
    order: Option<i64>,
    ty: TicketType,
    created: DateTime<Utc>,
    stop: Option<TicketState>,
) -> usize {
    let channel = *rng.pick(TicketChannel::ALL);
    let tag = rng.chance(30).then(|| *rng.pick(TAGS));
    let subject = subject_of(rng, ty);
    let p = desk.plans.len();
    desk.plans.push(Plan {
        customer,
        order,
        ty,
        subject,
        channel,
        tag,
        like: None,
        assign_now: false,
        id: 0,
    });
    let t0 = shop_time(rng, created);
    out.push((t0, DeskStep::Create(p)));
    if stop == Some(TicketState::New) {
        return p;
    }
    // Most tickets are given to someone as they are logged; the rest within minutes.
    let mut t = t0;
    if rng.chance(70) {
        desk.plans[p].assign_now = true;
    } else {
        let d = minutes(3 + rng.below(40));
        t = shop_time(rng, t0 + d);
        out.push((t, DeskStep::Assign(p)));
    }
    if stop == Some(TicketState::Assigned) {
        return p;
    }
    let d = response(rng);
    t = shop_time(rng, t + d);
    if stop == Some(TicketState::InProgress) || rng.chance(35) {
        out.push((t, DeskStep::Start(p)));
        t += minutes(1);
    }
    out.push((t, DeskStep::Contact(p)));
    if stop == Some(TicketState::InProgress) {
        return p;
    }
    if stop == Some(TicketState::Waiting) || rng.chance(25) {
        let d = minutes(60 + rng.below(5 * 60));
        t = shop_time(rng, t + d);
        out.push((t, DeskStep::Wait(p)));
        if stop == Some(TicketState::Waiting) {
            return p;
        }
        let d = minutes(4 * 60 + rng.below(26 * 60));
        t = shop_time(rng, t + d);
        out.push((t, DeskStep::Resume(p)));
    }
    // Most are resolved within three days; about one in ten drags on past its target (a
    // supplier to chase, a parcel lost), so the SLA report is not a wall of 100 %.
    let d = if rng.chance(10) {
        minutes(5 * 24 * 60 + rng.below(4 * 24 * 60))
    } else {
        minutes(60 + rng.below(3 * 24 * 60))
    };
    t = shop_time(rng, t + d);
    out.push((t, DeskStep::Resolve(p)));
    if matches!(ty, TicketType::Complaint | TicketType::ReturnRefund) {
        let reached = rng.chance(80);
        let d = minutes(20 * 60 + rng.below(24 * 60));
        let at = shop_time(rng, t + d);
        out.push((
            at,
            DeskStep::FollowUp(FollowUpPlan {
                customer,
                ticket: Some(p),
                kind: FollowUpKind::Revisit,
                channel: FollowUpChannel::Phone,
                outcome: if reached {
                    Outcome::Reached
                } else {
                    Outcome::NoAnswer
                },
                notes: if reached {
                    "投诉处理完毕，顾客表示满意"
                } else {
                    "电话未接通，明天再打"
                },
                next_in_days: (!reached).then_some(1),
            }),
        ));
    }
    // A few customers write twice about the same thing: the second ticket is merged.
    if stop.is_none() && rng.chance(3) {
        let dup = duplicate_of(desk, p);
        out.push((t0 + minutes(10 + rng.below(40)), DeskStep::Create(dup)));
        out.push((t0 + minutes(55), DeskStep::Merge(dup, p)));
    }
    p
}

fn duplicate_of(desk: &mut Desk, orig: usize) -> usize {
    let o = &desk.plans[orig];
    let (customer, order, ty, subject, channel) = (o.customer, o.order, o.ty, o.subject, o.channel);
    desk.plans.push(Plan {
        customer,
        order,
        ty,
        subject,
        channel,
        tag: None,
        like: Some(orig),
        assign_now: false,
        id: 0,
    });
    desk.plans.len() - 1
}

/// Tickets an order brings (see the module doc for the rates).
#[allow(clippy::too_many_arguments)]
pub(super) fn after_order(
    desk: &mut Desk,
    out: &mut Planned,
    rng: &mut Rng,
    customer: i64,
    order: i64,
    status: OrderStatus,
    at: DateTime<Utc>,
    _weight: u64,
) {
    let refunded = matches!(
        status,
        OrderStatus::Refunded | OrderStatus::PartiallyRefunded
    );
    let ty = match rng.below(1000) {
        _ if refunded && rng.chance(25) => TicketType::ReturnRefund,
        0..=17 => TicketType::Complaint,
        18..=29 => TicketType::Inquiry,
        _ => return,
    };
    let created = at + minutes(60 * (20 + rng.below(100)));
    plan_ticket(desk, out, rng, customer, Some(order), ty, created, None);
}

/// What an ordinary day brings besides orders: questions, suggestions and praise; care
/// messages to heavy buyers; now and then a win-back call. `known`: (id, weight) of customers.
pub(super) fn plan_day(
    desk: &mut Desk,
    out: &mut Planned,
    rng: &mut Rng,
    day: NaiveDate,
    known: &[(i64, u64)],
) {
    if known.is_empty() {
        return;
    }
    let at = local(day + Duration::days(1), 9, 30) + minutes(rng.below(10 * 60));
    if rng.chance(12) {
        let c = rng.pick(known).0;
        let ty = *rng.pick(&[
            TicketType::Inquiry,
            TicketType::Suggestion,
            TicketType::Praise,
        ]);
        plan_ticket(desk, out, rng, c, None, ty, at, None);
    }
    if rng.chance(20) {
        let cum = super::orders::cumulative(known.iter().map(|k| k.1));
        if cum.last().copied().unwrap_or(0) > 0 {
            let c = known[super::orders::sample(rng, &cum)].0;
            let plan = FollowUpPlan {
                customer: c,
                ticket: None,
                kind: FollowUpKind::Care,
                channel: FollowUpChannel::Wechat,
                outcome: Outcome::Reached,
                notes: "新茶到货，微信推荐了两款，顾客说下月再买",
                next_in_days: Some(28 + rng.below(7) as i64),
            };
            out.push((at + minutes(30), DeskStep::FollowUp(plan)));
        }
    }
    if rng.chance(5) {
        let c = rng.pick(known).0;
        let plan = FollowUpPlan {
            customer: c,
            ticket: None,
            kind: FollowUpKind::Winback,
            channel: FollowUpChannel::Phone,
            outcome: Outcome::NoAnswer,
            notes: "很久没来了，打电话问候，未接通",
            next_in_days: Some(3 + rng.below(5) as i64),
        };
        out.push((at + minutes(90), DeskStep::FollowUp(plan)));
    }
}

/// Today's desk: tickets of the last days planned to stop in each open state, one breached,
/// one resolved lately and one merged duplicate (customers chosen when they are created), and
/// two win-back calls due again today.
pub(super) fn plan_desk(desk: &mut Desk, out: &mut Planned, rng: &mut Rng, today: NaiveDate) {
    let ago = |d: i64, h: u32| local(today - Duration::days(d), h, 0);
    let stops = [
        (ago(1, 19), TicketType::Inquiry, Some(TicketState::New)),
        (ago(2, 15), TicketType::Complaint, Some(TicketState::New)),
        (
            ago(1, 11),
            TicketType::ReturnRefund,
            Some(TicketState::Assigned),
        ),
        (ago(2, 10), TicketType::Inquiry, Some(TicketState::Assigned)),
        (
            ago(1, 14),
            TicketType::Complaint,
            Some(TicketState::InProgress),
        ),
        (
            ago(6, 10),
            TicketType::Complaint,
            Some(TicketState::InProgress),
        ),
        (
            ago(2, 16),
            TicketType::ReturnRefund,
            Some(TicketState::Waiting),
        ),
        (
            ago(3, 11),
            TicketType::Complaint,
            Some(TicketState::Waiting),
        ),
        (ago(4, 10), TicketType::Inquiry, None),
    ];
    for (at, ty, stop) in stops {
        plan_ticket(desk, out, rng, 0, None, ty, at, stop);
    }
    let orig = plan_ticket(
        desk,
        out,
        rng,
        0,
        None,
        TicketType::Complaint,
        ago(12, 10),
        None,
    );
    let dup = duplicate_of(desk, orig);
    out.push((ago(12, 11), DeskStep::Create(dup)));
    out.push((ago(12, 12), DeskStep::Merge(dup, orig)));
    // Win-back calls that did not get through a few days ago: due again today.
    for (days, hour) in [(3, 11), (5, 15)] {
        let plan = FollowUpPlan {
            customer: 0,
            ticket: None,
            kind: FollowUpKind::Winback,
            channel: FollowUpChannel::Phone,
            outcome: Outcome::NoAnswer,
            notes: "很久没来了，打电话问候，未接通",
            next_in_days: Some(days),
        };
        out.push((ago(days, hour), DeskStep::FollowUp(plan)));
    }
}

/// A customer of the shop, chosen at random (plans made before the customers exist say 0).
fn any_customer(store: &Store, rng: &mut Rng) -> Result<i64> {
    let n: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))?;
    let k = rng.below(n.max(1) as u64) as i64;
    Ok(store.conn().query_row(
        "SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET ?1",
        [k],
        |r| r.get(0),
    )?)
}

fn resolution(rng: &mut Rng, ty: TicketType, points_on: bool) -> Resolution {
    let csat = [5u8, 5, 5, 5, 4, 4, 4, 3, 2, 1][rng.below(10) as usize];
    let mut compensation = Vec::new();
    if ty == TicketType::Complaint {
        if rng.chance(25) {
            compensation.push(Compensation::RefundNote {
                amount_fen: (5 + rng.below(46)) as i64 * 100,
                note: "补偿退款".into(),
            });
        } else if points_on && rng.chance(15) {
            compensation.push(Compensation::Points {
                points: 200,
                reason: "补偿积分".into(),
            });
        }
    }
    Resolution {
        csat: Some(csat),
        csat_reason: (csat <= 2).then(|| *rng.pick(CsatReason::ALL)),
        root_cause: matches!(ty, TicketType::Complaint | TicketType::ReturnRefund)
            .then(|| *rng.pick(RootCause::ALL)),
        note: "已处理，顾客确认".into(),
        compensation,
    }
}

/// Play one step. Returns the follow-ups it logged.
pub(super) fn play(
    desk: &mut Desk,
    store: &Store,
    s: &Session,
    end: DateTime<Utc>,
    rng: &mut Rng,
    step: DeskStep,
) -> Result<u64> {
    if desk.staff.is_empty() {
        desk.staff = store
            .conn()
            .prepare("SELECT id FROM users WHERE disabled = 0 ORDER BY id")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    let id = |p: usize| desk.plans[p].id;
    match step {
        DeskStep::Create(p) => {
            if let Some(o) = desk.plans[p].like {
                desk.plans[p].customer = desk.plans[o].customer;
            }
            if desk.plans[p].customer == 0 {
                desk.plans[p].customer = any_customer(store, rng)?;
            }
            let plan = &desk.plans[p];
            let t = NewTicket {
                customer_id: plan.customer,
                order_id: plan.order,
                ticket_type: plan.ty,
                channel: plan.channel,
                priority: None,
                subject: plan.subject.into(),
                description: String::new(),
                assignee_id: plan.assign_now.then(|| *rng.pick(&desk.staff)),
                tags: plan.tag.map(|t| vec![t.to_string()]).unwrap_or_default(),
            };
            desk.plans[p].id = tw::create(store, s, &t)?;
        }
        DeskStep::Assign(p) => {
            let who = *rng.pick(&desk.staff);
            tw::assign(store, s, id(p), Some(who))?;
        }
        DeskStep::Start(p) => tw::set_state(store, s, id(p), TicketState::InProgress, "")?,
        DeskStep::Contact(p) => {
            let kind = *rng.pick(&[EventKind::Call, EventKind::Message]);
            tw::add_entry(store, s, id(p), kind, rng.pick::<&str>(NOTES))?;
        }
        DeskStep::Wait(p) => tw::set_state(store, s, id(p), TicketState::Waiting, "等顾客发照片")?,
        DeskStep::Resume(p) => {
            tw::set_state(store, s, id(p), TicketState::InProgress, "顾客已回复")?
        }
        DeskStep::Resolve(p) => {
            let points_on = store.now() > end - Duration::days(390);
            let r = resolution(rng, desk.plans[p].ty, points_on);
            tw::resolve(store, s, id(p), &r)?;
        }
        DeskStep::Merge(from, into) => tw::merge(store, s, id(from), id(into))?,
        DeskStep::FollowUp(f) => {
            let today = store
                .now()
                .with_timezone(&super::orders::shanghai())
                .date_naive();
            let customer = match f.ticket {
                Some(p) => desk.plans[p].customer,
                None if f.customer == 0 => any_customer(store, rng)?,
                None => f.customer,
            };
            followups::log(
                store,
                s,
                &NewFollowUp {
                    customer_id: customer,
                    kind: f.kind,
                    channel: f.channel,
                    outcome: f.outcome,
                    notes: f.notes.into(),
                    ticket_id: f.ticket.map(id),
                    order_id: None,
                    next_contact_on: f
                        .next_in_days
                        .map(|d| (today + Duration::days(d)).to_string()),
                },
            )?;
            return Ok(1);
        }
    }
    Ok(0)
}
