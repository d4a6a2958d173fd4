//! The RFM and lifecycle rules, pure: no database, no clock. Everything that decides "which class,
//! which stage, which quintile" for one customer is a function of that customer's R, F, M,
//! lifetime orders and the resolved lines, so the scoring pass, the monthly snapshots and the
//! threshold preview cannot disagree (they all call [`classify`], [`stage`] and [`Lines`]).
//!
//! - **Lines** (DEFAULTS.md, RFM): R is *recent* when `r_days ≤ r line`, F *high* when
//!   `f ≥ f line`, M *high* when `m ≥ m line` — a tie at the line counts as recent / high.
//! - **Median mode** (the default): the lines are the medians over buyers in the window (the
//!   middle value; for an even count the mean of the two middle values, rounded down). The F
//!   line is never below 2: most marketplace buyers have F = 1, so "high frequency" must mean
//!   a repeat purchase, not "bought once like everyone else".
//! - **Lifecycle** (DEFAULTS.md, Lifecycle): no counted order → prospect; exactly one, at most
//!   `new_days` ago → new; last order ≤ `active_days` ago → active; ≤ `dormant_days` → dormant;
//!   beyond → churned. `returning` (老客) = two or more counted orders ever.
//! - **Quintiles** 1–5 among buyers in the window (5 = most recent / most orders / most spend):
//!   a value scores `1 + ⌊5 × (buyers strictly worse) / buyers⌋`, so equal values score alike.

use serde::{Deserialize, Serialize};

/// The eight RFM classes: R recent/long ago × F high/low × M high/low. Stable codes.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RfmClass {
    ImportantValue,
    ImportantKeep,
    ImportantDevelop,
    ImportantRetain,
    GeneralValue,
    GeneralKeep,
    GeneralDevelop,
    GeneralRetain,
}

impl RfmClass {
    /// All eight in the fixed display order.
    pub const ALL: [RfmClass; 8] = [
        RfmClass::ImportantValue,
        RfmClass::ImportantKeep,
        RfmClass::ImportantDevelop,
        RfmClass::ImportantRetain,
        RfmClass::GeneralValue,
        RfmClass::GeneralKeep,
        RfmClass::GeneralDevelop,
        RfmClass::GeneralRetain,
    ];

    /// The class of (R recent?, F high?, M high?), as DEFAULTS.md's table.
    pub fn of(recent: bool, frequent: bool, big: bool) -> RfmClass {
        use RfmClass::*;
        match (big, recent, frequent) {
            (true, true, true) => ImportantValue,
            (true, false, true) => ImportantKeep,
            (true, true, false) => ImportantDevelop,
            (true, false, false) => ImportantRetain,
            (false, true, true) => GeneralValue,
            (false, false, true) => GeneralKeep,
            (false, true, false) => GeneralDevelop,
            (false, false, false) => GeneralRetain,
        }
    }

    pub fn as_str(self) -> &'static str {
        use RfmClass::*;
        match self {
            ImportantValue => "important_value",
            ImportantKeep => "important_keep",
            ImportantDevelop => "important_develop",
            ImportantRetain => "important_retain",
            GeneralValue => "general_value",
            GeneralKeep => "general_keep",
            GeneralDevelop => "general_develop",
            GeneralRetain => "general_retain",
        }
    }

    pub fn parse(s: &str) -> Option<RfmClass> {
        RfmClass::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// Position in [`RfmClass::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Lifecycle stages, in funnel order. Stable codes.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Prospect,
    New,
    Active,
    Dormant,
    Churned,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Prospect,
        Stage::New,
        Stage::Active,
        Stage::Dormant,
        Stage::Churned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Prospect => "prospect",
            Stage::New => "new",
            Stage::Active => "active",
            Stage::Dormant => "dormant",
            Stage::Churned => "churned",
        }
    }

    pub fn parse(s: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|c| c.as_str() == s)
    }

    /// (zh, en) name.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Stage::Prospect => ("潜在客户", "Prospect"),
            Stage::New => ("新客户", "New"),
            Stage::Active => ("活跃客户", "Active"),
            Stage::Dormant => ("沉睡客户", "Dormant"),
            Stage::Churned => ("流失客户", "Churned"),
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// How the R/F/M lines are chosen.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LineMode {
    /// The medians over buyers in the window (F never below 2).
    #[default]
    Median,
    /// The lines typed in (or taken from a preset).
    Fixed,
}

