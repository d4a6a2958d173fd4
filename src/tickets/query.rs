//! Reading tickets: the queues (mine, unassigned, due soon, breached, waiting, all) with filters,
//! sort and pages, their counts for the navigation, and one ticket with its timeline and live SLA
//! clocks. Queues read the stored due times (kept current by `write`), so each is an index range
//! scan (migration 0008's partial indexes) rather than business-hour arithmetic per row.

use super::due::sla_inputs;
use super::model::{ticket_no, EventKind, Priority, TicketChannel, TicketState, TicketType};
use super::sla::{SlaClock, SlaState};
use crate::{
    auth::{Permission, Session},
    settings,
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params_from_iter, types::Value, OptionalExtension};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    /// Open tickets assigned to the acting user.
    Mine,
    /// Open tickets nobody owns.
    Unassigned,
    /// Open, running, 75 % of a window used, not yet due.
    DueSoon,
    /// Open and past a due time, or flagged breached earlier (kept after reopen).
    Breached,
    /// Waiting on the customer.
    Waiting,
    /// Every ticket, merged ones excepted.
    #[default]
    All,
}

impl Queue {
    pub const ALL: [Queue; 6] = [
        Queue::Mine,
        Queue::Unassigned,
        Queue::DueSoon,
        Queue::Breached,
        Queue::Waiting,
        Queue::All,
    ];
    pub fn parse(s: &str) -> Option<Queue> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "mine" => Some(Queue::Mine),
            "unassigned" => Some(Queue::Unassigned),
            "due_soon" | "due" => Some(Queue::DueSoon),
            "breached" => Some(Queue::Breached),
            "waiting" => Some(Queue::Waiting),
            "all" => Some(Queue::All),
            _ => None,
        }
    }
}

/// Sorts: `updatedAt` (default, newest first), `createdAt`, `slaDueAt` (no due time last when
/// ascending), `priority` (P1 first when ascending, then least recently updated).
pub const TICKET_SORTS: &[&str] = &["updatedAt", "createdAt", "slaDueAt", "priority"];

#[derive(Deserialize, Debug, Clone, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct TicketQuery {
    #[serde(default)]
    pub queue: Queue,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<TicketState>>"))]
    pub states: Vec<TicketState>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<TicketType>>"))]
    pub types: Vec<TicketType>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<Priority>>"))]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<TicketChannel>>"))]
    pub channels: Vec<TicketChannel>,
    #[serde(default)]
    pub assignee_id: Option<i64>,
    #[serde(default)]
    pub tag: Option<String>,
    #[serde(default)]
    pub customer_id: Option<i64>,
    /// Ticket number, subject or description.
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub sort: Option<String>,
    #[serde(default)]
    pub desc: Option<bool>,
    /// 1-based; 0 = 1.
    #[serde(default)]
    pub page: u32,
    /// 0 = 50; at most 200.
    #[serde(default)]
    pub page_size: u32,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TicketRow {
    pub id: i64,
    pub no: String,
    pub customer_id: i64,
    pub customer_name: String,
    pub subject: String,
    pub ticket_type: TicketType,
    pub channel: TicketChannel,
    pub priority: Priority,
    pub state: TicketState,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
    pub tags: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The earlier running due time; `None` when paused or stopped.
    pub sla_due_at: Option<DateTime<Utc>>,
    /// 75 % of a window used (and not yet due).
    pub sla_warning: bool,
    /// Past due now, or breached before (kept after reopen).
    pub breached: bool,
    /// A finished ticket's outcome ([`outcome`]): `met` or `breached`; `None` while it runs
    /// and for merged tickets.
    pub sla_outcome: Option<SlaState>,
}

/// What a resolved or closed ticket's SLA came to, for lists: resolved within its resolution
/// target is `Met` — shown neutral, never red — and past it `Breached`. A first response that
/// came late is shown on the ticket's own first-response clock and counted in the service
/// report; it does not turn a ticket solved in time red. `None` while the ticket runs (its clock
/// says how much is left) and for merged tickets (their work continues on the other one).
pub fn outcome(state: TicketState, resolution_breached: bool) -> Option<SlaState> {
    match state {
        TicketState::Resolved | TicketState::Closed => Some(if resolution_breached {
            SlaState::Breached
        } else {
            SlaState::Met
        }),
        _ => None,
    }
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TicketPage {
    pub rows: Vec<TicketRow>,
    pub page: u32,
    pub page_size: u32,
    pub has_more: bool,
}

/// Sizes of the queues for the navigation.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct QueueCounts {
    pub mine: u64,
    pub unassigned: u64,
    pub due_soon: u64,
    pub breached: u64,
    pub waiting: u64,
    pub open: u64,
}

