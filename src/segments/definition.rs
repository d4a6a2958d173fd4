//! What a segment is: a filter of the customer list ([`CustomerQuery`], page and sort left out)
//! plus conditions on the scores of the insight pass and on what customers bought, agreed to and
//! reached ([`ScoreConditions`]); and the customer list's own filter ([`CustomerFilter`]), which
//! is that plus a segment key and a movement cell, so the list opens any segment or any number of
//! the Insight screen. Validation here names the field at fault in both languages.
//!
//! The class and stage codes are the contract's stable strings (issue 12): the insight module
//! owns their meaning; segments only check that a code is one of them and name it.

use crate::customers::{ConsentChannel, CustomerQuery};
use crate::{Error, Result};
use serde::{Deserialize, Serialize};

/// RFM class codes with their Chinese and English names (the contract's order).
pub const RFM_CLASSES: &[(&str, &str, &str)] = &[
    ("important_value", "重要价值客户", "Important value"),
    ("important_keep", "重要保持客户", "Important to keep"),
    ("important_develop", "重要发展客户", "Important to develop"),
    ("important_retain", "重要挽留客户", "Important to win back"),
    ("general_value", "一般价值客户", "General value"),
    ("general_keep", "一般保持客户", "General to keep"),
    ("general_develop", "一般发展客户", "General to develop"),
    ("general_retain", "一般挽留客户", "General to win back"),
];

/// Lifecycle stage codes with their names, funnel order.
pub const STAGES: &[(&str, &str, &str)] = &[
    ("prospect", "潜在客户", "Prospect"),
    ("new", "新客户", "New"),
    ("active", "活跃客户", "Active"),
    ("dormant", "沉睡客户", "Dormant"),
    ("churned", "流失客户", "Churned"),
];

/// The (zh, en) name of a class or stage code (the code itself when unknown).
pub fn code_name(codes: &[(&str, &str, &str)], code: &str) -> (String, String) {
    codes
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, zh, en)| (zh.to_string(), en.to_string()))
        .unwrap_or_else(|| (code.to_string(), code.to_string()))
}

/// Conditions beyond the customer list's columns. Every list is "any of"; an empty list or
/// `None` is no condition.
#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase", default)]
pub struct ScoreConditions {
    /// RFM class codes (of the last scoring pass).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<String>>"))]
    pub rfm_classes: Vec<String>,
    /// Lifecycle stage codes (of the last scoring pass).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<String>>"))]
    pub stages: Vec<String>,
    /// 老客 (≥ 2 counted orders ever, as of the last pass): true = only them, false = none of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub returning: Option<bool>,
    /// Loyalty tier codes (the customer's current tier).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<String>>"))]
    pub tiers: Vec<String>,
    /// Bought (a counted order) an item of one of these categories.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<String>>"))]
    pub categories: Vec<String>,
    /// Bought (a counted order) one of these products, each given by its exact name or SKU.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<String>>"))]
    pub products: Vec<String>,
    /// Currently agreed to marketing on one of these channels (`sms`, `phone`, `wechat`, `email`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "ts", ts(optional, as = "Option<Vec<String>>"))]
    pub consent: Vec<String>,
}

/// A segment's definition: the customer list's filters (its page and sort are ignored and not
/// stored) and the score conditions, all of which must hold.
#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SegmentDefinition {
    #[serde(flatten)]
    pub query: CustomerQuery,
    #[serde(flatten)]
    pub scores: ScoreConditions,
}

/// One cell of the Insight screen's movement table: customers whose class (or stage) was `from`
/// at the end of `fromMonth` and `to` at the end of `toMonth` (null: no class / not yet a buyer).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MovementCell {
    /// `class` or `stage`.
    pub kind: String,
    pub from_month: String,
    pub from: Option<String>,
    pub to_month: String,
    pub to: Option<String>,
}

