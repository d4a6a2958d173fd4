//! Demo orders: realistic, deterministic purchase history over the store's active customers.
//!
//! - Repeat buying with a long tail: each customer gets a Pareto-like weight (some buy every
//!   month, many once, about one in six never).
//! - Seasonality over the last three years: 双11 (building up from late October, peak on
//!   11 November), 618 (peak on 18 June), 12.12, a dip around Spring Festival, evening peaks
//!   in the day, and a growing shop (more orders recently).
//! - Channels mostly follow where the customer came from; order numbers look like each
//!   platform's (19 digits on Taobao/Tmall, 12 on JD, `YYMMDD-…` on Pinduoduo…).
//! - About 3 items per order; statuses include unpaid, cancelled, partial and full refunds.
//!   Amounts in fen: goods + shipping − discount = paid for every paid order (0 when unpaid or
//!   cancelled before payment); refunds never exceed what was paid.
//!
//! Written through the one order writer (`orders::OrderWriter`, batched multi-row INSERTs; a
//! refunded order gets its refund row), in one transaction, then `orders::rebuild_all_stats`
//! (set-based).

use super::{catalog, Rng};
use crate::{
    orders::{Channel, NewOrder, NewOrderItem, OrderStatus, OrderWriter, Origin},
    store::ts,
    Result,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use rusqlite::{params, Connection};

pub(super) struct Buyer {
    pub(super) id: i64,
    pub(super) name: String,
    pub(super) channel: Option<Channel>,
    pub(super) phone: Option<String>,
    pub(super) address: Option<String>,
    pub(super) nick: Option<String>,
    pub(super) favourite: usize,
}

/// Spring Festival (Chinese New Year's day), for the dip around it.
const SPRING_FESTIVALS: &[(i32, u32, u32)] = &[
    (2022, 2, 1),
    (2023, 1, 22),
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
];

/// How many orders a day gets, relative (100 = an ordinary day at the start).
pub(super) fn day_weight(day: NaiveDate, days_ago: i64) -> u64 {
    let growth = 100 + (3 * 365 - days_ago.min(3 * 365)) as u64 / 8; // up to ~2.4× by today
    let (m, d) = (day.month(), day.day());
    let mut w = growth;
    w = match (m, d) {
        (11, 11) => w * 12,
        (11, 1..=10) => w * 3,
        (10, 20..=31) => w * 2,
        (6, 18) => w * 7,
        (6, 1..=17) => w * 2,
        (12, 12) => w * 4,
        _ => w,
    };
    for &(y, fm, fd) in SPRING_FESTIVALS {
        if let Some(f) = NaiveDate::from_ymd_opt(y, fm, fd) {
            let off = (day - f).num_days();
            if (-10..=7).contains(&off) {
                w = w * 3 / 10; // couriers stop, shops close
            }
        }
    }
    w
}

/// Orders by hour of day in Beijing time: quiet at night, peaks at lunch and 20–23h.
const HOUR_WEIGHTS: [u64; 24] = [
    30, 15, 8, 5, 4, 5, 10, 22, 40, 55, 65, 70, 80, 70, 65, 70, 72, 70, 75, 90, 110, 120, 100, 60,
];

pub(super) fn cumulative(weights: impl Iterator<Item = u64>) -> Vec<u64> {
    let mut acc = 0;
    weights
        .map(|w| {
            acc += w;
            acc
        })
        .collect()
}

pub(super) fn sample(rng: &mut Rng, cum: &[u64]) -> usize {
    let x = rng.below(*cum.last().unwrap_or(&1));
    cum.partition_point(|&c| c <= x)
}

pub(super) fn channel_of_label(label: &str) -> Option<Channel> {
    match label {
        "淘宝" => Some(Channel::Taobao),
        "天猫" => Some(Channel::Tmall),
        "京东" => Some(Channel::Jd),
        "拼多多" => Some(Channel::Pdd),
        "微信" => Some(Channel::WechatShop),
        "抖音" => Some(Channel::Douyin),
        "门店" => Some(Channel::InStore),
        _ => Channel::parse(label),
    }
}

/// An order number in the platform's own shape; `seq` (scrambled) makes it unique.
fn order_no(rng: &mut Rng, channel: Channel, day: NaiveDate, seq: u64) -> String {
    let uniq = (seq.wrapping_mul(3_141_593)) % 10_000_000; // a bijection on 0..10^7
    match channel {
        Channel::Taobao | Channel::Tmall => {
            format!(
                "{}{:011}{:07}",
                1 + rng.below(4),
                rng.below(100_000_000_000),
                uniq
            )
        }
        Channel::Jd => format!("{}{:04}{:07}", 2 + rng.below(8), rng.below(10_000), uniq),
        Channel::Pdd => format!(
            "{:02}{:02}{:02}-{:08}{:07}",
            day.year() % 100,
            day.month(),
            day.day(),
            rng.below(100_000_000),
            uniq
        ),
        Channel::WechatShop => format!("37{:010}{:07}", rng.below(10_000_000_000), uniq),
        Channel::Douyin => format!("69{:010}{:07}", rng.below(10_000_000_000), uniq),
        Channel::InStore | Channel::Other => format!(
            "MD{}{:02}{:02}-{:07}",
            day.year(),
            day.month(),
            day.day(),
            uniq
        ),
    }
}

const CHANNEL_WEIGHTS: &[(Channel, u32)] = &[
    (Channel::Taobao, 32),
    (Channel::Tmall, 12),
    (Channel::Jd, 14),
    (Channel::Pdd, 18),
    (Channel::WechatShop, 10),
    (Channel::Douyin, 10),
    (Channel::InStore, 4),
];

const ITEM_COUNTS: &[(i64, u32)] = &[
    (1, 26),
    (2, 22),
    (3, 18),
    (4, 13),
    (5, 9),
    (6, 6),
    (7, 3),
    (8, 2),
    (10, 1),
];

fn load_buyers(conn: &Connection, rng: &mut Rng) -> Result<Vec<Buyer>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.name, c.source_channel, c.province || c.city || coalesce(c.address, ''),
                (SELECT phone FROM customer_phones p WHERE p.customer_id = c.id ORDER BY position LIMIT 1),
                (SELECT nick FROM customer_nicks n WHERE n.customer_id = c.id LIMIT 1)
           FROM customers c
          WHERE c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL
          ORDER BY c.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, Option<String>>(5)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, name, source, address, phone, nick) = row?;
        out.push(Buyer {
            id,
            name,
            channel: source.as_deref().and_then(channel_of_label),
            phone,
            address,
            nick,
            favourite: rng.below(catalog::CATALOG.len() as u64) as usize,
        });
    }
    Ok(out)
}

