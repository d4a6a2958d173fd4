//! "Show" for service reps: one customer's full phone numbers and address, on purpose and on
//! the record. Every reveal is audited, also for owners and managers (who see contacts anyway),
//! so the log answers "who looked at this person's number".

use super::record;
use crate::phone;
use crate::{
    audit,
    auth::{Permission, Session},
    store::Store,
    Result,
};
use serde::Serialize;
use serde_json::json;

/// One customer's contacts in full.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub customer_id: i64,
    /// As shown to people allowed to see them: mainland numbers without +86.
    pub phones: Vec<String>,
    pub address: Option<String>,
}

/// Reveal one customer's full phones and address (all roles; audited).
pub fn reveal_contact(store: &Store, s: &Session, customer_id: i64) -> Result<Contact> {
    s.require(Permission::WorkWithCustomers)?;
    let c = record::load(store.conn(), customer_id)?;
    store.write(|tx, now| {
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "customer_contact_revealed",
            &format!("customer:{customer_id}"),
            json!({ "phones": c.phones.len(), "address": c.address.is_some() }),
        )
    })?;
    Ok(Contact {
        customer_id,
        phones: c.phones.iter().map(|p| phone::display(p)).collect(),
        address: c.address,
    })
}
