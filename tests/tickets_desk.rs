//! The finishing pieces of the service desk on a fixed clock: the assignee and tag pickers every
//! role may read, names on the timeline, business hours and the holiday calendar as owner-only
//! settings that move open tickets' due times in the same write, and the service report as an
//! xlsx workbook (read back with calamine) that only the owner and managers may export.

mod common;

use calamine::{open_workbook, Data, Range, Reader, Xlsx};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Shanghai;
use common::*;
use laoke::auth::{Role, Session};
use laoke::clock::FixedClock;
use laoke::i18n::Lang;
use laoke::store::Store;
use laoke::tickets::reports::{self, Period};
use laoke::tickets::sla::{BusinessHours, DayKind};
use laoke::tickets::{
    self, calendar, Compensation, CsatReason, EventKind, NewTicket, Resolution, RootCause,
    TicketChannel, TicketType,
};
use laoke::{customers, export, users};
use std::path::Path;
use std::sync::Arc;

fn at(y: i32, m: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Shanghai
        .with_ymd_and_hms(y, m, d, h, mi, 0)
        .unwrap()
        .with_timezone(&Utc)
}

struct Desk {
    tmp: tempfile::TempDir,
    store: Store,
    owner: Session,
    clock: Arc<FixedClock>,
    customer: i64,
}

/// A store on Monday 2026-03-02 10:00 Shanghai with one customer, a manager and a rep.
fn desk() -> Desk {
    let (tmp, dir) = temp_store_dir();
    let clock = FixedClock::new(at(2026, 3, 2, 10, 0));
    let (store, owner, _) = Store::init(&dir, &owner(), clock.clone()).unwrap();
    let customer = customers::create(&store, &owner, &customer("王芳", "13800138000")).unwrap();
    add_user(
        &store,
        &owner,
        "laowang",
        Role::Manager,
        "manager password 1",
    );
    add_user(&store, &owner, "xiaoli", Role::Rep, "rep password 1");
    Desk {
        tmp,
        store,
        owner,
        clock,
        customer,
    }
}

impl Desk {
    fn login(&self, user: &str, password: &str) -> (Store, Session) {
        Store::login(self.store.dir(), user, password, self.clock.clone()).unwrap()
    }
    fn rep(&self) -> (Store, Session) {
        self.login("xiaoli", "rep password 1")
    }
    fn manager(&self) -> (Store, Session) {
        self.login("laowang", "manager password 1")
    }
}

fn complaint(customer: i64, tags: &[&str]) -> NewTicket {
    NewTicket {
        customer_id: customer,
        order_id: None,
        ticket_type: TicketType::Complaint,
        channel: TicketChannel::Phone,
        priority: None,
        subject: "收到的茶叶罐压扁了".into(),
        description: String::new(),
        assignee_id: None,
        tags: tags.iter().map(|t| t.to_string()).collect(),
    }
}

fn user_id(d: &Desk, username: &str) -> i64 {
    users::list(&d.store, &d.owner)
        .unwrap()
        .into_iter()
        .find(|u| u.username == username)
        .unwrap()
        .id
}

#[test]
fn every_role_lists_active_assignees_with_only_id_name_and_role() {
    let d = desk();
    let (store, rep) = d.rep();
    let gone = add_user(&d.store, &d.owner, "left", Role::Rep, "left password 1");
    users::set_disabled(&d.store, &d.owner, gone.id, true).unwrap();
    let list = tickets::assignees(&store, &rep).expect("a rep may list assignees");
    assert_eq!(list[0].id, rep.user_id(), "the acting user comes first");
    let names: Vec<&str> = list.iter().map(|a| a.display_name.as_str()).collect();
    assert_eq!(
        list.len(),
        3,
        "owner, manager and rep; not the disabled account: {names:?}"
    );
    assert!(
        !names.contains(&"left 显示名"),
        "disabled accounts cannot take tickets"
    );
    let json = serde_json::to_value(&list[0]).unwrap();
    let mut keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        ["displayName", "id", "role"],
        "nothing else about users crosses"
    );
    assert_eq!(json["role"], "rep");
}

