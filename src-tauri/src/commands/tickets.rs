//! The service desk (issue 5): queues and counts, one ticket, create, assign, state changes,
//! timeline entries, resolution with CSAT and compensation, merge, 话术 templates and the
//! service report and its Excel export, the assignee and tag pickers, and the business hours
//! and holiday calendar of Settings. Each command is one core call (plus a re-read where the screen needs the
//! fresh ticket); roles, validation and audit live in `laoke::tickets`.

use laoke::tickets::{
    self,
    calendar::{self, CalendarDay},
    reports::{self, Period, ServiceReport},
    sla::{BusinessHours, DayKind},
    templates::{self, ReplyTemplate},
    EventKind, NewTicket, QueueCounts, Resolution, TicketDetail, TicketPage, TicketQuery,
    TicketState,
};
use serde::Serialize;
use std::path::Path;
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn tickets_list(shell: State<'_, Shell>, query: TicketQuery) -> CmdResult<TicketPage> {
    shell
        .with_session(move |store, session| tickets::list(store, session, &query))
        .await
}

#[tauri::command]
pub async fn tickets_counts(shell: State<'_, Shell>) -> CmdResult<QueueCounts> {
    shell.with_session(tickets::counts).await
}

#[tauri::command]
pub async fn tickets_get(shell: State<'_, Shell>, id: i64) -> CmdResult<TicketDetail> {
    shell
        .with_session(move |store, session| tickets::get(store, session, id))
        .await
}

#[tauri::command]
pub async fn tickets_create(shell: State<'_, Shell>, ticket: NewTicket) -> CmdResult<i64> {
    shell
        .with_session(move |store, session| tickets::create(store, session, &ticket))
        .await
}

#[tauri::command]
pub async fn tickets_assign(
    shell: State<'_, Shell>,
    id: i64,
    assignee_id: Option<i64>,
) -> CmdResult<TicketDetail> {
    shell
        .with_session(move |store, session| {
            tickets::assign(store, session, id, assignee_id)?;
            tickets::get(store, session, id)
        })
        .await
}

#[tauri::command]
pub async fn tickets_set_state(
    shell: State<'_, Shell>,
    id: i64,
    state: TicketState,
    note: String,
) -> CmdResult<TicketDetail> {
    shell
        .with_session(move |store, session| {
            tickets::set_state(store, session, id, state, &note)?;
            tickets::get(store, session, id)
        })
        .await
}

/// A note, call or message on the timeline (`kind`: note | call | message).
#[tauri::command]
pub async fn tickets_add_entry(
    shell: State<'_, Shell>,
    id: i64,
    kind: EventKind,
    body: String,
) -> CmdResult<TicketDetail> {
    shell
        .with_session(move |store, session| {
            tickets::add_entry(store, session, id, kind, &body)?;
            tickets::get(store, session, id)
        })
        .await
}

#[tauri::command]
pub async fn tickets_resolve(
    shell: State<'_, Shell>,
    id: i64,
    resolution: Resolution,
) -> CmdResult<TicketDetail> {
    shell
        .with_session(move |store, session| {
            tickets::resolve(store, session, id, &resolution)?;
            tickets::get(store, session, id)
        })
        .await
}

#[tauri::command]
pub async fn tickets_merge(
    shell: State<'_, Shell>,
    from: i64,
    into: i64,
) -> CmdResult<TicketDetail> {
    shell
        .with_session(move |store, session| {
            tickets::merge(store, session, from, into)?;
            tickets::get(store, session, into)
        })
        .await
}

/// The 话术 templates in the UI language.
#[tauri::command]
pub async fn tickets_templates(shell: State<'_, Shell>) -> CmdResult<Vec<ReplyTemplate>> {
    shell.with_session_lang(templates::list).await
}

/// A template with the ticket's placeholders filled in.
#[tauri::command]
pub async fn tickets_render_template(
    shell: State<'_, Shell>,
    template_id: i64,
    ticket_id: i64,
) -> CmdResult<String> {
    shell
        .with_session(move |store, session| {
            templates::render(store, session, template_id, ticket_id)
        })
        .await
}

#[tauri::command]
pub async fn tickets_report(
    shell: State<'_, Shell>,
    period: Period,
    from: String,
    to: String,
) -> CmdResult<ServiceReport> {
    shell
        .with_session(move |store, session| reports::report(store, session, period, &from, &to))
        .await
}

/// Active users a ticket can be assigned to (id, display name, role); every role.
#[tauri::command]
pub async fn tickets_assignees(shell: State<'_, Shell>) -> CmdResult<Vec<tickets::Assignee>> {
    shell.with_session(tickets::assignees).await
}

/// Tags in use on tickets, most used first (suggestions).
#[tauri::command]
pub async fn tickets_tags(shell: State<'_, Shell>) -> CmdResult<Vec<String>> {
    shell.with_session(tickets::tags).await
}

#[tauri::command]
pub async fn tickets_business_hours(shell: State<'_, Shell>) -> CmdResult<BusinessHours> {
    shell.with_session(calendar::business_hours).await
}

/// Owner only; open tickets' due times follow in the same transaction.
#[tauri::command]
pub async fn tickets_set_business_hours(
    shell: State<'_, Shell>,
    hours: BusinessHours,
) -> CmdResult<BusinessHours> {
    shell
        .with_session(move |store, session| {
            calendar::set_business_hours(store, session, &hours)?;
            calendar::business_hours(store, session)
        })
        .await
}

/// The calendar's exceptions in one year (official entries, the shop's own, overrides).
#[tauri::command]
pub async fn tickets_calendar(shell: State<'_, Shell>, year: i32) -> CmdResult<Vec<CalendarDay>> {
    shell
        .with_session(move |store, session| calendar::calendar_days(store, session, year))
        .await
}

/// Owner only: a holiday or working day (`kind`), or `kind: null` = an ordinary day. Returns the
/// date's year as it now stands.
#[tauri::command]
pub async fn tickets_set_calendar_day(
    shell: State<'_, Shell>,
    day: String,
    kind: Option<DayKind>,
    name: String,
) -> CmdResult<Vec<CalendarDay>> {
    shell
        .with_session(move |store, session| {
            calendar::set_calendar_day(store, session, &day, kind, &name)?;
            calendar::calendar_days(store, session, year_of(&day))
        })
        .await
}

/// Owner only: drop the shop's entry for a date (back to the official schedule).
#[tauri::command]
pub async fn tickets_reset_calendar_day(
    shell: State<'_, Shell>,
    day: String,
) -> CmdResult<Vec<CalendarDay>> {
    shell
        .with_session(move |store, session| {
            calendar::reset_calendar_day(store, session, &day)?;
            calendar::calendar_days(store, session, year_of(&day))
        })
        .await
}

fn year_of(day: &str) -> i32 {
    day.trim()
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or_default()
}

/// `tickets_report_export`'s answer.
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReportExported {
    path: String,
    bytes: u64,
    sheets: usize,
}

/// Owner / manager: the service report into an xlsx at `path` (chosen with the native save
/// dialog; audited).
#[tauri::command]
pub async fn tickets_report_export(
    shell: State<'_, Shell>,
    period: Period,
    from: String,
    to: String,
    path: String,
) -> CmdResult<ReportExported> {
    shell
        .with_session_lang(move |store, session, lang| {
            let path = path.trim().to_string();
            let (_, done) = laoke::export::service_report_workbook(
                store,
                session,
                lang,
                period,
                &from,
                &to,
                Path::new(&path),
            )?;
            Ok(ReportExported {
                path,
                bytes: done.bytes,
                sheets: done.sheets.len(),
            })
        })
        .await
}
