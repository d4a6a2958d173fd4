//! `laoke model fit | check` through the CLI on a real store holding the first 300 CDNOW
//! customers' orders: the store's history read gives exactly the summaries the pure fit sees
//! (so the printed parameters are the pure fit's), one `name = value` line per parameter, and
//! the holdout check prints the actual purchase-days of the period.

mod common;
mod models_support;

use chrono::{NaiveDate, TimeZone, Utc};
use common::*;
use laoke::{
    customers,
    models::{summary::purchase_days_between, BgNbd, Summary},
};
use models_support::*;

const SHOP: usize = 300;

fn value(out: &str, name: &str) -> f64 {
    out.lines()
        .find_map(|l| l.strip_prefix(&format!("{name} = ")))
        .unwrap_or_else(|| panic!("no `{name} = …` line in:\n{out}"))
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn the_cli_fits_the_stores_orders_as_the_pure_fit_does_and_checks_a_holdout() {
    let orders: Vec<Vec<(i32, i64)>> = cdnow_orders().into_iter().take(SHOP).collect();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    {
        let (store, owner, _) = init(&dir);
        let base = NaiveDate::from_ymd_opt(1997, 1, 1).unwrap();
        for (i, mine) in orders.iter().enumerate() {
            let c = customers::create(
                &store,
                &owner,
                &customer(&format!("客户{i}"), &format!("1390000{i:04}")),
            )
            .unwrap();
            for &(day, cents) in mine {
                let mut o = in_store_sale(Some(c), "CD", cents);
                // noon in Shanghai (04:00 UTC): the shop day is the CDNOW date
                let d = base + chrono::Duration::days(day.into());
                o.ordered_at = Some(Utc.from_utc_datetime(&d.and_hms_opt(4, 0, 0).unwrap()));
                laoke::sales::create(&store, &owner, &o, &Default::default()).unwrap();
            }
        }
    }
    let cli = |lang: &str, args: &[&str]| {
        let r = run_cli(
            laoke_cli(tmp.path(), &dir)
                .args(["--user", OWNER, "--lang", lang, "model"])
                .args(args)
                .env("LAOKE_PASSWORD", OWNER_PASSWORD),
        );
        assert!(
            r.ok,
            "laoke model {args:?} failed: {}{}",
            r.stdout, r.stderr
        );
        r.stdout
    };

    let out = cli(
        "zh-CN",
        &[
            "fit",
            "--model",
            "bgnbd",
            "--as-of",
            "1997-09-30",
            "--unit",
            "weeks",
        ],
    );
    let cs: Vec<Summary> = cdnow_summaries(&orders);
    let (m, ll) = BgNbd::fit(&cs).unwrap();
    for (name, want) in [
        ("r", m.r),
        ("alpha", m.alpha),
        ("a", m.a),
        ("b", m.b),
        ("ll", ll),
    ] {
        let got = value(&out, name);
        assert!(
            (got - want).abs() <= 1e-4 * want.abs().max(1.0),
            "{name}: CLI {got}, pure fit {want}"
        );
    }
    assert_eq!(value(&out, "客户数"), SHOP as f64, "{out}");
    assert!(out.contains("用时 = "), "{out}");

    let out = cli("en", &["fit", "--model", "gg", "--as-of", "1997-09-30"]);
    for name in ["p", "q", "v", "ll", "customers"] {
        assert!(value(&out, name) != 0.0, "{name} in {out}");
    }

    let out = cli(
        "en",
        &[
            "check",
            "--as-of",
            "1997-09-30",
            "--horizon-days",
            "273",
            "--model",
            "pnbd",
            "--unit",
            "weeks",
        ],
    );
    let actual: u32 = orders
        .iter()
        .map(|o| purchase_days_between(o, CALIBRATION_END, CALIBRATION_END + 273))
        .sum();
    assert!(
        out.contains(&format!("actual {actual},")),
        "actual {actual} in:\n{out}"
    );
    assert!(out.contains("past repeats"), "{out}");
    println!("{out}");
}
