//! The pure RFM and lifecycle rules (`insight::rules`, `insight::labels`): every class edge,
//! ties at the line and at the median, the F line's floor, lifecycle edges, quintiles and the
//! explanation in words.

use laoke::insight::labels::{explain, labels, stage_reason};
use laoke::insight::rules::{
    classify, median, medians, resolve, returning, stage, Facts, Quintiles,
};
use laoke::insight::{InsightParams, LineMode, Lines, RfmClass, Stage};

fn facts(r: u32, f: u32, m: i64) -> Facts {
    Facts {
        r_days: Some(r),
        f_orders: f,
        m_fen: m,
        lifetime: f,
    }
}

const LINES: Lines = Lines {
    r_days: 30,
    f_orders: 3,
    m_fen: 30_000,
};

#[test]
fn every_combination_of_the_three_checks_gives_its_class() {
    use RfmClass::*;
    let cases = [
        (facts(12, 5, 82_000), ImportantValue),
        (facts(31, 5, 82_000), ImportantKeep),
        (facts(12, 2, 82_000), ImportantDevelop),
        (facts(31, 2, 82_000), ImportantRetain),
        (facts(12, 5, 29_999), GeneralValue),
        (facts(31, 5, 29_999), GeneralKeep),
        (facts(12, 2, 29_999), GeneralDevelop),
        (facts(31, 2, 29_999), GeneralRetain),
    ];
    for (f, want) in cases {
        assert_eq!(classify(&f, &LINES), Some(want), "{f:?}");
    }
}

#[test]
fn a_tie_at_each_line_counts_as_recent_and_high() {
    assert_eq!(
        classify(&facts(30, 3, 30_000), &LINES),
        Some(RfmClass::ImportantValue)
    );
    assert_eq!(
        classify(&facts(31, 2, 29_999), &LINES),
        Some(RfmClass::GeneralRetain)
    );
}

#[test]
fn a_customer_without_orders_in_the_window_has_no_class() {
    let f = Facts {
        r_days: Some(400),
        f_orders: 0,
        m_fen: 0,
        lifetime: 3,
    };
    assert_eq!(classify(&f, &LINES), None);
    assert_eq!(classify(&Facts::default(), &LINES), None);
}

#[test]
fn the_median_of_an_even_count_is_the_mean_of_the_middle_two_rounded_down() {
    assert_eq!(median(&mut [4, 1, 3, 2]), Some(2));
    assert_eq!(median(&mut [5, 1, 3]), Some(3));
    assert_eq!(median(&mut []), None);
}

#[test]
fn a_tie_at_the_median_counts_as_high() {
    // F values 1, 2, 2, 3, 5: median 2; M values with median 300 yuan
    let all = [
        facts(5, 1, 10_000),
        facts(10, 2, 30_000),
        facts(20, 2, 30_000),
        facts(40, 3, 50_000),
        facts(80, 5, 90_000),
    ];
    let lines = medians(&all).unwrap();
    assert_eq!(
        lines,
        Lines {
            r_days: 20,
            f_orders: 2,
            m_fen: 30_000
        }
    );
    assert_eq!(classify(&all[2], &lines), Some(RfmClass::ImportantValue));
}

#[test]
fn the_f_line_is_never_below_2_in_median_mode() {
    let all = [
        facts(5, 1, 10_000),
        facts(10, 1, 30_000),
        facts(20, 2, 30_000),
    ];
    assert_eq!(medians(&all).unwrap().f_orders, 2);
    // a one-time buyer is never "high frequency" by the median
    assert_eq!(
        classify(&all[1], &medians(&all).unwrap()),
        Some(RfmClass::ImportantDevelop)
    );
}

#[test]
fn medians_are_the_default_lines_and_fixed_mode_applies_the_typed_ones() {
    let all = [
        facts(5, 2, 10_000),
        facts(10, 4, 30_000),
        facts(20, 6, 50_000),
    ];
    let p = InsightParams::default();
    assert_eq!(p.mode, LineMode::Median);
    assert_eq!(p.window_days, 365);
    assert_eq!((p.new_days, p.active_days, p.dormant_days), (30, 90, 180));
    assert_eq!(
        resolve(&p, &all),
        Lines {
            r_days: 10,
            f_orders: 4,
            m_fen: 30_000
        }
    );
    let fixed = InsightParams {
        mode: LineMode::Fixed,
        r_days: 60,
        f_orders: 5,
        m_fen: 50_000,
        ..p
    };
    assert_eq!(
        resolve(&fixed, &all),
        Lines {
            r_days: 60,
            f_orders: 5,
            m_fen: 50_000
        }
    );
}