fn queue_condition(q: Queue, s: &Session, now: &str, args: &mut Vec<Value>) -> String {
    match q {
        Queue::Mine => {
            args.push(Value::Integer(s.user_id()));
            format!("t.is_open = 1 AND t.assignee_id = ?{}", args.len())
        }
        Queue::Unassigned => "t.is_open = 1 AND t.assignee_id IS NULL".into(),
        Queue::DueSoon => {
            args.push(Value::Text(now.into()));
            let n = args.len();
            format!("t.is_open = 1 AND t.sla_warn_at IS NOT NULL AND t.sla_warn_at <= ?{n} AND t.sla_due_at > ?{n}")
        }
        Queue::Breached => {
            // Written as one condition (not a UNION of the two partial indexes) so SQLite walks
            // the sort index and stops after the page: breached tickets are among the open,
            // recently updated and earliest-due ones.
            args.push(Value::Text(now.into()));
            let n = args.len();
            format!("t.is_open = 1 AND (t.breached = 1 OR (t.sla_due_at IS NOT NULL AND t.sla_due_at <= ?{n}))")
        }
        Queue::Waiting => "t.state = 'waiting'".into(),
        Queue::All => "t.state <> 'merged'".into(),
    }
}

fn in_list(col: &str, codes: Vec<&'static str>, args: &mut Vec<Value>) -> Option<String> {
    if codes.is_empty() {
        return None;
    }
    let mut marks = Vec::new();
    for c in codes {
        args.push(Value::Text(c.into()));
        marks.push(format!("?{}", args.len()));
    }
    Some(format!("{col} IN ({})", marks.join(", ")))
}