#[test]
fn a_rep_assigns_a_colleague_and_the_timeline_names_both_users() {
    let d = desk();
    let (store, rep) = d.rep();
    let manager = user_id(&d, "laowang");
    let id = tickets::create(
        &store,
        &rep,
        &NewTicket {
            assignee_id: Some(rep.user_id()),
            ..complaint(d.customer, &[])
        },
    )
    .unwrap();
    tickets::assign(&store, &rep, id, Some(manager)).expect("a rep may hand a ticket over");
    let t = tickets::get(&store, &rep, id).unwrap();
    assert_eq!(t.row.assignee_name.as_deref(), Some("laowang 显示名"));
    let changes: Vec<_> = t
        .timeline
        .iter()
        .filter(|e| e.kind == EventKind::Assignee)
        .collect();
    assert_eq!(changes.len(), 2, "assigned at creation, then handed over");
    assert_eq!(changes[0].detail["toName"], "xiaoli 显示名");
    assert!(changes[0].detail.get("fromName").is_none(), "nobody before");
    assert_eq!(changes[1].detail["fromName"], "xiaoli 显示名");
    assert_eq!(changes[1].detail["toName"], "laowang 显示名");
    assert_eq!(changes[1].detail["to"], manager, "ids stay in the record");
}

#[test]
fn ticket_tags_are_suggested_most_used_first() {
    let d = desk();
    for tags in [
        &["包装", "补发"][..],
        &["包装"],
        &["物流"],
        &["包装", "物流"],
    ] {
        tickets::create(&d.store, &d.owner, &complaint(d.customer, tags)).unwrap();
    }
    let (store, rep) = d.rep();
    assert_eq!(
        tickets::tags(&store, &rep).unwrap(),
        ["包装", "物流", "补发"],
        "by use, then by name"
    );
}

#[test]
fn changing_business_hours_moves_open_tickets_due_times_and_leaves_resolved_ones() {
    let d = desk();
    let open = tickets::create(&d.store, &d.owner, &complaint(d.customer, &[])).unwrap();
    let done = tickets::create(&d.store, &d.owner, &complaint(d.customer, &[])).unwrap();
    tickets::resolve(&d.store, &d.owner, done, &Resolution::default()).unwrap();
    let before = tickets::get(&d.store, &d.owner, open).unwrap();
    // Mon 10:00, 24 business hours of 09:00–21:00 every day: Wed 10:00.
    assert_eq!(before.first_response.due_at, Some(at(2026, 3, 4, 10, 0)));
    calendar::set_business_hours(
        &d.store,
        &d.owner,
        &BusinessHours::weekdays(9 * 60, 17 * 60),
    )
    .unwrap();
    let row = &tickets::list(&d.store, &d.owner, &Default::default())
        .unwrap()
        .rows
        .into_iter()
        .find(|r| r.id == open)
        .unwrap();
    // 8 business hours a day: Mon 10–17 (7 h), Tue, Wed (16 h), Thu 09–10 (1 h).
    assert_eq!(
        row.sla_due_at,
        Some(at(2026, 3, 5, 10, 0)),
        "the stored due time (what the queues read) follows the new hours"
    );
    assert_eq!(
        calendar::business_hours(&d.store, &d.owner).unwrap(),
        BusinessHours::weekdays(9 * 60, 17 * 60)
    );
    let resolved = tickets::get(&d.store, &d.owner, done).unwrap();
    assert_eq!(
        resolved.row.sla_due_at, None,
        "resolved tickets have no due time"
    );
}

#[test]
fn bad_business_hours_are_refused_naming_the_problem_and_nothing_changes() {
    let d = desk();
    let mut hours = BusinessHours::default();
    hours.days[2] = Some(laoke::tickets::sla::DayHours {
        open_minute: 18 * 60,
        close_minute: 9 * 60,
    });
    let e = calendar::set_business_hours(&d.store, &d.owner, &hours).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(
        e.message(Lang::En).contains("day 3"),
        "{}",
        e.message(Lang::En)
    );
    assert_eq!(
        calendar::business_hours(&d.store, &d.owner).unwrap(),
        BusinessHours::default()
    );
    let closed = BusinessHours { days: [None; 7] };
    assert!(calendar::set_business_hours(&d.store, &d.owner, &closed).is_err());
}

