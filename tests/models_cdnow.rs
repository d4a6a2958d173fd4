//! The models proved against the literature on the CDNOW sample (2,357 customers, weeks,
//! calibration to 1997-09-30): the published BG/NBD (Fader, Hardie & Lee 2005), Pareto/NBD
//! (Fader & Hardie's note; the `lifetimes` fit), MBG/NBD (`lifetimes`) and Gamma-Gamma (Fader,
//! Hardie & Lee 2005, "RFM and CLV") parameters and log-likelihoods to 3 significant figures,
//! and the holdout forecast of weeks 40–78 against the 1,882 repeat purchase-days that happened.

mod models_support;

use laoke::models::{
    check, summary::purchase_days_between, value::twelve_month_value_fen, BgNbd, GammaGamma,
    MbgNbd, ParetoNbd, PurchaseModel, Purchases, Summary, Unit,
};
use models_support::*;
use std::sync::OnceLock;

/// Every customer's transactions and their calibration summaries.
type Cdnow = (Vec<Vec<(i32, i64)>>, Vec<Summary>);

fn data() -> &'static Cdnow {
    static DATA: OnceLock<Cdnow> = OnceLock::new();
    DATA.get_or_init(|| {
        let o = cdnow_orders();
        let s = cdnow_summaries(&o);
        (o, s)
    })
}

fn bgnbd() -> &'static (BgNbd, f64) {
    static FIT: OnceLock<(BgNbd, f64)> = OnceLock::new();
    FIT.get_or_init(|| BgNbd::fit(&data().1).unwrap())
}

fn pnbd() -> &'static (ParetoNbd, f64) {
    static FIT: OnceLock<(ParetoNbd, f64)> = OnceLock::new();
    FIT.get_or_init(|| ParetoNbd::fit(&data().1).unwrap())
}

#[test]
fn summaries_from_the_transactions_match_the_published_cdnow_summary() {
    let cs = &data().1;
    assert_eq!(cs.len(), 2357);
    let x: f64 = cs.iter().map(|c| c.x).sum();
    assert_eq!(x, 2457.0, "repeat purchase-days in calibration");
    let repeaters: Vec<&Summary> = cs.iter().filter(|c| c.x > 0.0).collect();
    assert_eq!(repeaters.len(), 946, "customers with a repeat purchase");
    let zbar = repeaters
        .iter()
        .map(|c| c.mean_spend_fen / 100.0)
        .sum::<f64>()
        / 946.0;
    assert!(
        (zbar - 35.0786).abs() < 1e-3,
        "mean of the repeat spend means = {zbar}"
    );
    assert!((cs[0].t - 38.857).abs() < 1e-3 && (cs[0].t_x - 30.429).abs() < 1e-3);
}

#[test]
fn bg_nbd_matches_fader_hardie_lee_2005() {
    let (m, ll) = *bgnbd();
    sig3("r", m.r, 0.243);
    sig3("alpha", m.alpha, 4.414);
    sig3("a", m.a, 0.793);
    sig3("b", m.b, 2.426);
    assert!((ll - -9582.4).abs() < 0.05, "LL = {ll}, published −9582.4");
}

#[test]
fn pareto_nbd_matches_the_published_fit_with_beta_on_its_flat_ridge() {
    let (m, ll) = *pnbd();
    sig3("r", m.r, 0.553);
    sig3("alpha", m.alpha, 10.578);
    sig3("s", m.s, 0.606);
    assert!(
        (m.beta - 11.669).abs() / 11.669 < 0.05,
        "beta = {}, published 11.669 (within 5 %: the likelihood is flat along it)",
        m.beta
    );
    assert!((ll - -9595.0).abs() < 0.05, "LL = {ll}, published −9595.0");
}

#[test]
fn mbg_nbd_matches_the_lifetimes_fit() {
    let (m, _) = MbgNbd::fit(&data().1).unwrap();
    sig3("r", m.r, 0.525);
    sig3("alpha", m.alpha, 6.183);
    sig3("a", m.a, 0.891);
    sig3("b", m.b, 1.614);
}

#[test]
fn gamma_gamma_matches_fader_hardie_lee_2005() {
    let (g, ll) = GammaGamma::fit(&data().1).unwrap();
    sig3("p", g.p, 6.25);
    sig3("q", g.q, 3.74);
    sig3("gamma", g.v, 15.44);
    assert!(
        (ll - -4055.92).abs() < 0.01,
        "LL = {ll}, published −4055.92"
    );
    // the shop's mean spend per purchase, p·γ/(q − 1), in cents
    let mean = g.mean_spend_fen().unwrap();
    assert!(
        (3500..3540).contains(&mean),
        "population mean spend {mean} cents"
    );
}

