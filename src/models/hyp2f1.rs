//! The Gaussian hypergeometric function ₂F₁(a, b; c; z), which the Pareto/NBD likelihood and the
//! BG/NBD and MBG/NBD forecasts need and which no well-kept Rust crate provides. Written once,
//! here, for the range the models use: real a, b, c > 0 and 0 ≤ z < 1.
//!
//! Returned as a logarithm so large values (they grow like (1 − z)^(c − a − b)) never overflow.
//! When c − a − b < 0 the Euler transformation
//! ₂F₁(a, b; c; z) = (1 − z)^(c − a − b) · ₂F₁(c − a, c − b; c; z) gives a series whose terms
//! stay small; when c − a or c − b is then negative the terms may change sign, so the direct
//! series is kept instead. The series is summed with a running scale, so a sum of any size is
//! exact to rounding.

/// Terms summed at most (reached only for z within about 10⁻⁴ of 1).
const MAX_TERMS: usize = 200_000;

/// ln ₂F₁(a, b; c; z) for a, b, c > 0 and 0 ≤ z < 1; `None` outside that range or when the
/// series did not settle.
pub fn ln_hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    let ok = |v: f64| v.is_finite() && v > 0.0;
    if !(ok(a) && ok(b) && ok(c) && (0.0..1.0).contains(&z)) {
        return None;
    }
    if z == 0.0 {
        return Some(0.0);
    }
    let e = c - a - b;
    if e < 0.0 && c - a > 0.0 && c - b > 0.0 {
        let s = ln_series(c - a, c - b, c, z)?;
        return Some(e * (-z).ln_1p() + s);
    }
    ln_series(a, b, c, z)
}

/// ₂F₁(a, b; c; z) itself (may be +∞ when it overflows f64).
pub fn hyp2f1(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    ln_hyp2f1(a, b, c, z).map(f64::exp)
}

/// ln Σₙ (a)ₙ(b)ₙ / ((c)ₙ n!) zⁿ with a, b, c > 0 (every term positive).
fn ln_series(a: f64, b: f64, c: f64, z: f64) -> Option<f64> {
    let mut term = 1.0f64;
    let mut sum = 1.0f64;
    let mut ln_scale = 0.0f64;
    for n in 0..MAX_TERMS {
        let k = n as f64;
        term *= (a + k) * (b + k) / ((c + k) * (k + 1.0)) * z;
        sum += term;
        if sum > 1e200 {
            ln_scale += sum.ln();
            term /= sum;
            sum = 1.0;
        }
        // the ratio of successive terms tends to z < 1, monotonically from one side: once it
        // is below 1 the rest is at most term·q/(1 − q) with q the larger of the two
        let ratio = (a + k + 1.0) * (b + k + 1.0) / ((c + k + 1.0) * (k + 2.0)) * z;
        let q = ratio.max(z);
        if ratio < 1.0 && term * q <= sum * 1e-17 * (1.0 - q) {
            return Some(ln_scale + sum.ln());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(got: f64, want: f64, tol: f64) {
        assert!(
            ((got - want) / want).abs() < tol,
            "2F1 = {got}, the known value is {want}"
        );
    }

    #[test]
    fn one_one_two_is_minus_log_one_minus_z_over_z() {
        for z in [1e-6f64, 0.1, 0.5, 0.9, 0.999] {
            close(hyp2f1(1.0, 1.0, 2.0, z).unwrap(), -(-z).ln_1p() / z, 1e-12);
        }
    }

    #[test]
    fn c_equal_to_b_is_a_binomial() {
        for (a, z) in [(0.5, 0.3), (3.7, 0.8), (40.0, 0.95)] {
            close(hyp2f1(a, 2.5, 2.5, z).unwrap(), (1.0 - z).powf(-a), 1e-11);
        }
    }

    #[test]
    fn half_half_three_halves_is_arcsine() {
        for x in [0.2f64, 0.7, 0.99] {
            close(hyp2f1(0.5, 0.5, 1.5, x * x).unwrap(), x.asin() / x, 1e-11);
        }
    }

    #[test]
    fn published_values_are_matched() {
        // reference values from scipy.special.hyp2f1
        close(
            hyp2f1(1.5, 2.3, 3.1, 0.77).unwrap(),
            4.558_692_855_849_822,
            1e-12,
        );
        close(
            hyp2f1(10.2, 4.4, 11.2, 0.6).unwrap(),
            36.086_068_176_390_06,
            1e-12,
        );
    }

    #[test]
    fn huge_values_stay_finite_as_logarithms() {
        let l = ln_hyp2f1(300.0, 400.0, 301.0, 0.9).unwrap();
        assert!(l.is_finite() && l > 700.0, "ln 2F1 = {l}");
    }

    #[test]
    fn arguments_outside_the_range_are_refused() {
        assert!(ln_hyp2f1(1.0, 1.0, 2.0, 1.0).is_none());
        assert!(ln_hyp2f1(-1.0, 1.0, 2.0, 0.5).is_none());
        assert!(ln_hyp2f1(1.0, 1.0, 2.0, f64::NAN).is_none());
    }
}
