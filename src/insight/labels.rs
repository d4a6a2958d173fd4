//! The words around the codes, pure: label sets (a shop coming from another platform keeps its
//! names for the eight classes), the preset lines Chinese platforms publish, and the
//! explanation of one customer's class and stage in both languages ("R = 12 天 ≤ 30 ✔ · …").
//! Codes never change; only these words do.

use super::rules::{checks, Facts, InsightParams, Lines, RfmClass, Stage};
use crate::money::yuan;
use serde::Serialize;

/// One class's names and suggested action in a label set.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClassLabel {
    pub code: RfmClass,
    pub zh: String,
    pub en: String,
    pub action_zh: String,
    pub action_en: String,
}

/// A label set offered in the settings.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LabelSet {
    pub id: String,
    pub zh: String,
    pub en: String,
}

/// Fixed lines as a platform publishes them.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub r_days: u32,
    pub f_orders: u32,
    pub m_fen: i64,
}

/// (id, zh, en) of each label set; the first is the default.
const SETS: [(&str, &str, &str); 3] = [
    ("laoke", "老客默认名称", "Laoke's names"),
    (
        "bi",
        "数据分析平台常用名（唤回 / 深耕 / 潜力）",
        "Names analytics platforms use (win back / deepen / potential)",
    ),
    (
        "classic",
        "经典八类名称（英文直译）",
        "The classic eight names (literal English)",
    ),
];

/// Actions (zh, en) per class, in [`RfmClass::ALL`] order (DEFAULTS.md).
const ACTIONS: [(&str, &str); 8] = [
    ("VIP 关怀、新品优先", "VIP care, early access"),
    (
        "专人联系、唤回优惠券",
        "personal contact, reactivation coupon",
    ),
    (
        "提高频次：组合装、下单券",
        "raise frequency: bundles, next-order coupon",
    ),
    ("立即挽回", "win back now"),
    ("向上销售、提高客单", "upsell, bigger basket"),
    ("轻度提醒", "light reminder"),
    ("培育关系", "nurture"),
    ("低成本触达或不打扰", "low-cost or none"),
];

const LAOKE_ZH: [&str; 8] = [
    "重要价值客户",
    "重要保持客户",
    "重要发展客户",
    "重要挽留客户",
    "一般价值客户",
    "一般保持客户",
    "一般发展客户",
    "一般挽留客户",
];
const LAOKE_EN: [&str; 8] = [
    "Champions",
    "Loyal at risk",
    "Promising big spenders",
    "Can't lose them",
    "Loyal small spenders",
    "Hibernating regulars",
    "New / promising",
    "Lost",
];
const BI_ZH: [&str; 8] = [
    "重要价值客户",
    "重要唤回客户",
    "重要深耕客户",
    "重要挽留客户",
    "潜力客户",
    "一般维持客户",
    "新客户",
    "流失客户",
];
const BI_EN: [&str; 8] = [
    "Important value",
    "Important win-back",
    "Important to deepen",
    "Important to retain",
    "Potential",
    "Maintain",
    "New",
    "Lost",
];
const CLASSIC_EN: [&str; 8] = [
    "Important value",
    "Important keep",
    "Important develop",
    "Important retain",
    "General value",
    "General keep",
    "General develop",
    "General retain",
];

pub fn label_sets() -> Vec<LabelSet> {
    SETS.iter()
        .map(|(id, zh, en)| LabelSet {
            id: (*id).into(),
            zh: (*zh).into(),
            en: (*en).into(),
        })
        .collect()
}

/// Whether `id` names a label set.
pub fn is_label_set(id: &str) -> bool {
    SETS.iter().any(|(s, _, _)| *s == id)
}

/// The eight labels of a set, in [`RfmClass::ALL`] order (an unknown id gives Laoke's).
pub fn labels(set: &str) -> Vec<ClassLabel> {
    let (zh, en) = match set {
        "bi" => (BI_ZH, BI_EN),
        "classic" => (LAOKE_ZH, CLASSIC_EN),
        _ => (LAOKE_ZH, LAOKE_EN),
    };
    RfmClass::ALL
        .into_iter()
        .enumerate()
        .map(|(i, code)| ClassLabel {
            code,
            zh: zh[i].into(),
            en: en[i].into(),
            action_zh: ACTIONS[i].0.into(),
            action_en: ACTIONS[i].1.into(),
        })
        .collect()
}

