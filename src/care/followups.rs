//! The follow-up log. Each entry records kind, channel, outcome, notes and an optional next
//! contact date (a shop day); logging a new entry for the customer supersedes the older entries'
//! next dates, so "due" means "the latest plan for this customer says today or earlier".

use crate::tickets::model::code_enum;
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::json;

code_enum!(FollowUpKind {
    Revisit = "revisit", "回访", "Follow-up call";
    Care = "care", "关怀", "Care";
    Payment = "payment", "催付", "Payment reminder";
    Winback = "winback", "召回", "Win-back";
    Birthday = "birthday", "生日", "Birthday";
});

code_enum!(FollowUpChannel {
    Phone = "phone", "电话", "Phone";
    Wechat = "wechat", "微信", "WeChat";
    Wangwang = "wangwang", "旺旺", "Wangwang";
    InStore = "in_store", "到店", "In store";
    Email = "email", "邮件", "Email";
    Sms = "sms", "短信", "SMS";
});

code_enum!(Outcome {
    Reached = "reached", "已联系上", "Reached";
    NoAnswer = "no_answer", "未接通", "No answer";
    Declined = "declined", "客户拒绝", "Declined";
    Done = "done", "已完成", "Done";
});

#[derive(Deserialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct NewFollowUp {
    pub customer_id: i64,
    pub kind: FollowUpKind,
    pub channel: FollowUpChannel,
    pub outcome: Outcome,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub ticket_id: Option<i64>,
    #[serde(default)]
    pub order_id: Option<i64>,
    /// Shop day `YYYY-MM-DD`.
    #[serde(default)]
    pub next_contact_on: Option<String>,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FollowUp {
    pub id: i64,
    pub customer_id: i64,
    pub kind: FollowUpKind,
    pub channel: FollowUpChannel,
    pub outcome: Outcome,
    pub notes: String,
    pub ticket_id: Option<i64>,
    pub order_id: Option<i64>,
    pub next_contact_on: Option<String>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

/// Log a contact (audited by id). Returns the entry id.
pub fn log(store: &Store, s: &Session, f: &NewFollowUp) -> Result<i64> {
    s.require(Permission::WorkWithCustomers)?;
    let next = match f
        .next_contact_on
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        None => None,
        Some(d) => Some(d.parse::<NaiveDate>().map_err(|_| {
            Error::invalid(
                format!("下次联系日期：“{d}”不是 YYYY-MM-DD 格式。"),
                format!("Next contact date: '{d}' is not a YYYY-MM-DD date."),
            )
        })?),
    };
    if f.notes.chars().count() > 2000 {
        return Err(Error::invalid(
            "备注：最多 2000 个字。",
            "Notes: at most 2000 characters.",
        ));
    }
    store.write(|tx, now| {
        let active = tx
            .prepare_cached(
                "SELECT 1 FROM customers WHERE id = ?1 AND deleted_at IS NULL AND merged_into IS NULL AND erased_at IS NULL",
            )?
            .exists([f.customer_id])?;
        if !active {
            return Err(Error::invalid(
                format!("客户：找不到编号为 {} 的客户。", f.customer_id),
                format!("Customer: no active customer with id {}.", f.customer_id),
            ));
        }
        if let Some(o) = f.order_id {
            let ok = tx
                .prepare_cached("SELECT 1 FROM orders WHERE id = ?1 AND customer_id = ?2")?
                .exists(params![o, f.customer_id])?;
            if !ok {
                return Err(Error::invalid(
                    format!("订单：编号 {o} 的订单不属于这位客户。"),
                    format!("Order: order {o} does not belong to this customer."),
                ));
            }
        }
        tx.execute(
            "UPDATE follow_ups SET superseded = 1 WHERE customer_id = ?1 AND superseded = 0",
            [f.customer_id],
        )?;
        tx.execute(
            "INSERT INTO follow_ups (customer_id, kind, channel, outcome, notes, ticket_id, order_id,
               next_contact_on, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                f.customer_id,
                f.kind.as_str(),
                f.channel.as_str(),
                f.outcome.as_str(),
                f.notes.trim(),
                f.ticket_id,
                f.order_id,
                next.map(|d| d.to_string()),
                s.username(),
                ts(now)
            ],
        )?;
        let id = tx.last_insert_rowid();
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "follow_up_logged",
            &format!("customer:{}", f.customer_id),
            json!({ "id": id, "kind": f.kind.as_str() }),
        )?;
        Ok(id)
    })
}

/// A customer's log, newest first.
pub fn for_customer(store: &Store, s: &Session, customer_id: i64) -> Result<Vec<FollowUp>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut st = store.conn().prepare_cached(
        "SELECT id, customer_id, kind, channel, outcome, notes, ticket_id, order_id, next_contact_on,
                created_by, created_at FROM follow_ups WHERE customer_id = ?1 ORDER BY created_at DESC, id DESC",
    )?;
    let rows = st.query_map([customer_id], |r| {
        Ok(FollowUp {
            id: r.get(0)?,
            customer_id: r.get(1)?,
            kind: FollowUpKind::from_code(&r.get::<_, String>(2)?),
            channel: FollowUpChannel::from_code(&r.get::<_, String>(3)?),
            outcome: Outcome::from_code(&r.get::<_, String>(4)?),
            notes: r.get(5)?,
            ticket_id: r.get(6)?,
            order_id: r.get(7)?,
            next_contact_on: r.get(8)?,
            created_by: r.get(9)?,
            created_at: parse_ts(&r.get::<_, String>(10)?)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
