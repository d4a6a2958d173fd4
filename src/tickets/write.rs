//! Every change to a ticket: create, assign, move through the state machine, log contact,
//! resolve (CSAT, root cause, compensation), merge, and the periodic job. Each is one
//! transaction that appends to the timeline (who, when), recomputes the stored SLA due times
//! ([`super::due`]), and is audited by ticket id (never personal data).

use super::due::refresh_sla;
use super::model::{
    ticket_no, CsatReason, EventKind, Priority, RootCause, TicketChannel, TicketState, TicketType,
};
use super::sla::Schedule;
use crate::{
    audit,
    auth::{Permission, Session},
    settings,
    store::Store,
    time::ts,
    Error, Result,
};
use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Resolved tickets close by themselves after this long (DEFAULTS.md).
pub const AUTO_CLOSE_DAYS: i64 = 7;

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct NewTicket {
    pub customer_id: i64,
    #[serde(default)]
    pub order_id: Option<i64>,
    pub ticket_type: TicketType,
    pub channel: TicketChannel,
    /// Default by type (DEFAULTS.md).
    #[serde(default)]
    pub priority: Option<Priority>,
    pub subject: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub assignee_id: Option<i64>,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// What a ticket's resolution gave the customer. Points and coupons go through the loyalty
/// ledger with the ticket id (once per ticket and line: an idempotency key), in the same
/// transaction as the resolution.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Compensation {
    /// A refund made on the platform, noted here with its amount for the cost report.
    #[serde(rename_all = "camelCase")]
    RefundNote { amount_fen: i64, note: String },
    /// Points credited through the loyalty ledger (cost: 100 points = ¥1, DEFAULTS.md).
    #[serde(rename_all = "camelCase")]
    Points { points: i64, reason: String },
    /// A coupon issued through the loyalty module (owner / manager; cost: its face value).
    #[serde(rename_all = "camelCase")]
    Coupon { coupon_id: i64 },
}

#[derive(Deserialize, Debug, Clone, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct Resolution {
    /// 1–5 as told by the customer; may also be recorded later with [`record_csat`].
    #[serde(default)]
    pub csat: Option<u8>,
    /// Required when `csat` is 1 or 2.
    #[serde(default)]
    pub csat_reason: Option<CsatReason>,
    #[serde(default)]
    pub root_cause: Option<RootCause>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub compensation: Vec<Compensation>,
}

#[derive(Serialize, Debug, Clone, Default, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct JobReport {
    pub closed: u64,
    pub newly_breached: u64,
}

fn schedule(store: &Store, conn: &Connection) -> Result<Schedule> {
    super::calendar::load_schedule(conn, settings::timezone(store))
}

fn clean_text(v: &str, max: usize, zh: &str, en: &str, required: bool) -> Result<String> {
    let t = v.trim();
    if required && t.is_empty() {
        return Err(Error::invalid(
            format!("{zh}：不能为空。"),
            format!("{en}: required."),
        ));
    }
    if t.chars().count() > max {
        return Err(Error::invalid(
            format!("{zh}：最多 {max} 个字。"),
            format!("{en}: at most {max} characters."),
        ));
    }
    Ok(t.to_string())
}

fn check_customer(conn: &Connection, id: i64) -> Result<()> {
    let ok = conn
        .prepare_cached(
            "SELECT 1 FROM customers WHERE id = ?1 AND deleted_at IS NULL
               AND merged_into IS NULL AND erased_at IS NULL",
        )?
        .exists([id])?;
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            format!("客户：找不到编号为 {id} 的客户（或已删除、已合并）。"),
            format!("Customer: no active customer with id {id}."),
        ))
    }
}

fn check_assignee(conn: &Connection, id: i64) -> Result<String> {
    conn.query_row(
        "SELECT display_name FROM users WHERE id = ?1 AND disabled = 0",
        [id],
        |r| r.get(0),
    )
    .optional()?
    .ok_or_else(|| {
        Error::invalid(
            format!("负责人：找不到编号为 {id} 的在用账号。"),
            format!("Assignee: no active user with id {id}."),
        )
    })
}

