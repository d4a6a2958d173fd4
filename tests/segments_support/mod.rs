//! A small shop for the segment tests: twelve customers with orders of growing spend, a few
//! categories and products, consents, tiers, and — as a FIXTURE standing in for the insight
//! pass, which is not on this branch — rows of `customer_scores` and `customer_class_months`
//! written with plain INSERTs.

#![allow(dead_code)]

use crate::common::*;
use chrono::{Duration, TimeZone, Utc};
use laoke::{
    auth::Session,
    customers::{self, consent, ConsentChannel},
    orders::{Channel, ManualOrder, NewOrderItem, OrderStatus},
    segments::{self, customer_list, CustomerFilter, SegmentDefinition},
    store::Store,
};

pub struct Shop {
    pub _tmp: tempfile::TempDir,
    pub store: Store,
    pub owner: Session,
    /// Customer ids; customer i (0-based) spent (i + 1) × ¥100 over i % 3 + 1 orders.
    pub ids: Vec<i64>,
}

fn order(
    customer: i64,
    no: usize,
    fen: i64,
    product: &str,
    sku: &str,
    category: &str,
) -> ManualOrder {
    ManualOrder {
        customer_id: Some(customer),
        channel: Channel::InStore,
        order_no: format!("S{no:05}"),
        status: OrderStatus::Paid,
        ordered_at: Some(
            Utc.with_ymd_and_hms(2026, 1, 1, 2, 0, 0).unwrap() + Duration::days(no as i64 % 50),
        ),
        shipping_fen: 0,
        discount_fen: 0,
        paid_fen: None,
        note: String::new(),
        items: vec![NewOrderItem {
            product_name: product.into(),
            sku: sku.into(),
            category: category.into(),
            quantity: 1,
            unit_price_fen: fen,
        }],
    }
}

/// Class and stage of customer i in the fixture scores.
pub fn class_of(i: usize) -> &'static str {
    ["important_value", "general_keep", "general_retain"][i % 3]
}
pub fn stage_of(i: usize) -> &'static str {
    ["new", "active", "dormant", "churned"][i % 4]
}

pub fn shop() -> Shop {
    let (tmp, dir) = temp_store_dir();
    let (store, owner, _) = init(&dir);
    let mut ids = Vec::new();
    let mut no = 0;
    for i in 0..12usize {
        let id = customers::create(
            &store,
            &owner,
            &customer(&format!("客户{i}"), &format!("1380013{i:04}")),
        )
        .unwrap();
        let orders = i % 3 + 1;
        let total = (i as i64 + 1) * 10_000;
        for k in 0..orders {
            let fen = if k == 0 {
                total - (orders as i64 - 1) * 1_000
            } else {
                1_000
            };
            let (product, sku, category) = if i % 2 == 0 {
                ("龙井", "LJ-1", "茶叶")
            } else {
                ("紫砂壶", "ZS-9", "茶具")
            };
            no += 1;
            laoke::sales::create(
                &store,
                &owner,
                &order(id, no, fen, product, sku, category),
                &Default::default(),
            )
            .unwrap();
        }
        if i % 4 == 0 {
            consent::record_choice(
                &store,
                &owner,
                id,
                &[(ConsentChannel::Sms, true)],
                "in_store_form",
            )
            .unwrap();
        }
        ids.push(id);
    }
    // Customer 4 withdrew afterwards: the latest row wins.
    consent::withdraw_all(&store, &owner, ids[4]).unwrap();
    // A customer who never bought (a prospect).
    ids.push(customers::create(&store, &owner, &customer("潜在客户", "13900009999")).unwrap());
    let conn = raw_connection_as_owner(&store, &owner);
    for (i, id) in ids.iter().enumerate() {
        let buyer = i < 12;
        conn.execute(
            "INSERT INTO customer_scores (customer_id, last_order_day, f_orders, m_fen, lifetime_orders,
                 rfm_class, r_score, f_score, m_score, stage, is_returning)
             VALUES (?1, ?2, ?3, ?4, ?3, ?5, 3, 3, 3, ?6, ?7)",
            rusqlite::params![
                id,
                buyer.then(|| format!("2026-02-{:02}", 28 - i)),
                if buyer { i as i64 % 3 + 1 } else { 0 },
                if buyer { (i as i64 + 1) * 10_000 } else { 0 },
                buyer.then(|| class_of(i)),
                if buyer { stage_of(i) } else { "prospect" },
                buyer && i % 3 > 0,
            ],
        )
        .unwrap();
        if buyer {
            let tier = if i >= 9 { "gold" } else { "regular" };
            conn.execute(
                "INSERT OR REPLACE INTO customer_tiers (customer_id, tier, reached_at, retained_until, updated_at)
                 VALUES (?1, ?2, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                rusqlite::params![id, tier],
            )
            .unwrap();
            for (month, class) in [
                ("2026-01", Some(class_of(i + 1))),
                ("2026-02", Some(class_of(i))),
            ] {
                let class = if i == 0 && month == "2026-01" {
                    None
                } else {
                    class
                };
                conn.execute(
                    "INSERT INTO customer_class_months (month, customer_id, rfm_class, stage) VALUES (?1, ?2, ?3, 'active')",
                    rusqlite::params![month, id, class],
                )
                .unwrap();
            }
        }
    }
    Shop {
        _tmp: tmp,
        store,
        owner,
        ids,
    }
}

impl Shop {
    /// The list's count and the segment's count of one definition, and the ids the list pages.
    pub fn counts(&self, d: &SegmentDefinition) -> (u64, u64, Vec<i64>) {
        let f = CustomerFilter {
            definition: d.clone(),
            ..Default::default()
        };
        let (total, spend, ids) = self.filter_counts(&f);
        let seg = segments::count(&self.store, &self.owner, d).unwrap();
        assert_eq!(seg.spend_fen, spend, "segment spend = list spend");
        (total, seg.customers, ids)
    }

    /// The list's total and spend for a filter, and the ids its page shows (all of them).
    pub fn filter_counts(&self, f: &CustomerFilter) -> (u64, i64, Vec<i64>) {
        let mut page = f.clone();
        page.definition.query.page = 1;
        page.definition.query.page_size = 500;
        let rows = customer_list::page(&self.store, &self.owner, &page).unwrap();
        let total = customer_list::totals(&self.store, &self.owner, f).unwrap();
        assert_eq!(
            total.total as usize,
            rows.rows.len(),
            "the totals row counts the page's rows"
        );
        let mut ids: Vec<i64> = rows.rows.iter().map(|r| r.id).collect();
        ids.sort();
        (total.total, total.total_spend_fen, ids)
    }

    /// Ids of customers by their fixture index.
    pub fn pick(&self, f: impl Fn(usize) -> bool) -> Vec<i64> {
        let mut v: Vec<i64> = self
            .ids
            .iter()
            .enumerate()
            .filter(|(i, _)| f(*i))
            .map(|(_, id)| *id)
            .collect();
        v.sort();
        v
    }
}
