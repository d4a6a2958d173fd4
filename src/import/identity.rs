//! Who a row is about: customers are matched by normalised phone, then by platform nick
//! (DEFAULTS.md "Import and identity"), and created when new. A marketplace that masks phones
//! (138****1234) still gives the buyer's nick, so repeat buyers land on one customer.
//!
//! Everything created or changed here is written to `import_changes`, so undo can take it back:
//! `customer` (created / updated with the old profile columns), `customer_phone` and
//! `customer_nick` (created, for numbers and nicks added to a customer who already existed).

use super::fast::Pending;
use super::fxhash::{FastMap, FastSet};
use crate::{
    customers::{self, NewCustomer},
    store::ts,
    Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

/// Per-import memory of who is who, so a buyer with 30 orders is looked up once.
#[derive(Default)]
pub struct Identities {
    by_phone: FastMap<String, i64>,
    by_nick: FastMap<(String, String), i64>,
    /// Every (platform, nick) in the store, including deleted customers' (the column is unique).
    taken_nicks: FastSet<(String, String)>,
    /// The maps hold every live customer: a miss means "nobody", no query needed.
    preloaded: bool,
    pub created: u64,
    pub updated: u64,
}

/// What is known about the person on a row.
pub struct Person<'a> {
    pub phone: Option<&'a str>,
    pub nick: Option<(&'a str, &'a str)>,
    pub name: Option<&'a str>,
    pub province: Option<&'a str>,
    pub city: Option<&'a str>,
    pub address: Option<&'a str>,
    pub source: &'a str,
}

impl Identities {
    /// Read every live customer's phones and nicks once (a few hundred ms for 100k customers),
    /// so a large import never queries per row to learn that a buyer is new.
    pub fn preload(conn: &Connection) -> Result<Identities> {
        let mut ids = Identities::default();
        let mut stmt = conn.prepare(
            "SELECT p.phone, p.customer_id FROM customer_phones p JOIN customers c ON c.id = p.customer_id
             WHERE c.deleted_at IS NULL AND c.merged_into IS NULL ORDER BY p.customer_id DESC",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            ids.by_phone.insert(r.get(0)?, r.get(1)?);
        }
        let mut stmt = conn.prepare(
            "SELECT n.platform, n.nick, n.customer_id, c.deleted_at IS NULL AND c.merged_into IS NULL
             FROM customer_nicks n JOIN customers c ON c.id = n.customer_id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let key: (String, String) = (r.get(0)?, r.get(1)?);
            if r.get::<_, bool>(3)? {
                ids.by_nick.insert(key.clone(), r.get(2)?);
            }
            ids.taken_nicks.insert(key);
        }
        ids.preloaded = true;
        Ok(ids)
    }

    fn nick_taken(&self, conn: &Connection, platform: &str, nick: &str) -> Result<bool> {
        if self.preloaded {
            return Ok(self
                .taken_nicks
                .contains(&(platform.to_string(), nick.to_string())));
        }
        Ok(conn
            .prepare_cached("SELECT 1 FROM customer_nicks WHERE platform = ?1 AND nick = ?2")?
            .exists(params![platform, nick])?)
    }

    pub fn find_by_phone(&mut self, conn: &Connection, phone: &str) -> Result<Option<i64>> {
        if let Some(id) = self.by_phone.get(phone) {
            return Ok(Some(*id));
        }
        if self.preloaded {
            return Ok(None);
        }
        let id: Option<i64> = conn
            .prepare_cached(
                "SELECT p.customer_id FROM customer_phones p JOIN customers c ON c.id = p.customer_id
                 WHERE p.phone = ?1 AND c.deleted_at IS NULL AND c.merged_into IS NULL
                 ORDER BY p.customer_id LIMIT 1",
            )?
            .query_row([phone], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            self.by_phone.insert(phone.to_string(), id);
        }
        Ok(id)
    }

    pub fn find_by_nick(
        &mut self,
        conn: &Connection,
        platform: &str,
        nick: &str,
    ) -> Result<Option<i64>> {
        let key = (platform.to_string(), nick.to_string());
        if let Some(id) = self.by_nick.get(&key) {
            return Ok(Some(*id));
        }
        if self.preloaded {
            return Ok(None);
        }
        let id: Option<i64> = conn
            .prepare_cached(
                "SELECT n.customer_id FROM customer_nicks n JOIN customers c ON c.id = n.customer_id
                 WHERE n.platform = ?1 AND n.nick = ?2 AND c.deleted_at IS NULL
                   AND c.merged_into IS NULL",
            )?
            .query_row(params![platform, nick], |r| r.get(0))
            .optional()?;
        if let Some(id) = id {
            self.by_nick.insert(key, id);
        }
        Ok(id)
    }