/// Create a ticket (state new, or assigned when an assignee is given). Returns its id.
pub fn create(store: &Store, s: &Session, t: &NewTicket) -> Result<i64> {
    s.require(Permission::WorkWithCustomers)?;
    let subject = clean_text(&t.subject, 200, "主题", "Subject", true)?;
    let description = clean_text(&t.description, 10_000, "描述", "Description", false)?;
    let mut tags: Vec<String> = Vec::new();
    for tag in &t.tags {
        let tag = clean_text(tag, 30, "标签", "Tag", false)?;
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let priority = t.priority.unwrap_or(Priority::default_for(t.ticket_type));
    let sched = schedule(store, store.conn())?;
    store.write(|tx, now| {
        check_customer(tx, t.customer_id)?;
        if let Some(o) = t.order_id {
            let belongs: Option<Option<i64>> = tx
                .query_row("SELECT customer_id FROM orders WHERE id = ?1", [o], |r| {
                    r.get(0)
                })
                .optional()?;
            match belongs {
                Some(Some(c)) if c == t.customer_id => {}
                _ => {
                    return Err(Error::invalid(
                        format!("订单：编号 {o} 的订单不属于这位客户。"),
                        format!("Order: order {o} does not belong to this customer."),
                    ))
                }
            }
        }
        let state = if t.assignee_id.is_some() {
            TicketState::Assigned
        } else {
            TicketState::New
        };
        if let Some(a) = t.assignee_id {
            check_assignee(tx, a)?;
        }
        tx.execute(
            "INSERT INTO tickets (customer_id, order_id, type, channel, priority, state, subject,
               description, assignee_id, created_by, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
            params![
                t.customer_id,
                t.order_id,
                t.ticket_type.as_str(),
                t.channel.as_str(),
                priority.as_str(),
                state.as_str(),
                subject,
                description,
                t.assignee_id,
                s.username(),
                ts(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        for tag in &tags {
            tx.execute(
                "INSERT INTO ticket_tags (ticket_id, tag) VALUES (?1, ?2)",
                params![id, tag],
            )?;
        }
        event(
            tx,
            s,
            id,
            EventKind::Created,
            "",
            json!({ "state": state.as_str() }),
            now,
        )?;
        if let Some(a) = t.assignee_id {
            event(
                tx,
                s,
                id,
                EventKind::Assignee,
                "",
                json!({ "from": null, "to": a }),
                now,
            )?;
        }
        refresh_sla(tx, &sched, id, now)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "ticket_created",
            &ticket_no(id),
            json!({}),
        )?;
        Ok(id)
    })
}

pub(crate) fn event(
    tx: &Connection,
    s: &Session,
    id: i64,
    kind: EventKind,
    body: &str,
    detail: serde_json::Value,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO ticket_events (ticket_id, kind, at, actor_id, actor_name, body, detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        id,
        kind.as_str(),
        ts(now),
        s.user_id(),
        s.display_name(),
        body,
        detail.to_string()
    ])?;
    Ok(())
}

fn state_of(tx: &Connection, id: i64) -> Result<TicketState> {
    let st: Option<String> = tx
        .query_row("SELECT state FROM tickets WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    st.map(|s| TicketState::from_code(&s)).ok_or_else(|| {
        Error::not_found(
            format!("找不到工单 {}。", ticket_no(id)),
            format!("Ticket {} not found.", ticket_no(id)),
        )
    })
}

/// Move the state, keeping pauses, first response and the open flag consistent.
fn move_state(
    tx: &Connection,
    s: &Session,
    id: i64,
    from: TicketState,
    to: TicketState,
    note: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    from.check_transition(to)?;
    let n = ts(now);
    // Leaving a paused state closes its pause.
    if matches!(from, TicketState::Waiting | TicketState::Resolved) {
        tx.execute(
            "UPDATE ticket_pauses SET to_at = ?2 WHERE ticket_id = ?1 AND to_at IS NULL",
            params![id, n],
        )?;
    }
    if matches!(to, TicketState::Waiting | TicketState::Resolved) {
        tx.execute(
            "INSERT INTO ticket_pauses (ticket_id, from_at) VALUES (?1, ?2)",
            params![id, n],
        )?;
        // Asking the customer or solving the problem is a response.
        tx.execute(
            "UPDATE tickets SET first_response_at = ?2 WHERE id = ?1 AND first_response_at IS NULL",
            params![id, n],
        )?;
    }
    tx.execute(
        "UPDATE tickets SET state = ?2, is_open = ?3, updated_at = ?4,
           resolved_at = CASE WHEN ?2 = 'resolved' THEN ?4 WHEN ?2 = 'in_progress' THEN NULL ELSE resolved_at END,
           closed_at = CASE WHEN ?2 = 'closed' THEN ?4 ELSE closed_at END
         WHERE id = ?1",
        params![id, to.as_str(), to.is_open(), n],
    )?;
    event(
        tx,
        s,
        id,
        EventKind::State,
        note,
        json!({ "from": from.as_str(), "to": to.as_str() }),
        now,
    )
}

/// Change the state: in progress, waiting on the customer, closed, or reopen a resolved ticket
/// (→ in progress). Resolving has its own call ([`resolve`]); merging too ([`merge`]).
pub fn set_state(store: &Store, s: &Session, id: i64, to: TicketState, note: &str) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    let note = clean_text(note, 2000, "说明", "Note", false)?;
    if matches!(to, TicketState::Resolved | TicketState::Merged) {
        return Err(Error::invalid(
            format!("状态：“{}”需要通过对应的操作完成。", to.label_zh()),
            format!(
                "State: use the {} action for '{}'.",
                to.as_str(),
                to.label_en()
            ),
        ));
    }
    let sched = schedule(store, store.conn())?;
    store.write(|tx, now| {
        let from = state_of(tx, id)?;
        if to == TicketState::Assigned {
            let has: bool = tx.query_row(
                "SELECT assignee_id IS NOT NULL FROM tickets WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            if !has {
                return Err(Error::invalid(
                    "负责人：先指定负责人，工单才能变为“已分配”。",
                    "Assignee: assign someone before the ticket can be 'Assigned'.",
                ));
            }
        }
        move_state(tx, s, id, from, to, &note, now)?;
        refresh_sla(tx, &sched, id, now)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "ticket_state_changed",
            &ticket_no(id),
            json!({ "from": from.as_str(), "to": to.as_str() }),
        )
    })
}