/// Fixed-line presets (applied in fixed mode; the medians are the default instead).
pub fn presets() -> Vec<Preset> {
    [
        (
            "platform",
            "平台常用固定线：R 60 天 / F 5 单 / M ¥500",
            "Platform fixed lines: R 60 days / F 5 / M ¥500",
            60,
            5,
            50_000,
        ),
        (
            "small_shop",
            "小店固定线：R 90 天 / F 2 单 / M ¥200（复购即高频）",
            "Small-shop fixed lines: R 90 days / F 2 / M ¥200 (a repeat is frequent)",
            90,
            2,
            20_000,
        ),
        (
            "big_ticket",
            "大件低频固定线：R 180 天 / F 2 单 / M ¥2,000",
            "Big-ticket fixed lines: R 180 days / F 2 / M ¥2,000",
            180,
            2,
            200_000,
        ),
    ]
    .into_iter()
    .map(|(id, zh, en, r, f, m)| Preset {
        id: id.into(),
        zh: zh.into(),
        en: en.into(),
        r_days: r,
        f_orders: f,
        m_fen: m,
    })
    .collect()
}

/// One check of the explanation.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// "R", "F" or "M".
    pub letter: String,
    /// The customer's value (days, orders, fen).
    pub value: i64,
    /// The line applied (days, orders, fen).
    pub line: i64,
    pub ok: bool,
}

/// The reason for a class in words, both languages.
pub struct Explanation {
    pub checks: Vec<Check>,
    pub reason_zh: String,
    pub reason_en: String,
    pub action_zh: String,
    pub action_en: String,
}

fn mark(ok: bool) -> &'static str {
    if ok {
        "✔"
    } else {
        "✘"
    }
}

/// "R = 12 天 ≤ 30 ✔ · F = 5 ≥ 3 ✔ · M = ¥820.00 ≥ ¥300.00 ✔ → 重要价值客户 · 建议：…".
pub fn explain(f: &Facts, lines: &Lines, set: &str, median_mode: bool) -> Explanation {
    let r = f.r_days.unwrap_or(0);
    let (rok, fok, mok) = checks(f, lines);
    let checks = vec![
        Check {
            letter: "R".into(),
            value: r.into(),
            line: lines.r_days.into(),
            ok: rok,
        },
        Check {
            letter: "F".into(),
            value: f.f_orders.into(),
            line: lines.f_orders.into(),
            ok: fok,
        },
        Check {
            letter: "M".into(),
            value: f.m_fen,
            line: lines.m_fen,
            ok: mok,
        },
    ];
    let rel = |ok: bool, yes: &'static str, no: &'static str| if ok { yes } else { no };
    let parts_zh = format!(
        "R = {r} 天 {} {} {} · F = {} {} {} {} · M = {} {} {} {}",
        rel(rok, "≤", ">"),
        lines.r_days,
        mark(rok),
        f.f_orders,
        rel(fok, "≥", "<"),
        lines.f_orders,
        mark(fok),
        yuan(f.m_fen),
        rel(mok, "≥", "<"),
        yuan(lines.m_fen),
        mark(mok),
    );
    let parts_en = parts_zh.replacen(" 天", " days", 1);
    let note = |zh: bool| match (median_mode, zh) {
        (true, true) => "（线为店铺中位数；F 线至少 2 单：复购才算高频）",
        (true, false) => " (lines are the shop's medians; F at least 2: only a repeat is frequent)",
        _ => "",
    };
    match super::rules::classify(f, lines) {
        Some(class) => {
            let l = &labels(set)[class.index()];
            Explanation {
                checks,
                reason_zh: format!("{parts_zh} → {}{}", l.zh, note(true)),
                reason_en: format!("{parts_en} → {}{}", l.en, note(false)),
                action_zh: format!("建议：{}", l.action_zh),
                action_en: format!("Suggested: {}", l.action_en),
            }
        }
        None => Explanation {
            checks,
            reason_zh: "统计窗口内没有计入的订单，不参与 RFM 分层。".into(),
            reason_en: "No counted order inside the window: no RFM class.".into(),
            action_zh: String::new(),
            action_en: String::new(),
        },
    }
}

/// Why the customer is in this stage, both languages.
pub fn stage_reason(f: &Facts, stage: Stage, p: &InsightParams) -> (String, String) {
    let r = f.r_days.unwrap_or(0);
    let (zh, en) = stage.names();
    match stage {
        Stage::Prospect => (
            "还没有计入的订单 → 潜在客户".into(),
            "No counted order yet → Prospect".into(),
        ),
        Stage::New => (
            format!("只有 1 单，{r} 天前 ≤ {} 天 → {zh}", p.new_days),
            format!("1 order, {r} days ago ≤ {} → {en}", p.new_days),
        ),
        Stage::Active => (
            format!("最近一单 {r} 天前 ≤ {} 天 → {zh}", p.active_days),
            format!("last order {r} days ago ≤ {} → {en}", p.active_days),
        ),
        Stage::Dormant => (
            format!(
                "最近一单 {r} 天前，{}–{} 天 → {zh}",
                p.active_days + 1,
                p.dormant_days
            ),
            format!(
                "last order {r} days ago, {}–{} → {en}",
                p.active_days + 1,
                p.dormant_days
            ),
        ),
        Stage::Churned => (
            format!("最近一单 {r} 天前 > {} 天 → {zh}", p.dormant_days),
            format!("last order {r} days ago > {} → {en}", p.dormant_days),
        ),
    }
}