#[test]
fn non_buyers_do_not_move_the_medians() {
    let all = [
        facts(5, 2, 10_000),
        Facts::default(),
        Facts {
            r_days: Some(500),
            f_orders: 0,
            m_fen: 0,
            lifetime: 1,
        },
    ];
    assert_eq!(
        medians(&all).unwrap(),
        Lines {
            r_days: 5,
            f_orders: 2,
            m_fen: 10_000
        }
    );
}

#[test]
fn lifecycle_edges_fall_on_days_30_90_91_180_and_181() {
    let p = InsightParams::default();
    let one = |r| Facts {
        r_days: Some(r),
        f_orders: 1,
        m_fen: 1,
        lifetime: 1,
    };
    let two = |r| Facts {
        r_days: Some(r),
        f_orders: 2,
        m_fen: 1,
        lifetime: 2,
    };
    assert_eq!(stage(&Facts::default(), &p), Stage::Prospect);
    assert_eq!(stage(&one(0), &p), Stage::New);
    assert_eq!(stage(&one(30), &p), Stage::New);
    assert_eq!(stage(&one(31), &p), Stage::Active);
    assert_eq!(
        stage(&two(5), &p),
        Stage::Active,
        "two orders are never new"
    );
    assert_eq!(stage(&two(90), &p), Stage::Active);
    assert_eq!(stage(&two(91), &p), Stage::Dormant);
    assert_eq!(stage(&one(180), &p), Stage::Dormant);
    assert_eq!(stage(&one(181), &p), Stage::Churned);
    assert!(!returning(&one(3)));
    assert!(returning(&two(3)));
}

#[test]
fn quintiles_give_5_to_the_best_and_equal_values_equal_scores() {
    let all: Vec<Facts> = (0..10)
        .map(|i| facts(i * 10, 1 + i, 1_000 * i64::from(i + 1)))
        .collect();
    let q = Quintiles::new(&all);
    assert_eq!(q.scores(&all[0]), Some((5, 1, 1)));
    assert_eq!(q.scores(&all[9]), Some((1, 5, 5)));
    assert_eq!(q.scores(&all[5]), Some((3, 3, 3)));
    let same = [facts(3, 2, 5), facts(3, 2, 5)];
    let q = Quintiles::new(&same);
    assert_eq!(q.scores(&same[0]), q.scores(&same[1]));
    assert_eq!(q.scores(&Facts::default()), None);
}

#[test]
fn the_explanation_says_each_check_and_the_class_in_both_languages() {
    let ex = explain(&facts(12, 5, 82_000), &LINES, "laoke", false);
    assert_eq!(
        ex.reason_zh,
        "R = 12 天 ≤ 30 ✔ · F = 5 ≥ 3 ✔ · M = ¥820.00 ≥ ¥300.00 ✔ → 重要价值客户"
    );
    assert_eq!(ex.action_zh, "建议：VIP 关怀、新品优先");
    assert!(
        ex.reason_en.starts_with("R = 12 days ≤ 30 ✔"),
        "{}",
        ex.reason_en
    );
    assert!(ex.reason_en.ends_with("→ Champions"), "{}", ex.reason_en);
    let ex = explain(&facts(45, 1, 100), &LINES, "bi", true);
    assert!(
        ex.reason_zh.contains("R = 45 天 > 30 ✘"),
        "{}",
        ex.reason_zh
    );
    assert!(ex.reason_zh.contains("F 线至少 2 单"), "{}", ex.reason_zh);
    assert!(ex.reason_zh.contains("流失客户"), "{}", ex.reason_zh);
    assert_eq!(ex.checks.iter().filter(|c| c.ok).count(), 0);
}

#[test]
fn every_label_set_names_all_eight_classes() {
    for set in ["laoke", "bi", "classic"] {
        let l = labels(set);
        assert_eq!(l.len(), 8);
        assert!(l
            .iter()
            .all(|c| !c.zh.is_empty() && !c.en.is_empty() && !c.action_zh.is_empty()));
    }
}

#[test]
fn the_stage_reason_names_the_line() {
    let p = InsightParams::default();
    let f = Facts {
        r_days: Some(120),
        f_orders: 0,
        m_fen: 0,
        lifetime: 4,
    };
    let (zh, en) = stage_reason(&f, Stage::Dormant, &p);
    assert_eq!(zh, "最近一单 120 天前，91–180 天 → 沉睡客户");
    assert_eq!(en, "last order 120 days ago, 91–180 → Dormant");
}
