//! Helpers for the loyalty tests: a store on a clock the test moves, customers, paid orders.

#![allow(dead_code)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use laoke::{
    auth::Session,
    clock::FixedClock,
    customers, loyalty,
    orders::{self, ManualOrder, NewOrderItem, OrderStatus},
    store::Store,
};
use std::sync::Arc;

#[path = "../common/mod.rs"]
pub mod common;

pub struct Shop {
    pub _tmp: tempfile::TempDir,
    pub store: Store,
    pub owner: Session,
    pub clock: Arc<FixedClock>,
}

pub fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap()
}

pub fn shop() -> Shop {
    let (tmp, dir) = common::temp_store_dir();
    let clock = FixedClock::new(t0());
    let (store, owner, _) =
        Store::init(&dir, &common::owner(), clock.clone()).expect("a store can be created");
    Shop {
        _tmp: tmp,
        store,
        owner,
        clock,
    }
}

impl Shop {
    pub fn customer(&self, name: &str, phone: &str) -> i64 {
        customers::create(&self.store, &self.owner, &common::customer(name, phone))
            .expect("a customer can be created")
    }

    /// A paid in-store order of `yuan` goods (+ shipping) at the clock's time.
    pub fn order(&self, customer: i64, goods_fen: i64, shipping_fen: i64) -> i64 {
        laoke::sales::create(
            &self.store,
            &self.owner,
            &ManualOrder {
                customer_id: Some(customer),
                channel: orders::Channel::InStore,
                order_no: String::new(),
                status: OrderStatus::Paid,
                ordered_at: None,
                shipping_fen,
                discount_fen: 0,
                paid_fen: None,
                note: String::new(),
                items: vec![NewOrderItem {
                    product_name: "龙井茶".into(),
                    sku: String::new(),
                    category: "茶叶".into(),
                    quantity: 1,
                    unit_price_fen: goods_fen,
                }],
            },
            &Default::default(),
        )
        .expect("a manual order can be created")
    }

    pub fn run(&self) -> loyalty::JobReport {
        loyalty::run(&self.store, &self.owner).expect("the loyalty job runs")
    }

    pub fn balance(&self, customer: i64) -> i64 {
        loyalty::points::summary(&self.store, &self.owner, customer)
            .expect("the summary can be read")
            .balance
    }

    pub fn summary(&self, customer: i64) -> loyalty::PointsSummary {
        loyalty::points::summary(&self.store, &self.owner, customer).expect("summary")
    }

    pub fn advance_days(&self, days: i64) {
        self.clock.advance(Duration::days(days));
    }

    pub fn raw(&self) -> rusqlite::Connection {
        common::raw_connection_as_owner(&self.store, &self.owner)
    }

    pub fn save_rules(&self, f: impl FnOnce(&mut loyalty::LoyaltyRules)) {
        let mut r = loyalty::rules::current(&self.store, &self.owner)
            .unwrap()
            .rules;
        f(&mut r);
        loyalty::rules::save(&self.store, &self.owner, &r).expect("the owner can save rules");
    }

    /// Sum of the ledger rows, read with raw SQL.
    pub fn ledger_sum(&self, customer: i64) -> i64 {
        self.raw()
            .query_row(
                "SELECT coalesce(sum(delta), 0) FROM points_ledger WHERE customer_id = ?1",
                [customer],
                |r| r.get(0),
            )
            .unwrap()
    }
}

/// The Taobao order export header the loyalty tests import (with its refund column).
pub const TAOBAO_HEADER: &str = "订单编号,买家会员名,买家实际支付金额,买家应付邮费,订单状态,收货人姓名,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额";

/// One Taobao export row: order `no`, bought by the holder of `phone`, `paid_fen` paid (of
/// which `shipping_fen` shipping), `refunded_fen` refunded, platform status `status`.
pub fn taobao_row(
    no: &str,
    phone: &str,
    paid_fen: i64,
    shipping_fen: i64,
    refunded_fen: i64,
    status: &str,
) -> String {
    let y = |f: i64| format!("{}.{:02}", f / 100, f % 100);
    format!(
        "=\"{no}\",买家{phone},{},{},{status},收货人,{phone},2026-02-01 10:00:00,2026-02-01 10:01:00,龙井茶,1,{}",
        y(paid_fen),
        y(shipping_fen),
        y(refunded_fen)
    )
}

impl Shop {
    /// Import these Taobao rows (a UTF-8 CSV) as the owner; returns the report.
    pub fn import_rows(&self, rows: &[String]) -> laoke::import::ImportReport {
        static FILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = FILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = self._tmp.path().join(format!("import-{n}.csv"));
        let mut text = TAOBAO_HEADER.to_string() + "\n";
        for r in rows {
            text.push_str(r);
            text.push('\n');
        }
        std::fs::write(&path, text).unwrap();
        laoke::import::run(
            &self.store,
            &self.owner,
            &laoke::import::ImportRequest {
                path,
                preset: None,
                mapping: None,
            },
            false,
            &mut |_| {},
            &std::sync::atomic::AtomicBool::new(false),
        )
        .expect("the import runs")
    }

    /// The customer holding `phone` (after merges).
    pub fn customer_by_phone(&self, phone: &str) -> i64 {
        loyalty::find_customer(&self.store, &self.owner, phone).expect("the customer exists")
    }
}

impl Shop {
    /// The store's clock now.
    pub fn clock_now(&self) -> DateTime<Utc> {
        use laoke::clock::Clock;
        self.clock.now()
    }
}
