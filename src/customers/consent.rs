//! Marketing consent per channel (PIPL): SMS, phone, WeChat, email. The history is append-only
//! (the database refuses updates): every grant or withdrawal is a new row with its time, source
//! and who recorded it, and the latest row per channel is the customer's current choice. One
//! action withdraws all channels, as the law asks withdrawal to be as easy as consent.

use super::record;
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::{parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ConsentChannel {
    Sms,
    Phone,
    Wechat,
    Email,
}

impl ConsentChannel {
    pub const ALL: [ConsentChannel; 4] = [
        ConsentChannel::Sms,
        ConsentChannel::Phone,
        ConsentChannel::Wechat,
        ConsentChannel::Email,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsentChannel::Sms => "sms",
            ConsentChannel::Phone => "phone",
            ConsentChannel::Wechat => "wechat",
            ConsentChannel::Email => "email",
        }
    }

    pub fn parse(s: &str) -> Option<ConsentChannel> {
        Self::ALL.into_iter().find(|c| c.as_str() == s.trim())
    }
}

/// Where a consent came from. Stable names; the UI labels them.
pub const SOURCES: &[&str] = &[
    "in_store_form",
    "phone_call",
    "wechat_message",
    "online_form",
    "import",
    "withdrawal",
    "other",
];

/// One row of the history.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ConsentEvent {
    pub channel: ConsentChannel,
    pub granted: bool,
    pub source: String,
    pub recorded_by: String,
    pub at: DateTime<Utc>,
}

/// The current choice for one channel; `granted: None` = never asked (no marketing).
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ConsentState {
    pub channel: ConsentChannel,
    pub granted: Option<bool>,
    pub at: Option<DateTime<Utc>>,
    pub source: Option<String>,
}

/// Every consent row of a customer, newest first.
pub fn history(store: &Store, s: &Session, customer_id: i64) -> Result<Vec<ConsentEvent>> {
    s.require(Permission::WorkWithCustomers)?;
    record::load(store.conn(), customer_id)?;
    read_history(store.conn(), customer_id)
}

pub(crate) fn read_history(conn: &Connection, customer_id: i64) -> Result<Vec<ConsentEvent>> {
    let rows = conn
        .prepare_cached(
            "SELECT channel, granted, source, recorded_by, at FROM customer_consents
             WHERE customer_id = ?1 ORDER BY at DESC, id DESC",
        )?
        .query_map([customer_id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .filter_map(|(c, granted, source, recorded_by, at)| {
            let channel = ConsentChannel::parse(&c)?;
            Some(parse_ts(&at).map(|at| ConsentEvent {
                channel,
                granted,
                source,
                recorded_by,
                at,
            }))
        })
        .collect::<std::result::Result<_, _>>()?)
}

/// The ids of customers whose current choice (the latest row, as [`current`] reads it) on one of
/// the channels in `channels_sql` (a list of bound placeholders) is "granted": a subquery for
/// list filters such as saved segments.
pub(crate) fn granted_customers_sql(channels_sql: &str) -> String {
    format!(
        "SELECT x.customer_id FROM customer_consents x
         WHERE x.channel IN ({channels_sql}) AND x.granted = 1 AND NOT EXISTS (
             SELECT 1 FROM customer_consents y
             WHERE y.customer_id = x.customer_id AND y.channel = x.channel
               AND (y.at > x.at OR (y.at = x.at AND y.id > x.id)))"
    )
}

/// The current choice per channel (all four, in a fixed order).
pub(crate) fn current(conn: &Connection, customer_id: i64) -> Result<Vec<ConsentState>> {
    let history = read_history(conn, customer_id)?;
    Ok(ConsentChannel::ALL
        .into_iter()
        .map(|channel| {
            let latest = history.iter().find(|e| e.channel == channel);
            ConsentState {
                channel,
                granted: latest.map(|e| e.granted),
                at: latest.map(|e| e.at),
                source: latest.map(|e| e.source.clone()),
            }
        })
        .collect())
}

fn check_source(source: &str) -> Result<()> {
    if SOURCES.contains(&source) {
        Ok(())
    } else {
        Err(Error::invalid(
            format!("同意来源“{source}”无效：请选择门店登记表、电话、微信消息、线上表单、导入或其他。"),
            format!("Consent source '{source}' is not valid: choose in-store form, phone call, WeChat message, online form, import or other."),
        ))
    }
}

/// Record the customer's choice for some channels (audited). Returns the current state.
pub fn record_choice(
    store: &Store,
    s: &Session,
    customer_id: i64,
    changes: &[(ConsentChannel, bool)],
    source: &str,
) -> Result<Vec<ConsentState>> {
    s.require(Permission::WorkWithCustomers)?;
    check_source(source)?;
    if changes.is_empty() {
        return Err(Error::invalid(
            "营销同意：请至少选择一个渠道。",
            "Marketing consent: choose at least one channel.",
        ));
    }
    store.write(|tx, now| {
        let c = record::load(tx, customer_id)?;
        record::require_live(&c)?;
        append(tx, s, customer_id, changes, source, now)?;
        current(tx, customer_id)
    })
}

/// Withdraw consent on every channel in one action (audited).
pub fn withdraw_all(store: &Store, s: &Session, customer_id: i64) -> Result<Vec<ConsentState>> {
    s.require(Permission::WorkWithCustomers)?;
    store.write(|tx, now| {
        record::load(tx, customer_id)?;
        let changes: Vec<(ConsentChannel, bool)> = ConsentChannel::ALL
            .into_iter()
            .map(|c| (c, false))
            .collect();
        append(tx, s, customer_id, &changes, "withdrawal", now)?;
        current(tx, customer_id)
    })
}

fn append(
    conn: &Connection,
    s: &Session,
    customer_id: i64,
    changes: &[(ConsentChannel, bool)],
    source: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    let mut ins = conn.prepare_cached(
        "INSERT INTO customer_consents (customer_id, channel, granted, source, recorded_by, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (channel, granted) in changes {
        ins.execute(params![
            customer_id,
            channel.as_str(),
            granted,
            source,
            s.username(),
            ts(now)
        ])?;
    }
    audit::record(
        conn,
        now,
        s.audit_actor(),
        "customer_consent_recorded",
        &format!("customer:{customer_id}"),
        json!({
            "source": source,
            "changes": changes.iter().map(|(c, g)| json!({"channel": c.as_str(), "granted": g})).collect::<Vec<_>>(),
        }),
    )
}
