//! Timings for docs/BENCHMARKS.md (`laoke bench tickets`): the Today due list, the queue counts
//! and the first page of every queue, each run `runs` times on the open store; p50 and p95 in
//! milliseconds. Wall-clock timing is allowed here (a benchmark command), never in tests.

use crate::tickets::query::{self, Queue, TicketQuery};
use crate::{auth::Session, care::today, store::Store, Result};
use serde::Serialize;
use std::time::Instant;

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct BenchLine {
    pub name: String,
    pub rows: u64,
    pub p50_ms: f64,
    pub p95_ms: f64,
}

fn time<T>(
    runs: usize,
    mut f: impl FnMut() -> Result<T>,
    rows: impl Fn(&T) -> u64,
) -> Result<(u64, f64, f64)> {
    let mut ms = Vec::with_capacity(runs);
    let mut n = 0;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let out = f()?;
        ms.push(t.elapsed().as_secs_f64() * 1000.0);
        n = rows(&out);
    }
    ms.sort_by(f64::total_cmp);
    let pick = |p: f64| ms[((ms.len() as f64 - 1.0) * p).round() as usize];
    Ok((n, pick(0.5), pick(0.95)))
}

pub fn run(store: &Store, s: &Session, runs: usize) -> Result<Vec<BenchLine>> {
    let mut out = Vec::new();
    let (rows, p50, p95) = time(
        runs,
        || today::today(store, s),
        |t| {
            t.counts.follow_ups
                + t.counts.sla_due_soon
                + t.counts.sla_breached
                + t.counts.unpaid_orders
                + t.counts.birthdays
        },
    )?;
    out.push(BenchLine {
        name: "today (due list)".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    let (rows, p50, p95) = time(runs, || today::follow_ups_due(store, s), |t| t.0)?;
    out.push(BenchLine {
        name: "  today: follow-ups due".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    let (rows, p50, p95) = time(runs, || today::unpaid_to_chase(store, s), |t| t.0)?;
    out.push(BenchLine {
        name: "  today: unpaid orders".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    let (rows, p50, p95) = time(runs, || today::birthdays_soon(store, s), |t| t.count)?;
    out.push(BenchLine {
        name: "  today: birthdays".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    let now = crate::store::ts(store.now());
    let (rows, p50, p95) = time(runs, || query::count_due_soon(store.conn(), &now), |c| *c)?;
    out.push(BenchLine {
        name: "  today: count due soon".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    let (rows, p50, p95) = time(runs, || query::count_breached(store.conn(), &now), |c| *c)?;
    out.push(BenchLine {
        name: "  today: count breached".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    let (rows, p50, p95) = time(runs, || query::counts(store, s), |c| c.open)?;
    out.push(BenchLine {
        name: "queue counts".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    for q in Queue::ALL {
        for sort in ["updatedAt", "slaDueAt"] {
            let tq = TicketQuery {
                queue: q,
                sort: Some(sort.into()),
                page_size: 50,
                ..Default::default()
            };
            let (rows, p50, p95) =
                time(runs, || query::list(store, s, &tq), |p| p.rows.len() as u64)?;
            out.push(BenchLine {
                name: format!("queue {q:?} by {sort}"),
                rows,
                p50_ms: p50,
                p95_ms: p95,
            });
        }
    }
    // Again at the end, with every statement of the other views prepared and the cache warm.
    let (rows, p50, p95) = time(runs, || today::today(store, s), |t| t.counts.follow_ups)?;
    out.push(BenchLine {
        name: "today (due list), again".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    let tq = TicketQuery {
        text: Some("包装".into()),
        page_size: 50,
        ..Default::default()
    };
    let (rows, p50, p95) = time(runs, || query::list(store, s, &tq), |p| p.rows.len() as u64)?;
    out.push(BenchLine {
        name: "all, text 包装".into(),
        rows,
        p50_ms: p50,
        p95_ms: p95,
    });
    Ok(out)
}