/// The catalogue's products per category: (product id, name, sku, price in fen).
pub(super) type Products = Vec<Vec<(i64, String, String, i64)>>;

/// Categories and products of the demo catalogue, created if missing; ids remembered.
pub(super) fn catalogue(tx: &Connection, now: DateTime<Utc>) -> Result<Products> {
    let at = ts(now);
    let mut products: Products = Vec::new();
    for (category, items) in catalog::CATALOG {
        tx.execute(
            "INSERT OR IGNORE INTO categories (name, created_at) VALUES (?1, ?2)",
            params![category, at],
        )?;
        let cat_id: i64 = tx.query_row(
            "SELECT id FROM categories WHERE name = ?1",
            [category],
            |r| r.get(0),
        )?;
        let mut list = Vec::new();
        for (name, stem, price) in items.iter() {
            for v in catalog::VARIANTS.iter().take(1 + (price % 3) as usize) {
                let sku = format!("{stem}{v}");
                tx.execute(
                    "INSERT OR IGNORE INTO products (name, sku, category_id, created_at)
                     VALUES (?1, ?2, ?3, ?4)",
                    params![name, sku, cat_id, at],
                )?;
                let id: i64 = tx.query_row(
                    "SELECT id FROM products WHERE name = ?1 AND sku = ?2",
                    params![name, sku],
                    |r| r.get(0),
                )?;
                let variant_price = price + if v.is_empty() { 0 } else { price / 10 };
                list.push((id, name.to_string(), sku, variant_price));
            }
        }
        products.push(list);
    }
    Ok(products)
}

/// What every generated order draws from: the catalogue and the cumulative weights.
pub(super) struct OrderShapes {
    pub(super) products: Products,
    pub(super) hour_cum: Vec<u64>,
    item_cum: Vec<u64>,
    channel_cum: Vec<u64>,
}

impl OrderShapes {
    pub(super) fn new(products: Products) -> Self {
        OrderShapes {
            products,
            hour_cum: cumulative(HOUR_WEIGHTS.iter().copied()),
            item_cum: cumulative(ITEM_COUNTS.iter().map(|c| c.1 as u64)),
            channel_cum: cumulative(CHANNEL_WEIGHTS.iter().map(|c| c.1 as u64)),
        }
    }
}

