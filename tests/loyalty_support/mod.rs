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
