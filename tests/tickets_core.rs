//! Tickets through the store on a fixed clock: every legal and illegal state change, the
//! timeline, first response, pause while waiting, reopen keeping a breach, auto-close after 7
//! days (idempotent), the CSAT reason rule, compensation recorded once, merge, queues, roles,
//! templates, and the Today due list.

mod common;

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use common::*;
use laoke::auth::Role;
use laoke::care::followups::{self, FollowUpChannel, FollowUpKind, NewFollowUp, Outcome};
use laoke::care::today;
use laoke::clock::FixedClock;
use laoke::customers;
use laoke::store::Store;
use laoke::tickets::sla::SlaState;
use laoke::tickets::{
    self, calendar, templates, Compensation, CsatReason, EventKind, NewTicket, Priority, Queue,
    Resolution, TicketChannel, TicketQuery, TicketState, TicketType,
};
use std::sync::Arc;

fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Shanghai
        .with_ymd_and_hms(y, m, d, h, mi, 0)
        .unwrap()
        .with_timezone(&Utc)
}

struct Desk {
    _tmp: tempfile::TempDir,
    store: Store,
    owner: laoke::auth::Session,
    clock: Arc<FixedClock>,
    customer: i64,
}

/// A store on Monday 2026-03-02 10:00 Shanghai with one customer.
fn desk() -> Desk {
    let (tmp, dir) = temp_store_dir();
    let clock = FixedClock::new(at(2026, 3, 2, 10, 0));
    let (store, owner, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    let mut c = customer("王芳", "13800138000");
    c.birthday = Some("--03-05".into());
    let customer = customers::create(&store, &owner, &c).unwrap();
    Desk {
        _tmp: tmp,
        store,
        owner,
        clock,
        customer,
    }
}

fn complaint(customer: i64) -> NewTicket {
    NewTicket {
        customer_id: customer,
        order_id: None,
        ticket_type: TicketType::Complaint,
        channel: TicketChannel::Phone,
        priority: None,
        subject: "收到的茶叶罐压扁了".into(),
        description: "顾客来电，说包装破损，要求补发".into(),
        assignee_id: None,
        tags: vec!["包装".into()],
    }
}

fn state(d: &Desk, id: i64) -> TicketState {
    tickets::get(&d.store, &d.owner, id).unwrap().row.state
}

#[test]
fn the_state_machine_allows_exactly_the_documented_moves() {
    use TicketState::*;
    let legal = [
        (New, Assigned),
        (New, InProgress),
        (New, Resolved),
        (New, Merged),
        (Assigned, InProgress),
        (Assigned, Waiting),
        (Assigned, Resolved),
        (Assigned, Merged),
        (InProgress, Waiting),
        (InProgress, Resolved),
        (InProgress, Merged),
        (Waiting, InProgress),
        (Waiting, Resolved),
        (Waiting, Merged),
        (Resolved, InProgress),
        (Resolved, Closed),
        (Resolved, Merged),
    ];
    for &from in TicketState::ALL {
        for &to in TicketState::ALL {
            let ok = legal.contains(&(from, to));
            assert_eq!(from.can_become(to), ok, "{from:?} -> {to:?}");
            if !ok {
                let e = from.check_transition(to).unwrap_err();
                let zh = e.message(laoke::i18n::Lang::ZhCn);
                let en = e.message(laoke::i18n::Lang::En);
                assert!(
                    zh.contains(from.label_zh()) && zh.contains(to.label_zh()),
                    "{zh}"
                );
                assert!(
                    en.contains(from.label_en()) && en.contains(to.label_en()),
                    "{en}"
                );
            }
        }
    }
}

#[test]
fn a_new_complaint_is_p2_numbered_and_on_the_timeline() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let t = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(t.row.no, format!("T{id:06}"));
    assert_eq!(t.row.priority, Priority::P2, "complaints default to P2");
    assert_eq!(t.row.state, TicketState::New);
    assert_eq!(t.row.tags, vec!["包装".to_string()]);
    assert_eq!(t.timeline[0].kind, EventKind::Created);
    assert_eq!(t.timeline[0].actor_name, "店主");
    // P2 first response: 24 business hours = Wed 10:00 with 12 h days.
    assert_eq!(t.first_response.due_at, Some(at(2026, 3, 4, 10, 0)));
}