/// The customer list's filter: a definition, plus optionally a segment (its key) and a movement
/// cell, all of which must hold. The list's page and totals take this.
#[derive(Serialize, Deserialize, Default, Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(optional_fields = nullable))]
#[serde(rename_all = "camelCase")]
pub struct CustomerFilter {
    #[serde(flatten)]
    pub definition: SegmentDefinition,
    /// `ready:…` or `saved:<id>`.
    pub segment: Option<String>,
    pub movement: Option<MovementCell>,
}

impl From<CustomerQuery> for CustomerFilter {
    fn from(query: CustomerQuery) -> Self {
        CustomerFilter {
            definition: SegmentDefinition {
                query,
                ..Default::default()
            },
            ..Default::default()
        }
    }
}

/// Trimmed, non-empty, without repeats (first kept).
fn clean(list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in list.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    }
    out
}

fn check_codes(
    list: &[String],
    codes: &[(&str, &str, &str)],
    field_zh: &str,
    field_en: &str,
) -> Result<()> {
    for v in list {
        if !codes.iter().any(|(c, _, _)| c == v) {
            let known: Vec<&str> = codes.iter().map(|(c, _, _)| *c).collect();
            return Err(Error::invalid(
                format!(
                    "{field_zh}：“{v}”不是有效代码（可选：{}）。",
                    known.join("、")
                ),
                format!("{field_en}: '{v}' is not a code ({}).", known.join(", ")),
            ));
        }
    }
    Ok(())
}

impl SegmentDefinition {
    /// The definition as stored: lists trimmed and without repeats, page and sort dropped.
    /// Checks the codes; tiers are checked against the loyalty rules by the caller
    /// ([`super::conditions::check_tiers`]).
    pub fn normalized(&self) -> Result<SegmentDefinition> {
        let mut d = self.clone();
        d.query.page = 0;
        d.query.page_size = 0;
        d.query.sort = None;
        d.query.desc = None;
        d.query.tags = clean(&d.query.tags);
        let sc = &mut d.scores;
        sc.rfm_classes = clean(&sc.rfm_classes);
        sc.stages = clean(&sc.stages);
        sc.tiers = clean(&sc.tiers);
        sc.categories = clean(&sc.categories);
        sc.products = clean(&sc.products);
        sc.consent = clean(&sc.consent);
        check_codes(&sc.rfm_classes, RFM_CLASSES, "RFM 分类", "RFM classes")?;
        check_codes(&sc.stages, STAGES, "生命周期阶段", "Stages")?;
        for c in &sc.consent {
            if ConsentChannel::parse(c).is_none() {
                return Err(Error::invalid(
                    format!("营销同意渠道：“{c}”无效（可选：sms、phone、wechat、email）。"),
                    format!(
                        "Consent channels: '{c}' is not a channel (sms, phone, wechat, email)."
                    ),
                ));
            }
        }
        Ok(d)
    }
}

impl MovementCell {
    /// The snapshot column this cell reads, after checking the kind, months and codes.
    pub(crate) fn column(&self) -> Result<&'static str> {
        let (col, codes, zh, en) = match self.kind.as_str() {
            "class" => ("rfm_class", RFM_CLASSES, "RFM 分类", "RFM class"),
            "stage" => ("stage", STAGES, "生命周期阶段", "stage"),
            k => {
                return Err(Error::invalid(
                    format!("客户流动：类型“{k}”无效（class 或 stage）。"),
                    format!("Movement: kind '{k}' is not 'class' or 'stage'."),
                ))
            }
        };
        for m in [&self.from_month, &self.to_month] {
            if chrono::NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").is_err() {
                return Err(Error::invalid(
                    format!("客户流动：月份“{m}”应为 YYYY-MM。"),
                    format!("Movement: month '{m}' must be YYYY-MM."),
                ));
            }
        }
        for v in [&self.from, &self.to].into_iter().flatten() {
            check_codes(
                std::slice::from_ref(v),
                codes,
                &format!("客户流动的{zh}"),
                &format!("Movement {en}"),
            )?;
        }
        Ok(col)
    }
}
