//! A definition as a list of conditions, each with its words in both languages ("阶段 = 沉睡客户",
//! "Spend ≥ ¥500.00") and its SQL, added to the customer list's own WHERE clause
//! (`customers::list_where`), so a segment's count is the list's count by construction. The
//! customer-list fields become conditions through that same builder, one field at a time, so
//! a customer's page can say which condition holds and which does not.
//!
//! Score conditions are `c.id IN (subquery)` on indexed columns, so a count walks the smaller
//! side; for one customer the subquery is narrowed to that customer (`one`).

use super::definition::{code_name, MovementCell, SegmentDefinition, RFM_CLASSES, STAGES};
use crate::customers::consent::granted_customers_sql;
use crate::customers::list_where::{add_query, Where};
use crate::customers::CustomerQuery;
use crate::{loyalty::rules::version_at, money::yuan, orders::counted_statuses_sql};
use crate::{Error, Result};
use rusqlite::{types::Value, Connection};

/// What one condition asks, as SQL.
#[derive(Debug, Clone)]
pub(crate) enum Part {
    /// Customer-list fields (one field, or the whole query at once).
    Query(Box<CustomerQuery>),
    Classes(Vec<String>),
    Stages(Vec<String>),
    Returning(bool),
    Tiers(Vec<String>),
    Categories(Vec<String>),
    Products(Vec<String>),
    Consent(Vec<String>),
    Movement(MovementCell),
    /// Matches no customer (a ready-made band that is empty in this shop).
    Nobody,
}

/// One condition of a segment: its words and its SQL.
#[derive(Debug, Clone)]
pub(crate) struct Condition {
    pub zh: String,
    pub en: String,
    pub part: Part,
}

fn cond(zh: String, en: String, part: Part) -> Condition {
    Condition { zh, en, part }
}

fn or_list(v: &[String], sep: &str) -> String {
    v.join(sep)
}

fn names(codes: &[(&str, &str, &str)], v: &[String]) -> (String, String) {
    let (zh, en): (Vec<String>, Vec<String>) = v.iter().map(|c| code_name(codes, c)).unzip();
    (or_list(&zh, " 或 "), or_list(&en, " or "))
}

/// Checks tier codes against the loyalty rules in force.
pub(crate) fn check_tiers(
    conn: &Connection,
    now: chrono::DateTime<chrono::Utc>,
    tiers: &[String],
) -> Result<()> {
    let rules = version_at(conn, now)?.rules;
    for t in tiers {
        if rules.tier_index(t).is_none() {
            let known: Vec<&str> = rules.tiers.iter().map(|t| t.code.as_str()).collect();
            return Err(Error::invalid(
                format!(
                    "会员等级：“{t}”不是现有等级（可选：{}）。",
                    known.join("、")
                ),
                format!("Tiers: '{t}' is not a tier ({}).", known.join(", ")),
            ));
        }
    }
    Ok(())
}

/// The customer-list fields of `q`, one condition per field that is set.
fn query_conditions(q: &CustomerQuery, out: &mut Vec<Condition>) {
    let one = |f: &dyn Fn(&mut CustomerQuery)| {
        let mut x = CustomerQuery::default();
        f(&mut x);
        Part::Query(Box::new(x))
    };
    let text = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    if let Some(t) = text(&q.search) {
        out.push(cond(
            format!("搜索“{t}”"),
            format!("Search '{t}'"),
            one(&|x| x.search = Some(t.clone())),
        ));
    }
    if !q.tags.is_empty() {
        let (zh, en) = (or_list(&q.tags, " 或 "), or_list(&q.tags, " or "));
        out.push(cond(
            format!("标签 = {zh}"),
            format!("Tag = {en}"),
            one(&|x| x.tags = q.tags.clone()),
        ));
    }
    for (v, zh, en, set) in [
        (
            &q.province,
            "省份",
            "Province",
            (|x: &mut CustomerQuery, v| x.province = Some(v)) as fn(&mut CustomerQuery, String),
        ),
        (&q.city, "城市", "City", |x, v| x.city = Some(v)),
        (
            &q.source_channel,
            "来源渠道",
            "Source channel",
            |x, v| x.source_channel = Some(v),
        ),
        (
            &q.last_order_from,
            "最近下单日期 ≥",
            "Last order on or after",
            |x, v| x.last_order_from = Some(v),
        ),
        (
            &q.last_order_to,
            "最近下单日期 ≤",
            "Last order on or before",
            |x, v| x.last_order_to = Some(v),
        ),
        (
            &q.created_from,
            "建档日期 ≥",
            "Created on or after",
            |x, v| x.created_from = Some(v),
        ),
        (
            &q.created_to,
            "建档日期 ≤",
            "Created on or before",
            |x, v| x.created_to = Some(v),
        ),
    ] {
        if let Some(v) = text(v) {
            let sign = if zh.ends_with('≥') || zh.ends_with('≤') {
                ""
            } else {
                " ="
            };
            let en_sign = if sign.is_empty() { "" } else { " =" };
            out.push(cond(
                format!("{zh}{sign} {v}"),
                format!("{en}{en_sign} {v}"),
                one(&|x| set(x, v.clone())),
            ));
        }
    }
    for (v, zh, en, money, set) in [
        (
            q.min_spend_fen,
            "消费金额 ≥",
            "Spend ≥",
            true,
            (|x: &mut CustomerQuery, v| x.min_spend_fen = Some(v)) as fn(&mut CustomerQuery, i64),
        ),
        (
            q.max_spend_fen,
            "消费金额 ≤",
            "Spend ≤",
            true,
            |x, v| x.max_spend_fen = Some(v),
        ),
        (
            q.min_orders,
            "订单数 ≥",
            "Orders ≥",
            false,
            |x, v| x.min_orders = Some(v),
        ),
        (
            q.max_orders,
            "订单数 ≤",
            "Orders ≤",
            false,
            |x, v| x.max_orders = Some(v),
        ),
    ] {
        if let Some(v) = v {
            let shown = if money { yuan(v) } else { v.to_string() };
            out.push(cond(
                format!("{zh} {shown}"),
                format!("{en} {shown}"),
                one(&|x| set(x, v)),
            ));
        }
    }
    if let Some(m) = q.birthday_month {
        out.push(cond(
            format!("生日月份 = {m} 月"),
            format!("Birthday month = {m}"),
            one(&|x| x.birthday_month = Some(m)),
        ));
    }
}

