//! The special functions the likelihoods share: ln Γ (from `statrs`, a well-kept crate) and a
//! log-sum-exp that never produces NaN. Kept in one place so every model computes them the same
//! way and a change of crate touches one file.

/// ln Γ(x) for x > 0.
pub fn ln_gamma(x: f64) -> f64 {
    statrs::function::gamma::ln_gamma(x)
}

/// ln(eᵃ + eᵇ), exact for −∞ arguments (an impossible term adds nothing).
pub fn log_add_exp(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let m = a.max(b);
    m + ((a - m).exp() + (b - m).exp()).ln()
}

/// ln(eᵃ − eᵇ) for a ≥ b (−∞ when they are equal).
pub fn log_sub_exp(a: f64, b: f64) -> f64 {
    if b == f64::NEG_INFINITY {
        return a;
    }
    if b >= a {
        return f64::NEG_INFINITY;
    }
    a + (-(b - a).exp()).ln_1p()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_of_small_integers_is_the_log_factorial() {
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-12);
        assert!(ln_gamma(1.0).abs() < 1e-12);
    }

    #[test]
    fn log_sums_handle_impossible_terms() {
        assert_eq!(log_add_exp(f64::NEG_INFINITY, 1.0), 1.0);
        assert!((log_add_exp(0.0, 0.0) - 2f64.ln()).abs() < 1e-15);
        assert_eq!(log_sub_exp(1.0, 1.0), f64::NEG_INFINITY);
        assert!((log_sub_exp(2f64.ln(), 0.0)).abs() < 1e-15);
    }
}
