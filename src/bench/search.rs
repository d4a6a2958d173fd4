//! `laoke bench search`: timings on a (benchmark) store, for docs/BENCHMARKS.md.
//!
//! Queries are drawn deterministically from the store itself (a surname, the first two
//! characters of a name, a whole 3-character name, 4 digits from the middle of a phone, 8
//! characters from inside an order number), so every class really has hits. Each class is also
//! run as the plain `LIKE '%q%'` scan a naive implementation would use (same caps, no ranking),
//! for the ratio. Then the customer list page, an order list page with filter + sort, and the
//! customer 360 (summary + first page of orders).

use crate::search::{search, Query};
use crate::{
    auth::Session,
    customers::{self, CustomerQuery},
    demo::Rng,
    orders::{self, Channel, OrderQuery, OrderStatus},
    store::Store,
    Error, Result,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::time::Instant;

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct BenchRow {
    pub what: String,
    pub runs: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    /// The same searches as `LIKE '%q%'` scans (search rows only).
    pub like_p50_ms: Option<f64>,
    pub like_p95_ms: Option<f64>,
    /// Average hits (search rows only): customers + orders.
    pub hits: Option<f64>,
}

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct BenchReport {
    pub customers: i64,
    pub orders: i64,
    pub items: i64,
    pub db_bytes: u64,
    pub rows: Vec<BenchRow>,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

fn time_ms(mut f: impl FnMut() -> Result<usize>) -> Result<(f64, usize)> {
    let t = Instant::now();
    let n = f()?;
    Ok((t.elapsed().as_secs_f64() * 1000.0, n))
}

fn count(conn: &Connection, table: &str) -> Result<i64> {
    Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
}

/// A random row's text from `sql` (which takes a rowid bound as ?1), or None.
fn draw(conn: &Connection, rng: &mut Rng, max_id: i64, sql: &str) -> Result<Option<String>> {
    let start = 1 + rng.below(max_id.max(1) as u64) as i64;
    Ok(conn
        .query_row(sql, params![start], |r| r.get::<_, String>(0))
        .optional()?)
}

type Class = (&'static str, &'static str, &'static str);

/// (zh label, en label, SQL drawing one query from the id ?1 upwards).
const CLASSES: &[Class] = &[
    (
        "1 字姓氏",
        "1-char surname",
        "SELECT substr(name, 1, 1) FROM customers WHERE id >= ?1 AND erased_at IS NULL LIMIT 1",
    ),
    (
        "2 字姓名（开头）",
        "2-char name (start)",
        "SELECT substr(name, 1, 2) FROM customers WHERE id >= ?1 AND erased_at IS NULL AND length(name) >= 2 LIMIT 1",
    ),
    (
        "3 字全名",
        "3-char full name",
        "SELECT name FROM customers WHERE id >= ?1 AND erased_at IS NULL AND length(name) = 3 LIMIT 1",
    ),
    (
        "手机号中间 4 位",
        "4 phone digits (middle)",
        "SELECT substr(phone, 7, 4) FROM customer_phones WHERE customer_id >= ?1 AND phone LIKE '+861%' LIMIT 1",
    ),
    (
        "订单号中的 8 位",
        "order number, 8 chars inside",
        "SELECT substr(order_no, 6, 8) FROM orders WHERE id >= ?1 AND length(order_no) >= 13 LIMIT 1",
    ),
];

/// The naive search: substring scans over the same fields, same caps, no ranking.
fn like_search(conn: &Connection, q: &Query) -> Result<usize> {
    let pat = format!(
        "%{}%",
        q.text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    );
    let mut c = conn.prepare_cached(
        "SELECT c.id FROM customers c
          WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
            AND (c.name LIKE ?1 ESCAPE '\\' OR c.email LIKE ?1 ESCAPE '\\'
                 OR c.wechat_id LIKE ?1 ESCAPE '\\'
                 OR EXISTS (SELECT 1 FROM customer_phones p WHERE p.customer_id = c.id
                              AND p.phone LIKE ?1 ESCAPE '\\')
                 OR EXISTS (SELECT 1 FROM customer_nicks n WHERE n.customer_id = c.id
                              AND n.nick LIKE ?1 ESCAPE '\\'))
          LIMIT 20",
    )?;
    let mut n = c.query_map([&pat], |r| r.get::<_, i64>(0))?.count();
    if q.uses_trigrams() {
        let mut o = conn.prepare_cached(
            "SELECT id FROM orders WHERE order_no LIKE ?1 ESCAPE '\\' ORDER BY id DESC LIMIT 10",
        )?;
        n += o.query_map([&pat], |r| r.get::<_, i64>(0))?.count();
    }
    Ok(n)
}

fn row(what: String, mut times: Vec<f64>) -> BenchRow {
    times.sort_by(|a, b| a.total_cmp(b));
    BenchRow {
        what,
        runs: times.len(),
        p50_ms: percentile(&times, 0.5),
        p95_ms: percentile(&times, 0.95),
        like_p50_ms: None,
        like_p95_ms: None,
        hits: None,
    }
}

/// Run the benchmark: `runs` timed runs per class (`like_runs` for the LIKE scans).
pub fn run(
    store: &Store,
    s: &Session,
    runs: usize,
    like_runs: usize,
    english: bool,
) -> Result<BenchReport> {
    s.require(crate::auth::Permission::EraseMergeUndo)?;
    let conn = store.conn();
    let (customers_n, orders_n, items_n) = (
        count(conn, "customers")?,
        count(conn, "orders")?,
        count(conn, "order_items")?,
    );
    if customers_n == 0 {
        return Err(Error::invalid(
            "这个店里还没有客户：先用 laoke demo --customers N --orders M 生成基准数据。",
            "This store has no customers: generate the benchmark data first with laoke demo --customers N --orders M.",
        ));
    }
    let max_c: i64 = conn.query_row("SELECT max(id) FROM customers", [], |r| r.get(0))?;
    let max_o: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM orders", [], |r| r.get(0))?;
    let mut rng = Rng::new(20_261_111);
    let mut rows = Vec::new();
    // Warm the page cache the way a working app is warm (one pass over the search tables).
    for _ in 0..50 {
        search(store, s, "张伟")?;
    }
    for &(zh, en, sql) in CLASSES {
        let is_order = sql.contains("FROM orders");
        if is_order && max_o == 0 {
            continue;
        }
        let mut queries = Vec::new();
        while queries.len() < runs {
            let max = if is_order { max_o } else { max_c };
            if let Some(q) = draw(conn, &mut rng, max, sql)? {
                queries.push(q);
            }
        }
        let mut times = Vec::with_capacity(runs);
        let mut hits = 0usize;
        for q in &queries {
            let (ms, n) = time_ms(|| {
                let r = search(store, s, q)?;
                Ok(r.customers.len() + r.orders.len())
            })?;
            times.push(ms);
            hits += n;
        }
        let mut like = Vec::with_capacity(like_runs);
        for q in queries.iter().take(like_runs) {
            let Some(parsed) = Query::parse(q) else {
                continue;
            };
            like.push(time_ms(|| like_search(conn, &parsed))?.0);
        }
        like.sort_by(|a, b| a.total_cmp(b));
        let mut r = row(
            format!(
                "{} {}",
                if english { "search:" } else { "搜索：" },
                if english { en } else { zh }
            ),
            times,
        );
        r.like_p50_ms = Some(percentile(&like, 0.5));
        r.like_p95_ms = Some(percentile(&like, 0.95));
        r.hits = Some(hits as f64 / runs as f64);
        rows.push(r);
    }

    // Customer list: filter + sort, as the customers screen does (first pages, 50 rows + totals).
    let provinces = ["广东", "浙江", "江苏", "山东", "上海"];
    let sorts = ["spendFen", "lastOrderAt", "ordersCount", "createdAt"];
    let (mut times, mut totals_times) = (Vec::new(), Vec::new());
    for i in 0..runs.min(100) {
        let q = CustomerQuery {
            page: 1 + (i % 3) as u32,
            page_size: 50,
            province: Some(provinces[i % provinces.len()].into()),
            min_orders: Some(2),
            sort: Some(sorts[i % sorts.len()].into()),
            desc: Some(true),
            ..Default::default()
        };
        let (ms, _) = time_ms(|| Ok(customers::page(store, s, &q)?.rows.len()))?;
        times.push(ms);
        let (ms, _) = time_ms(|| Ok(customers::totals(store, s, &q)?.total as usize))?;
        totals_times.push(ms);
    }
    rows.push(row(
        (if english {
            "customer list page, filter + sort (50 rows)"
        } else {
            "客户列表一页，筛选 + 排序（50 行）"
        })
        .into(),
        times,
    ));
    rows.push(row(
        (if english {
            "customer list totals row (same filters)"
        } else {
            "客户列表合计行（同样的筛选）"
        })
        .into(),
        totals_times,
    ));
    // The same list filtered by the search box with a 2-character name (uses the search index).
    let mut times = Vec::new();
    for i in 0..runs.min(100) {
        let Some(name) = draw(conn, &mut rng, max_c, CLASSES[1].2)? else {
            continue;
        };
        let q = CustomerQuery {
            page: 1,
            page_size: 50,
            search: Some(name),
            sort: Some(sorts[i % sorts.len()].into()),
            desc: Some(true),
            ..Default::default()
        };
        let (ms, _) = time_ms(|| Ok(customers::page(store, s, &q)?.rows.len()))?;
        times.push(ms);
    }
    rows.push(row(
        (if english {
            "customer list page, search box 2-char name + sort"
        } else {
            "客户列表一页，搜索框 2 字姓名 + 排序"
        })
        .into(),
        times,
    ));

    if max_o > 0 {
        // Order list: filter (channel + status + paid range, or a month of order dates) and a
        // sort; the page and the totals row are separate calls, timed separately.
        let (mut times, mut totals_times) = (Vec::new(), Vec::new());
        let channels = [Channel::Taobao, Channel::Jd, Channel::Pdd, Channel::Douyin];
        let sorts = ["paidFen", "orderedAt"];
        let months = ["2026-01", "2025-06", "2024-11", "2026-09"];
        for i in 0..runs.min(40) {
            let mut q = OrderQuery {
                page: 1 + (i % 3) as u32,
                page_size: 50,
                channels: vec![channels[i % channels.len()]],
                statuses: vec![OrderStatus::Completed],
                sort: Some(sorts[i % sorts.len()].into()),
                desc: Some(true),
                ..Default::default()
            };
            if (i / 2) % 2 == 0 {
                q.min_paid_fen = Some(10_000);
            } else {
                let m = months[(i / 4) % months.len()];
                q.ordered_from = Some(format!("{m}-01"));
                q.ordered_to = Some(format!("{m}-28"));
            }
            let (ms, _) = time_ms(|| Ok(orders::page(store, s, &q)?.rows.len()))?;
            times.push(ms);
            let (ms, _) = time_ms(|| Ok(orders::totals(store, s, &q)?.count as usize))?;
            totals_times.push(ms);
        }
        rows.push(row(
            (if english {
                "order list page, filter + sort (50 rows)"
            } else {
                "订单列表一页，筛选 + 排序（50 行）"
            })
            .into(),
            times,
        ));
        rows.push(row(
            (if english {
                "order list totals row (same filters)"
            } else {
                "订单列表合计行（同样的筛选）"
            })
            .into(),
            totals_times,
        ));

        // Customer 360: summary + first page of the timeline, for customers with orders.
        let mut times = Vec::new();
        while times.len() < runs.min(200) {
            let start = 1 + rng.below(max_c as u64) as i64;
            let Some(id) = conn
                .query_row(
                    "SELECT customer_id FROM customer_stats WHERE customer_id >= ?1 LIMIT 1",
                    [start],
                    |r| r.get::<_, i64>(0),
                )
                .optional()?
            else {
                continue;
            };
            let (ms, _) = time_ms(|| {
                let summary = orders::customer_summary(conn, id)?;
                let page = orders::for_customer(conn, id, 1)?;
                Ok(page.rows.len() + summary.favourite_categories.len())
            })?;
            times.push(ms);
        }
        rows.push(row(
            (if english {
                "customer 360 (summary + orders page)"
            } else {
                "客户 360（汇总 + 订单第一页）"
            })
            .into(),
            times,
        ));
    }
    let db_bytes = std::fs::metadata(crate::paths::db_path(store.dir()))
        .map(|m| m.len())
        .unwrap_or(0);
    Ok(BenchReport {
        customers: customers_n,
        orders: orders_n,
        items: items_n,
        db_bytes,
        rows,
    })
}
