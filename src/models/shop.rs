//! The models on the shop's own orders: the store-facing entry the CLI (and later the app) calls.
//! Reads the history through the one ordered read ([`History`]), summarises each live customer
//! as of a day, refuses to fit below ~200 buyers or 90 days ("历史数据不足"), and checks the
//! role here — fitting shows figures about the whole customer base, so it needs
//! [`Permission::SeeInsight`].

use super::{check, summarize, GammaGamma, PurchaseModel, Summary, Unit};
use crate::{
    auth::{Permission, Session},
    insight::history::History,
    settings,
    store::Store,
    time, Error, Result,
};
use chrono::{Duration, NaiveDate};
use std::time::Instant;

/// Fewer buyers than this, or a shorter history, is "not enough history".
pub const MIN_BUYERS: u32 = 200;
pub const MIN_DAYS: u32 = 90;

/// Which model to fit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModelChoice {
    Purchases(PurchaseModel),
    /// Gamma-Gamma spend.
    Spend,
}

impl ModelChoice {
    /// The CLI's name: `pnbd`, `bgnbd`, `mbgnbd` or `gg`.
    pub fn parse(s: &str) -> Option<ModelChoice> {
        if s == "gg" {
            return Some(ModelChoice::Spend);
        }
        PurchaseModel::ALL
            .into_iter()
            .find(|m| m.code() == s)
            .map(ModelChoice::Purchases)
    }
}

/// Why the shop cannot be modelled yet (the rhythm warning still works).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub buyers: u32,
    pub days: u32,
}

impl Shortfall {
    pub fn message(&self) -> (String, String) {
        (
            format!(
                "历史数据不足：{} 位购买过的客户、{} 天历史（需要至少 {MIN_BUYERS} 位、{MIN_DAYS} 天），只用购买节奏预警。",
                self.buyers, self.days
            ),
            format!(
                "Not enough history: {} buyers over {} days (at least {MIN_BUYERS} and {MIN_DAYS} are needed); the rhythm warning only.",
                self.buyers, self.days
            ),
        )
    }
}

/// A fit, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome<T> {
    NotEnoughHistory(Shortfall),
    Ready(T),
}

/// One fitted model.
#[derive(Clone, Debug, PartialEq)]
pub struct FitReport {
    pub title: &'static str,
    pub params: Vec<(&'static str, f64)>,
    pub ll: f64,
    /// Customers the likelihood summed over.
    pub customers: u32,
    pub as_of: NaiveDate,
    pub millis: u64,
}

/// A fit on orders up to `as_of` and its forecast vs the next `horizon_days`.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckReport {
    pub fit: FitReport,
    pub until: NaiveDate,
    pub holdout: check::Holdout,
}

/// Every live buyer's summary as of `day`, their index in `hist.ids`, and what the history is
/// short of for a fit, if anything.
fn buyers_at(
    hist: &History,
    day: NaiveDate,
    unit: Unit,
) -> (Vec<Summary>, Vec<usize>, Option<Shortfall>) {
    let n = hist.day_number(day);
    let (cs, idx): (Vec<Summary>, Vec<usize>) = (0..hist.ids.len())
        .filter_map(|i| summarize(hist.orders_of(i), n, unit).map(|s| (s, i)))
        .unzip();
    let days = hist.first_day.map_or(0, |f| (n - f).max(0) as u32);
    let short = Shortfall {
        buyers: cs.len() as u32,
        days,
    };
    let short = (short.buyers < MIN_BUYERS || days < MIN_DAYS).then_some(short);
    (cs, idx, short)
}

/// The one ordered read of the counted orders, up to `until`.
fn read(store: &Store, until: NaiveDate) -> Result<History> {
    let conn = store.conn();
    History::read(conn, settings::timezone_in(conn), until)
}

fn today(store: &Store) -> NaiveDate {
    time::shop_day_of(store.now(), settings::timezone_in(store.conn()))
}

fn fit_on(
    choice: ModelChoice,
    cs: &[Summary],
    as_of: NaiveDate,
) -> Result<(FitReport, Option<super::Purchases>)> {
    let started = Instant::now();
    let (title, params, ll, customers, fitted) = match choice {
        ModelChoice::Purchases(m) => {
            let (p, ll) = m.fit(cs)?;
            (m.title(), p.params(), ll, cs.len(), Some(p))
        }
        ModelChoice::Spend => {
            let (g, ll) = GammaGamma::fit(cs)?;
            let n = super::gamma_gamma::spenders(cs).len();
            (
                "Gamma-Gamma",
                vec![("p", g.p), ("q", g.q), ("v", g.v)],
                ll,
                n,
                None,
            )
        }
    };
    let report = FitReport {
        title,
        params,
        ll,
        customers: customers as u32,
        as_of,
        millis: started.elapsed().as_millis() as u64,
    };
    Ok((report, fitted))
}

/// Fit one model on the shop's orders up to `as_of` (default: today's shop day).
pub fn fit(
    store: &Store,
    s: &Session,
    choice: ModelChoice,
    as_of: Option<NaiveDate>,
    unit: Unit,
) -> Result<Outcome<FitReport>> {
    s.require(Permission::SeeInsight)?;
    let day = as_of.unwrap_or_else(|| today(store));
    let hist = read(store, day)?;
    let (cs, _, short) = buyers_at(&hist, day, unit);
    if let Some(short) = short {
        return Ok(Outcome::NotEnoughHistory(short));
    }
    Ok(Outcome::Ready(fit_on(choice, &cs, day)?.0))
}

/// Fit `model` on orders up to `as_of` and compare its forecast with the purchase-days of the
/// next `horizon_days` days (which must have passed).
pub fn check(
    store: &Store,
    s: &Session,
    model: PurchaseModel,
    as_of: NaiveDate,
    horizon_days: u32,
    unit: Unit,
) -> Result<Outcome<CheckReport>> {
    s.require(Permission::SeeInsight)?;
    let until = as_of + Duration::days(i64::from(horizon_days));
    if horizon_days == 0 || until > today(store) {
        return Err(Error::invalid(
            format!("检验期需要至少 1 天，并且已经过去（截至 {until} 还没到）。"),
            format!("The check period must be at least a day and already over ({until} has not come yet)."),
        ));
    }
    let hist = read(store, until)?;
    let (cs, idx, short) = buyers_at(&hist, as_of, unit);
    if let Some(short) = short {
        return Ok(Outcome::NotEnoughHistory(short));
    }
    let (fit, fitted) = fit_on(ModelChoice::Purchases(model), &cs, as_of)?;
    let Some(purchases) = fitted else {
        return Err(Error::Internal(
            "a purchase model fit returned no model".into(),
        ));
    };
    let (from, to) = (hist.day_number(as_of), hist.day_number(until));
    let actual: Vec<u32> = idx
        .iter()
        .map(|&i| super::summary::purchase_days_between(hist.orders_of(i), from, to))
        .collect();
    let t = f64::from(horizon_days) / unit.days();
    let holdout = check::holdout(&purchases, &cs, &actual, t)?;
    Ok(Outcome::Ready(CheckReport {
        fit,
        until,
        holdout,
    }))
}