#[test]
fn the_calendar_shows_where_the_shop_overrides_the_official_schedule_and_reset_restores_it() {
    let d = desk();
    let year = calendar::calendar_days(&d.store, &d.owner, 2026).unwrap();
    let holiday = year
        .iter()
        .find(|x| x.kind == Some(DayKind::Holiday))
        .expect("2026 has official holidays")
        .clone();
    assert!(holiday.official && holiday.official_kind == Some(DayKind::Holiday));
    assert!(!holiday.name_en.is_empty() && holiday.name_en != holiday.name);
    let workday = year
        .iter()
        .find(|x| x.kind == Some(DayKind::Workday))
        .expect("2026 has 调休 working days")
        .clone();
    let day = holiday.day.to_string();

    // The shop opens on an official holiday.
    calendar::set_calendar_day(&d.store, &d.owner, &day, Some(DayKind::Workday), "照常营业")
        .unwrap();
    let e = find(&d, holiday.day);
    assert_eq!(e.kind, Some(DayKind::Workday));
    assert!(!e.official, "the shop's entry");
    assert_eq!(e.official_kind, Some(DayKind::Holiday), "what it overrides");
    assert_eq!(e.official_name.as_deref(), Some(holiday.name.as_str()));

    // Removing an official 调休 day keeps it listed as an ordinary day over the official one.
    calendar::set_calendar_day(&d.store, &d.owner, &workday.day.to_string(), None, "").unwrap();
    let w = find(&d, workday.day);
    assert_eq!((w.kind, w.official_kind), (None, Some(DayKind::Workday)));

    // A shop holiday on an ordinary date overrides nothing; removing it drops it.
    calendar::set_calendar_day(
        &d.store,
        &d.owner,
        "2026-03-10",
        Some(DayKind::Holiday),
        "店庆",
    )
    .unwrap();
    let own = find(&d, NaiveDate::from_ymd_opt(2026, 3, 10).unwrap());
    assert_eq!((own.official_kind, own.name.as_str()), (None, "店庆"));
    calendar::set_calendar_day(&d.store, &d.owner, "2026-03-10", None, "").unwrap();
    assert!(calendar::calendar_days(&d.store, &d.owner, 2026)
        .unwrap()
        .iter()
        .all(|x| x.day.to_string() != "2026-03-10"));

    // Reset: back to the official schedule.
    calendar::reset_calendar_day(&d.store, &d.owner, &day).unwrap();
    calendar::reset_calendar_day(&d.store, &d.owner, &workday.day.to_string()).unwrap();
    assert_eq!(
        calendar::calendar_days(&d.store, &d.owner, 2026).unwrap(),
        year,
        "the year is exactly the official schedule again"
    );
    let long = "长".repeat(31);
    let e = calendar::set_calendar_day(
        &d.store,
        &d.owner,
        "2026-03-11",
        Some(DayKind::Holiday),
        &long,
    )
    .unwrap_err();
    assert!(
        e.message(Lang::En).starts_with("Name:"),
        "{}",
        e.message(Lang::En)
    );
}

fn find(d: &Desk, day: NaiveDate) -> calendar::CalendarDay {
    calendar::calendar_days(&d.store, &d.owner, 2026)
        .unwrap()
        .into_iter()
        .find(|x| x.day == day)
        .unwrap_or_else(|| panic!("{day} is listed"))
}

#[test]
fn a_reset_holiday_moves_open_tickets_due_times_back() {
    let d = desk();
    let id = tickets::create(&d.store, &d.owner, &complaint(d.customer, &[])).unwrap();
    let due = |d: &Desk| {
        tickets::get(&d.store, &d.owner, id)
            .unwrap()
            .first_response
            .due_at
    };
    assert_eq!(due(&d), Some(at(2026, 3, 4, 10, 0)));
    calendar::set_calendar_day(
        &d.store,
        &d.owner,
        "2026-03-03",
        Some(DayKind::Holiday),
        "盘点",
    )
    .unwrap();
    assert_eq!(due(&d), Some(at(2026, 3, 5, 10, 0)));
    calendar::reset_calendar_day(&d.store, &d.owner, "2026-03-03").unwrap();
    assert_eq!(
        due(&d),
        Some(at(2026, 3, 4, 10, 0)),
        "back to the weekly hours"
    );
}