/// Every condition of a (normalized) definition, in a fixed order; tier names from the rules.
pub(crate) fn conditions(
    conn: &Connection,
    now: chrono::DateTime<chrono::Utc>,
    d: &SegmentDefinition,
) -> Result<Vec<Condition>> {
    let mut out = Vec::new();
    query_conditions(&d.query, &mut out);
    let sc = &d.scores;
    if !sc.rfm_classes.is_empty() {
        let (zh, en) = names(RFM_CLASSES, &sc.rfm_classes);
        out.push(cond(
            format!("RFM 分类 = {zh}"),
            format!("RFM class = {en}"),
            Part::Classes(sc.rfm_classes.clone()),
        ));
    }
    if !sc.stages.is_empty() {
        let (zh, en) = names(STAGES, &sc.stages);
        out.push(cond(
            format!("阶段 = {zh}"),
            format!("Stage = {en}"),
            Part::Stages(sc.stages.clone()),
        ));
    }
    if let Some(r) = sc.returning {
        let (zh, en) = if r {
            ("老客（累计 ≥ 2 单）", "Returning (≥ 2 orders ever)")
        } else {
            ("非老客（累计 < 2 单）", "Not returning (< 2 orders ever)")
        };
        out.push(cond(zh.into(), en.into(), Part::Returning(r)));
    }
    if !sc.tiers.is_empty() {
        let rules = version_at(conn, now)?.rules;
        let (zh, en): (Vec<String>, Vec<String>) = sc
            .tiers
            .iter()
            .map(|t| match rules.tier_index(t) {
                Some(i) => (
                    rules.tiers[i].name_zh.clone(),
                    rules.tiers[i].name_en.clone(),
                ),
                None => (t.clone(), t.clone()),
            })
            .unzip();
        out.push(cond(
            format!("会员等级 = {}", or_list(&zh, " 或 ")),
            format!("Tier = {}", or_list(&en, " or ")),
            Part::Tiers(sc.tiers.clone()),
        ));
    }
    if !sc.categories.is_empty() {
        out.push(cond(
            format!("买过品类：{}", or_list(&sc.categories, " 或 ")),
            format!("Bought in category: {}", or_list(&sc.categories, " or ")),
            Part::Categories(sc.categories.clone()),
        ));
    }
    if !sc.products.is_empty() {
        out.push(cond(
            format!("买过商品：{}", or_list(&sc.products, " 或 ")),
            format!("Bought product: {}", or_list(&sc.products, " or ")),
            Part::Products(sc.products.clone()),
        ));
    }
    if !sc.consent.is_empty() {
        let label = |c: &str| match c {
            "sms" => ("短信", "SMS"),
            "phone" => ("电话", "phone"),
            "wechat" => ("微信", "WeChat"),
            _ => ("邮件", "email"),
        };
        let (zh, en): (Vec<String>, Vec<String>) = sc
            .consent
            .iter()
            .map(|c| {
                let (z, e) = label(c);
                (z.to_string(), e.to_string())
            })
            .unzip();
        out.push(cond(
            format!("同意营销：{}", or_list(&zh, " 或 ")),
            format!("Marketing consent: {}", or_list(&en, " or ")),
            Part::Consent(sc.consent.clone()),
        ));
    }
    Ok(out)
}

/// The words of a movement cell's condition.
pub(crate) fn movement_condition(m: &MovementCell) -> Condition {
    let codes = if m.kind == "class" {
        RFM_CLASSES
    } else {
        STAGES
    };
    let (none_zh, none_en) = if m.kind == "class" {
        ("无分类", "no class")
    } else {
        ("未购买", "not a buyer")
    };
    let name = |v: &Option<String>| match v {
        Some(c) => code_name(codes, c),
        None => (none_zh.to_string(), none_en.to_string()),
    };
    let (fz, fe) = name(&m.from);
    let (tz, te) = name(&m.to);
    cond(
        format!("{} {fz} → {} {tz}", m.from_month, m.to_month),
        format!("{} {fe} → {} {te}", m.from_month, m.to_month),
        Part::Movement(m.clone()),
    )
}

