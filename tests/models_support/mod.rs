//! Shared by the models tests: the CDNOW sample read into per-customer orders (days from
//! 1997-01-01, cents as fen), and a seeded simulator of the models' own stories.

#![allow(dead_code)]

use chrono::NaiveDate;
use laoke::models::{summarize, Summary, Unit};
use std::collections::BTreeMap;

/// 1997-09-30, the end of calibration, as a day number from 1997-01-01.
pub const CALIBRATION_END: i32 = 272;
/// 1998-06-30, the end of the holdout (week 78).
pub const HOLDOUT_END: i32 = 546;

/// Every CDNOW customer's transactions `(day, cents)`, sorted, by sample id.
pub fn cdnow_orders() -> Vec<Vec<(i32, i64)>> {
    let text = include_str!("../data/cdnow_sample.txt");
    let base = NaiveDate::from_ymd_opt(1997, 1, 1).unwrap();
    let mut by: BTreeMap<u32, Vec<(i32, i64)>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let id: u32 = f[1].parse().unwrap();
        let day = NaiveDate::parse_from_str(f[2], "%Y%m%d").unwrap();
        let (d, c) = f[4].split_once('.').unwrap_or((f[4], "0"));
        let cents = d.parse::<i64>().unwrap() * 100 + format!("{c:0<2}").parse::<i64>().unwrap();
        by.entry(id)
            .or_default()
            .push(((day - base).num_days() as i32, cents));
    }
    by.into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect()
}

/// The calibration summaries in weeks.
pub fn cdnow_summaries(orders: &[Vec<(i32, i64)>]) -> Vec<Summary> {
    orders
        .iter()
        .map(|o| {
            summarize(o, CALIBRATION_END, Unit::Weeks).expect("every customer bought in Q1 1997")
        })
        .collect()
}

/// `got` equals `want` to 3 significant figures (within half a unit of the third digit).
pub fn sig3(name: &str, got: f64, want: f64) {
    let unit = 10f64.powf(want.abs().log10().floor() - 2.0);
    assert!(
        (got - want).abs() <= 0.5 * unit,
        "{name} = {got}, the published value is {want} (3 significant figures)"
    );
}

/// A small seeded generator (splitmix64) with the draws the models' stories need.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    pub fn exponential(&mut self, rate: f64) -> f64 {
        -self.uniform().ln() / rate
    }

    /// Gamma(shape k, rate) by Marsaglia & Tsang.
    pub fn gamma(&mut self, k: f64, rate: f64) -> f64 {
        if k < 1.0 {
            let u = self.uniform();
            return self.gamma(k + 1.0, rate) * u.powf(1.0 / k);
        }
        let d = k - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.normal();
            let v = (1.0 + c * x).powi(3);
            if v <= 0.0 {
                continue;
            }
            let u = self.uniform();
            if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v / rate;
            }
        }
    }

    pub fn beta(&mut self, a: f64, b: f64) -> f64 {
        let x = self.gamma(a, 1.0);
        x / (x + self.gamma(b, 1.0))
    }
}
