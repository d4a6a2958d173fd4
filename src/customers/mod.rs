//! Customers: the profile a shop keeps about each buyer. This module owns the customer tables;
//! the list here pages on the server so 100k customers stay instant.
//! Service reps see phone numbers masked; the core masks them, not the UI.

pub mod list;
pub(crate) mod list_where;

pub use list::{
    list, page, search_condition, totals, CustomerPage, CustomerQuery, CustomerRow, CustomerRows,
    CustomerTotals, CUSTOMER_SORTS,
};

// Customer records beyond the list: edit and view, the 360 profile, revealing contacts, duplicate
// suggestions, merge with undo, the recycle bin, consent and erasure (PIPL).
pub mod birthday;
pub mod consent;
pub mod duplicates;
pub mod erase;
pub mod hooks;
pub mod merge;
pub mod profile;
pub mod record;
pub mod recycle;
pub mod reveal;
mod snapshot;
mod stats;

pub use consent::{ConsentChannel, ConsentEvent, ConsentState};
pub use duplicates::{DuplicatePair, DuplicateReason};
pub use merge::{MergeChoices, MergeOutcome, MergePreview, MergeRecord, MergeSide};
pub use profile::{profile, Profile};
pub use record::{get, update, Customer, Nick};
pub use reveal::{reveal_contact, Contact};

use crate::{
    audit,
    auth::{Permission, Session},
    store::{ts, Store},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    #[default]
    Unknown,
}

impl Gender {
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
            Gender::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Gender {
        match s.trim().to_lowercase().as_str() {
            "male" | "m" | "男" => Gender::Male,
            "female" | "f" | "女" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// A customer to create.
#[derive(Deserialize, Debug, Clone, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase", default)]
pub struct NewCustomer {
    pub name: String,
    pub gender: Gender,
    pub birthday: Option<String>,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub wechat_id: Option<String>,
    pub qq: Option<String>,
    /// (platform, nick), e.g. ("taobao", "小王爱购物").
    pub nicks: Vec<(String, String)>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
    pub source_channel: Option<String>,
    pub tags: Vec<String>,
    pub notes: String,
}

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Page<T> {
    pub rows: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
}

fn clean(v: &Option<String>) -> Option<String> {
    v.as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Check and normalise a new customer; the error names the field.
pub(crate) fn validate(c: &NewCustomer) -> Result<Vec<String>> {
    let n = c.name.trim().chars().count();
    if n == 0 || n > 60 {
        return Err(Error::invalid(
            "姓名：请填写 1–60 个字符。",
            "Name: enter 1–60 characters.",
        ));
    }
    let mut phones = Vec::new();
    for p in &c.phones {
        let e164 = crate::phone::normalize(p)?;
        if !phones.contains(&e164) {
            phones.push(e164);
        }
    }
    if let Some(email) = clean(&c.email) {
        let ok = email
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.'));
        if !ok {
            return Err(Error::invalid(
                format!("邮箱“{email}”格式不对。"),
                format!("Email: '{email}' is not an email address."),
            ));
        }
    }
    birthday::normalize(c.birthday.as_deref().unwrap_or(""))?;
    record::check_details(c)?;
    Ok(phones)
}

/// Insert one customer inside an open transaction (used by create, demo and later import).
pub(crate) fn insert(
    conn: &Connection,
    c: &NewCustomer,
    phones: &[String],
    now: DateTime<Utc>,
) -> Result<i64> {
    let at = ts(now);
    conn.prepare_cached(
        "INSERT INTO customers (name, gender, birthday, email, wechat_id, qq, province, city, address,
                                source_channel, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
    )?
    .execute(params![
        c.name.trim(),
        c.gender.as_str(),
        birthday::normalize(c.birthday.as_deref().unwrap_or(""))?,
        clean(&c.email),
        clean(&c.wechat_id),
        clean(&c.qq),
        clean(&c.province),
        clean(&c.city),
        clean(&c.address),
        clean(&c.source_channel),
        c.notes.trim(),
        at
    ])?;
    let id = conn.last_insert_rowid();
    let mut ins_phone = conn.prepare_cached(
        "INSERT INTO customer_phones (customer_id, phone, position) VALUES (?1, ?2, ?3)",
    )?;
    for (i, p) in phones.iter().enumerate() {
        ins_phone.execute(params![id, p, i as i64])?;
    }
    let mut ins_nick = conn.prepare_cached(
        "INSERT OR IGNORE INTO customer_nicks (customer_id, platform, nick) VALUES (?1, ?2, ?3)",
    )?;
    for (platform, nick) in &c.nicks {
        ins_nick.execute(params![id, platform.trim(), nick.trim()])?;
    }
    let mut ins_tag = conn
        .prepare_cached("INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?1, ?2)")?;
    for t in c.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        ins_tag.execute(params![id, t])?;
    }
    Ok(id)
}

/// Create one customer (audited).
pub fn create(store: &Store, s: &Session, c: &NewCustomer) -> Result<i64> {
    s.require(Permission::WorkWithCustomers)?;
    let phones = validate(c)?;
    store.write(|tx, now| {
        record::check_nicks_free(tx, 0, &c.nicks)?;
        let id = insert(tx, c, &phones, now)?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customer_created",
            &format!("customer:{id}"),
            json!({}),
        )?;
        Ok(id)
    })
}