/// The rules of a scoring pass. In median mode `r_days`/`f_orders`/`m_fen` are kept (the fixed
/// lines last typed) but not applied; the *resolved* params carry the medians applied instead.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct InsightParams {
    pub mode: LineMode,
    pub r_days: u32,
    pub f_orders: u32,
    pub m_fen: i64,
    pub window_days: u32,
    pub new_days: u32,
    pub active_days: u32,
    pub dormant_days: u32,
    pub label_set: String,
}

impl Default for InsightParams {
    /// Median lines over a 365-day window; lifecycle 30 / 90 / 180 days (DEFAULTS.md). The
    /// fixed lines start at the first preset's, for a shop that switches to fixed.
    fn default() -> Self {
        InsightParams {
            mode: LineMode::Median,
            r_days: 60,
            f_orders: 5,
            m_fen: 50_000,
            window_days: 365,
            new_days: 30,
            active_days: 90,
            dormant_days: 180,
            label_set: "laoke".into(),
        }
    }
}

impl InsightParams {
    /// `None` when the params make sense; else what is wrong (zh, en).
    pub fn problem(&self) -> Option<(String, String)> {
        if !(30..=3650).contains(&self.window_days) {
            return Some((
                "统计窗口需要 30–3650 天。".into(),
                "The window needs 30–3650 days.".into(),
            ));
        }
        if self.r_days == 0 || self.r_days > self.window_days {
            return Some((
                "R 线需要 1 天到统计窗口之间。".into(),
                "The R line needs 1 day up to the window.".into(),
            ));
        }
        if self.f_orders == 0 || self.f_orders > 10_000 {
            return Some((
                "F 线需要 1–10000 单。".into(),
                "The F line needs 1–10000 orders.".into(),
            ));
        }
        if self.m_fen <= 0 || self.m_fen > 10_000_000_000 {
            return Some((
                "M 线需要大于 0 元。".into(),
                "The M line needs more than ¥0.".into(),
            ));
        }
        if !(self.new_days >= 1
            && self.new_days <= self.active_days
            && self.active_days < self.dormant_days
            && self.dormant_days <= 3650)
        {
            return Some((
                "生命周期天数需要 新 ≤ 活跃 < 沉睡 ≤ 3650。".into(),
                "Lifecycle days need new ≤ active < dormant ≤ 3650.".into(),
            ));
        }
        None
    }
}

/// The R/F/M lines actually applied.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Lines {
    pub r_days: u32,
    pub f_orders: u32,
    pub m_fen: i64,
}

/// One customer's facts as of a day: what every rule reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Facts {
    /// Days since the last counted order up to the as-of day; `None`: never bought.
    pub r_days: Option<u32>,
    /// Counted orders and net spend inside the window.
    pub f_orders: u32,
    pub m_fen: i64,
    /// Counted orders ever, up to the as-of day.
    pub lifetime: u32,
}

impl Facts {
    /// Bought inside the window: has an RFM class.
    pub fn is_buyer(&self) -> bool {
        self.f_orders > 0
    }
}

/// The middle value (mean of the two middle ones, rounded down); `None` for no values.
pub fn median(values: &mut [i64]) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]).div_euclid(2)
    })
}

