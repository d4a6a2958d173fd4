//! Customer segments (客户分组, issue 12): named filters of the customer list plus conditions on
//! the insight scores (RFM class, lifecycle stage, 老客), loyalty tier, what was bought and
//! marketing consent. Ready-made ones live in code ([`ready`]), saved ones in the `segments`
//! table ([`saved`]); both are evaluated on every read, so they update themselves.
//!
//! One query home: a segment's conditions are added to the customer list's own WHERE clause
//! (`customers::list_where`), and the customer list's page and totals take a
//! [`CustomerFilter`] (the list's query + a segment key + score conditions + a movement cell)
//! through [`customer_list`], so a segment's count is exactly the list's count.
//!
//! Reads `customer_scores` and `customer_class_months` (written by the `insight` pass) by SQL
//! only; the class and stage codes are checked against the contract's strings
//! ([`definition::RFM_CLASSES`], [`definition::STAGES`]).

pub mod conditions;
pub mod customer_list;
pub mod definition;
pub mod ready;
pub mod saved;
pub mod view;

pub use definition::{CustomerFilter, MovementCell, ScoreConditions, SegmentDefinition};
pub use saved::{delete, SegmentSave};
pub use view::{
    count, describe, list, of_customer, save, ConditionCheck, SegmentCount, SegmentMembership,
    SegmentSummary,
};

use crate::customers::list_where::Where;
use crate::customers::{list::totals_where, CustomerTotals};
use crate::{settings, store::Store, Error, Result};
use conditions::{apply, apply_definition, Condition};

/// The definition of a segment key (`ready:…`, `saved:<id>`) and its names, plus a condition
/// that matches nobody (an empty ready-made band).
pub(crate) struct Resolved {
    pub key: String,
    pub id: Option<i64>,
    pub name_zh: String,
    pub name_en: String,
    pub builtin: bool,
    pub definition: SegmentDefinition,
    pub extra: Option<Condition>,
}

pub(crate) fn resolve(store: &Store, key: &str) -> Result<Resolved> {
    let conn = store.conn();
    if let Some((k, zh, en)) = ready::READY.iter().find(|(k, _, _)| *k == key) {
        let (definition, extra) = ready::resolve(conn, k)?.expect("a ready key");
        return Ok(Resolved {
            key: k.to_string(),
            id: None,
            name_zh: zh.to_string(),
            name_en: en.to_string(),
            builtin: true,
            definition,
            extra,
        });
    }
    if let Some(id) = key
        .strip_prefix("saved:")
        .and_then(|i| i.parse::<i64>().ok())
    {
        let seg = saved::one(conn, id)?;
        return Ok(Resolved {
            key: key.to_string(),
            id: Some(id),
            name_zh: seg.name.clone(),
            name_en: seg.name,
            builtin: false,
            definition: seg.definition,
            extra: None,
        });
    }
    Err(Error::invalid(
        format!("客户分组：“{key}”不是分组代码（ready:… 或 saved:编号）。"),
        format!("Segment: '{key}' is not a segment key (ready:… or saved:<id>)."),
    ))
}

/// The WHERE clause of a customer-list filter: the list's query, the score conditions, the
/// segment's own conditions and the movement cell, all ANDed.
pub(crate) fn filter_where(store: &Store, f: &CustomerFilter) -> Result<Where> {
    let tz = settings::timezone(store);
    let def = f.definition.normalized()?;
    let mut w = Where::live();
    apply_definition(&mut w, tz, &def)?;
    if let Some(key) = f
        .segment
        .as_deref()
        .map(str::trim)
        .filter(|k| !k.is_empty())
    {
        let r = resolve(store, key)?;
        apply_definition(&mut w, tz, &r.definition)?;
        if let Some(c) = &r.extra {
            apply(&mut w, tz, &c.part, None)?;
        }
    }
    if let Some(m) = &f.movement {
        apply(&mut w, tz, &conditions::Part::Movement(m.clone()), None)?;
    }
    Ok(w)
}

/// Count and spend of a definition (no permission check: callers check).
pub(crate) fn count_definition(store: &Store, d: &SegmentDefinition) -> Result<CustomerTotals> {
    let mut w = Where::live();
    apply_definition(&mut w, settings::timezone(store), d)?;
    totals_where(store, &w)
}