/// Give the ticket to someone (or nobody). A new ticket becomes assigned.
pub fn assign(store: &Store, s: &Session, id: i64, assignee_id: Option<i64>) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    let sched = schedule(store, store.conn())?;
    store.write(|tx, now| {
        let from = state_of(tx, id)?;
        if !from.is_open() {
            return Err(Error::invalid(
                format!("负责人：“{}”的工单不能再分配。", from.label_zh()),
                format!(
                    "Assignee: a '{}' ticket cannot be reassigned.",
                    from.label_en()
                ),
            ));
        }
        if let Some(a) = assignee_id {
            check_assignee(tx, a)?;
        }
        let old: Option<i64> =
            tx.query_row("SELECT assignee_id FROM tickets WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
        tx.execute(
            "UPDATE tickets SET assignee_id = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, assignee_id, ts(now)],
        )?;
        event(
            tx,
            s,
            id,
            EventKind::Assignee,
            "",
            json!({ "from": old, "to": assignee_id }),
            now,
        )?;
        if from == TicketState::New && assignee_id.is_some() {
            move_state(tx, s, id, from, TicketState::Assigned, "", now)?;
        }
        refresh_sla(tx, &sched, id, now)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "ticket_assigned",
            &ticket_no(id),
            json!({ "to": assignee_id }),
        )
    })
}