    /// For customer lists: the same email, or — for a row with no phone, nick or email at all —
    /// a customer of exactly that name who has none either (so re-importing such a row does not
    /// create a twin).
    pub fn find_by_email_or_bare_name(
        &mut self,
        conn: &Connection,
        c: &NewCustomer,
        phones: &[String],
    ) -> Result<Option<i64>> {
        let email = c.email.as_deref().map(str::trim).filter(|e| !e.is_empty());
        if let Some(e) = email {
            return Ok(conn
                .prepare_cached(
                    "SELECT id FROM customers WHERE email = ?1 COLLATE NOCASE AND deleted_at IS NULL
                       AND merged_into IS NULL ORDER BY id LIMIT 1",
                )?
                .query_row([e], |r| r.get(0))
                .optional()?);
        }
        if !phones.is_empty() || !c.nicks.is_empty() {
            return Ok(None);
        }
        Ok(conn
            .prepare_cached(
                "SELECT c.id FROM customers c WHERE c.name = ?1 AND c.deleted_at IS NULL
                   AND c.merged_into IS NULL AND c.email IS NULL
                   AND NOT EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id)
                   AND NOT EXISTS (SELECT 1 FROM customer_nicks n WHERE n.customer_id = c.id)
                 ORDER BY c.id LIMIT 1",
            )?
            .query_row([c.name.trim()], |r| r.get(0))
            .optional()?)
    }

    /// The customer for an order row: found, given what was missing, or created (written with
    /// the next batch of `pending` rows). None when the row says nothing that identifies a
    /// person (no usable phone, no nick).
    pub fn resolve(
        &mut self,
        conn: &Connection,
        p: &Person,
        batch: i64,
        pending: &mut Pending,
    ) -> Result<Option<i64>> {
        let mut found = None;
        if let Some(phone) = p.phone {
            found = self.find_by_phone(conn, phone)?;
        }
        if found.is_none() {
            if let Some((platform, nick)) = p.nick {
                found = self.find_by_nick(conn, platform, nick)?;
            }
        }
        if let Some(id) = found {
            let mut changed = false;
            if let Some(phone) = p.phone {
                if self.find_by_phone(conn, phone)?.is_none() {
                    pending.flush(conn)?; // the customer may still be waiting there
                    add_phone(conn, id, phone, batch)?;
                    self.by_phone.insert(phone.to_string(), id);
                    changed = true;
                }
            }
            if let Some((platform, nick)) = p.nick {
                if self.find_by_nick(conn, platform, nick)?.is_none()
                    && !self.nick_taken(conn, platform, nick)?
                {
                    pending.flush(conn)?;
                    add_nick(conn, id, platform, nick, batch)?;
                    self.taken_nicks
                        .insert((platform.to_string(), nick.to_string()));
                    self.by_nick
                        .insert((platform.to_string(), nick.to_string()), id);
                    changed = true;
                }
            }
            if changed {
                self.updated += 1;
            }
            return Ok(Some(id));
        }
        if p.phone.is_none() && p.nick.is_none() {
            return Ok(None);
        }
        let name: String = p
            .name
            .or(p.nick.map(|n| n.1))
            .unwrap_or("?")
            .chars()
            .take(60)
            .collect();
        let nicks: Vec<(String, String)> = p
            .nick
            .map(|(pl, n)| vec![(pl.to_string(), n.to_string())])
            .unwrap_or_default();
        let phones: Vec<String> = p.phone.map(|s| vec![s.to_string()]).unwrap_or_default();
        let id = pending.customer(
            conn,
            &name,
            phones.clone(),
            nicks.clone(),
            p.province,
            p.city,
            p.address,
            p.source,
        )?;
        self.remember(id, &phones, &nicks);
        self.created += 1;
        Ok(Some(id))
    }

    /// Insert a customer and remember its phones and nicks.
    pub fn create(
        &mut self,
        conn: &Connection,
        c: &NewCustomer,
        phones: &[String],
        batch: i64,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let id = customers::insert(conn, c, phones, now)?;
        record(conn, batch, "customer", id, "created", None)?;
        self.remember(id, phones, &c.nicks);
        self.created += 1;
        Ok(id)
    }

    /// A customer was just created with these phones and nicks.
    fn remember(&mut self, id: i64, phones: &[String], nicks: &[(String, String)]) {
        for p in phones {
            self.by_phone.insert(p.clone(), id);
        }
        for (pl, n) in nicks {
            let key = (pl.trim().to_string(), n.trim().to_string());
            // A nick a deleted customer holds was not inserted (INSERT OR IGNORE).
            if self.taken_nicks.insert(key.clone()) || !self.preloaded {
                self.by_nick.insert(key, id);
            }
        }
    }

    /// A customer-list row for someone who exists: add new phones, nicks and tags, fill empty
    /// profile fields (never overwrite what the shop typed). Returns whether anything changed.
    /// Added tags are recorded one by one (`customer_tag`, the tag in `before`) so undo removes
    /// exactly those; like a profile change they also stamp the customer's `updated_at`, so undo
    /// is refused once someone edited the customer afterwards.
    pub fn complete(
        &mut self,
        conn: &Connection,
        id: i64,
        c: &NewCustomer,
        phones: &[String],
        batch: i64,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut changed = false;
        for p in phones {
            if self.find_by_phone(conn, p)?.is_none() {
                add_phone(conn, id, p, batch)?;
                self.by_phone.insert(p.clone(), id);
                changed = true;
            }
        }
        for (pl, n) in &c.nicks {
            if self.find_by_nick(conn, pl, n)?.is_none() && !self.nick_taken(conn, pl, n)? {
                add_nick(conn, id, pl, n, batch)?;
                self.taken_nicks.insert((pl.to_string(), n.to_string()));
                self.by_nick.insert((pl.clone(), n.clone()), id);
                changed = true;
            }
        }
        // Tags are added, never removed (the file's tags on top of the shop's own).
        let mut tags_added = Vec::new();
        for t in c.tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
            if tags_added.iter().any(|a: &String| a == t) {
                continue;
            }
            let added = conn
                .prepare_cached(
                    "INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?1, ?2)",
                )?
                .execute(params![id, t])?;
            if added > 0 {
                record(
                    conn,
                    batch,
                    "customer_tag",
                    id,
                    "created",
                    Some(&json!({ "tag": t }).to_string()),
                )?;
                tags_added.push(t.to_string());
            }
        }
        let wanted: [(&str, Option<String>); 8] = [
            (
                "gender",
                (c.gender != customers::Gender::Unknown).then(|| c.gender.as_str().to_string()),
            ),
            ("birthday", c.birthday.clone()),
            ("email", c.email.clone()),
            ("wechat_id", c.wechat_id.clone()),
            ("qq", c.qq.clone()),
            ("province", c.province.clone()),
            ("city", c.city.clone()),
            ("address", c.address.clone()),
        ];
        let current: Map<String, Value> = conn.query_row(
            "SELECT gender, birthday, email, wechat_id, qq, province, city, address, notes
             FROM customers WHERE id = ?1",
            [id],
            |r| {
                let mut m = Map::new();
                for (i, k) in [
                    "gender",
                    "birthday",
                    "email",
                    "wechat_id",
                    "qq",
                    "province",
                    "city",
                    "address",
                    "notes",
                ]
                .iter()
                .enumerate()
                {
                    m.insert(k.to_string(), json!(r.get::<_, Option<String>>(i)?));
                }
                Ok(m)
            },
        )?;
        let mut before = Map::new();
        let mut sets: Vec<(&str, String)> = Vec::new();
        for (col, val) in wanted {
            let Some(val) = val.filter(|v| !v.trim().is_empty()) else {
                continue;
            };
            let cur = current.get(col).and_then(Value::as_str).unwrap_or("");
            let empty = cur.is_empty() || (col == "gender" && cur == "unknown");
            if empty {
                before.insert(
                    col.to_string(),
                    current.get(col).cloned().unwrap_or(Value::Null),
                );
                sets.push((col, val.trim().to_string()));
            }
        }
        let notes = c.notes.trim();
        if !notes.is_empty() {
            let cur = current.get("notes").and_then(Value::as_str).unwrap_or("");
            if !cur.contains(notes) {
                before.insert("notes".into(), json!(cur));
                let joined = if cur.is_empty() {
                    notes.to_string()
                } else {
                    format!("{cur}\n{notes}")
                };
                sets.push(("notes", joined));
            }
        }
        if !sets.is_empty() || !tags_added.is_empty() {
            for (col, val) in &sets {
                // Column names come from the fixed list above, never from the file.
                conn.execute(
                    &format!("UPDATE customers SET {col} = ?1 WHERE id = ?2"),
                    params![val, id],
                )?;
            }
            before.insert(
                "updated_at".into(),
                json!(conn.query_row(
                    "SELECT updated_at FROM customers WHERE id = ?1",
                    [id],
                    |r| r.get::<_, String>(0)
                )?),
            );
            conn.execute(
                "UPDATE customers SET updated_at = ?1 WHERE id = ?2",
                params![ts(now), id],
            )?;
            record(
                conn,
                batch,
                "customer",
                id,
                "updated",
                Some(&Value::Object(before).to_string()),
            )?;
            changed = true;
        }
        if changed {
            self.updated += 1;
        }
        Ok(changed)
    }
}

fn add_phone(conn: &Connection, customer: i64, phone: &str, batch: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO customer_phones (customer_id, phone, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position) + 1, 0) FROM customer_phones WHERE customer_id = ?1))",
    )?
    .execute(params![customer, phone])?;
    record(
        conn,
        batch,
        "customer_phone",
        conn.last_insert_rowid(),
        "created",
        None,
    )
}

fn add_nick(
    conn: &Connection,
    customer: i64,
    platform: &str,
    nick: &str,
    batch: i64,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO customer_nicks (customer_id, platform, nick) VALUES (?1, ?2, ?3)",
    )?
    .execute(params![customer, platform, nick])?;
    record(
        conn,
        batch,
        "customer_nick",
        conn.last_insert_rowid(),
        "created",
        None,
    )
}

pub(crate) fn record(
    conn: &Connection,
    batch: i64,
    entity: &str,
    id: i64,
    action: &str,
    before: Option<&str>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO import_changes (batch_id, entity, entity_id, action, before) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![batch, entity, id, action, before])?;
    Ok(())
}