/// The medians of R, F, M over buyers in the window (F floored at 2); `None` without buyers.
pub fn medians(facts: &[Facts]) -> Option<Lines> {
    let buyers = facts.iter().filter(|f| f.is_buyer());
    let mut r: Vec<i64> = buyers
        .clone()
        .map(|f| i64::from(f.r_days.unwrap_or(0)))
        .collect();
    let mut f: Vec<i64> = buyers.clone().map(|f| i64::from(f.f_orders)).collect();
    let mut m: Vec<i64> = buyers.map(|f| f.m_fen).collect();
    Some(Lines {
        r_days: median(&mut r)? as u32,
        f_orders: (median(&mut f)? as u32).max(2),
        m_fen: median(&mut m)?,
    })
}

/// The lines `params` apply to these facts: the medians in median mode (a store without buyers
/// falls back to the fixed lines), the typed lines in fixed mode.
pub fn resolve(params: &InsightParams, facts: &[Facts]) -> Lines {
    let fixed = Lines {
        r_days: params.r_days,
        f_orders: params.f_orders,
        m_fen: params.m_fen,
    };
    match params.mode {
        LineMode::Fixed => fixed,
        LineMode::Median => medians(facts).unwrap_or(fixed),
    }
}

/// Which checks pass: (R recent, F high, M high). Ties at the line pass.
pub fn checks(f: &Facts, lines: &Lines) -> (bool, bool, bool) {
    (
        f.r_days.is_some_and(|r| r <= lines.r_days),
        f.f_orders >= lines.f_orders,
        f.m_fen >= lines.m_fen,
    )
}

/// The RFM class; `None` for a customer who bought nothing inside the window.
pub fn classify(f: &Facts, lines: &Lines) -> Option<RfmClass> {
    if !f.is_buyer() {
        return None;
    }
    let (r, fr, m) = checks(f, lines);
    Some(RfmClass::of(r, fr, m))
}

/// The lifecycle stage.
pub fn stage(f: &Facts, p: &InsightParams) -> Stage {
    match f.r_days {
        None => Stage::Prospect,
        Some(_) if f.lifetime == 0 => Stage::Prospect,
        Some(r) if f.lifetime == 1 && r <= p.new_days => Stage::New,
        Some(r) if r <= p.active_days => Stage::Active,
        Some(r) if r <= p.dormant_days => Stage::Dormant,
        Some(_) => Stage::Churned,
    }
}

/// 老客: two or more counted orders ever.
pub fn returning(f: &Facts) -> bool {
    f.lifetime >= 2
}

/// Quintile scorer over the buyers of one pass.
pub struct Quintiles {
    r: Vec<u32>,
    f: Vec<u32>,
    m: Vec<i64>,
}

impl Quintiles {
    pub fn new(facts: &[Facts]) -> Quintiles {
        let buyers = facts.iter().filter(|f| f.is_buyer());
        let mut r: Vec<u32> = buyers.clone().map(|f| f.r_days.unwrap_or(0)).collect();
        let mut f: Vec<u32> = buyers.clone().map(|f| f.f_orders).collect();
        let mut m: Vec<i64> = buyers.map(|f| f.m_fen).collect();
        r.sort_unstable();
        f.sort_unstable();
        m.sort_unstable();
        Quintiles { r, f, m }
    }

    fn score(worse: usize, n: usize) -> u8 {
        (1 + (5 * worse) / n.max(1)).min(5) as u8
    }

    /// (R, F, M) scores 1–5; `None` for a non-buyer.
    pub fn scores(&self, f: &Facts) -> Option<(u8, u8, u8)> {
        if !f.is_buyer() {
            return None;
        }
        let n = self.r.len();
        let r = f.r_days.unwrap_or(0);
        let r_worse = n - self.r.partition_point(|v| *v <= r);
        let f_worse = self.f.partition_point(|v| *v < f.f_orders);
        let m_worse = self.m.partition_point(|v| *v < f.m_fen);
        Some((
            Self::score(r_worse, n),
            Self::score(f_worse, n),
            Self::score(m_worse, n),
        ))
    }
}
