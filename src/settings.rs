//! Shop settings kept in the encrypted database: shop name, timezone (for days, birthdays and
//! reports; times are stored in UTC) and the idle minutes before the screen locks.

use crate::{
    audit,
    auth::{Permission, Session},
    store::{ts, Store},
    Error, Result,
};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use serde_json::json;

pub const DEFAULT_TIMEZONE: &str = "Asia/Shanghai";
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 10;
pub const DEFAULT_SHOP_NAME: &str = "我的小店";

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub shop_name: String,
    pub timezone: String,
    pub idle_lock_minutes: u32,
}

#[derive(Deserialize, Default, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct SettingsPatch {
    pub shop_name: Option<String>,
    pub timezone: Option<String>,
    pub idle_lock_minutes: Option<u32>,
}

pub(crate) fn write_defaults(conn: &Connection, now: DateTime<Utc>) -> Result<()> {
    for (k, v) in [
        ("shop.name", DEFAULT_SHOP_NAME.to_string()),
        ("shop.timezone", DEFAULT_TIMEZONE.to_string()),
        (
            "security.idle_lock_minutes",
            DEFAULT_IDLE_LOCK_MINUTES.to_string(),
        ),
    ] {
        conn.execute(
            "INSERT OR IGNORE INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)",
            params![k, v, ts(now)],
        )?;
    }
    Ok(())
}

/// One stored setting's text (other modules keep their JSON settings here too, e.g.
/// `insight.params`); `None` when never written.
pub(crate) fn read_value(conn: &Connection, key: &str) -> Result<Option<String>> {
    read(conn, key)
}

/// Write one setting inside the caller's transaction (the caller audits the change).
pub(crate) fn write_value(
    tx: &Connection,
    key: &str,
    value: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, ts(now)],
    )?;
    Ok(())
}

fn read(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn get(store: &Store, _s: &Session) -> Result<Settings> {
    let conn = store.conn();
    Ok(Settings {
        shop_name: read(conn, "shop.name")?.unwrap_or_else(|| DEFAULT_SHOP_NAME.into()),
        timezone: read(conn, "shop.timezone")?.unwrap_or_else(|| DEFAULT_TIMEZONE.into()),
        idle_lock_minutes: read(conn, "security.idle_lock_minutes")?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_IDLE_LOCK_MINUTES),
    })
}

/// The shop's timezone, for turning stored UTC into shop days.
pub fn timezone(store: &Store) -> chrono_tz::Tz {
    timezone_in(store.conn())
}

/// The shop's timezone read on a connection (inside a transaction or a job): the one reader of
/// `shop.timezone`. A missing, unknown or unreadable value means Asia/Shanghai, the default.
pub fn timezone_in(conn: &Connection) -> chrono_tz::Tz {
    read(conn, "shop.timezone")
        .ok()
        .flatten()
        .and_then(|t| t.parse().ok())
        .unwrap_or(chrono_tz::Asia::Shanghai)
}

pub fn update(store: &Store, s: &Session, patch: &SettingsPatch) -> Result<Settings> {
    s.require(Permission::ManageSettings)?;
    let mut changes: Vec<(&str, String)> = Vec::new();
    if let Some(name) = &patch.shop_name {
        let n = name.trim().chars().count();
        if n == 0 || n > 40 {
            return Err(Error::invalid(
                "店铺名称需要 1–40 个字符。",
                "The shop name needs 1–40 characters.",
            ));
        }
        changes.push(("shop.name", name.trim().to_string()));
    }
    if let Some(tz) = &patch.timezone {
        if tz.parse::<chrono_tz::Tz>().is_err() {
            return Err(Error::invalid(
                format!("不认识的时区“{tz}”，例如 Asia/Shanghai。"),
                format!("Unknown timezone '{tz}', e.g. Asia/Shanghai."),
            ));
        }
        changes.push(("shop.timezone", tz.clone()));
    }
    if let Some(m) = patch.idle_lock_minutes {
        if m > 240 {
            return Err(Error::invalid(
                "自动锁定时间最多 240 分钟（0 表示不自动锁定）。",
                "Auto-lock is at most 240 minutes (0 turns it off).",
            ));
        }
        changes.push(("security.idle_lock_minutes", m.to_string()));
    }
    store.write(|tx, now| {
        for (k, v) in &changes {
            write_value(tx, k, v, now)?;
        }
        let detail: serde_json::Map<String, serde_json::Value> = changes
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "settings_changed",
            "",
            serde_json::Value::Object(detail),
        )
    })?;
    get(store, s)
}
