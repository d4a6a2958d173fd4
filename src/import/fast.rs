//! Creating orders that do not exist yet, in bulk. `orders::upsert_in_tx` is the contract for
//! every writer and the import still uses it for orders that already exist (update or skip);
//! for the new ones of a large import it costs three statements per order that the import can
//! answer from memory (the customer was just resolved, the product was seen a row ago, the
//! order was just checked to be absent). This writes the same rows as `upsert_in_tx`'s create
//! branch — the order already passed `orders::normalize` — with products and categories
//! cached for the whole import, and records the same `import_changes` row for undo.

use crate::{orders::NewOrder, store::ts, Result};
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use std::collections::HashMap;

#[derive(Default)]
pub struct NewOrders {
    products: HashMap<(String, String), i64>,
    categories: HashMap<String, i64>,
}

impl NewOrders {
    /// Insert a normalised order known to be absent (same columns as `upsert_in_tx`).
    pub fn create(
        &mut self,
        tx: &Transaction,
        actor: &str,
        o: &NewOrder,
        batch: i64,
        now: DateTime<Utc>,
    ) -> Result<i64> {
        let at = ts(now);
        let id = crate::orders::write::insert_order_row(tx, actor, o, Some(batch), &at)?;
        let mut ins = tx.prepare_cached(
            "INSERT INTO order_items (order_id, position, product_id, product_name, sku, category,
                                      quantity, unit_price_fen)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (pos, it) in o.items.iter().enumerate() {
            let product = self.product(tx, &it.product_name, &it.sku, &it.category, &at)?;
            ins.execute(params![
                id,
                pos as i64,
                product,
                it.product_name,
                it.sku,
                it.category,
                it.quantity,
                it.unit_price_fen
            ])?;
        }
        tx.prepare_cached(
            "INSERT INTO import_changes (batch_id, entity, entity_id, action, before)
             VALUES (?1, 'order', ?2, 'created', NULL)",
        )?
        .execute(params![batch, id])?;
        Ok(id)
    }

    fn product(
        &mut self,
        conn: &Connection,
        name: &str,
        sku: &str,
        category: &str,
        at: &str,
    ) -> Result<i64> {
        let key = (name.to_string(), sku.to_string());
        if let Some(id) = self.products.get(&key) {
            return Ok(*id);
        }
        let category_id = if category.is_empty() {
            None
        } else if let Some(id) = self.categories.get(category) {
            Some(*id)
        } else {
            conn.prepare_cached(
                "INSERT OR IGNORE INTO categories (name, created_at) VALUES (?1, ?2)",
            )?
            .execute(params![category, at])?;
            let id: i64 = conn
                .prepare_cached("SELECT id FROM categories WHERE name = ?1")?
                .query_row([category], |r| r.get(0))?;
            self.categories.insert(category.to_string(), id);
            Some(id)
        };
        conn.prepare_cached(
            "INSERT INTO products (name, sku, category_id, created_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (name, sku) DO UPDATE SET category_id = coalesce(products.category_id, excluded.category_id)
             WHERE products.category_id IS NULL AND excluded.category_id IS NOT NULL",
        )?
        .execute(params![name, sku, category_id, at])?;
        let id: i64 = conn
            .prepare_cached("SELECT id FROM products WHERE name = ?1 AND sku = ?2")?
            .query_row(params![name, sku], |r| r.get(0))?;
        self.products.insert(key, id);
        Ok(id)
    }
}
