//! Reply and script templates (话术) with placeholders, rendered by the core so every front end
//! fills them the same way. zh-CN templates use Chinese placeholders ({姓名} {订单号} {工单号}
//! {店铺} {客服}); English ones use {name} {order} {ticket} {shop} {agent}. Unknown placeholders
//! are left as typed so a typo is visible, never silently blanked.

use super::model::ticket_no;
use crate::{
    auth::{Permission, Session},
    i18n::Lang,
    settings,
    store::Store,
    Error, Result,
};
use rusqlite::OptionalExtension;
use serde::Serialize;

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReplyTemplate {
    pub id: i64,
    pub lang: Lang,
    pub title: String,
    pub body: String,
}

pub fn list(store: &Store, s: &Session, lang: Lang) -> Result<Vec<ReplyTemplate>> {
    s.require(Permission::WorkWithCustomers)?;
    let mut st = store.conn().prepare_cached(
        "SELECT id, title, body FROM reply_templates WHERE lang = ?1 AND deleted_at IS NULL ORDER BY id",
    )?;
    let rows = st.query_map([lang.as_str()], |r| {
        Ok(ReplyTemplate {
            id: r.get(0)?,
            lang,
            title: r.get(1)?,
            body: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The values a template can use.
#[derive(Debug, Clone, Default)]
pub struct Placeholders {
    pub name: String,
    pub order_no: String,
    pub ticket_no: String,
    pub shop: String,
    pub agent: String,
}

/// Pure: fill the placeholders of both languages.
pub fn fill(body: &str, p: &Placeholders) -> String {
    let pairs: [(&str, &str); 10] = [
        ("{姓名}", &p.name),
        ("{订单号}", &p.order_no),
        ("{工单号}", &p.ticket_no),
        ("{店铺}", &p.shop),
        ("{客服}", &p.agent),
        ("{name}", &p.name),
        ("{order}", &p.order_no),
        ("{ticket}", &p.ticket_no),
        ("{shop}", &p.shop),
        ("{agent}", &p.agent),
    ];
    pairs
        .iter()
        .fold(body.to_string(), |acc, (k, v)| acc.replace(k, v))
}

/// Render a template for a ticket: customer name, the ticket's order number, ticket number,
/// shop name and the acting user's display name.
pub fn render(store: &Store, s: &Session, template_id: i64, ticket_id: i64) -> Result<String> {
    s.require(Permission::WorkWithCustomers)?;
    let conn = store.conn();
    let body: String = conn
        .query_row(
            "SELECT body FROM reply_templates WHERE id = ?1 AND deleted_at IS NULL",
            [template_id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| Error::not_found("找不到这个话术模板。", "Template not found."))?;
    let (name, order_no): (String, Option<String>) = conn
        .query_row(
            "SELECT c.name, o.order_no FROM tickets t JOIN customers c ON c.id = t.customer_id
             LEFT JOIN orders o ON o.id = t.order_id WHERE t.id = ?1",
            [ticket_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| {
            Error::not_found(
                format!("找不到工单 {}。", ticket_no(ticket_id)),
                format!("Ticket {} not found.", ticket_no(ticket_id)),
            )
        })?;
    let shop = settings::get(store, s)?.shop_name;
    Ok(fill(
        &body,
        &Placeholders {
            name,
            order_no: order_no.unwrap_or_default(),
            ticket_no: ticket_no(ticket_id),
            shop,
            agent: s.display_name().to_string(),
        },
    ))
}
