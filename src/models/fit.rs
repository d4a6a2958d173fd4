//! The one maximum-likelihood search every model uses: Nelder-Mead (from `argmin`) over the
//! logarithms of the parameters, so every parameter stays positive without constraints, restarted
//! from its own answer until the log-likelihood stops improving (a simplex can stall on a flat
//! ridge such as the Pareto/NBD's β). A likelihood that is NaN or infinite at a point counts as
//! impossible there, so the search walks away from it instead of failing.

use crate::{Error, Result};
use argmin::core::{CostFunction, Executor, State};
use argmin::solver::neldermead::NelderMead;

/// Bounds on ln(parameter): e^±18 covers every shop (1e-8 … 6.5e7) and keeps lnΓ finite.
const LN_BOUND: f64 = 18.0;
/// Iterations per simplex run, and runs at most.
const MAX_ITERS: u64 = 4_000;
const MAX_RUNS: usize = 8;

/// A maximised log-likelihood.
#[derive(Clone, Debug, PartialEq)]
pub struct Optimum {
    /// The parameters (not their logarithms).
    pub params: Vec<f64>,
    /// The total log-likelihood there.
    pub ll: f64,
}

struct NegLl<'a, F: Fn(&[f64]) -> f64> {
    ll: &'a F,
}

impl<F: Fn(&[f64]) -> f64> CostFunction for NegLl<'_, F> {
    type Param = Vec<f64>;
    type Output = f64;

    fn cost(&self, ln_p: &Vec<f64>) -> std::result::Result<f64, argmin::core::Error> {
        if ln_p.iter().any(|v| !v.is_finite() || v.abs() > LN_BOUND) {
            return Ok(f64::MAX);
        }
        let p: Vec<f64> = ln_p.iter().map(|v| v.exp()).collect();
        let ll = (self.ll)(&p);
        Ok(if ll.is_finite() { -ll } else { f64::MAX })
    }
}

fn failed() -> Error {
    Error::invalid(
        "模型拟合没有收敛：数据不足以确定参数。",
        "The model fit did not converge: the data do not pin down its parameters.",
    )
}

/// Maximise `ll` (the total log-likelihood at positive parameters) from `start`.
pub fn maximise(ll: impl Fn(&[f64]) -> f64, start: &[f64]) -> Result<Optimum> {
    let mut best: Vec<f64> = start.iter().map(|v| v.max(1e-6).ln()).collect();
    let problem = NegLl { ll: &ll };
    let mut best_cost = problem.cost(&best).unwrap_or(f64::MAX);
    let mut settled = false;
    for run in 0..MAX_RUNS {
        // a fresh simplex around the best point so far, smaller on each restart
        let step = if run == 0 { 0.5 } else { 0.1 };
        let mut simplex = vec![best.clone()];
        for i in 0..best.len() {
            let mut v = best.clone();
            v[i] += step;
            simplex.push(v);
        }
        // the costs are sums over thousands of customers: rounding alone spreads them by about
        // 1e-13 of their size, so an absolute tolerance would never be met
        let tolerance = 1e-11 * (1.0 + best_cost.abs().min(1e12));
        let solver = NelderMead::new(simplex)
            .with_sd_tolerance(tolerance)
            .map_err(|_| failed())?;
        let res = Executor::new(NegLl { ll: &ll }, solver)
            .configure(|s| s.max_iters(MAX_ITERS))
            .run()
            .map_err(|_| failed())?;
        let state = res.state();
        let cost = state.get_best_cost();
        let Some(p) = state.get_best_param() else {
            return Err(failed());
        };
        let gain = best_cost - cost;
        if cost < best_cost {
            best_cost = cost;
            best = p.clone();
        }
        if run > 0 && gain.abs() < 1e-9 * (1.0 + best_cost.abs()) {
            settled = true;
            break;
        }
    }
    // a parameter that ran to the edge has no maximum inside: the data do not determine it
    let at_edge = best.iter().any(|v| v.abs() > LN_BOUND - 1.0);
    if !settled || at_edge || best_cost >= f64::MAX || !best_cost.is_finite() {
        return Err(failed());
    }
    Ok(Optimum {
        params: best.iter().map(|v| v.exp()).collect(),
        ll: -best_cost,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_smooth_peak_is_found_to_many_digits() {
        // ll = −(ln p0 − ln 2)² − (ln p1 − ln 5)², peak at (2, 5)
        let o = maximise(
            |p| -(p[0].ln() - 2f64.ln()).powi(2) - (p[1].ln() - 5f64.ln()).powi(2),
            &[1.0, 1.0],
        )
        .unwrap();
        assert!((o.params[0] - 2.0).abs() < 1e-5 && (o.params[1] - 5.0).abs() < 1e-5);
        assert!(o.ll.abs() < 1e-10);
    }

    #[test]
    fn a_likelihood_that_is_nowhere_finite_is_a_clear_error() {
        let e = maximise(|_| f64::NAN, &[1.0, 1.0]).unwrap_err();
        assert!(e.to_string().contains("converge"), "{e}");
    }

    #[test]
    fn a_likelihood_rising_forever_does_not_converge() {
        assert!(maximise(|p| p[0].ln(), &[1.0]).is_err());
    }
}