#[test]
fn managers_and_reps_cannot_change_hours_or_the_calendar_and_nothing_changes() {
    let d = desk();
    for (store, s) in [d.manager(), d.rep()] {
        let role = s.role();
        let hours = calendar::set_business_hours(&store, &s, &BusinessHours::weekdays(600, 900));
        let day = calendar::set_calendar_day(&store, &s, "2026-03-10", Some(DayKind::Holiday), "x");
        let reset = calendar::reset_calendar_day(&store, &s, "2026-10-01");
        for r in [hours, day, reset] {
            assert_eq!(r.unwrap_err().code(), "forbidden", "{role:?} is refused");
        }
        assert!(
            calendar::business_hours(&store, &s).is_ok(),
            "{role:?} may read the hours"
        );
        assert!(calendar::calendar_days(&store, &s, 2026).is_ok());
    }
    assert_eq!(
        calendar::business_hours(&d.store, &d.owner).unwrap(),
        BusinessHours::default()
    );
    assert!(calendar::calendar_days(&d.store, &d.owner, 2026)
        .unwrap()
        .iter()
        .all(|x| x.official));
}

/// Two complaints in March 2026 (one on time with CSAT 5, one late with CSAT 2 and a ¥15 refund
/// note) and one paid order.
fn march(d: &Desk) {
    laoke::sales::create(
        &d.store,
        &d.owner,
        &tea_order(d.customer),
        &Default::default(),
    )
    .unwrap();
    let a = tickets::create(&d.store, &d.owner, &complaint(d.customer, &[])).unwrap();
    let b = tickets::create(&d.store, &d.owner, &complaint(d.customer, &[])).unwrap();
    d.clock.set(at(2026, 3, 2, 11, 0));
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
    d.clock.set(at(2026, 3, 9, 11, 0));
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
}

fn sheet(path: &Path, name: &str) -> Range<Data> {
    let mut wb: Xlsx<_> = open_workbook(path).expect("the export opens as an xlsx workbook");
    wb.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn text(r: &Range<Data>, row: u32, col: u32) -> String {
    r.get_value((row, col))
        .map(|v| v.to_string())
        .unwrap_or_default()
}

fn number(r: &Range<Data>, row: u32, col: u32) -> f64 {
    match r.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("({row}, {col}) is not a number: {other:?}"),
    }
}