/// One order of `b` placed at `ordered` (shop day `day`): channel, items, amounts and a status
/// that fits its age at `now`. `seq` makes the order number unique; `lines` is scratch space.
#[allow(clippy::too_many_arguments)]
pub(super) fn build_order(
    rng: &mut Rng,
    shapes: &OrderShapes,
    b: &Buyer,
    day: NaiveDate,
    ordered: DateTime<Utc>,
    now: DateTime<Utc>,
    seq: u64,
    lines: &mut Vec<(usize, usize, i64, i64)>,
) -> NewOrder {
    let products = &shapes.products;
    let channel = match b.channel {
        Some(c) if rng.chance(80) => c,
        _ => CHANNEL_WEIGHTS[sample(rng, &shapes.channel_cum)].0,
    };

    // Items: favourite category half of the time.
    lines.clear();
    let n = ITEM_COUNTS[sample(rng, &shapes.item_cum)].0;
    let mut goods = 0i64;
    for _ in 0..n {
        let cat = if rng.chance(50) {
            b.favourite
        } else {
            rng.below(products.len() as u64) as usize
        };
        let p = rng.below(products[cat].len() as u64) as usize;
        let qty = match rng.below(100) {
            0..=79 => 1,
            80..=94 => 2,
            _ => 3 + rng.below(3) as i64,
        };
        let price = products[cat][p].3;
        goods += qty * price;
        lines.push((cat, p, qty, price));
    }
    let in_store = channel == Channel::InStore;
    let shipping = if in_store || goods >= 9900 || rng.chance(60) {
        0
    } else {
        [600, 800, 1000, 1200][rng.below(4) as usize]
    };
    let promo = matches!(
        (day.month(), day.day()),
        (11, 1..=11) | (6, 1..=18) | (12, 12)
    );
    let discount = if promo || rng.chance(35) {
        let d = [300, 500, 1000, 2000, 3000][rng.below(5) as usize];
        d.min(goods / 3)
    } else {
        0
    };
    let payable = goods + shipping - discount;
    let age_days = (now - ordered).num_days();
    let status = if age_days < 1 {
        *rng.pick(&[
            OrderStatus::Unpaid,
            OrderStatus::Paid,
            OrderStatus::Paid,
            OrderStatus::Shipped,
        ])
    } else if age_days < 7 {
        match rng.below(100) {
            0..=2 => OrderStatus::Unpaid,
            3..=5 => OrderStatus::Cancelled,
            6..=25 => OrderStatus::Paid,
            26..=75 => OrderStatus::Shipped,
            76..=77 => OrderStatus::Refunded,
            _ => OrderStatus::Completed,
        }
    } else {
        match rng.below(1000) {
            0..=14 => OrderStatus::Unpaid, // never paid, still open in the export
            15..=54 => OrderStatus::Cancelled,
            55..=89 => OrderStatus::Refunded,
            90..=119 => OrderStatus::PartiallyRefunded,
            _ => OrderStatus::Completed,
        }
    };
    let paid = match status {
        OrderStatus::Unpaid => false,
        OrderStatus::Cancelled => rng.chance(30), // most are cancelled before paying
        _ => true,
    };
    let paid_fen = if paid { payable } else { 0 };
    let refunded_fen = match status {
        OrderStatus::Refunded => paid_fen,
        OrderStatus::PartiallyRefunded => {
            let (_, _, qty, price) = lines[rng.below(lines.len() as u64) as usize];
            (qty * price).min(paid_fen.saturating_sub(1)).max(0)
        }
        OrderStatus::Cancelled if paid => paid_fen,
        _ => 0,
    };
    let paid_at = paid.then(|| ordered + Duration::seconds(5 + rng.below(1800) as i64));
    let receiver = if rng.chance(90) {
        b.name.clone()
    } else {
        rng.pick(catalog::OTHER_RECEIVERS).to_string()
    };
    let buyer_nick = (!in_store).then(|| b.nick.clone()).flatten();
    // Unique per channel: the last 7 digits are a bijection of the sequence number.
    let no = order_no(rng, channel, day, seq);
    let items = lines
        .iter()
        .map(|&(cat, p, qty, price)| NewOrderItem {
            product_name: products[cat][p].1.clone(),
            sku: products[cat][p].2.clone(),
            category: catalog::CATALOG[cat].0.to_string(),
            quantity: qty,
            unit_price_fen: price,
        })
        .collect();
    NewOrder {
        customer_id: Some(b.id),
        channel,
        order_no: no,
        status,
        ordered_at: ordered,
        paid_at,
        goods_fen: goods,
        shipping_fen: shipping,
        discount_fen: discount,
        paid_fen,
        refunded_fen,
        buyer_nick,
        receiver_name: Some(receiver),
        receiver_phone: if in_store { None } else { b.phone.clone() },
        receiver_address: if in_store { None } else { b.address.clone() },
        note: String::new(),
        items,
    }
}

