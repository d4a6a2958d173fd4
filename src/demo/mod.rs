//! A realistic demo store: Chinese names with real surname frequencies, +86 mobiles, regions
//! weighted like online shoppers, WeChat ids, platform nicks and tags. Deterministic: the same
//! seed gives the same people (creation dates are spread back from the day it runs).
//! The random source is a hand-written SplitMix64 so the output never changes with a crate update.
//! The sample shop of the app and of a plain `laoke demo` (two years of orders, tickets, follow-ups
//! and loyalty, played through the writers) is [`sample`]; `generate*` size the benchmark store.

mod catalog;
mod data;
mod orders;
pub mod sample;
mod sample_desk;
mod tickets;
pub use sample::{SampleReport, SampleSpec};
pub use tickets::{generate_tickets, TicketsReport, TicketsSpec};

use crate::{
    audit,
    auth::{Permission, Role, Session},
    clock::SharedClock,
    customers::{self, Gender, NewCustomer},
    store::Store,
    users::NewUser,
    Result,
};
use chrono::{Duration, Timelike};
use serde::Serialize;
use serde_json::json;
use std::path::Path;

pub const DEMO_USERNAME: &str = "demo";
pub const DEMO_PASSWORD: &str = "laoke-demo";
pub const DEMO_DISPLAY_NAME: &str = "演示店主";

#[derive(Debug, Clone, Copy)]
pub struct DemoSpec {
    pub customers: u32,
    pub seed: u64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoReport {
    pub customers: u64,
}

/// SplitMix64: tiny, fast, stable across versions.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
    pub(crate) fn weighted<'a, T>(&mut self, items: &'a [T], weight: impl Fn(&T) -> u32) -> &'a T {
        let total: u64 = items.iter().map(|i| weight(i) as u64).sum();
        let mut x = self.below(total);
        for i in items {
            let w = weight(i) as u64;
            if x < w {
                return i;
            }
            x -= w;
        }
        &items[items.len() - 1]
    }
}

fn person(rng: &mut Rng) -> NewCustomer {
    let surname = rng.weighted(data::SURNAMES, |s| s.1).0;
    let female = rng.chance(62);
    let chars = if female {
        data::FEMALE_CHARS
    } else {
        data::MALE_CHARS
    };
    let mut name = surname.to_string();
    name.push_str(rng.pick::<&str>(chars));
    if rng.chance(55) {
        name.push_str(rng.pick::<&str>(chars));
    }
    let (province, cities, _) = rng.weighted(data::REGIONS, |r| r.2);
    let city = rng.pick(cities);
    let channel = rng.weighted(data::CHANNELS, |c| c.1).0;
    let mobile = format!(
        "{}{:08}",
        rng.pick(data::MOBILE_PREFIXES),
        rng.below(100_000_000)
    );
    let mut phones = vec![mobile];
    if rng.chance(4) {
        phones.push(format!(
            "{}{:08}",
            rng.pick(data::MOBILE_PREFIXES),
            rng.below(100_000_000)
        ));
    }
    let birthday = match rng.below(10) {
        0..=6 => Some(format!(
            "{}-{:02}-{:02}",
            1965 + rng.below(41),
            1 + rng.below(12),
            1 + rng.below(28)
        )),
        7 => Some(format!(
            "--{:02}-{:02}",
            1 + rng.below(12),
            1 + rng.below(28)
        )),
        _ => None,
    };
    let wechat_id = rng.chance(70).then(|| {
        const ALNUM: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
        let tail: String = (0..8).map(|_| *rng.pick(ALNUM) as char).collect();
        if rng.chance(50) {
            format!("wxid_{tail}")
        } else {
            format!("{}{}", &tail[..5], 1970 + rng.below(36))
        }
    });
    let nick_platform = match channel {
        "淘宝" | "天猫" => Some("taobao"),
        "京东" => Some("jd"),
        "拼多多" => Some("pdd"),
        "抖音" => Some("douyin"),
        _ => None,
    };
    let nicks = nick_platform
        .map(|p| {
            vec![(
                p.to_string(),
                format!(
                    "{}{}{}",
                    if p == "jd" { "jd_" } else { "" },
                    name,
                    rng.below(100_000)
                ),
            )]
        })
        .unwrap_or_default();
    let mut tags = Vec::new();
    for _ in 0..rng.below(4) {
        let t = rng.pick(data::TAGS).to_string();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    NewCustomer {
        name,
        gender: if female { Gender::Female } else { Gender::Male },
        birthday,
        phones,
        email: rng
            .chance(15)
            .then(|| format!("{}{}@qq.com", 10000 + rng.below(900_000), rng.below(1000))),
        wechat_id,
        qq: rng
            .chance(10)
            .then(|| (100_000_000 + rng.below(2_000_000_000)).to_string()),
        nicks,
        province: Some(province.to_string()),
        city: Some(city.to_string()),
        address: Some(format!(
            "{}{}号{}{}栋{}室",
            rng.pick(data::STREETS),
            1 + rng.below(300),
            rng.pick(data::ESTATES),
            1 + rng.below(30),
            101 + rng.below(30) * 100 + rng.below(6)
        )),
        source_channel: Some(channel.to_string()),
        tags,
        notes: rng.pick(data::NOTES).to_string(),
    }
}

/// Add `spec.customers` generated customers to the store in one transaction.
pub fn generate(store: &Store, s: &Session, spec: &DemoSpec) -> Result<DemoReport> {
    s.require(Permission::EraseMergeUndo)?;
    let mut rng = Rng::new(spec.seed);
    let today = store
        .now()
        .with_hour(0)
        .and_then(|t| t.with_minute(0))
        .and_then(|t| t.with_second(0))
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or_else(|| store.now());
    store.write(|tx, now| {
        for _ in 0..spec.customers {
            let c = person(&mut rng);
            let phones = customers::validate(&c)?;
            // Spread sign-ups over three years, more of them recently (the shop grows).
            let days_ago = {
                let a = rng.below(3 * 365);
                let b = rng.below(3 * 365);
                a.min(b) as i64
            };
            let created =
                today - Duration::days(days_ago) + Duration::minutes(rng.below(24 * 60) as i64);
            customers::insert(tx, &c, &phones, created.min(now))?;
        }
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "demo_generated",
            "",
            json!({"customers": spec.customers, "seed": spec.seed}),
        )?;
        Ok(())
    })?;
    Ok(DemoReport {
        customers: spec.customers as u64,
    })
}