#[test]
fn illegal_moves_through_the_store_are_refused_and_change_nothing() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let e = tickets::set_state(&d.store, &d.owner, id, TicketState::Closed, "").unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(e
        .message(laoke::i18n::Lang::En)
        .contains("'New' to 'Closed'"));
    assert_eq!(state(&d, id), TicketState::New);
    let e = tickets::set_state(&d.store, &d.owner, id, TicketState::Assigned, "").unwrap_err();
    assert!(
        e.message(laoke::i18n::Lang::En).contains("Assignee"),
        "assigned needs an assignee"
    );
    let t = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(t.timeline.len(), 1, "nothing was appended");
}

#[test]
fn assigning_a_new_ticket_makes_it_assigned_and_logs_who_and_when() {
    let d = desk();
    let rep = add_user(&d.store, &d.owner, "xiaoli", Role::Rep, "rep password 1");
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    d.clock.advance(Duration::minutes(5));
    tickets::assign(&d.store, &d.owner, id, Some(rep.id)).unwrap();
    let t = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(t.row.state, TicketState::Assigned);
    assert_eq!(t.row.assignee_id, Some(rep.id));
    let kinds: Vec<_> = t.timeline.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        vec![EventKind::Created, EventKind::Assignee, EventKind::State]
    );
    assert_eq!(t.timeline[1].at, at(2026, 3, 2, 10, 5));
}

#[test]
fn the_first_call_is_the_first_response_and_waiting_pauses_the_resolution_clock() {
    let d = desk();
    let mut t = complaint(d.customer);
    t.priority = Some(Priority::P1);
    let id = tickets::create(&d.store, &d.owner, &t).unwrap();
    d.clock.set(at(2026, 3, 2, 11, 0));
    tickets::add_entry(
        &d.store,
        &d.owner,
        id,
        EventKind::Call,
        "已致电顾客，答应补发",
    )
    .unwrap();
    tickets::set_state(&d.store, &d.owner, id, TicketState::InProgress, "").unwrap();
    let got = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(got.first_response_at, Some(at(2026, 3, 2, 11, 0)));
    assert_eq!(got.first_response.state, laoke::tickets::sla::SlaState::Met);
    // P1 resolution 24 business hours: Wed 10:00. Waiting 4 business hours moves it to 14:00.
    assert_eq!(got.resolution.due_at, Some(at(2026, 3, 4, 10, 0)));
    d.clock.set(at(2026, 3, 2, 12, 0));
    tickets::set_state(&d.store, &d.owner, id, TicketState::Waiting, "等顾客发照片").unwrap();
    let waiting = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(
        waiting.resolution.state,
        laoke::tickets::sla::SlaState::Paused
    );
    assert_eq!(waiting.resolution.due_at, None);
    let q = TicketQuery {
        queue: Queue::Waiting,
        ..Default::default()
    };
    assert_eq!(tickets::list(&d.store, &d.owner, &q).unwrap().rows.len(), 1);
    d.clock.set(at(2026, 3, 2, 16, 0));
    tickets::set_state(&d.store, &d.owner, id, TicketState::InProgress, "照片收到").unwrap();
    let back = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(back.resolution.due_at, Some(at(2026, 3, 4, 14, 0)));
}

#[test]
fn a_breach_stays_flagged_after_resolve_and_reopen() {
    let d = desk();
    let mut t = complaint(d.customer);
    t.priority = Some(Priority::P1);
    let id = tickets::create(&d.store, &d.owner, &t).unwrap();
    // No response for 3 business hours: the P1 first response (2 h) is breached.
    d.clock.set(at(2026, 3, 2, 13, 0));
    let q = TicketQuery {
        queue: Queue::Breached,
        ..Default::default()
    };
    assert_eq!(
        tickets::list(&d.store, &d.owner, &q).unwrap().rows.len(),
        1,
        "past due is breached"
    );
    let report = tickets::run_jobs(&d.store, &d.owner).unwrap();
    assert_eq!(report.newly_breached, 1);
    assert_eq!(
        tickets::run_jobs(&d.store, &d.owner)
            .unwrap()
            .newly_breached,
        0,
        "idempotent"
    );
    tickets::resolve(
        &d.store,
        &d.owner,
        id,
        &Resolution {
            csat: Some(4),
            ..Default::default()
        },
    )
    .unwrap();
    d.clock.set(at(2026, 3, 3, 10, 0));
    tickets::set_state(
        &d.store,
        &d.owner,
        id,
        TicketState::InProgress,
        "顾客说又坏了",
    )
    .unwrap();
    let got = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(got.row.state, TicketState::InProgress);
    assert!(
        got.first_response_breached,
        "the breach is kept after reopen"
    );
    assert!(got.row.breached);
    assert_eq!(tickets::list(&d.store, &d.owner, &q).unwrap().rows.len(), 1);
}