fn binds(w: &mut Where, v: &[String]) -> String {
    v.iter()
        .map(|x| w.bind(Value::Text(x.clone())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `c.id IN (SELECT {col} FROM … WHERE {cond})`, narrowed to one customer when `one` is set.
fn ids_in(w: &mut Where, select: &str, col: &str, cond: String, one: Option<i64>, negate: bool) {
    let narrow = match one {
        Some(id) => format!(" AND {col} = {}", w.bind(Value::Integer(id))),
        None => String::new(),
    };
    let not = if negate { "NOT " } else { "" };
    w.push(format!(
        "c.id {not}IN (SELECT {col} FROM {select} WHERE {cond}{narrow})"
    ));
}

/// Adds one condition's SQL to `w`.
pub(crate) fn apply(w: &mut Where, tz: chrono_tz::Tz, part: &Part, one: Option<i64>) -> Result<()> {
    let counted = counted_statuses_sql();
    match part {
        Part::Query(q) => add_query(w, tz, q)?,
        Part::Classes(v) => {
            let p = binds(w, v);
            ids_in(
                w,
                "customer_scores x",
                "x.customer_id",
                format!("x.rfm_class IN ({p})"),
                one,
                false,
            );
        }
        Part::Stages(v) => {
            let p = binds(w, v);
            ids_in(
                w,
                "customer_scores x",
                "x.customer_id",
                format!("x.stage IN ({p})"),
                one,
                false,
            );
        }
        Part::Returning(r) => {
            ids_in(
                w,
                "customer_scores x",
                "x.customer_id",
                "x.is_returning = 1".into(),
                one,
                !r,
            );
        }
        Part::Tiers(v) => {
            let p = binds(w, v);
            ids_in(
                w,
                "customer_tiers x",
                "x.customer_id",
                format!("x.tier IN ({p})"),
                one,
                false,
            );
        }
        Part::Categories(v) => {
            let p = binds(w, v);
            ids_in(
                w,
                "order_items i JOIN orders o ON o.id = i.order_id",
                "o.customer_id",
                format!("i.category IN ({p}) AND o.status IN ({counted})"),
                one,
                false,
            );
        }
        Part::Products(v) => {
            let p = binds(w, v);
            ids_in(w, "order_items i JOIN orders o ON o.id = i.order_id", "o.customer_id",
                format!("i.product_id IN (SELECT id FROM products WHERE name IN ({p}) OR sku IN ({p})) AND o.status IN ({counted})"), one, false);
        }
        Part::Consent(v) => {
            let p = binds(w, v);
            let sub = granted_customers_sql(&p);
            let narrow = match one {
                Some(id) => format!(" AND x.customer_id = {}", w.bind(Value::Integer(id))),
                None => String::new(),
            };
            w.push(format!("c.id IN ({sub}{narrow})"));
        }
        Part::Movement(m) => {
            let col = m.column()?;
            for (month, code) in [(&m.from_month, &m.from), (&m.to_month, &m.to)] {
                let pm = w.bind(Value::Text(month.clone()));
                match code {
                    Some(c) => {
                        let pc = w.bind(Value::Text(c.clone()));
                        ids_in(
                            w,
                            "customer_class_months m",
                            "m.customer_id",
                            format!("m.month = {pm} AND m.{col} = {pc}"),
                            one,
                            false,
                        );
                    }
                    None => ids_in(
                        w,
                        "customer_class_months m",
                        "m.customer_id",
                        format!("m.month = {pm} AND m.{col} IS NOT NULL"),
                        one,
                        true,
                    ),
                }
            }
        }
        Part::Nobody => w.push("0".into()),
    }
    Ok(())
}

/// All conditions of a definition at once (the whole query in one go), added to `w`.
pub(crate) fn apply_definition(
    w: &mut Where,
    tz: chrono_tz::Tz,
    d: &SegmentDefinition,
) -> Result<()> {
    add_query(w, tz, &d.query)?;
    let sc = &d.scores;
    let parts = [
        (!sc.rfm_classes.is_empty()).then(|| Part::Classes(sc.rfm_classes.clone())),
        (!sc.stages.is_empty()).then(|| Part::Stages(sc.stages.clone())),
        sc.returning.map(Part::Returning),
        (!sc.tiers.is_empty()).then(|| Part::Tiers(sc.tiers.clone())),
        (!sc.categories.is_empty()).then(|| Part::Categories(sc.categories.clone())),
        (!sc.products.is_empty()).then(|| Part::Products(sc.products.clone())),
        (!sc.consent.is_empty()).then(|| Part::Consent(sc.consent.clone())),
    ];
    for p in parts.into_iter().flatten() {
        apply(w, tz, &p, None)?;
    }
    Ok(())
}
