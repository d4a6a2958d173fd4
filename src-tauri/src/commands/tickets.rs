//! The service desk (issue 5): queues and counts, one ticket, create, assign, state changes,
//! timeline entries, resolution with CSAT and compensation, merge, 话术 templates and the
//! service report. Each command is one core call (plus a re-read where the screen needs the
//! fresh ticket); roles, validation and audit live in `laoke::tickets`.

use laoke::tickets::{
    self,
    reports::{self, Period, ServiceReport},
    templates::{self, ReplyTemplate},
    EventKind, NewTicket, QueueCounts, Resolution, TicketDetail, TicketPage, TicketQuery,
    TicketState,
};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn tickets_list(shell: State<'_, Shell>, query: TicketQuery) -> CmdResult<TicketPage> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            tickets::list(store, session, &query)
        })
        .await
}

#[tauri::command]
pub async fn tickets_counts(shell: State<'_, Shell>) -> CmdResult<QueueCounts> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            tickets::counts(store, session)
        })
        .await
}

#[tauri::command]
pub async fn tickets_get(shell: State<'_, Shell>, id: i64) -> CmdResult<TicketDetail> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            tickets::get(store, session, id)
        })
        .await
}

#[tauri::command]
pub async fn tickets_create(shell: State<'_, Shell>, ticket: NewTicket) -> CmdResult<i64> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            tickets::create(store, session, &ticket)
        })
        .await
}

#[tauri::command]
pub async fn tickets_assign(
    shell: State<'_, Shell>,
    id: i64,
    assignee_id: Option<i64>,
) -> CmdResult<TicketDetail> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            tickets::merge(store, session, from, into)?;
            tickets::get(store, session, into)
        })
        .await
}

/// The 话术 templates in the UI language.
#[tauri::command]
pub async fn tickets_templates(shell: State<'_, Shell>) -> CmdResult<Vec<ReplyTemplate>> {
    shell
        .run(move |st| {
            let lang = st.prefs.language;
            let (store, session) = st.signed_in()?;
            templates::list(store, session, lang)
        })
        .await
}

/// A template with the ticket's placeholders filled in.
#[tauri::command]
pub async fn tickets_render_template(
    shell: State<'_, Shell>,
    template_id: i64,
    ticket_id: i64,
) -> CmdResult<String> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            reports::report(store, session, period, &from, &to)
        })
        .await
}
