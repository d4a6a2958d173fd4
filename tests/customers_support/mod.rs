//! Helpers for the customer tests: a store on a clock the test can move, orders written
//! straight into the database (with marketplace receiver details, which manual entry lacks), and a dump of
//! every row that belongs to a customer so "restored exactly" can be compared as a whole.

#![allow(dead_code)] // each test file uses a different subset

use crate::common;
use chrono::{DateTime, Utc};
use laoke::{
    auth::{Role, Session},
    clock::{FixedClock, SharedClock},
    store::Store,
};
use rusqlite::{params, types::Value, Connection};
use std::{path::Path, sync::Arc};

pub struct Shop {
    pub _tmp: tempfile::TempDir,
    pub store: Store,
    pub owner: Session,
    pub clock: Arc<FixedClock>,
    pub raw: Connection,
}

/// A new store whose clock the test moves by hand.
pub fn shop() -> Shop {
    let (tmp, dir) = common::temp_store_dir();
    let clock = common::fixed_clock();
    let shared: SharedClock = clock.clone();
    let (store, owner, _) =
        Store::init(&dir, &common::owner(), shared).expect("a store can be created");
    let raw = common::raw_connection_as_owner(&store, &owner);
    Shop {
        _tmp: tmp,
        store,
        owner,
        clock,
        raw,
    }
}

impl Shop {
    /// Log in as a new user of `role` on the same store (same clock).
    pub fn user(&self, name: &str, role: Role) -> (Store, Session) {
        common::add_user(&self.store, &self.owner, name, role, "a good password 1");
        let shared: SharedClock = self.clock.clone();
        Store::login(self.store.dir(), name, "a good password 1", shared)
            .expect("the new user can log in")
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now_utc()
    }

    /// A paid order with one item, written directly (status 'paid', paid = goods).
    pub fn order(&self, customer: i64, order_no: &str, paid_fen: i64, category: &str) -> i64 {
        self.order_with(customer, order_no, "paid", paid_fen, 0, category)
    }

    pub fn order_with(
        &self,
        customer: i64,
        order_no: &str,
        status: &str,
        paid_fen: i64,
        refunded_fen: i64,
        category: &str,
    ) -> i64 {
        let at = laoke::store::ts(self.clock.now_utc());
        self.raw
            .execute(
                "INSERT INTO orders (customer_id, channel, order_no, status, ordered_at, paid_at,
                        goods_fen, paid_fen, refunded_fen, buyer_nick, receiver_name, receiver_phone,
                        receiver_address, created_by, created_at, updated_at)
                 VALUES (?1, 'taobao', ?2, ?3, ?4, ?4, ?5, ?5, ?6, '买家昵称', '收货人', '+8613800138000',
                         '收货地址', 'test', ?4, ?4)",
                params![customer, order_no, status, at, paid_fen, refunded_fen],
            )
            .expect("an order can be written");
        let id = self.raw.last_insert_rowid();
        self.raw
            .execute(
                "INSERT INTO order_items (order_id, product_name, category, quantity, unit_price_fen)
                 VALUES (?1, ?2, ?3, 1, ?4)",
                params![id, format!("{category}商品"), category, paid_fen],
            )
            .expect("an item can be written");
        laoke::orders::refresh_stats(&self.raw, &[customer]).expect("stats are refreshed");
        id
    }

    /// Every row about `id` in customers, its child tables, consents and which orders it owns.
    pub fn dump(&self, id: i64) -> Vec<String> {
        let mut out = Vec::new();
        for (table, col) in [
            ("customers", "id"),
            ("customer_phones", "customer_id"),
            ("customer_nicks", "customer_id"),
            ("customer_tags", "customer_id"),
            ("customer_consents", "customer_id"),
        ] {
            out.extend(rows(&self.raw, table, col, id));
        }
        let mut stmt = self
            .raw
            .prepare("SELECT id FROM orders WHERE customer_id = ?1 ORDER BY id")
            .unwrap();
        let orders: Vec<i64> = stmt
            .query_map([id], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        out.push(format!("orders {orders:?}"));
        out
    }

    pub fn audit(&self) -> Vec<(i64, String, String)> {
        common::audit_actions(&self.raw)
    }

    pub fn dir(&self) -> &Path {
        self.store.dir()
    }
}

fn rows(conn: &Connection, table: &str, col: &str, id: i64) -> Vec<String> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT * FROM {table} WHERE {col} = ?1 ORDER BY 1, 2"
        ))
        .unwrap();
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    stmt.query_map([id], |r| {
        let mut s = format!("{table}:");
        for (i, name) in names.iter().enumerate() {
            let v: Value = r.get(i)?;
            s.push_str(&format!(" {name}={v:?}"));
        }
        Ok(s)
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

trait NowUtc {
    fn now_utc(&self) -> DateTime<Utc>;
}

impl NowUtc for FixedClock {
    fn now_utc(&self) -> DateTime<Utc> {
        laoke::clock::Clock::now(self)
    }
}
