//! One customer's full record: how it is read (with contacts masked for service reps) and how
//! it is edited. Edits are audited by field name only: the audit log is append-only, so it must
//! never hold personal data that an erasure would have to remove.

use super::{birthday, clean, validate, Gender, NewCustomer};
use crate::phone;
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    time::{parse_opt_ts, parse_ts, ts},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

/// A buyer name on a marketplace (旺旺 on Taobao, a JD or PDD account…).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Nick {
    pub platform: String,
    pub nick: String,
}

/// The platforms a nick can belong to (stable machine names; the UI labels them).
pub const NICK_PLATFORMS: &[&str] = &[
    "taobao",
    "tmall",
    "jd",
    "pdd",
    "wechat_shop",
    "douyin",
    "other",
];

/// A customer as a screen shows it. For a service rep `phones` are masked (138****8000) and
/// the street address is hidden; `contacts_masked` says so, and [`super::reveal_contact`] shows
/// one customer's real ones (audited).
#[derive(Serialize, Clone, Debug, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "CustomerRecord"))]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: i64,
    pub name: String,
    pub gender: Gender,
    /// `1990-05-01`, or `05-01` when the year is unknown.
    pub birthday: Option<String>,
    pub phones: Vec<String>,
    pub email: Option<String>,
    pub wechat_id: Option<String>,
    pub qq: Option<String>,
    pub nicks: Vec<Nick>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub address: Option<String>,
    pub source_channel: Option<String>,
    pub tags: Vec<String>,
    pub notes: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// In the recycle bin since.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Merged into this customer (the record is then hidden).
    pub merged_into: Option<i64>,
    pub erased_at: Option<DateTime<Utc>>,
    pub contacts_masked: bool,
}

/// What a rep sees of an address: the first few characters, then stars.
pub fn mask_address(a: &str) -> String {
    let head: String = a.chars().take(4).collect();
    format!("{head}****")
}

pub(crate) fn not_found(id: i64) -> Error {
    Error::not_found(
        format!("没有找到编号为 {id} 的客户。"),
        format!("There is no customer #{id}."),
    )
}

