//! Realistic demo tickets (deterministic for a seed): complaints and questions from the store's
//! customers over the last 60 days, with calls, notes, waits on the customer, resolutions with
//! CSAT (reasons for low scores), refund notes, and follow-ups planned after complaints. Written
//! in one transaction through the ticket writer's own SLA refresh, so due times and breach flags
//! are what the app would have stored.

use super::catalog::{TICKET_NOTES as NOTES, TICKET_SUBJECTS as SUBJECTS};
use super::Rng;
use crate::tickets::model::{
    CsatReason, EventKind, Priority, RootCause, TicketChannel, TicketState, TicketType,
};
use crate::tickets::{due::refresh_sla, write::event};
use crate::{
    auth::{Permission, Session},
    settings,
    store::{ts, Store},
    Result,
};
use chrono::Duration;
use rusqlite::params;
use serde::Serialize;
use serde_json::json;

#[derive(Debug, Clone, Copy)]
pub struct TicketsSpec {
    pub tickets: u64,
    pub seed: u64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TicketsReport {
    pub tickets: u64,
    pub follow_ups: u64,
}

/// Add `tickets` demo tickets for random active customers.
pub fn generate_tickets(store: &Store, s: &Session, spec: &TicketsSpec) -> Result<TicketsReport> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let customers: Vec<i64> = conn
        .prepare("SELECT id FROM customers WHERE deleted_at IS NULL AND merged_into IS NULL AND erased_at IS NULL")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let users: Vec<i64> = conn
        .prepare("SELECT id FROM users WHERE disabled = 0")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if customers.is_empty() {
        return Ok(TicketsReport {
            tickets: 0,
            follow_ups: 0,
        });
    }
    let sched = crate::tickets::calendar::load_schedule(conn, settings::timezone(store))?;
    let tz = settings::timezone(store);
    let mut rng = Rng::new(spec.seed ^ 0x7157);
    store.write(|tx, now| {
        let mut follow_ups = 0u64;
        for _ in 0..spec.tickets {
            let customer = *rng.pick(&customers);
            let (ty, subject) = *rng.pick(SUBJECTS);
            let channel = *rng.pick(TicketChannel::ALL);
            let priority = if ty == TicketType::Complaint && rng.chance(10) {
                Priority::P1
            } else {
                Priority::default_for(ty)
            };
            let age_min = rng.below(60 * 24 * 60) as i64;
            let created = now - Duration::minutes(age_min);
            // Older tickets are mostly done; recent ones still open.
            let state = match (age_min / (24 * 60), rng.below(10)) {
                (d, _) if d >= 14 => if rng.chance(90) { TicketState::Closed } else { TicketState::Resolved },
                (d, r) if d >= 3 => [TicketState::Resolved, TicketState::Resolved, TicketState::InProgress, TicketState::Waiting][(r % 4) as usize],
                (_, r) => [TicketState::New, TicketState::Assigned, TicketState::InProgress, TicketState::Waiting, TicketState::Resolved][(r % 5) as usize],
            };
            let assignee = (state != TicketState::New).then(|| *rng.pick(&users));
            tx.prepare_cached(
                "INSERT INTO tickets (customer_id, type, channel, priority, state, is_open, subject, description,
                   assignee_id, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, '', ?8, ?9, ?10, ?10)",
            )?
            .execute(params![
                customer, ty.as_str(), channel.as_str(), priority.as_str(), state.as_str(), state.is_open(),
                subject, assignee, s.username(), ts(created)
            ])?;
            let id = tx.last_insert_rowid();
            if rng.chance(30) {
                tx.execute("INSERT INTO ticket_tags (ticket_id, tag) VALUES (?1, ?2)", params![id, *rng.pick(&["物流", "包装", "质量", "发票", "尺码"])])?;
            }
            event(tx, s, id, EventKind::Created, "", json!({ "state": "new" }), created)?;
            let mut t = created;
            if state != TicketState::New {
                t += Duration::minutes(5 + rng.below(120) as i64);
                event(tx, s, id, EventKind::Assignee, "", json!({ "from": null, "to": assignee }), t.min(now))?;
            }
            let responded = matches!(state, TicketState::InProgress | TicketState::Waiting | TicketState::Resolved | TicketState::Closed);
            if responded {
                t += Duration::minutes(10 + rng.below(20 * 60) as i64);
                event(tx, s, id, EventKind::Call, rng.pick::<&str>(NOTES), json!({}), t.min(now))?;
                tx.execute("UPDATE tickets SET first_response_at = ?2 WHERE id = ?1", params![id, ts(t.min(now))])?;
            }
            if state == TicketState::Waiting {
                let w = t.min(now);
                tx.execute("INSERT INTO ticket_pauses (ticket_id, from_at) VALUES (?1, ?2)", params![id, ts(w)])?;
            }
            if matches!(state, TicketState::Resolved | TicketState::Closed) {
                t += Duration::minutes(30 + rng.below(3 * 24 * 60) as i64);
                let resolved = t.min(now - Duration::minutes(1)).max(created);
                let resolved = if state == TicketState::Resolved && now - resolved > Duration::days(6) {
                    now - Duration::days(rng.below(6) as i64 + 1)
                } else {
                    resolved
                };
                let csat = [5u8, 5, 5, 4, 4, 4, 3, 2, 1][rng.below(9) as usize];
                let reason = (csat <= 2).then(|| *rng.pick(CsatReason::ALL));
                let cause = matches!(ty, TicketType::Complaint | TicketType::ReturnRefund).then(|| *rng.pick(RootCause::ALL));
                tx.execute(
                    "UPDATE tickets SET resolved_at = ?2, csat = ?3, csat_reason = ?4, root_cause = ?5,
                       resolution_note = '已处理', updated_at = ?2, closed_at = ?6 WHERE id = ?1",
                    params![id, ts(resolved), csat, reason.map(|r| r.as_str()), cause.map(|c| c.as_str()),
                            (state == TicketState::Closed).then(|| ts(resolved + Duration::days(7)))],
                )?;
                tx.execute("INSERT INTO ticket_pauses (ticket_id, from_at) VALUES (?1, ?2)", params![id, ts(resolved)])?;
                event(tx, s, id, EventKind::Resolution, "已处理", json!({ "csat": csat }), resolved)?;
                if ty == TicketType::Complaint && rng.chance(30) {
                    tx.execute(
                        "INSERT INTO ticket_compensations (ticket_id, kind, amount_fen, note, at, actor_name)
                         VALUES (?1, 'refund_note', ?2, '补偿退款', ?3, ?4)",
                        params![id, (5 + rng.below(46)) as i64 * 100, ts(resolved), s.username()],
                    )?;
                }
                if ty == TicketType::Complaint {
                    // 投诉客户48小时内电话回访.
                    let next = (resolved + Duration::days(2)).with_timezone(&tz).date_naive();
                    tx.execute("UPDATE follow_ups SET superseded = 1 WHERE customer_id = ?1 AND superseded = 0", [customer])?;
                    tx.execute(
                        "INSERT INTO follow_ups (customer_id, kind, channel, outcome, notes, ticket_id, next_contact_on, created_by, created_at)
                         VALUES (?1, 'revisit', 'phone', 'reached', '投诉处理完毕，约定回访', ?2, ?3, ?4, ?5)",
                        params![customer, id, next.to_string(), s.username(), ts(resolved)],
                    )?;
                    follow_ups += 1;
                }
            } else {
                tx.execute("UPDATE tickets SET updated_at = ?2 WHERE id = ?1", params![id, ts(t.min(now))])?;
            }
            refresh_sla(tx, &sched, id, now)?;
        }
        crate::audit::record(tx, now, s.audit_actor(), "demo_tickets_generated", "", json!({ "tickets": spec.tickets }))?;
        Ok(TicketsReport { tickets: spec.tickets, follow_ups })
    })
}
