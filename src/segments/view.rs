//! What the app and the CLI read about segments: every segment with its live size, share and
//! spend ([`list`]); the live count of a definition being edited ([`count`]); one segment in
//! words ([`describe`]); and the segments a customer is in, condition by condition with ✔/✘
//! ([`of_customer`]). Service reps may read all of these; saving is the owner's and managers'.

use super::conditions::{apply, conditions, movement_condition, Condition};
use super::saved::{self, SegmentSave};
use super::{count_definition, ready::READY, resolve, Resolved, SegmentDefinition};
use crate::auth::{Permission, Session};
use crate::customers::list::totals_where;
use crate::customers::list_where::Where;
use crate::{settings, store::Store, Error, Result};
use rusqlite::types::Value;
use serde::Serialize;

/// A segment with its live size.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SegmentSummary {
    /// `ready:…` or `saved:<id>`.
    pub key: String,
    /// Saved segments only.
    pub id: Option<i64>,
    /// A saved segment's name in both.
    pub name_zh: String,
    pub name_en: String,
    pub builtin: bool,
    /// A ready-made one's with its lines resolved as of now.
    pub definition: SegmentDefinition,
    pub customers: u64,
    /// Of all customers in the list, 0–1.
    pub share: f64,
    pub spend_fen: i64,
}

/// The live count of a definition.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SegmentCount {
    pub customers: u64,
    pub spend_fen: i64,
}

/// One condition of a segment and whether the customer meets it.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ConditionCheck {
    /// e.g. "阶段 = 沉睡客户 ✔".
    pub zh: String,
    pub en: String,
    pub ok: bool,
}

/// A segment the customer is in, and why.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SegmentMembership {
    pub key: String,
    pub name_zh: String,
    pub name_en: String,
    pub conditions: Vec<ConditionCheck>,
}

fn every_key(store: &Store) -> Result<Vec<String>> {
    let mut keys: Vec<String> = READY.iter().map(|(k, _, _)| k.to_string()).collect();
    keys.extend(
        saved::all(store.conn())?
            .into_iter()
            .map(|s| format!("saved:{}", s.id)),
    );
    Ok(keys)
}

fn summary(store: &Store, r: Resolved, all: u64) -> Result<SegmentSummary> {
    let mut w = Where::live();
    let tz = settings::timezone(store);
    super::conditions::apply_definition(&mut w, tz, &r.definition)?;
    if let Some(c) = &r.extra {
        apply(&mut w, tz, &c.part, None)?;
    }
    let t = totals_where(store, &w)?;
    Ok(SegmentSummary {
        key: r.key,
        id: r.id,
        name_zh: r.name_zh,
        name_en: r.name_en,
        builtin: r.builtin,
        definition: r.definition,
        customers: t.total,
        share: if all == 0 {
            0.0
        } else {
            t.total as f64 / all as f64
        },
        spend_fen: t.total_spend_fen,
    })
}

/// Every segment, ready-made first, then the saved ones by name, each with its live size.
pub fn list(store: &Store, s: &Session) -> Result<Vec<SegmentSummary>> {
    s.require(Permission::WorkWithCustomers)?;
    let all = totals_where(store, &Where::live())?.total;
    every_key(store)?
        .iter()
        .map(|k| summary(store, resolve(store, k)?, all))
        .collect()
}

/// One segment with its live size (`laoke segments show|count KEY`).
pub fn describe(
    store: &Store,
    s: &Session,
    key: &str,
) -> Result<(SegmentSummary, Vec<ConditionCheck>)> {
    s.require(Permission::WorkWithCustomers)?;
    let r = resolve(store, key)?;
    let words = words_of(store, &r)?
        .into_iter()
        .map(|c| ConditionCheck {
            zh: c.zh,
            en: c.en,
            ok: true,
        })
        .collect();
    let all = totals_where(store, &Where::live())?.total;
    Ok((summary(store, r, all)?, words))
}

fn words_of(store: &Store, r: &Resolved) -> Result<Vec<Condition>> {
    let mut out = conditions(store.conn(), store.now(), &r.definition)?;
    out.extend(r.extra.clone());
    Ok(out)
}

/// The live count and spend of a definition being edited.
pub fn count(store: &Store, s: &Session, d: &SegmentDefinition) -> Result<SegmentCount> {
    s.require(Permission::WorkWithCustomers)?;
    let d = d.normalized()?;
    super::conditions::check_tiers(store.conn(), store.now(), &d.scores.tiers)?;
    let t = count_definition(store, &d)?;
    Ok(SegmentCount {
        customers: t.total,
        spend_fen: t.total_spend_fen,
    })
}

/// Create or edit a saved segment (owner and manager; audited); returns it with its size.
pub fn save(store: &Store, s: &Session, req: &SegmentSave) -> Result<SegmentSummary> {
    let id = saved::save(store, s, req)?;
    let all = totals_where(store, &Where::live())?.total;
    summary(store, resolve(store, &format!("saved:{id}"))?, all)
}

/// Whether the customer meets one condition.
fn holds(store: &Store, c: &Condition, customer_id: i64) -> Result<bool> {
    let mut w = Where::live();
    let p = w.bind(Value::Integer(customer_id));
    w.push(format!("c.id = {p}"));
    apply(
        &mut w,
        settings::timezone(store),
        &c.part,
        Some(customer_id),
    )?;
    Ok(totals_where(store, &w)?.total > 0)
}

/// The segments the customer is in, each with its conditions in words and ✔ (all hold).
pub fn of_customer(store: &Store, s: &Session, customer_id: i64) -> Result<Vec<SegmentMembership>> {
    s.require(Permission::WorkWithCustomers)?;
    let exists: bool = store.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM customers WHERE id = ?1)",
        [customer_id],
        |r| r.get(0),
    )?;
    if !exists {
        return Err(Error::not_found(
            format!("客户 {customer_id} 不存在。"),
            format!("Customer {customer_id} does not exist."),
        ));
    }
    let mut out = Vec::new();
    for key in every_key(store)? {
        let r = resolve(store, &key)?;
        let words = words_of(store, &r)?;
        let mut checks = Vec::with_capacity(words.len());
        let mut all_ok = true;
        for c in &words {
            let ok = holds(store, c, customer_id)?;
            all_ok &= ok;
            let mark = if ok { "✔" } else { "✘" };
            checks.push(ConditionCheck {
                zh: format!("{} {mark}", c.zh),
                en: format!("{} {mark}", c.en),
                ok,
            });
            if !all_ok {
                break;
            }
        }
        // A segment without conditions (every customer) is no reason worth showing.
        if all_ok && !checks.is_empty() {
            out.push(SegmentMembership {
                key: r.key,
                name_zh: r.name_zh,
                name_en: r.name_en,
                conditions: checks,
            });
        }
    }
    Ok(out)
}

/// Words for a movement cell (the list's header when opened from the Insight screen).
pub fn movement_words(m: &super::MovementCell) -> Result<(String, String)> {
    m.column()?;
    let c = movement_condition(m);
    Ok((c.zh, c.en))
}