/// Append a note, a call or a message to the timeline. The first call or message is the first
/// response.
pub fn add_entry(store: &Store, s: &Session, id: i64, kind: EventKind, body: &str) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    if !matches!(kind, EventKind::Note | EventKind::Call | EventKind::Message) {
        return Err(Error::invalid(
            "记录类型：只能添加备注、电话或消息。",
            "Entry kind: only notes, calls and messages can be added.",
        ));
    }
    let body = clean_text(body, 10_000, "内容", "Text", true)?;
    let sched = schedule(store, store.conn())?;
    store.write(|tx, now| {
        let st = state_of(tx, id)?;
        if st == TicketState::Merged {
            return Err(Error::invalid(
                "工单已合并，请在合并后的工单上记录。",
                "This ticket was merged; add entries on the ticket it was merged into.",
            ));
        }
        event(tx, s, id, kind, &body, json!({}), now)?;
        if kind.is_contact() {
            tx.execute(
                "UPDATE tickets SET first_response_at = ?2 WHERE id = ?1 AND first_response_at IS NULL",
                params![id, ts(now)],
            )?;
        }
        tx.execute("UPDATE tickets SET updated_at = ?2 WHERE id = ?1", params![id, ts(now)])?;
        refresh_sla(tx, &sched, id, now).map(|_| ())
    })
}

fn check_csat(csat: Option<u8>, reason: Option<CsatReason>) -> Result<()> {
    match csat {
        None => Ok(()),
        Some(c) if !(1..=5).contains(&c) => Err(Error::invalid(
            "满意度：请填 1–5 分。",
            "CSAT: give a score from 1 to 5.",
        )),
        Some(c) if c <= 2 && reason.is_none() => Err(Error::invalid(
            "不满意原因：满意度为 1–2 分时必须选择原因。",
            "CSAT reason: a reason is required for a score of 1 or 2.",
        )),
        _ => Ok(()),
    }
}

/// Resolve: the state moves to resolved, CSAT / root cause / note are recorded, and each
/// compensation becomes a row (costs per category in reports). One transaction.
pub fn resolve(store: &Store, s: &Session, id: i64, r: &Resolution) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    check_csat(r.csat, r.csat_reason)?;
    let note = clean_text(&r.note, 2000, "解决说明", "Resolution note", false)?;
    for c in &r.compensation {
        match c {
            Compensation::RefundNote { amount_fen, note } => {
                if *amount_fen <= 0 {
                    return Err(Error::invalid(
                        "补偿金额：退款金额要大于 0。",
                        "Compensation amount: the refund must be more than 0.",
                    ));
                }
                clean_text(note, 500, "补偿说明", "Compensation note", false)?;
            }
            Compensation::Points { points, reason } => {
                if *points <= 0 {
                    return Err(Error::invalid(
                        "补偿积分：要大于 0。",
                        "Compensation points: must be more than 0.",
                    ));
                }
                clean_text(reason, 200, "补偿原因", "Compensation reason", true)?;
            }
            Compensation::Coupon { .. } => s.require(Permission::LoyaltyAdmin)?,
        }
    }
    let sched = schedule(store, store.conn())?;
    store.write(|tx, now| {
        let from = state_of(tx, id)?;
        move_state(tx, s, id, from, TicketState::Resolved, &note, now)?;
        tx.execute(
            "UPDATE tickets SET csat = COALESCE(?2, csat), csat_reason = COALESCE(?3, csat_reason),
               root_cause = COALESCE(?4, root_cause), resolution_note = ?5 WHERE id = ?1",
            params![
                id,
                r.csat,
                r.csat.and(r.csat_reason).map(|x| x.as_str()),
                r.root_cause.map(|x| x.as_str()),
                note
            ],
        )?;
        let customer: i64 =
            tx.query_row("SELECT customer_id FROM tickets WHERE id = ?1", [id], |r| r.get(0))?;
        for (i, c) in r.compensation.iter().enumerate() {
            let (kind, amount_fen, note) = match c {
                Compensation::RefundNote { amount_fen, note } => {
                    ("refund_note", *amount_fen, note.trim().to_string())
                }
                Compensation::Points { points, reason } => {
                    // One ledger row per ticket and line, even if this is retried.
                    let key = format!("ticket:{id}:{}:points:{i}", ts(now));
                    crate::loyalty::points::compensate_points_in_tx(
                        tx, now, s, customer, *points, reason.trim(), id, &key,
                    )?;
                    ("points", *points, reason.trim().to_string())
                }
                Compensation::Coupon { coupon_id } => {
                    crate::loyalty::coupons::issue_in_tx(tx, now, s, *coupon_id, &[customer], Some(id))?;
                    let (name, face): (String, i64) = tx.query_row(
                        "SELECT name, amount_fen FROM coupons WHERE id = ?1",
                        [coupon_id],
                        |r| Ok((r.get(0)?, r.get(1)?)),
                    )?;
                    ("coupon", face, name)
                }
            };
            tx.execute(
                "INSERT INTO ticket_compensations (ticket_id, kind, amount_fen, note, at, actor_name)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, kind, amount_fen, note, ts(now), s.username()],
            )?;
        }
        event(
            tx,
            s,
            id,
            EventKind::Resolution,
            &note,
            json!({ "csat": r.csat, "csatReason": r.csat_reason, "rootCause": r.root_cause,
                    "compensation": r.compensation }),
            now,
        )?;
        refresh_sla(tx, &sched, id, now)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "ticket_resolved",
            &ticket_no(id),
            json!({ "csat": r.csat, "compensations": r.compensation.len() }),
        )
    })
}

