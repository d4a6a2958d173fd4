//! Timings for docs/BENCHMARKS.md (`laoke bench segments`): the live count of a few typical
//! segment definitions (the editor's count, goal ≤ 50 ms p95 at 100k customers / 1M orders),
//! every segment with its size (the segments screen), the list's totals opened on a ready-made
//! segment, and one customer's segments with their reasons (the 360 card); p50 and p95 in ms.
//! Wall-clock timing is allowed here (a benchmark command), never in tests.
//!
//! When `customer_scores` is empty (a store the insight pass has not scored yet) the class and
//! stage conditions would count nothing and time nothing: `fill_scores` then writes a rough
//! stand-in from `customer_stats` inside a savepoint that is rolled back at the end, and the
//! report says so.

use super::tickets::BenchLine;
use crate::segments::{self, customer_list, CustomerFilter, SegmentDefinition};
use crate::{auth::Session, store::Store, Result};
use std::time::Instant;

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

/// A rough stand-in for the scoring pass (stage by days since the last order, 老客 by order
/// count, class by spend and orders against fixed lines); only for timing.
const FILL_SCORES: &str = "
INSERT INTO customer_scores (customer_id, last_order_day, f_orders, m_fen, lifetime_orders,
    rfm_class, stage, is_returning)
SELECT c.id, date(s.last_order_at),
    coalesce(s.orders_count, 0), coalesce(s.spend_fen, 0), coalesce(s.orders_count, 0),
    CASE WHEN s.orders_count IS NULL OR s.orders_count = 0 THEN NULL
         ELSE (CASE WHEN s.last_order_at >= '2026-09-01' THEN 'important_' ELSE 'general_' END)
           || (CASE WHEN s.spend_fen >= 50000 THEN 'value' ELSE 'retain' END) END,
    CASE WHEN s.orders_count IS NULL OR s.orders_count = 0 THEN 'prospect'
         WHEN s.last_order_at >= '2026-11-01' AND s.orders_count = 1 THEN 'new'
         WHEN s.last_order_at >= '2026-09-01' THEN 'active'
         WHEN s.last_order_at >= '2026-06-01' THEN 'dormant' ELSE 'churned' END,
    coalesce(s.orders_count, 0) >= 2
FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id";

/// Some typical definitions being edited: (name, definition).
fn definitions(
    category: Option<String>,
    product: Option<String>,
) -> Vec<(String, SegmentDefinition)> {
    let d = |f: &dyn Fn(&mut SegmentDefinition)| {
        let mut d = SegmentDefinition::default();
        f(&mut d);
        d
    };
    let mut v = vec![
        (
            "stage dormant".to_string(),
            d(&|d| d.scores.stages = vec!["dormant".into()]),
        ),
        (
            "class important_value + spend ≥ ¥500".into(),
            d(&|d| {
                d.scores.rfm_classes = vec!["important_value".into()];
                d.query.min_spend_fen = Some(50_000);
            }),
        ),
        (
            "returning + consent sms".into(),
            d(&|d| {
                d.scores.returning = Some(true);
                d.scores.consent = vec!["sms".into()];
            }),
        ),
        (
            "tier (top) + province".into(),
            d(&|d| {
                d.scores.tiers = vec!["diamond".into()];
                d.query.province = Some("浙江".into());
            }),
        ),
    ];
    if let Some(c) = category {
        v.push((
            format!("bought in category {c}"),
            d(&|d| d.scores.categories = vec![c.clone()]),
        ));
    }
    if let Some(p) = product {
        v.push((
            format!("bought product {p} + stage active"),
            d(&|d| {
                d.scores.products = vec![p.clone()];
                d.scores.stages = vec!["active".into()];
            }),
        ));
    }
    v
}

/// Whether the scores were a stand-in, and the lines.
pub fn run(store: &Store, s: &Session, runs: usize) -> Result<(bool, Vec<BenchLine>)> {
    let conn = store.conn();
    let scored: i64 = conn.query_row("SELECT count(*) FROM customer_scores", [], |r| r.get(0))?;
    let stand_in = scored == 0;
    conn.execute_batch("SAVEPOINT bench_segments")?;
    let out = (|| -> Result<Vec<BenchLine>> {
        if stand_in {
            conn.execute_batch(FILL_SCORES)?;
        }
        // A mid-sized category and a product (the tenth most frequent), read from the data.
        let pick = |sql: &str| -> Result<Option<String>> {
            Ok(rusqlite::OptionalExtension::optional(conn.query_row(
                sql,
                [],
                |r| r.get(0),
            ))?)
        };
        let category = pick("SELECT category FROM (SELECT category, count(*) n FROM order_items WHERE category <> '' GROUP BY category ORDER BY n DESC LIMIT 1 OFFSET 5)")?;
        let product = pick("SELECT name FROM products ORDER BY id LIMIT 1 OFFSET 10")?;
        let mut out = Vec::new();
        for (name, d) in definitions(category, product) {
            let (rows, p50, p95) = time(runs, || segments::count(store, s, &d), |c| c.customers)?;
            out.push(BenchLine {
                name: format!("count: {name}"),
                rows,
                p50_ms: p50,
                p95_ms: p95,
            });
        }
        let (rows, p50, p95) = time(
            runs.min(10),
            || segments::list(store, s),
            |l| l.len() as u64,
        )?;
        out.push(BenchLine {
            name: "segments list (every size)".into(),
            rows,
            p50_ms: p50,
            p95_ms: p95,
        });
        let f = CustomerFilter {
            segment: Some("ready:high".into()),
            ..Default::default()
        };
        let (rows, p50, p95) = time(runs, || customer_list::totals(store, s, &f), |t| t.total)?;
        out.push(BenchLine {
            name: "list totals on ready:high".into(),
            rows,
            p50_ms: p50,
            p95_ms: p95,
        });
        let id: i64 = conn.query_row(
            "SELECT customer_id FROM customer_stats ORDER BY spend_fen DESC LIMIT 1",
            [],
            |r| r.get(0),
        )?;
        let (rows, p50, p95) = time(
            runs.min(10),
            || segments::of_customer(store, s, id),
            |m| m.len() as u64,
        )?;
        out.push(BenchLine {
            name: "one customer's segments (360)".into(),
            rows,
            p50_ms: p50,
            p95_ms: p95,
        });
        Ok(out)
    })();
    conn.execute_batch("ROLLBACK TO bench_segments; RELEASE bench_segments")?;
    Ok((stand_in, out?))
}