#[test]
fn the_service_report_exports_to_an_xlsx_with_the_reports_numbers() {
    let d = desk();
    march(&d);
    let (store, manager) = d.manager();
    let path = d.tmp.path().join("服务报表.xlsx");
    let (r, done) = export::service_report_workbook(
        &store,
        &manager,
        Lang::ZhCn,
        Period::Month,
        "2026-03-01",
        "2026-03-31",
        &path,
    )
    .expect("a manager may export the report");
    assert_eq!(
        r,
        reports::report(&store, &manager, Period::Month, "2026-03-01", "2026-03-31").unwrap(),
        "the workbook holds the same report as the screen"
    );
    assert_eq!(done.bytes, std::fs::metadata(&path).unwrap().len());
    let wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["说明", "服务指标", "主要原因", "补偿成本"]
    );

    let about = sheet(&path, "说明");
    assert_eq!(text(&about, 0, 0), "项目");
    assert!((0..about.height() as u32).any(|i| text(&about, i, 1) == "按月"));

    let m = sheet(&path, "服务指标");
    let headers: Vec<String> = (0..11).map(|c| text(&m, 0, c)).collect();
    assert_eq!(headers[0], "周期");
    assert_eq!(headers[3], "SLA 达标率");
    assert_eq!(headers[10], "每百单投诉");
    let row = &r.rows[0];
    assert_eq!(text(&m, 1, 0), "2026-03");
    assert_eq!(number(&m, 1, 1) as u64, row.created);
    assert_eq!(number(&m, 1, 2) as u64, row.resolved);
    assert_eq!(
        number(&m, 1, 3),
        0.5,
        "SLA compliance 500‰, a number shown as 50.0%"
    );
    assert_eq!(
        number(&m, 1, 4) as i64,
        row.median_first_response_min.unwrap()
    );
    assert_eq!(number(&m, 1, 7), 0.5, "CSAT 500‰");
    assert_eq!(number(&m, 1, 9) as u64, row.orders);
    assert_eq!(number(&m, 1, 10), 200.0, "two complaints on one order");

    let causes = sheet(&path, "主要原因");
    assert_eq!(
        (text(&causes, 1, 0), number(&causes, 1, 1)),
        ("物流问题".into(), 2.0)
    );
    let cost = sheet(&path, "补偿成本");
    assert_eq!(text(&cost, 0, 3), "金额");
    assert_eq!(number(&cost, 1, 3), 15.0, "¥15.00 from 1,500 fen");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "only the OS account that exported may read it");
    }
    let conn = raw_connection_as_owner(&d.store, &d.owner);
    assert!(
        audit_actions(&conn)
            .iter()
            .any(|(_, a, _)| a == "report_export"),
        "the export is audited"
    );
}

#[test]
fn the_english_report_workbook_names_sheets_headers_and_causes_in_english() {
    let d = desk();
    march(&d);
    let path = d.tmp.path().join("service.xlsx");
    export::service_report_workbook(
        &d.store,
        &d.owner,
        Lang::En,
        Period::Week,
        "2026-03-02",
        "2026-03-15",
        &path,
    )
    .unwrap();
    let wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(
        wb.sheet_names(),
        [
            "About",
            "Service metrics",
            "Top root causes",
            "Compensation cost"
        ]
    );
    let m = sheet(&path, "Service metrics");
    assert_eq!(text(&m, 0, 0), "Period");
    assert_eq!(text(&m, 0, 3), "SLA compliance");
    assert_eq!(
        (text(&m, 1, 0), text(&m, 2, 0)),
        ("2026-W10".into(), "2026-W11".into())
    );
    let causes = sheet(&path, "Top root causes");
    assert_eq!(text(&causes, 0, 0), "Root cause");
    assert_eq!(text(&causes, 1, 0), "Logistics");
    let cost = sheet(&path, "Compensation cost");
    assert_eq!(text(&cost, 0, 3), "Amount");
    assert_eq!(number(&cost, 1, 3), 15.0);
}

#[test]
fn reps_may_not_export_the_report_and_no_file_appears() {
    let d = desk();
    let (store, rep) = d.rep();
    let path = d.tmp.path().join("rep.xlsx");
    let e = export::service_report_workbook(
        &store,
        &rep,
        Lang::ZhCn,
        Period::Month,
        "2026-03-01",
        "2026-03-31",
        &path,
    )
    .unwrap_err();
    assert_eq!(e.code(), "forbidden");
    assert!(!path.exists(), "nothing written");
    assert!(
        reports::report(&store, &rep, Period::Month, "2026-03-01", "2026-03-31").is_ok(),
        "reps still see the report on screen"
    );
}

#[test]
fn the_report_is_never_written_into_the_data_folder_or_without_xlsx() {
    let d = desk();
    let inside = d.store.dir().join("report.xlsx");
    let e = export::service_report_workbook(
        &d.store,
        &d.owner,
        Lang::ZhCn,
        Period::Month,
        "2026-03-01",
        "2026-03-31",
        &inside,
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert!(!inside.exists());
    let csv = d.tmp.path().join("report.csv");
    assert!(export::service_report_workbook(
        &d.store,
        &d.owner,
        Lang::ZhCn,
        Period::Month,
        "2026-03-01",
        "2026-03-31",
        &csv,
    )
    .is_err());
    assert!(!csv.exists());
}