#[test]
fn resolved_tickets_close_after_seven_days_once() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    tickets::resolve(&d.store, &d.owner, id, &Resolution::default()).unwrap();
    d.clock.advance(Duration::days(7) - Duration::minutes(1));
    assert_eq!(tickets::run_jobs(&d.store, &d.owner).unwrap().closed, 0);
    d.clock.advance(Duration::minutes(1));
    assert_eq!(tickets::run_jobs(&d.store, &d.owner).unwrap().closed, 1);
    assert_eq!(
        tickets::run_jobs(&d.store, &d.owner).unwrap().closed,
        0,
        "a second run changes nothing"
    );
    assert_eq!(state(&d, id), TicketState::Closed);
    let e = tickets::set_state(&d.store, &d.owner, id, TicketState::InProgress, "").unwrap_err();
    assert!(e
        .message(laoke::i18n::Lang::En)
        .contains("'Closed' to 'In progress'"));
}

#[test]
fn a_low_csat_needs_a_reason_and_compensation_is_recorded_once() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let mut r = Resolution {
        csat: Some(2),
        root_cause: Some(laoke::tickets::RootCause::Logistics),
        compensation: vec![Compensation::RefundNote {
            amount_fen: 1_500,
            note: "退运费".into(),
        }],
        ..Default::default()
    };
    let e = tickets::resolve(&d.store, &d.owner, id, &r).unwrap_err();
    assert!(
        e.message(laoke::i18n::Lang::ZhCn).contains("原因"),
        "{}",
        e.message(laoke::i18n::Lang::ZhCn)
    );
    assert_eq!(state(&d, id), TicketState::New, "nothing changed");
    let bad = Resolution {
        csat: Some(6),
        ..Default::default()
    };
    assert!(tickets::resolve(&d.store, &d.owner, id, &bad).is_err());
    r.csat_reason = Some(CsatReason::Delivery);
    tickets::resolve(&d.store, &d.owner, id, &r).unwrap();
    let t = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(
        (t.csat, t.csat_reason),
        (Some(2), Some(CsatReason::Delivery))
    );
    assert_eq!(t.compensations.len(), 1);
    assert_eq!(t.compensations[0].amount_fen, 1_500);
    assert!(
        tickets::resolve(&d.store, &d.owner, id, &r).is_err(),
        "resolving twice is refused"
    );
    assert_eq!(
        tickets::get(&d.store, &d.owner, id)
            .unwrap()
            .compensations
            .len(),
        1
    );
}

#[test]
fn merging_links_the_timeline_and_is_final() {
    let d = desk();
    let a = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let b = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    tickets::add_entry(&d.store, &d.owner, a, EventKind::Note, "第一次来电").unwrap();
    tickets::merge(&d.store, &d.owner, a, b).unwrap();
    let kept = tickets::get(&d.store, &d.owner, b).unwrap();
    assert_eq!(kept.merged_from, vec![format!("T{a:06}")]);
    assert!(kept.timeline.iter().any(|e| e.body == "第一次来电"));
    assert_eq!(state(&d, a), TicketState::Merged);
    assert!(tickets::set_state(&d.store, &d.owner, a, TicketState::InProgress, "").is_err());
    assert!(tickets::merge(&d.store, &d.owner, b, b).is_err());
}

