//! Who a ticket can go to and which tags are in use — the two lists the new-ticket dialog and
//! the ticket page offer. Managing users is the owner's (`users::list`), but every rep must be
//! able to hand a ticket to a colleague, so this is a separate, narrower read: active accounts
//! only, and only what a picker shows (id, display name, role) — no user names, no login times,
//! nothing about key slots.

use crate::{
    auth::{Permission, Role, Session},
    store::Store,
    Result,
};
use serde::Serialize;

/// Someone a ticket can be assigned to.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Assignee {
    pub id: i64,
    pub display_name: String,
    pub role: Role,
}

/// Active users, the acting user first, then by display name. Every role may read it.
pub fn assignees(store: &Store, s: &Session) -> Result<Vec<Assignee>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut st = store.conn().prepare_cached(
        "SELECT id, display_name, role FROM users WHERE disabled = 0
         ORDER BY id <> ?1, display_name, id",
    )?;
    let rows = st.query_map([s.user_id()], |r| {
        Ok(Assignee {
            id: r.get(0)?,
            display_name: r.get(1)?,
            role: Role::parse(&r.get::<_, String>(2)?).unwrap_or(Role::Rep),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Tags used on tickets so far, most used first (suggestions for the tags input; at most 200).
pub fn tags(store: &Store, s: &Session) -> Result<Vec<String>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut st = store.conn().prepare_cached(
        "SELECT tag FROM ticket_tags GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 200",
    )?;
    let rows = st.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