fn holdout(model: Purchases) -> check::Holdout {
    let (orders, cs) = data();
    let actual: Vec<u32> = orders
        .iter()
        .map(|o| purchase_days_between(o, CALIBRATION_END, HOLDOUT_END))
        .collect();
    assert_eq!(
        actual.iter().sum::<u32>(),
        1882,
        "repeat purchase-days in weeks 40–78"
    );
    let h = check::holdout(&model, cs, &actual, 39.0).unwrap();
    println!(
        "{:?}: predicted {:.1} vs actual {} ({:+.1} %), RMSE {:.3}",
        model,
        h.predicted,
        h.actual,
        h.error * 100.0,
        h.rmse
    );
    println!("x   customers  predicted  actual (mean purchase-days in weeks 40–78)");
    for r in &h.by_frequency {
        println!(
            "{:<3} {:>9} {:>10.3} {:>7.3}",
            r.x, r.customers, r.predicted_mean, r.actual_mean
        );
    }
    h
}

#[test]
fn bg_nbd_forecasts_the_holdout_as_the_paper_does() {
    let h = holdout(Purchases::Bgnbd(bgnbd().0));
    // lifetimes 0.11.3 forecasts 1653.4 from the same parameters
    assert!(
        (h.predicted - 1653.4).abs() < 0.5,
        "predicted {}",
        h.predicted
    );
    assert!(
        h.error.abs() <= 0.122,
        "aggregate error {:.1} %",
        h.error * 100.0
    );
    assert!(h.rmse <= 1.61, "RMSE per customer {}", h.rmse);
}

#[test]
fn pareto_nbd_forecasts_the_holdout_within_the_same_bounds() {
    let h = holdout(Purchases::Pnbd(pnbd().0));
    assert!(
        h.error.abs() <= 0.122,
        "aggregate error {:.1} %",
        h.error * 100.0
    );
    assert!(h.rmse <= 1.61, "RMSE per customer {}", h.rmse);
}

#[test]
fn p_alive_is_a_probability_and_one_time_buyers_fade_only_under_pareto_nbd() {
    let cs = &data().1;
    let p = Purchases::Pnbd(pnbd().0);
    let b = Purchases::Bgnbd(bgnbd().0);
    for c in cs {
        for m in [p, b] {
            let a = m.p_alive(c);
            assert!((0.0..=1.0).contains(&a), "P(alive) {a} for {c:?}");
        }
    }
    let one_timer = cs.iter().find(|c| c.x == 0.0 && c.t > 38.0).unwrap();
    assert_eq!(
        b.p_alive(one_timer),
        1.0,
        "BG/NBD calls every one-time buyer alive"
    );
    assert!(p.p_alive(one_timer) < 0.9, "Pareto/NBD lets them fade");
    assert_eq!(PurchaseModel::Pnbd.code(), "pnbd");
}

#[test]
fn mbg_nbd_forecasts_the_holdout_as_lifetimes_does_and_misses_the_aggregate_bound() {
    // MBG/NBD under-forecasts CDNOW's holdout by 16.2 % (lifetimes 0.11.3 on the same fit:
    // 1576.7): outside the 12.2 % bound, which is why the shop chooses its model by its own
    // holdout check instead of always using one.
    let (m, _) = MbgNbd::fit(&data().1).unwrap();
    let h = holdout(Purchases::Mbgnbd(m));
    assert!(
        (h.predicted - 1576.7).abs() < 0.5,
        "predicted {}",
        h.predicted
    );
    assert!(h.error < -0.122, "aggregate error {:.1} %", h.error * 100.0);
    assert!(h.rmse <= 1.61, "RMSE per customer {}", h.rmse);
}

#[test]
fn twelve_month_value_agrees_with_lifetimes_on_cdnow() {
    // lifetimes 0.11.3, BG/NBD + Gamma-Gamma, 12 months at 1 % a month (freq 'W'): the 2,357
    // customers are worth $71,509.90 together, customer 1 $36.28
    let cs = &data().1;
    let purchases = Purchases::Bgnbd(bgnbd().0);
    let (spend, _) = GammaGamma::fit(cs).unwrap();
    let values: Vec<i64> = cs
        .iter()
        .map(|c| twelve_month_value_fen(&purchases, &spend, c, Unit::Weeks, 0.01).unwrap())
        .collect();
    assert!(values.iter().all(|v| *v >= 0), "never negative");
    let total = values.iter().sum::<i64>() as f64 / 100.0;
    println!(
        "12-month value: total ${total:.2}, customer 1 {} cents",
        values[0]
    );
    assert!(
        (total - 71_509.90).abs() / 71_509.90 < 0.005,
        "total value ${total}"
    );
    assert!(
        (values[0] - 3_628).abs() <= 20,
        "customer 1: {} cents",
        values[0]
    );
}