#[test]
fn queues_filter_and_count_by_owner_state_and_text() {
    let d = desk();
    let rep = add_user(&d.store, &d.owner, "xiaoli", Role::Rep, "rep password 1");
    let (store2, rep_s) = {
        let dir = d.store.dir().to_path_buf();
        Store::login(&dir, "xiaoli", "rep password 1", d.clock.clone()).unwrap()
    };
    let a = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let mut q = complaint(d.customer);
    q.ticket_type = TicketType::Inquiry;
    q.subject = "问一下发货时间".into();
    q.assignee_id = Some(rep.id);
    let b = tickets::create(&d.store, &d.owner, &q).unwrap();
    let mine = tickets::list(
        &store2,
        &rep_s,
        &TicketQuery {
            queue: Queue::Mine,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(mine.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![b]);
    let un = tickets::list(
        &d.store,
        &d.owner,
        &TicketQuery {
            queue: Queue::Unassigned,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(un.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![a]);
    let text = tickets::list(
        &d.store,
        &d.owner,
        &TicketQuery {
            text: Some("发货".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(text.rows.len(), 1);
    let by_type = tickets::list(
        &d.store,
        &d.owner,
        &TicketQuery {
            types: vec![TicketType::Complaint],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(by_type.rows[0].id, a);
    let tag = tickets::list(
        &d.store,
        &d.owner,
        &TicketQuery {
            tag: Some("包装".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(tag.rows.len(), 2);
    let c = tickets::counts(&store2, &rep_s).unwrap();
    assert_eq!((c.mine, c.unassigned, c.open), (1, 1, 2));
    // Due soon: P2 first response warns at 75 % of 24 h = 18 business hours (Tue 16:00).
    d.clock.set(at(2026, 3, 3, 16, 0));
    assert_eq!(
        tickets::counts(&d.store, &d.owner).unwrap().due_soon,
        2,
        "P2 and P3 both answer within 24 h"
    );
    d.clock.set(at(2026, 3, 4, 10, 1));
    assert_eq!(
        tickets::counts(&d.store, &d.owner).unwrap().breached,
        2,
        "and both are late a minute after"
    );
    let sorted = tickets::list(
        &d.store,
        &d.owner,
        &TicketQuery {
            sort: Some("nonsense".into()),
            ..Default::default()
        },
    );
    assert!(sorted.is_err());
}

#[test]
fn reps_work_tickets_but_only_the_owner_edits_hours_and_holidays() {
    let d = desk();
    add_user(&d.store, &d.owner, "xiaoli", Role::Rep, "rep password 1");
    let (store2, rep) =
        Store::login(d.store.dir(), "xiaoli", "rep password 1", d.clock.clone()).unwrap();
    let id = tickets::create(&store2, &rep, &complaint(d.customer)).unwrap();
    tickets::resolve(
        &store2,
        &rep,
        id,
        &Resolution {
            csat: Some(5),
            ..Default::default()
        },
    )
    .unwrap();
    let e = calendar::set_calendar_day(
        &store2,
        &rep,
        "2026-03-10",
        Some(laoke::tickets::sla::DayKind::Holiday),
        "店庆",
    )
    .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    let e = calendar::set_business_hours(&store2, &rep, &Default::default()).unwrap_err();
    assert_eq!(e.code(), "forbidden");
    calendar::set_calendar_day(
        &d.store,
        &d.owner,
        "2026-03-10",
        Some(laoke::tickets::sla::DayKind::Holiday),
        "店庆",
    )
    .unwrap();
    let days = calendar::calendar_days(&d.store, &d.owner, 2026).unwrap();
    assert!(days.iter().any(|x| x.name == "店庆" && !x.official));
    calendar::set_calendar_day(&d.store, &d.owner, "2026-05-01", None, "").unwrap();
    let days = calendar::calendar_days(&d.store, &d.owner, 2026).unwrap();
    assert!(
        days.iter()
            .any(|x| x.day.to_string() == "2026-05-01" && x.kind.is_none() && !x.official),
        "an official holiday can be removed (listed as an ordinary day over the official one)"
    );
    assert!(calendar::set_calendar_day(&d.store, &d.owner, "2026-13-01", None, "").is_err());
}

#[test]
fn a_holiday_added_in_settings_moves_open_tickets_due_times() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    assert_eq!(
        tickets::get(&d.store, &d.owner, id)
            .unwrap()
            .first_response
            .due_at,
        Some(at(2026, 3, 4, 10, 0))
    );
    calendar::set_calendar_day(
        &d.store,
        &d.owner,
        "2026-03-03",
        Some(laoke::tickets::sla::DayKind::Holiday),
        "盘点",
    )
    .unwrap();
    let q = TicketQuery {
        sort: Some("slaDueAt".into()),
        ..Default::default()
    };
    let row = &tickets::list(&d.store, &d.owner, &q).unwrap().rows[0];
    assert_eq!(
        row.sla_due_at,
        Some(at(2026, 3, 5, 10, 0)),
        "the stored due time follows the calendar"
    );
}

#[test]
fn templates_fill_the_ticket_placeholders() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let list = templates::list(&d.store, &d.owner, laoke::i18n::Lang::ZhCn).unwrap();
    assert!(list.len() >= 4);
    let text = templates::render(&d.store, &d.owner, list[0].id, id).unwrap();
    assert!(
        text.contains("王芳") && text.contains(&format!("T{id:06}")) && text.contains("店主"),
        "{text}"
    );
    assert!(!text.contains('{'), "{text}");
    let en = templates::list(&d.store, &d.owner, laoke::i18n::Lang::En).unwrap();
    assert!(templates::render(&d.store, &d.owner, en[0].id, id)
        .unwrap()
        .starts_with("Hello 王芳"));
}

#[test]
fn the_due_list_on_a_fixed_clock() {
    let d = desk();
    // A follow-up planned for today and one for next week.
    followups::log(
        &d.store,
        &d.owner,
        &NewFollowUp {
            customer_id: d.customer,
            kind: FollowUpKind::Revisit,
            channel: FollowUpChannel::Phone,
            outcome: Outcome::Reached,
            notes: "投诉回访".into(),
            ticket_id: None,
            order_id: None,
            next_contact_on: Some("2026-03-02".into()),
        },
    )
    .unwrap();
    let other = customers::create(&d.store, &d.owner, &customer("李雷", "13900139000")).unwrap();
    followups::log(
        &d.store,
        &d.owner,
        &NewFollowUp {
            customer_id: other,
            kind: FollowUpKind::Care,
            channel: FollowUpChannel::Wechat,
            outcome: Outcome::Reached,
            notes: String::new(),
            ticket_id: None,
            order_id: None,
            next_contact_on: Some("2026-03-09".into()),
        },
    )
    .unwrap();
    // An unpaid Taobao order placed 45 minutes ago: the first 催付 is due.
    let mut unpaid = tea_order(other);
    unpaid.channel = laoke::orders::Channel::Taobao;
    unpaid.order_no = "TB1001".into();
    unpaid.status = laoke::orders::OrderStatus::Unpaid;
    unpaid.ordered_at = Some(at(2026, 3, 2, 9, 15));
    let order = laoke::sales::create(&d.store, &d.owner, &unpaid, &Default::default()).unwrap();
    // A P1 ticket 3 business hours old is breached; a P2 one is fine.
    let mut p1 = complaint(d.customer);
    p1.priority = Some(Priority::P1);
    d.clock.set(at(2026, 3, 2, 7, 0));
    tickets::create(&d.store, &d.owner, &p1).unwrap();
    d.clock.set(at(2026, 3, 2, 12, 30));
    let t = today::today(&d.store, &d.owner).unwrap();
    assert_eq!(t.day.to_string(), "2026-03-02");
    assert_eq!(t.counts.follow_ups, 1, "only today's plan is due");
    assert_eq!(t.follow_ups[0].customer_name, "王芳");
    assert_eq!(t.counts.sla_breached, 1);
    assert_eq!(t.counts.unpaid_orders, 1);
    assert_eq!(
        (t.unpaid_orders[0].order_id, t.unpaid_orders[0].step),
        (order, 1)
    );
    assert_eq!(
        t.counts.birthdays, 1,
        "王芳's birthday on 03-05 is within 7 days"
    );
    assert_eq!(t.birthdays[0].in_days, 3);
    assert_eq!(
        (t.counts.points_expiring, t.counts.coupons_expiring),
        (0, 0),
        "expiry is off by default"
    );
    // Logging the contacts clears them.
    followups::log(
        &d.store,
        &d.owner,
        &NewFollowUp {
            customer_id: other,
            kind: FollowUpKind::Payment,
            channel: FollowUpChannel::Wangwang,
            outcome: Outcome::Done,
            notes: String::new(),
            ticket_id: None,
            order_id: Some(order),
            next_contact_on: None,
        },
    )
    .unwrap();
    followups::log(
        &d.store,
        &d.owner,
        &NewFollowUp {
            customer_id: d.customer,
            kind: FollowUpKind::Birthday,
            channel: FollowUpChannel::Wechat,
            outcome: Outcome::Done,
            notes: String::new(),
            ticket_id: None,
            order_id: None,
            next_contact_on: None,
        },
    )
    .unwrap();
    let t = today::today(&d.store, &d.owner).unwrap();
    assert_eq!(
        (
            t.counts.follow_ups,
            t.counts.unpaid_orders,
            t.counts.birthdays
        ),
        (0, 0, 0)
    );
    // 4 hours after the order the second reminder is due.
    d.clock.set(at(2026, 3, 2, 13, 20));
    let t = today::today(&d.store, &d.owner).unwrap();
    assert_eq!(t.unpaid_orders.first().map(|o| o.step), Some(2));
    assert_eq!(
        followups::for_customer(&d.store, &d.owner, other)
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_leap_day_birthday_is_listed_on_28_february_in_other_years() {
    let d = desk();
    let mut c = customer("林晓", "13700137000");
    c.birthday = Some("2000-02-29".into());
    let leap = customers::create(&d.store, &d.owner, &c).unwrap();
    let listed = |d: &Desk| -> Vec<(i64, String)> {
        today::today(&d.store, &d.owner)
            .unwrap()
            .birthdays
            .iter()
            .filter(|b| b.customer_id == leap)
            .map(|b| (b.in_days, b.on.to_string()))
            .collect()
    };
    d.clock.set(at(2027, 2, 25, 9, 0));
    assert_eq!(
        listed(&d),
        vec![(3, "2027-02-28".to_string())],
        "2027 has no 29 February"
    );
    d.clock.set(at(2028, 2, 25, 9, 0));
    assert_eq!(listed(&d), vec![(4, "2028-02-29".to_string())], "2028 does");
}

#[test]
fn the_today_badge_counts_birthdays_today_not_the_whole_week() {
    let d = desk();
    // 王芳's birthday is on 03-05 (in 3 days); 李雷's is today, 03-02.
    let mut c = customer("李雷", "13900139000");
    c.birthday = Some("1990-03-02".into());
    customers::create(&d.store, &d.owner, &c).unwrap();
    let t = today::today(&d.store, &d.owner).unwrap();
    assert_eq!(
        (t.counts.birthdays, t.counts.birthdays_today),
        (2, 1),
        "the page lists the week's birthdays; only 李雷's is today"
    );
    assert_eq!(t.birthdays.len(), 2, "the page's 7-day list stays");
    assert_eq!(
        t.counts.badge, 1,
        "the badge counts what needs action today: one birthday, nothing else is due"
    );
    assert_eq!(t.counts.badge, t.counts.badge());
    // On 03-05 王芳's birthday is today and 李雷's has passed.
    d.clock.set(at(2026, 3, 5, 9, 0));
    let t = today::today(&d.store, &d.owner).unwrap();
    assert_eq!((t.counts.birthdays_today, t.counts.badge), (1, 1));
    // A week earlier neither is today: the list has them, the badge does not.
    d.clock.set(at(2026, 2, 27, 9, 0));
    let t = today::today(&d.store, &d.owner).unwrap();
    assert_eq!(
        (t.counts.birthdays, t.counts.birthdays_today, t.counts.badge),
        (2, 0, 0),
        "birthdays later this week are on the page, not in the badge"
    );
}

#[test]
fn the_payment_reminder_schedule_stops_at_three_and_at_platform_close() {
    use laoke::care::payment::due_step;
    use laoke::orders::Channel;
    let o = at(2026, 3, 2, 10, 0);
    assert_eq!(
        due_step(Channel::Jd, o, &[], o + Duration::minutes(29)),
        None
    );
    assert_eq!(
        due_step(Channel::Jd, o, &[], o + Duration::minutes(30)),
        Some(1)
    );
    let one = [o + Duration::minutes(31)];
    assert_eq!(due_step(Channel::Jd, o, &one, o + Duration::hours(3)), None);
    assert_eq!(
        due_step(Channel::Jd, o, &one, o + Duration::hours(4)),
        Some(2)
    );
    let two = [one[0], o + Duration::hours(4)];
    assert_eq!(
        due_step(Channel::Jd, o, &two, o + Duration::hours(22)),
        Some(3),
        "2 h before JD's 24 h close"
    );
    assert_eq!(
        due_step(Channel::Taobao, o, &two, o + Duration::hours(22)),
        None,
        "Taobao closes at 72 h"
    );
    assert_eq!(
        due_step(Channel::Jd, o, &[], o + Duration::hours(24)),
        None,
        "closed by the platform"
    );
    let three = [two[0], two[1], o + Duration::hours(22)];
    assert_eq!(
        due_step(Channel::Jd, o, &three, o + Duration::hours(23)),
        None
    );
}

#[test]
fn the_monthly_report_counts_sla_csat_complaint_rate_causes_and_costs() {
    use laoke::tickets::reports::{self, Period};
    use laoke::tickets::RootCause;
    let d = desk();
    laoke::sales::create(
        &d.store,
        &d.owner,
        &tea_order(d.customer),
        &Default::default(),
    )
    .unwrap();
    let a = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let b = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    d.clock.set(at(2026, 3, 2, 11, 0)); // 1 business hour later
    tickets::add_entry(&d.store, &d.owner, a, EventKind::Call, "回电").unwrap();
    tickets::resolve(
        &d.store,
        &d.owner,
        a,
        &Resolution {
            csat: Some(5),
            root_cause: Some(RootCause::Logistics),
            ..Default::default()
        },
    )
    .unwrap();
    d.clock.set(at(2026, 3, 9, 11, 0)); // a week later: b is late (P2 48 business hours)
    tickets::resolve(
        &d.store,
        &d.owner,
        b,
        &Resolution {
            csat: Some(2),
            csat_reason: Some(CsatReason::SlowResponse),
            root_cause: Some(RootCause::Logistics),
            compensation: vec![Compensation::RefundNote {
                amount_fen: 1_500,
                note: "运费".into(),
            }],
            ..Default::default()
        },
    )
    .unwrap();
    let r = reports::report(
        &d.store,
        &d.owner,
        Period::Month,
        "2026-03-01",
        "2026-03-31",
    )
    .unwrap();
    assert_eq!(r.rows.len(), 1);
    let m = &r.rows[0];
    assert_eq!(m.period, "2026-03");
    assert_eq!((m.created, m.resolved, m.sla_met), (2, 2, 1));
    assert_eq!(m.sla_compliance_permille, Some(500));
    assert_eq!((m.csat_responses, m.csat_permille), (2, Some(500)));
    // a: called after 60 business minutes; b: first answered when resolved, 11 + 6 × 12 + 2 = 85 h later.
    assert_eq!(m.median_first_response_min, Some((60 + 85 * 60) / 2));
    assert_eq!(
        (m.complaints, m.orders, m.complaints_per_100_orders_x10),
        (2, 1, Some(2000))
    );
    assert_eq!(r.top_root_causes[0].tickets, 2);
    assert_eq!(r.compensation.len(), 1);
    assert_eq!(
        (
            r.compensation[0].month.as_str(),
            r.compensation[0].amount_fen
        ),
        ("2026-03", 1_500)
    );
    let tables = r.tables();
    assert_eq!(tables.len(), 3);
    let weekly =
        reports::report(&d.store, &d.owner, Period::Week, "2026-03-02", "2026-03-15").unwrap();
    assert_eq!(
        weekly
            .rows
            .iter()
            .map(|r| r.period.as_str())
            .collect::<Vec<_>>(),
        vec!["2026-W10", "2026-W11"]
    );
    assert!(reports::report(
        &d.store,
        &d.owner,
        Period::Month,
        "2026-03-31",
        "2026-03-01"
    )
    .is_err());
}

#[test]
fn merging_two_customers_moves_their_tickets_and_follow_ups_and_undo_moves_them_back() {
    use laoke::customers::merge::MergeChoices;
    let d = desk();
    let other = customers::create(&d.store, &d.owner, &customer("王芳芳", "13900139000")).unwrap();
    let t = tickets::create(&d.store, &d.owner, &complaint(other)).unwrap();
    followups::log(
        &d.store,
        &d.owner,
        &NewFollowUp {
            customer_id: other,
            kind: FollowUpKind::Care,
            channel: FollowUpChannel::Phone,
            outcome: Outcome::Reached,
            notes: String::new(),
            ticket_id: Some(t),
            order_id: None,
            next_contact_on: None,
        },
    )
    .unwrap();
    let out = laoke::customer_ops::merge(
        &d.store,
        &d.owner,
        d.customer,
        other,
        &MergeChoices {
            take_from_other: vec![],
            combine_notes: false,
        },
    )
    .unwrap();
    assert_eq!(
        tickets::get(&d.store, &d.owner, t).unwrap().row.customer_id,
        d.customer
    );
    assert_eq!(
        followups::for_customer(&d.store, &d.owner, d.customer)
            .unwrap()
            .len(),
        1
    );
    laoke::customer_ops::unmerge(&d.store, &d.owner, out.merge_id).unwrap();
    assert_eq!(
        tickets::get(&d.store, &d.owner, t).unwrap().row.customer_id,
        other,
        "undo moves the ticket back"
    );
}

#[test]
fn erasing_a_customer_blanks_ticket_texts_but_keeps_the_timeline_append_only() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    tickets::add_entry(
        &d.store,
        &d.owner,
        id,
        EventKind::Call,
        "王芳说地址是文三路 88 号",
    )
    .unwrap();
    followups::log(
        &d.store,
        &d.owner,
        &NewFollowUp {
            customer_id: d.customer,
            kind: FollowUpKind::Revisit,
            channel: FollowUpChannel::Phone,
            outcome: Outcome::Reached,
            notes: "她家住文三路".into(),
            ticket_id: Some(id),
            order_id: None,
            next_contact_on: None,
        },
    )
    .unwrap();
    laoke::customer_ops::erase(&d.store, &d.owner, d.customer).unwrap();
    let t = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(t.description, "");
    assert!(
        t.timeline.iter().all(|e| e.body.is_empty()),
        "no personal text stays on the timeline"
    );
    assert_eq!(t.timeline.len(), 2, "the entries themselves stay");
    assert!(followups::for_customer(&d.store, &d.owner, d.customer)
        .unwrap()
        .iter()
        .all(|f| f.notes.is_empty()));
    // Anything else is still refused by the database.
    let raw = raw_connection_as_owner(&d.store, &d.owner);
    let e = raw.execute(
        "UPDATE ticket_events SET kind = 'note' WHERE ticket_id = ?1",
        [id],
    );
    assert!(e.is_err(), "the timeline stays append-only");
    assert!(raw
        .execute("DELETE FROM ticket_events WHERE ticket_id = ?1", [id])
        .is_err());
}

#[test]
fn points_compensation_lands_in_the_loyalty_ledger_once_with_the_ticket_id() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer)).unwrap();
    let r = Resolution {
        csat: Some(4),
        compensation: vec![Compensation::Points {
            points: 300,
            reason: "包装破损补偿".into(),
        }],
        ..Default::default()
    };
    tickets::resolve(&d.store, &d.owner, id, &r).unwrap();
    assert!(
        tickets::resolve(&d.store, &d.owner, id, &r).is_err(),
        "a resolved ticket is not resolved again"
    );
    let raw = raw_connection_as_owner(&d.store, &d.owner);
    let (rows, sum): (i64, i64) = raw
        .query_row(
            "SELECT count(*), coalesce(sum(delta), 0) FROM points_ledger WHERE ticket_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (rows, sum),
        (1, 300),
        "exactly one ledger row with the ticket id"
    );
    let t = tickets::get(&d.store, &d.owner, id).unwrap();
    assert_eq!(
        (
            t.compensations.len(),
            t.compensations[0].kind.as_str(),
            t.compensations[0].amount_fen
        ),
        (1, "points", 300)
    );
    // A rep may not issue a coupon; nothing changes.
    add_user(&d.store, &d.owner, "xiaoli", Role::Rep, "rep password 1");
    let (store2, rep) =
        Store::login(d.store.dir(), "xiaoli", "rep password 1", d.clock.clone()).unwrap();
    let other = tickets::create(&store2, &rep, &complaint(d.customer)).unwrap();
    let e = tickets::resolve(
        &store2,
        &rep,
        other,
        &Resolution {
            compensation: vec![Compensation::Coupon { coupon_id: 1 }],
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    assert_eq!(
        tickets::get(&d.store, &d.owner, other).unwrap().row.state,
        TicketState::New
    );
}

#[test]
fn a_ticket_resolved_within_its_target_reads_met_in_the_list_even_after_a_late_first_response() {
    let d = desk();
    let mut p1 = complaint(d.customer);
    p1.priority = Some(Priority::P1);
    // Monday 10:00: two P1 complaints (first response 2 h, resolution 24 business hours; the
    // shop is open 09:00–21:00, so 24 h is two shop days).
    let in_time = tickets::create(&d.store, &d.owner, &p1).unwrap();
    let late = tickets::create(&d.store, &d.owner, &p1).unwrap();
    // The first answer comes at 13:00, an hour past its target.
    d.clock.set(at(2026, 3, 2, 13, 0));
    tickets::add_entry(&d.store, &d.owner, in_time, EventKind::Call, "已致电").unwrap();
    // Resolved Tuesday 10:00: 12 business hours used of 24.
    d.clock.set(at(2026, 3, 3, 10, 0));
    tickets::resolve(&d.store, &d.owner, in_time, &Resolution::default()).unwrap();
    // Resolved Thursday 10:00: 36 business hours, past the target.
    d.clock.set(at(2026, 3, 5, 10, 0));
    tickets::resolve(&d.store, &d.owner, late, &Resolution::default()).unwrap();
    let outcome = |id| {
        tickets::get(&d.store, &d.owner, id)
            .unwrap()
            .row
            .sla_outcome
    };
    assert_eq!(
        outcome(in_time),
        Some(SlaState::Met),
        "resolved within its resolution target: met, though the first response was late"
    );
    let detail = tickets::get(&d.store, &d.owner, in_time).unwrap();
    assert_eq!(
        (detail.first_response.state, detail.resolution.state),
        (SlaState::Breached, SlaState::Met),
        "the late first response still shows on the ticket's own clock"
    );
    assert_eq!(
        outcome(late),
        Some(SlaState::Breached),
        "resolved past its target"
    );
    // Weeks later, past every due time, the job closes both: the outcomes stay.
    d.clock.set(at(2026, 3, 20, 10, 0));
    assert_eq!(tickets::run_jobs(&d.store, &d.owner).unwrap().closed, 2);
    assert_eq!(state(&d, in_time), TicketState::Closed);
    assert_eq!(
        (outcome(in_time), outcome(late)),
        (Some(SlaState::Met), Some(SlaState::Breached)),
        "closing a ticket does not change what its SLA came to"
    );
    assert_eq!(
        tickets::query::outcome(TicketState::InProgress, true),
        None,
        "a running ticket has a clock, not an outcome"
    );
}