/// Read one customer as stored (unmasked), whatever its state.
pub(crate) fn load(conn: &Connection, id: i64) -> Result<Customer> {
    let c = conn
        .query_row(
            "SELECT id, name, gender, birthday, email, wechat_id, qq, province, city, address,
                    source_channel, notes, created_at, updated_at, deleted_at, merged_into, erased_at
             FROM customers WHERE id = ?1",
            [id],
            |r| {
                let opt_ts = |v: Option<String>| parse_opt_ts(v.as_deref());
                Ok(Customer {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    gender: Gender::parse(&r.get::<_, String>(2)?),
                    birthday: r.get::<_, Option<String>>(3)?.map(|b| birthday::display(&b)),
                    phones: Vec::new(),
                    email: r.get(4)?,
                    wechat_id: r.get(5)?,
                    qq: r.get(6)?,
                    nicks: Vec::new(),
                    province: r.get(7)?,
                    city: r.get(8)?,
                    address: r.get(9)?,
                    source_channel: r.get(10)?,
                    tags: Vec::new(),
                    notes: r.get(11)?,
                    created_at: parse_ts(&r.get::<_, String>(12)?)?,
                    updated_at: parse_ts(&r.get::<_, String>(13)?)?,
                    deleted_at: opt_ts(r.get(14)?)?,
                    merged_into: r.get(15)?,
                    erased_at: opt_ts(r.get(16)?)?,
                    contacts_masked: false,
                })
            },
        )
        .optional()?;
    let mut c = c.ok_or_else(|| not_found(id))?;
    c.phones = conn
        .prepare_cached(
            "SELECT phone FROM customer_phones WHERE customer_id = ?1 ORDER BY position, id",
        )?
        .query_map([id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    c.nicks = conn
        .prepare_cached(
            "SELECT platform, nick FROM customer_nicks WHERE customer_id = ?1 ORDER BY id",
        )?
        .query_map([id], |r| {
            Ok(Nick {
                platform: r.get(0)?,
                nick: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    c.tags = conn
        .prepare_cached("SELECT tag FROM customer_tags WHERE customer_id = ?1 ORDER BY tag")?
        .query_map([id], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(c)
}

/// Shape a stored record for `s`: phones shown without +86; masked for reps.
pub(crate) fn for_viewer(mut c: Customer, s: &Session) -> Customer {
    let unmasked = s.role().can(Permission::SeeUnmaskedContacts);
    c.phones = c
        .phones
        .iter()
        .map(|p| {
            if unmasked {
                phone::display(p)
            } else {
                phone::mask(p)
            }
        })
        .collect();
    if !unmasked {
        c.address = c.address.as_deref().map(mask_address);
    }
    c.contacts_masked = !unmasked;
    c
}

/// One customer, as `s` may see it. Customers in the recycle bin and merged-away records can
/// be read too (their state is in the record).
pub fn get(store: &Store, s: &Session, id: i64) -> Result<Customer> {
    s.require(Permission::WorkWithCustomers)?;
    Ok(for_viewer(load(store.conn(), id)?, s))
}

/// Refuse changes to a record that is no longer a live customer.
pub(crate) fn require_live(c: &Customer) -> Result<()> {
    let id = c.id;
    if c.erased_at.is_some() {
        return Err(Error::conflict(
            format!("客户 #{id} 的个人信息已被删除（匿名化），不能再修改。"),
            format!("Customer #{id} has been erased (anonymised) and cannot be changed."),
        ));
    }
    if let Some(into) = c.merged_into {
        return Err(Error::conflict(
            format!("客户 #{id} 已合并到客户 #{into}，请修改 #{into}。"),
            format!("Customer #{id} was merged into #{into}; change #{into} instead."),
        ));
    }
    if c.deleted_at.is_some() {
        return Err(Error::conflict(
            format!("客户 #{id} 在回收站里，请先恢复。"),
            format!("Customer #{id} is in the recycle bin; restore it first."),
        ));
    }
    Ok(())
}

/// Field checks beyond name, phones and email (which [`validate`] does first).
pub(crate) fn check_details(c: &NewCustomer) -> Result<()> {
    for (platform, nick) in &c.nicks {
        let (p, n) = (platform.trim(), nick.trim());
        if n.is_empty() || n.chars().count() > 60 {
            return Err(Error::invalid(
                "平台昵称：每个昵称请填写 1–60 个字符。",
                "Platform nick: each nick needs 1–60 characters.",
            ));
        }
        if !NICK_PLATFORMS.contains(&p) {
            return Err(Error::invalid(
                format!("平台昵称“{n}”：请选择平台（淘宝、京东、拼多多、微信小店、抖音或其他）。"),
                format!("Platform nick '{n}': choose a platform (Taobao, JD, PDD, WeChat shop, Douyin or other)."),
            ));
        }
    }
    for t in &c.tags {
        if t.trim().chars().count() > 20 {
            return Err(Error::invalid(
                format!("标签“{}”太长：每个标签最多 20 个字符。", t.trim()),
                format!("Tag '{}' is too long: at most 20 characters.", t.trim()),
            ));
        }
    }
    for (value, zh, en, max) in [
        (&c.wechat_id, "微信号", "WeChat id", 60),
        (&c.qq, "QQ", "QQ", 20),
        (&c.province, "省份", "Province", 30),
        (&c.city, "城市", "City", 30),
        (&c.address, "地址", "Address", 200),
        (&c.source_channel, "来源渠道", "Source channel", 30),
    ] {
        if clean(value).is_some_and(|v| v.chars().count() > max) {
            return Err(Error::invalid(
                format!("{zh}：最多 {max} 个字符。"),
                format!("{en}: at most {max} characters."),
            ));
        }
    }
    if c.notes.chars().count() > 5000 {
        return Err(Error::invalid(
            "备注：最多 5000 个字符。",
            "Notes: at most 5000 characters.",
        ));
    }
    Ok(())
}

/// What a rep sent back for masked values means "keep what is there": a masked phone that
/// matches one of the customer's numbers stands for that number; the masked address for the
/// address. So a rep can edit a customer without ever seeing the full contacts.
fn unmask_edit(stored: &Customer, edit: &NewCustomer) -> NewCustomer {
    let mut e = edit.clone();
    e.phones = edit
        .phones
        .iter()
        .map(|p| {
            let t = p.trim();
            if t.contains('*') {
                if let Some(real) = stored.phones.iter().find(|s| phone::mask(s) == t) {
                    return real.clone();
                }
            }
            p.clone()
        })
        .collect();
    if let (Some(addr), Some(real)) = (clean(&edit.address), stored.address.as_deref()) {
        if addr == mask_address(real) {
            e.address = Some(real.to_string());
        }
    }
    e
}

/// Replace a customer's record with `edit` (phones, nicks and tags are the full new lists).
/// Audited with the names of the changed fields.
pub fn update(store: &Store, s: &Session, id: i64, edit: &NewCustomer) -> Result<Customer> {
    s.require(Permission::WorkWithCustomers)?;
    let before = load(store.conn(), id)?;
    require_live(&before)?;
    let edit = unmask_edit(&before, edit);
    let phones = validate(&edit)?;
    let birthday = birthday::normalize(edit.birthday.as_deref().unwrap_or(""))?;
    store.write(|tx, now| {
        check_nicks_free(tx, id, &edit.nicks)?;
        tx.execute(
            "UPDATE customers SET name = ?2, gender = ?3, birthday = ?4, email = ?5, wechat_id = ?6,
                    qq = ?7, province = ?8, city = ?9, address = ?10, source_channel = ?11,
                    notes = ?12, updated_at = ?13
             WHERE id = ?1",
            params![
                id,
                edit.name.trim(),
                edit.gender.as_str(),
                birthday,
                clean(&edit.email),
                clean(&edit.wechat_id),
                clean(&edit.qq),
                clean(&edit.province),
                clean(&edit.city),
                clean(&edit.address),
                clean(&edit.source_channel),
                edit.notes.trim(),
                ts(now)
            ],
        )?;
        replace_children(tx, id, &phones, &edit.nicks, &edit.tags)?;
        let after = load(tx, id)?;
        let changed = changed_fields(&before, &after);
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customer_updated",
            &format!("customer:{id}"),
            json!({ "fields": changed }),
        )?;
        Ok(for_viewer(after, s))
    })
}

/// A nick belongs to one customer; say who has it instead of failing on the UNIQUE index.
pub(crate) fn check_nicks_free(
    conn: &Connection,
    id: i64,
    nicks: &[(String, String)],
) -> Result<()> {
    for (platform, nick) in nicks {
        let owner: Option<i64> = conn
            .query_row(
                "SELECT customer_id FROM customer_nicks WHERE platform = ?1 AND nick = ?2",
                params![platform.trim(), nick.trim()],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(other) = owner.filter(|o| *o != id) {
            return Err(Error::conflict(
                format!("平台昵称“{}”已属于客户 #{other}；如果是同一个人，请合并客户。", nick.trim()),
                format!(
                    "Platform nick '{}' already belongs to customer #{other}; merge them if they are the same person.",
                    nick.trim()
                ),
            ));
        }
    }
    Ok(())
}

fn replace_children(
    conn: &Connection,
    id: i64,
    phones: &[String],
    nicks: &[(String, String)],
    tags: &[String],
) -> Result<()> {
    // Keep rows that stay (their ids), so history that points at them stays meaningful.
    let existing: Vec<(i64, String)> = conn
        .prepare("SELECT id, phone FROM customer_phones WHERE customer_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (row, p) in &existing {
        if !phones.contains(p) {
            conn.execute("DELETE FROM customer_phones WHERE id = ?1", [row])?;
        }
    }
    for (i, p) in phones.iter().enumerate() {
        if let Some((row, _)) = existing.iter().find(|(_, e)| e == p) {
            conn.execute(
                "UPDATE customer_phones SET position = ?2 WHERE id = ?1",
                params![row, i as i64],
            )?;
        } else {
            conn.execute(
                "INSERT INTO customer_phones (customer_id, phone, position) VALUES (?1, ?2, ?3)",
                params![id, p, i as i64],
            )?;
        }
    }
    let wanted: Vec<(String, String)> = nicks
        .iter()
        .map(|(p, n)| (p.trim().to_string(), n.trim().to_string()))
        .collect();
    let existing: Vec<(i64, String, String)> = conn
        .prepare("SELECT id, platform, nick FROM customer_nicks WHERE customer_id = ?1")?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (row, p, n) in &existing {
        if !wanted.iter().any(|(wp, wn)| wp == p && wn == n) {
            conn.execute("DELETE FROM customer_nicks WHERE id = ?1", [row])?;
        }
    }
    for (p, n) in &wanted {
        conn.execute(
            "INSERT OR IGNORE INTO customer_nicks (customer_id, platform, nick) VALUES (?1, ?2, ?3)",
            params![id, p, n],
        )?;
    }
    conn.execute("DELETE FROM customer_tags WHERE customer_id = ?1", [id])?;
    for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        conn.execute(
            "INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?1, ?2)",
            params![id, t],
        )?;
    }
    Ok(())
}

fn changed_fields(a: &Customer, b: &Customer) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            out.push(name);
        }
    };
    check("name", a.name == b.name);
    check("gender", a.gender == b.gender);
    check("birthday", a.birthday == b.birthday);
    check("phones", a.phones == b.phones);
    check("email", a.email == b.email);
    check("wechatId", a.wechat_id == b.wechat_id);
    check("qq", a.qq == b.qq);
    check("nicks", a.nicks == b.nicks);
    check("province", a.province == b.province);
    check("city", a.city == b.city);
    check("address", a.address == b.address);
    check("sourceChannel", a.source_channel == b.source_channel);
    check("tags", a.tags == b.tags);
    check("notes", a.notes == b.notes);
    out
}