/// Record (or correct) the customer's score after resolution.
pub fn record_csat(
    store: &Store,
    s: &Session,
    id: i64,
    csat: u8,
    reason: Option<CsatReason>,
) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    check_csat(Some(csat), reason)?;
    store.write(|tx, now| {
        let st = state_of(tx, id)?;
        if !matches!(st, TicketState::Resolved | TicketState::Closed) {
            return Err(Error::invalid(
                format!(
                    "满意度：只能给已解决或已关闭的工单打分（现在是“{}”）。",
                    st.label_zh()
                ),
                format!(
                    "CSAT: only resolved or closed tickets are scored (this one is '{}').",
                    st.label_en()
                ),
            ));
        }
        tx.execute(
            "UPDATE tickets SET csat = ?2, csat_reason = ?3, updated_at = ?4 WHERE id = ?1",
            params![
                id,
                csat,
                reason.filter(|_| csat <= 2).map(|x| x.as_str()),
                ts(now)
            ],
        )?;
        event(
            tx,
            s,
            id,
            EventKind::Resolution,
            "",
            json!({ "csat": csat, "csatReason": reason }),
            now,
        )?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "ticket_csat_recorded",
            &ticket_no(id),
            json!({ "csat": csat }),
        )
    })
}

/// Merge `from` into `into` (same customer): `from` becomes merged (final) and its timeline is
/// shown with `into`'s; tags move over.
pub fn merge(store: &Store, s: &Session, from: i64, into: i64) -> Result<()> {
    s.require(Permission::WorkWithCustomers)?;
    if from == into {
        return Err(Error::invalid(
            "合并：不能把工单合并到它自己。",
            "Merge: a ticket cannot be merged into itself.",
        ));
    }
    let sched = schedule(store, store.conn())?;
    store.write(|tx, now| {
        let st = state_of(tx, from)?;
        let target = state_of(tx, into)?;
        if matches!(target, TicketState::Merged | TicketState::Closed) {
            return Err(Error::invalid(
                format!("合并：目标工单是“{}”，不能合并进去。", target.label_zh()),
                format!("Merge: the target ticket is '{}' and cannot take merges.", target.label_en()),
            ));
        }
        let same: bool = tx.query_row(
            "SELECT a.customer_id = b.customer_id FROM tickets a, tickets b WHERE a.id = ?1 AND b.id = ?2",
            params![from, into],
            |r| r.get(0),
        )?;
        if !same {
            return Err(Error::invalid(
                "合并：只能合并同一位客户的工单。",
                "Merge: only tickets of the same customer can be merged.",
            ));
        }
        move_state(tx, s, from, st, TicketState::Merged, "", now)?;
        tx.execute("UPDATE tickets SET merged_into = ?2 WHERE id = ?1", params![from, into])?;
        tx.execute(
            "INSERT OR IGNORE INTO ticket_tags (ticket_id, tag) SELECT ?2, tag FROM ticket_tags WHERE ticket_id = ?1",
            params![from, into],
        )?;
        event(tx, s, from, EventKind::Merge, "", json!({ "into": into }), now)?;
        event(tx, s, into, EventKind::Merge, "", json!({ "from": from }), now)?;
        tx.execute("UPDATE tickets SET updated_at = ?2 WHERE id = ?1", params![into, ts(now)])?;
        refresh_sla(tx, &sched, from, now)?;
        audit::record(tx, now, s.audit_actor(), "ticket_merged", &ticket_no(from), json!({ "into": ticket_no(into) }))
    })
}