/// How many demo orders to add, and the seed that makes them the same every time.
#[derive(Debug, Clone, Copy)]
pub struct OrdersSpec {
    pub orders: u64,
    pub seed: u64,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrdersReport {
    pub orders: u64,
    pub items: u64,
}

/// Add `spec.orders` generated orders (with items, products and categories) for the store's
/// active customers in one transaction, then rebuild the purchase stats. See `orders.rs`.
pub fn generate_orders(store: &Store, s: &Session, spec: &OrdersSpec) -> Result<OrdersReport> {
    s.require(Permission::EraseMergeUndo)?;
    let mut rng = Rng::new(spec.seed ^ 0x6F72_6465_7273); // "orders": not the customers' stream
    store.write(|tx, now| {
        let (orders, items) = orders::insert_orders(tx, &mut rng, spec.orders, now)?;
        crate::orders::rebuild_all_stats(tx)?;
        crate::search::optimize_in_tx(tx)?;
        // the shop opens with classes and back-filled months, not empty charts
        crate::insight::score_in_tx(tx, now, None, "demo")?;
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "demo_orders_generated",
            "",
            json!({"orders": orders, "items": items, "seed": spec.seed}),
        )?;
        Ok(OrdersReport { orders, items })
    })
}

/// Open the demo store in `dir` — the sample shop ([`sample`]) — creating it first with
/// `customers` customers and two years of history when the folder has none.
pub fn open_or_create(dir: &Path, customers: u32, clock: SharedClock) -> Result<(Store, Session)> {
    if Store::exists(dir) {
        return Store::login(dir, DEMO_USERNAME, DEMO_PASSWORD, clock);
    }
    let owner = NewUser {
        username: DEMO_USERNAME.into(),
        display_name: DEMO_DISPLAY_NAME.into(),
        role: Role::Owner,
        password: DEMO_PASSWORD.into(),
    };
    let spec = SampleSpec {
        customers,
        ..SampleSpec::default()
    };
    // Built beside its final place and moved there when complete: a crash or a closed window
    // half-way leaves no half shop that would open as if it were whole next time.
    let building = building_dir(dir);
    if building.exists() {
        std::fs::remove_dir_all(&building)?;
    }
    let (store, _session, _recovery, _report) =
        sample::create(&building, &owner, clock.clone(), &spec)?;
    drop(store);
    if dir.exists() {
        // an empty folder (made by an earlier attempt or by the app) gives way; one with
        // anything in it is refused by remove_dir, never emptied
        std::fs::remove_dir(dir)?;
    }
    std::fs::rename(&building, dir)?;
    Store::login(dir, DEMO_USERNAME, DEMO_PASSWORD, clock)
}

/// Where the sample shop is built before it becomes `dir`.
fn building_dir(dir: &Path) -> std::path::PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "demo".into());
    dir.with_file_name(format!("{name}.building"))
}
