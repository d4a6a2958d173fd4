//! Degenerate inputs give clear answers, never NaN, infinity, a panic or a negative value: an
//! empty shop, only one-order customers, a single day of orders, zero spend, q ≤ 1, a rate
//! outside its range — and in the store, "not enough history" below 200 buyers or 90 days, and
//! the role check.

mod common;
mod models_support;

use chrono::Duration;
use common::*;
use laoke::{
    auth::Role,
    clock::Clock,
    customers,
    models::{
        shop::{self, ModelChoice, Outcome},
        value::twelve_month_value_fen,
        BgNbd, GammaGamma, MbgNbd, ParetoNbd, PurchaseModel, Purchases, Summary, Unit,
    },
    sales, Error,
};

fn one_timers(n: usize) -> Vec<Summary> {
    (0..n)
        .map(|i| Summary {
            x: 0.0,
            t_x: 0.0,
            t: 10.0 + i as f64,
            mean_spend_fen: 0.0,
        })
        .collect()
}

fn is_invalid(r: laoke::Result<impl std::fmt::Debug>, why: &str) {
    match r {
        Err(Error::Invalid(m)) => assert!(!m.zh.is_empty() && !m.en.is_empty()),
        other => panic!("{why}: expected a clear invalid-input error, got {other:?}"),
    }
}

#[test]
fn an_empty_shop_cannot_be_fitted_and_says_so() {
    for m in PurchaseModel::ALL {
        is_invalid(m.fit(&[]), "no customers");
    }
    is_invalid(GammaGamma::fit(&[]), "no spenders");
}

#[test]
fn only_one_order_customers_cannot_be_fitted_and_say_so() {
    let cs = one_timers(500);
    is_invalid(ParetoNbd::fit(&cs), "Pareto/NBD without repeaters");
    is_invalid(BgNbd::fit(&cs), "BG/NBD without repeaters");
    is_invalid(MbgNbd::fit(&cs), "MBG/NBD without repeaters");
}

#[test]
fn a_single_day_of_orders_cannot_be_fitted_and_says_so() {
    let cs = vec![
        Summary {
            x: 0.0,
            t_x: 0.0,
            t: 0.0,
            mean_spend_fen: 1.0
        };
        300
    ];
    is_invalid(ParetoNbd::fit(&cs), "every order on one day");
}

#[test]
fn zero_spend_leaves_nothing_for_the_spend_model() {
    let cs = vec![
        Summary {
            x: 3.0,
            t_x: 5.0,
            t: 9.0,
            mean_spend_fen: 0.0
        };
        300
    ];
    is_invalid(GammaGamma::fit(&cs), "all repeat spend is zero");
}

#[test]
fn a_spend_model_with_q_at_most_one_refuses_to_forecast() {
    let g = GammaGamma {
        p: 2.0,
        q: 0.9,
        v: 10.0,
    };
    is_invalid(g.expected_spend_fen(3.0, 5_000.0), "q ≤ 1");
    is_invalid(g.mean_spend_fen(), "q ≤ 1");
}

#[test]
fn forecasts_are_finite_and_never_negative_even_at_extreme_parameters() {
    let models = [
        Purchases::Pnbd(ParetoNbd {
            r: 1e-6,
            alpha: 1e6,
            s: 50.0,
            beta: 1e-6,
        }),
        Purchases::Pnbd(ParetoNbd {
            r: 30.0,
            alpha: 1e-3,
            s: 1.0,
            beta: 1e3,
        }),
        Purchases::Bgnbd(BgNbd {
            r: 0.2,
            alpha: 4.0,
            a: 1.01,
            b: 0.01,
        }),
        Purchases::Mbgnbd(MbgNbd {
            r: 0.5,
            alpha: 6.0,
            a: 5.0,
            b: 1e4,
        }),
    ];
    let cs = [
        Summary {
            x: 0.0,
            t_x: 0.0,
            t: 0.0,
            mean_spend_fen: 0.0,
        },
        Summary {
            x: 0.0,
            t_x: 0.0,
            t: 700.0,
            mean_spend_fen: 0.0,
        },
        Summary {
            x: 60.0,
            t_x: 699.0,
            t: 700.0,
            mean_spend_fen: 1e7,
        },
        Summary {
            x: 5.0,
            t_x: 1.0,
            t: 700.0,
            mean_spend_fen: 10.0,
        },
    ];
    let g = GammaGamma {
        p: 6.0,
        q: 3.7,
        v: 15.0,
    };
    for m in models {
        for c in &cs {
            let a = m.p_alive(c);
            assert!((0.0..=1.0).contains(&a), "P(alive) {a} for {m:?} {c:?}");
            if let Ok(e) = m.expected(c, 90.0) {
                assert!(e.is_finite() && e >= 0.0, "E = {e} for {m:?} {c:?}");
            }
            if let Ok(v) = twelve_month_value_fen(&m, &g, c, Unit::Days, 0.01) {
                assert!(v >= 0, "value {v} for {m:?} {c:?}");
            }
            assert!(
                !m.total_ll(std::slice::from_ref(c)).is_nan() || matches!(m, Purchases::Pnbd(_))
            );
        }
    }
}

#[test]
fn a_discount_rate_outside_zero_to_one_is_refused() {
    let m = Purchases::Bgnbd(BgNbd {
        r: 0.24,
        alpha: 4.4,
        a: 0.8,
        b: 2.4,
    });
    let g = GammaGamma {
        p: 6.25,
        q: 3.74,
        v: 15.44,
    };
    let c = Summary {
        x: 2.0,
        t_x: 30.0,
        t: 38.0,
        mean_spend_fen: 2_235.0,
    };
    is_invalid(
        twelve_month_value_fen(&m, &g, &c, Unit::Weeks, -0.1),
        "negative rate",
    );
    is_invalid(
        twelve_month_value_fen(&m, &g, &c, Unit::Weeks, 1.0),
        "rate of 100 %",
    );
}

#[test]
fn a_small_shop_gets_not_enough_history_and_a_rep_may_not_fit() {
    let (_tmp, dir) = temp_store_dir();
    let clock = fixed_clock();
    let (store, s, _) = laoke::store::Store::init(&dir, &owner(), clock.clone()).unwrap();
    for i in 0..5 {
        let c = customers::create(
            &store,
            &s,
            &customer(&format!("客户{i}"), &format!("1380013{i:04}")),
        )
        .unwrap();
        for back in [100, 40, 3] {
            let mut o = in_store_sale(Some(c), "龙井", 9_900);
            o.ordered_at = Some(clock.now() - Duration::days(back + i));
            sales::create(&store, &s, &o, &Default::default()).unwrap();
        }
    }
    let out = shop::fit(
        &store,
        &s,
        ModelChoice::Purchases(PurchaseModel::Pnbd),
        None,
        Unit::Days,
    )
    .unwrap();
    let Outcome::NotEnoughHistory(short) = out else {
        panic!("5 buyers is not enough history: {out:?}");
    };
    assert_eq!(short.buyers, 5);
    assert!(short.message().0.contains("历史数据不足"));
    assert!(short.message().1.contains("Not enough history"));

    add_user(&store, &s, "xiaoli", Role::Rep, "rep-password-1");
    let (store, rep) = login(&dir, "xiaoli", "rep-password-1");
    let denied = shop::fit(&store, &rep, ModelChoice::Spend, None, Unit::Days);
    assert!(
        matches!(denied, Err(Error::Forbidden(_))),
        "a rep sees no insight: {denied:?}"
    );
}