/// The periodic job (`laoke tickets run`; the app's timer through `jobs::run_due`): close
/// tickets resolved more than 7 days ago and flag tickets whose SLA ran out. Idempotent: a
/// second run changes nothing.
pub fn run_jobs(store: &Store, s: &Session) -> Result<JobReport> {
    s.require(Permission::WorkWithCustomers)?;
    let sched = schedule(store, store.conn())?;
    store.write(|tx, now| {
        let cutoff = ts(now - Duration::days(AUTO_CLOSE_DAYS));
        let ids: Vec<i64> = tx
            .prepare("SELECT id FROM tickets WHERE state = 'resolved' AND resolved_at <= ?1")?
            .query_map([&cutoff], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for &id in &ids {
            move_state(tx, s, id, TicketState::Resolved, TicketState::Closed, "自动关闭 / closed automatically", now)?;
        }
        let due: Vec<i64> = tx
            .prepare(
                "SELECT id FROM tickets WHERE is_open = 1 AND sla_due_at IS NOT NULL AND sla_due_at <= ?1",
            )?
            .query_map([ts(now)], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut newly = 0;
        for id in due {
            if refresh_sla(tx, &sched, id, now)? {
                newly += 1;
            }
        }
        if !ids.is_empty() || newly > 0 {
            audit::record(
                tx,
                now,
                s.audit_actor(),
                "tickets_job_ran",
                "",
                json!({ "closed": ids.len(), "newlyBreached": newly }),
            )?;
        }
        Ok(JobReport {
            closed: ids.len() as u64,
            newly_breached: newly,
        })
    })
}

/// Erasure of a customer's personal data (called by `customers::erase` and the recycle bin's
/// anonymisation): the texts of their tickets, timelines, compensations and follow-ups are
/// blanked; the rows, states, times, scores and amounts stay so reports keep adding up.
pub(crate) fn scrub_customer(conn: &Connection, customer_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE tickets SET subject = '（已删除）', description = '', resolution_note = NULL
         WHERE customer_id = ?1",
        [customer_id],
    )?;
    conn.execute(
        "UPDATE ticket_events SET body = '', detail = '{}'
         WHERE ticket_id IN (SELECT id FROM tickets WHERE customer_id = ?1) AND (body <> '' OR detail <> '{}')",
        [customer_id],
    )?;
    conn.execute(
        "UPDATE ticket_compensations SET note = '' WHERE ticket_id IN (SELECT id FROM tickets WHERE customer_id = ?1)",
        [customer_id],
    )?;
    conn.execute(
        "UPDATE follow_ups SET notes = '' WHERE customer_id = ?1",
        [customer_id],
    )?;
    Ok(())
}