/// One page of a queue.
pub fn list(store: &Store, s: &Session, q: &TicketQuery) -> Result<TicketPage> {
    s.require(Permission::WorkWithCustomers)?;
    let now = ts(store.now());
    let mut args: Vec<Value> = Vec::new();
    let mut conds = vec![queue_condition(q.queue, s, &now, &mut args)];
    conds.extend(in_list(
        "t.state",
        q.states.iter().map(|x| x.as_str()).collect(),
        &mut args,
    ));
    conds.extend(in_list(
        "t.type",
        q.types.iter().map(|x| x.as_str()).collect(),
        &mut args,
    ));
    conds.extend(in_list(
        "t.priority",
        q.priorities.iter().map(|x| x.as_str()).collect(),
        &mut args,
    ));
    conds.extend(in_list(
        "t.channel",
        q.channels.iter().map(|x| x.as_str()).collect(),
        &mut args,
    ));
    if let Some(a) = q.assignee_id {
        args.push(Value::Integer(a));
        conds.push(format!("t.assignee_id = ?{}", args.len()));
    }
    if let Some(c) = q.customer_id {
        args.push(Value::Integer(c));
        conds.push(format!("t.customer_id = ?{}", args.len()));
    }
    if let Some(tag) = q.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        args.push(Value::Text(tag.into()));
        conds.push(format!(
            "t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = ?{})",
            args.len()
        ));
    }
    if let Some(text) = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let by_no = super::model::parse_ticket_no(text)
            .filter(|_| text.starts_with(['T', 't']) || text.chars().all(|c| c.is_ascii_digit()));
        let escaped = text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        args.push(Value::Text(format!("%{escaped}%")));
        let n = args.len();
        let mut c =
            format!("(t.subject LIKE ?{n} ESCAPE '\\' OR t.description LIKE ?{n} ESCAPE '\\'");
        if let Some(id) = by_no {
            args.push(Value::Integer(id));
            c.push_str(&format!(" OR t.id = ?{}", args.len()));
        }
        c.push(')');
        conds.push(c);
    }
    let sort = q.sort.as_deref().unwrap_or("updatedAt");
    let desc = q.desc.unwrap_or(sort == "updatedAt" || sort == "createdAt");
    let dir = if desc { "DESC" } else { "ASC" };
    let order = match sort {
        "updatedAt" => format!("t.updated_at {dir}, t.id {dir}"),
        "createdAt" => format!("t.created_at {dir}, t.id {dir}"),
        "slaDueAt" => format!("coalesce(t.sla_due_at, '~') {dir}, t.id {dir}"),
        "priority" => format!("t.priority {dir}, t.updated_at {dir}, t.id {dir}"),
        other => {
            return Err(Error::invalid(
                format!("排序：不支持“{other}”。"),
                format!(
                    "Sort: '{other}' is not supported ({}).",
                    TICKET_SORTS.join(", ")
                ),
            ))
        }
    };
    let page = q.page.max(1);
    let page_size = match q.page_size {
        0 => 50,
        n => n.min(200),
    };
    let sql = format!(
        "SELECT t.id, t.customer_id, c.name, t.subject, t.type, t.channel, t.priority, t.state,
                t.assignee_id, u.display_name, t.created_at, t.updated_at, t.sla_due_at, t.sla_warn_at,
                t.breached, t.resolution_breached
         FROM tickets t JOIN customers c ON c.id = t.customer_id LEFT JOIN users u ON u.id = t.assignee_id
         WHERE t.id IN (SELECT t.id FROM tickets t WHERE {} ORDER BY {order} LIMIT {} OFFSET {})
         ORDER BY {order}",
        conds.join(" AND "),
        page_size + 1,
        (page - 1) as u64 * page_size as u64
    );
    let conn = store.conn();
    let mut st = conn.prepare_cached(&sql)?;
    let mut rows: Vec<TicketRow> = st
        .query_map(params_from_iter(args.iter()), |r| {
            let due: Option<String> = r.get(12)?;
            let warn: Option<String> = r.get(13)?;
            let flagged: bool = r.get(14)?;
            let past_due = due.as_deref().is_some_and(|d| d <= now.as_str());
            let state = TicketState::from_code(&r.get::<_, String>(7)?);
            Ok(TicketRow {
                id: r.get(0)?,
                no: ticket_no(r.get(0)?),
                customer_id: r.get(1)?,
                customer_name: r.get(2)?,
                subject: r.get(3)?,
                ticket_type: TicketType::from_code(&r.get::<_, String>(4)?),
                channel: TicketChannel::from_code(&r.get::<_, String>(5)?),
                priority: Priority::from_code(&r.get::<_, String>(6)?),
                state,
                assignee_id: r.get(8)?,
                assignee_name: r.get(9)?,
                tags: Vec::new(),
                created_at: parse_ts(&r.get::<_, String>(10)?)?,
                updated_at: parse_ts(&r.get::<_, String>(11)?)?,
                sla_due_at: due.as_deref().map(parse_ts).transpose()?,
                sla_warning: !past_due && warn.as_deref().is_some_and(|w| w <= now.as_str()),
                breached: flagged || past_due,
                sla_outcome: outcome(state, r.get(15)?),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let has_more = rows.len() > page_size as usize;
    rows.truncate(page_size as usize);
    let mut tag_st =
        conn.prepare_cached("SELECT tag FROM ticket_tags WHERE ticket_id = ?1 ORDER BY tag")?;
    for row in &mut rows {
        row.tags = tag_st
            .query_map([row.id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(TicketPage {
        rows,
        page,
        page_size,
        has_more,
    })
}

/// Open tickets with 75 % of a window used and not yet due, at `now` (stored format).
pub(crate) fn count_due_soon(conn: &rusqlite::Connection, now: &str) -> Result<u64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM tickets WHERE is_open = 1 AND sla_warn_at IS NOT NULL AND sla_warn_at <= ?1 AND sla_due_at > ?1",
        )?
        .query_row([now], |r| r.get::<_, i64>(0))? as u64)
}

/// Open tickets past a due time or flagged breached, at `now` (stored format).
pub(crate) fn count_breached(conn: &rusqlite::Connection, now: &str) -> Result<u64> {
    Ok(conn
        .prepare_cached(
            // Past due, plus flagged but not (or no longer) past due: two index-only counts.
            "SELECT (SELECT count(*) FROM tickets WHERE is_open = 1 AND sla_due_at IS NOT NULL AND sla_due_at <= ?1)
                  + (SELECT count(*) FROM tickets WHERE is_open = 1 AND breached = 1
                       AND (sla_due_at IS NULL OR sla_due_at > ?1))",
        )?
        .query_row([now], |r| r.get::<_, i64>(0))? as u64)
}

/// How many tickets each queue holds (for the navigation badges).
pub fn counts(store: &Store, s: &Session) -> Result<QueueCounts> {
    s.require(Permission::WorkWithCustomers)?;
    let now = ts(store.now());
    let conn = store.conn();
    let one = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<u64> {
        Ok(conn
            .prepare_cached(sql)?
            .query_row(p, |r| r.get::<_, i64>(0))? as u64)
    };
    Ok(QueueCounts {
        due_soon: count_due_soon(conn, &now)?,
        breached: count_breached(conn, &now)?,
        mine: one(
            "SELECT count(*) FROM tickets WHERE is_open = 1 AND assignee_id = ?1",
            &[&s.user_id()],
        )?,
        unassigned: one(
            "SELECT count(*) FROM tickets WHERE is_open = 1 AND assignee_id IS NULL",
            &[],
        )?,
        waiting: one("SELECT count(*) FROM tickets WHERE state = 'waiting'", &[])?,
        open: one("SELECT count(*) FROM tickets WHERE is_open = 1", &[])?,
    })
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TimelineEntry {
    pub id: i64,
    /// The ticket the entry was written on (a merged ticket's entries show here too).
    pub ticket_no: String,
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub body: String,
    pub detail: serde_json::Value,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CompensationRow {
    pub kind: String,
    pub amount_fen: i64,
    pub note: String,
    pub at: DateTime<Utc>,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TicketDetail {
    pub row: TicketRow,
    pub order_id: Option<i64>,
    pub order_no: Option<String>,
    pub description: String,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub merged_into: Option<String>,
    pub merged_from: Vec<String>,
    pub first_response: SlaClock,
    pub resolution: SlaClock,
    pub first_response_breached: bool,
    pub resolution_breached: bool,
    pub csat: Option<u8>,
    pub csat_reason: Option<super::model::CsatReason>,
    pub root_cause: Option<super::model::RootCause>,
    pub resolution_note: Option<String>,
    pub compensations: Vec<CompensationRow>,
    pub timeline: Vec<TimelineEntry>,
    /// What the ticket page may offer next ([`TicketState::next_states`]).
    pub next_states: Vec<TicketState>,
}

/// One ticket: fields, live SLA clocks at the store's now, timeline (its own and merged ones'),
/// compensations.
pub fn get(store: &Store, s: &Session, id: i64) -> Result<TicketDetail> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let exists = conn
        .prepare_cached("SELECT 1 FROM tickets WHERE id = ?1")?
        .exists([id])?;
    if !exists {
        return Err(Error::not_found(
            format!("找不到工单 {}。", ticket_no(id)),
            format!("Ticket {} not found.", ticket_no(id)),
        ));
    }
    // Reuse the row mapping: one-row query by id (merged tickets included).
    let row = row_by_id(store, s, id)?;
    let now = store.now();
    let sched = super::calendar::load_schedule(conn, settings::timezone(store))?;
    let i = sla_inputs(conn, id)?;
    let fr = sched.evaluate(
        i.created_at,
        i.priority.first_response_secs(),
        &[],
        i.first_response_at,
        now,
    );
    let stop = i.resolved_at.or((!i.state.is_open()).then_some(now));
    let res = sched.evaluate(
        i.created_at,
        i.priority.resolution_secs(),
        &i.pauses,
        stop,
        now,
    );
    #[allow(clippy::type_complexity)]
    let (order_id, order_no, description, closed, merged_into, fr_b, res_b, csat, reason, cause, note): (
        Option<i64>, Option<String>, String, Option<String>, Option<i64>, bool, bool, Option<u8>,
        Option<String>, Option<String>, Option<String>,
    ) = conn.query_row(
        "SELECT t.order_id, o.order_no, t.description, t.closed_at, t.merged_into, t.first_response_breached,
                t.resolution_breached, t.csat, t.csat_reason, t.root_cause, t.resolution_note
         FROM tickets t LEFT JOIN orders o ON o.id = t.order_id WHERE t.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?, r.get(10)?)),
    )?;
    let merged_from: Vec<i64> = conn
        .prepare_cached("SELECT id FROM tickets WHERE merged_into = ?1 ORDER BY id")?
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut ids = vec![id];
    ids.extend(&merged_from);
    let marks = ids
        .iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",");
    let timeline = conn
        .prepare(&format!(
            "SELECT id, ticket_id, kind, at, actor_name, body, detail FROM ticket_events
             WHERE ticket_id IN ({marks}) ORDER BY at, id"
        ))?
        .query_map([], |r| {
            Ok(TimelineEntry {
                id: r.get(0)?,
                ticket_no: ticket_no(r.get(1)?),
                kind: EventKind::from_code(&r.get::<_, String>(2)?),
                at: parse_ts(&r.get::<_, String>(3)?)?,
                actor_name: r.get(4)?,
                body: r.get(5)?,
                detail: serde_json::from_str(&r.get::<_, String>(6)?).unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<TimelineEntry>>>()?;
    let timeline = with_user_names(conn, timeline)?;
    let compensations = conn
        .prepare_cached("SELECT kind, amount_fen, note, at FROM ticket_compensations WHERE ticket_id = ?1 ORDER BY id")?
        .query_map([id], |r| {
            Ok(CompensationRow {
                kind: r.get(0)?,
                amount_fen: r.get(1)?,
                note: r.get(2)?,
                at: parse_ts(&r.get::<_, String>(3)?)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(TicketDetail {
        next_states: row.state.next_states(),
        row,
        order_id,
        order_no,
        description,
        first_response_at: i.first_response_at,
        resolved_at: i.resolved_at,
        closed_at: closed.as_deref().map(parse_ts).transpose()?,
        merged_into: merged_into.map(ticket_no),
        merged_from: merged_from.into_iter().map(ticket_no).collect(),
        first_response: fr,
        resolution: res,
        first_response_breached: fr_b || fr.state == super::sla::SlaState::Breached,
        resolution_breached: res_b || res.state == super::sla::SlaState::Breached,
        csat,
        csat_reason: reason.as_deref().map(super::model::CsatReason::from_code),
        root_cause: cause.as_deref().map(super::model::RootCause::from_code),
        resolution_note: note,
        compensations,
        timeline,
    })
}

/// Assignee changes record user ids (names change; ids do not): add the users' current display
/// names as `fromName` / `toName` so every screen shows names, disabled users included.
fn with_user_names(
    conn: &rusqlite::Connection,
    mut timeline: Vec<TimelineEntry>,
) -> Result<Vec<TimelineEntry>> {
    if !timeline.iter().any(|e| e.kind == EventKind::Assignee) {
        return Ok(timeline);
    }
    let names: std::collections::HashMap<i64, String> = conn
        .prepare_cached("SELECT id, display_name FROM users")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for e in timeline
        .iter_mut()
        .filter(|e| e.kind == EventKind::Assignee)
    {
        if let Some(d) = e.detail.as_object_mut() {
            for (id_key, name_key) in [("from", "fromName"), ("to", "toName")] {
                let name = d
                    .get(id_key)
                    .and_then(|v| v.as_i64())
                    .and_then(|id| names.get(&id).cloned());
                if let Some(name) = name {
                    d.insert(name_key.into(), serde_json::Value::String(name));
                }
            }
        }
    }
    Ok(timeline)
}

fn row_by_id(store: &Store, s: &Session, id: i64) -> Result<TicketRow> {
    // The list query with an id condition would skip merged tickets; read the row directly.
    let q = TicketQuery {
        queue: Queue::All,
        text: Some(ticket_no(id)),
        page_size: 200,
        ..Default::default()
    };
    let page = list(store, s, &q)?;
    if let Some(r) = page.rows.into_iter().find(|r| r.id == id) {
        return Ok(r);
    }
    let conn = store.conn();
    #[allow(clippy::type_complexity)]
    let r: Option<(i64, String, String, String, String, String, String, String)> = conn
        .query_row(
            "SELECT t.customer_id, c.name, t.subject, t.type, t.channel, t.priority, t.created_at, t.updated_at
             FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?)),
        )
        .optional()?;
    let (cid, name, subject, ty, ch, pr, created, updated) = r.ok_or_else(|| {
        Error::not_found(
            format!("找不到工单 {}。", ticket_no(id)),
            format!("Ticket {} not found.", ticket_no(id)),
        )
    })?;
    Ok(TicketRow {
        id,
        no: ticket_no(id),
        customer_id: cid,
        customer_name: name,
        subject,
        ticket_type: TicketType::from_code(&ty),
        channel: TicketChannel::from_code(&ch),
        priority: Priority::from_code(&pr),
        state: TicketState::Merged,
        assignee_id: None,
        assignee_name: None,
        tags: Vec::new(),
        created_at: parse_ts(&created)?,
        updated_at: parse_ts(&updated)?,
        sla_due_at: None,
        sla_warning: false,
        breached: false,
        sla_outcome: None,
    })
}