/// Insert `count` orders for the active customers, inside the caller's transaction.
/// Returns (orders, items) written.
pub(crate) fn insert_orders(
    tx: &Connection,
    rng: &mut Rng,
    count: u64,
    now: DateTime<Utc>,
) -> Result<(u64, u64)> {
    if count == 0 {
        return Ok((0, 0));
    }
    let buyers = load_buyers(tx, rng)?;
    if buyers.is_empty() {
        return Err(crate::Error::invalid(
            "没有客户，无法生成订单：请先生成客户（--customers）。",
            "No customers to generate orders for: generate customers first (--customers).",
        ));
    }
    // Long tail: ~1 in 6 never buys; the rest follow a Pareto-like weight (1…400).
    let buyer_cum = cumulative(buyers.iter().map(|_| buyer_weight(rng)));
    let shapes = OrderShapes::new(catalogue(tx, now)?);

    // Days over the last three years, weighted by season; today is the last.
    let today = now.with_timezone(&shanghai()).date_naive();
    let days: Vec<NaiveDate> = (0..3 * 365)
        .rev()
        .map(|ago| today - Duration::days(ago))
        .collect();
    let day_cum = cumulative(days.iter().map(|d| day_weight(*d, (today - *d).num_days())));
    let first_seq: u64 =
        tx.query_row("SELECT count(*) FROM orders", [], |r| r.get::<_, i64>(0))? as u64;

    // The one order writer (orders::write): batched INSERTs of orders, items, previews and
    // the refund rows of refunded orders.
    let mut writer = OrderWriter::new(tx, Origin::Demo, "demo", now)?;
    let mut items_written = 0u64;
    let mut lines: Vec<(usize, usize, i64, i64)> = Vec::with_capacity(12);
    for seq in first_seq..first_seq + count {
        let b = &buyers[sample(rng, &buyer_cum)];
        let day = days[sample(rng, &day_cum)];
        let ordered = time_on(rng, &shapes, day, now);
        let order = build_order(rng, &shapes, b, day, ordered, now, seq, &mut lines);
        writer.create(tx, order)?;
        if writer.queued() >= OrderWriter::BATCH {
            writer.flush(tx)?;
        }
        items_written += lines.len() as u64;
    }
    writer.flush(tx)?;
    Ok((count, items_written))
}

/// China Standard Time, the shop's day for seasons and order numbers.
pub(super) fn shanghai() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(8 * 3600).expect("UTC+8 is a valid offset")
}

/// A buyer's weight: ~1 in 6 never buys; the rest follow a Pareto-like weight (1…4000).
pub(super) fn buyer_weight(rng: &mut Rng) -> u64 {
    if rng.chance(16) {
        0
    } else {
        let u = (rng.below(1_000_000) + 1) as f64 / 1_000_001.0;
        ((1.0 / u).powf(1.3) * 10.0).min(4000.0) as u64
    }
}

/// A time of day on `day` (evening peaks), never after `now`.
pub(super) fn time_on(
    rng: &mut Rng,
    shapes: &OrderShapes,
    day: NaiveDate,
    now: DateTime<Utc>,
) -> DateTime<Utc> {
    let hour = sample(rng, &shapes.hour_cum) as u32;
    let local = day
        .and_hms_opt(hour, rng.below(60) as u32, rng.below(60) as u32)
        .expect("a valid time of day");
    shanghai()
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(now)
        .min(now)
}

/// `day` at `h:m` shop time (China Standard Time, like the generated orders).
pub(super) fn local(day: NaiveDate, h: u32, m: u32) -> DateTime<Utc> {
    let t = day.and_hms_opt(h, m, 0).unwrap_or_default();
    shanghai()
        .from_local_datetime(&t)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_default()
}
