//! The import itself: every row checked, customers matched or created, orders written, all
//! inside ONE transaction. A dry run is the same work rolled back, so its counts are exactly
//! what the real import will do (it stops after the rows: index rebuild, stats, points and
//! search index would be rolled back anyway). Cancel also rolls back: nothing is ever
//! half-imported. The orders' loyalty points and tiers follow in the same transaction.
//!
//! Rows of one order sit together in item-level exports (JD, Douyin, WeChat shop); consecutive
//! rows with the same order number become one order with several items, the order-level
//! amounts taken from its first row. If any row of an order is bad, the whole order is rejected
//! (a partial order would be wrong), and every one of its rows goes to the error workbook.
//!
//! How the work is split for speed (docs/BENCHMARKS.md "Import"): rows are read and checked on
//! a second thread a few batches ahead; new customers and orders go through the batched writer
//! (`fast`, whose orders go through the one order writer `orders::OrderWriter`), orders that
//! exist through `orders::upsert_in_tx` (update or skip; a changed refunded total becomes a
//! refund row); a file large next to the store builds the order indexes after loading (`bulk`).

use super::fields::{Field, ImportKind};
use super::fxhash::{FastMap, FastSet};
use super::identity::{Identities, Person};
use super::mapping::Resolved;
use super::read::{clean_text, Loaded, Position, Value};
use super::validate::{self, OrderRow, Problem};
use super::{ImportReport, Progress, RejectedRow, RowProblem};
use crate::{
    audit,
    auth::Session,
    customers,
    i18n::Msg,
    money::yuan,
    orders::{self, Channel, NewOrder, NewOrderItem, OrderStatus, UpsertOutcome},
    store::ts,
    Result,
};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::{params, Connection, Transaction, TransactionBehavior};
use serde_json::json;
use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};

/// How many touched customers make a full stats rebuild cheaper than one-by-one refreshes.
const REBUILD_STATS_ABOVE: usize = 20_000;
const PROGRESS_EVERY: u64 = 2_000;

pub(crate) struct Job<'a> {
    pub loaded: &'a Loaded,
    pub resolved: &'a Resolved,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub preset: &'a str,
    pub tz: Tz,
    pub dry_run: bool,
    pub bulk: super::BulkMode,
    pub remember: Option<&'a super::mapping::Mapping>,
    /// The refund column holds each item row's refund (WeChat shop's 商品已退款金额), so an
    /// order's refund is the sum over its rows, not its first row's value.
    pub refunds_per_row: bool,
}

struct Engine<'a, 't> {
    tx: &'t Transaction<'t>,
    job: &'a Job<'a>,
    actor: &'a Session,
    now: DateTime<Utc>,
    batch: i64,
    ids: Identities,
    report: ImportReport,
    /// Rows rejected, with what is wrong (row → problems).
    rejected: BTreeMap<u64, Vec<Problem>>,
    seen_orders: FastMap<(Channel, String), u64>,
    touched: HashSet<i64>,
    default_channel: Channel,
    pending: super::fast::Pending,
    /// Bulk mode: every (channel, order number) in the store at the start, so a new order
    /// needs no query (None: ask the store per order).
    existing: Option<FastSet<(Channel, String)>>,
    /// Bulk mode, once the first new order came: the order indexes to build again.
    dropped: Option<super::bulk::Dropped>,
}

/// Run the job; commits unless it is a dry run or `cancel` was set (then rolls back).
pub(crate) fn run(
    conn: &Connection,
    actor: &Session,
    now: DateTime<Utc>,
    job: &Job,
    progress: &mut dyn FnMut(Progress),
    cancel: &AtomicBool,
    phases: &mut super::phases::Phases,
) -> Result<ImportReport> {
    let tx = Transaction::new_unchecked(conn, TransactionBehavior::Immediate)?;
    tx.execute(
        "INSERT INTO import_batches (kind, file_name, file_sha256, preset, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            job.resolved.kind.as_str(),
            job.file_name,
            job.sha256,
            job.preset,
            actor.username(),
            ts(now)
        ],
    )?;
    let batch = tx.last_insert_rowid();
    // The search triggers wait until the end of the import (see search::deferred).
    let search = crate::search::deferred::defer(&tx)?;
    // A few dozen statement shapes (the batched INSERTs) are reused all import long.
    tx.set_prepared_statement_cache_capacity(64);
    let bulk = job.resolved.kind == ImportKind::Orders
        && match job.bulk {
            super::BulkMode::Always => true,
            super::BulkMode::Never => false,
            super::BulkMode::Auto => super::bulk::worth_it(&tx, job.loaded.estimated_rows())?,
        };
    // In bulk mode the indexes are dropped just before the first new order is written: a
    // file whose orders are all there already (imported twice) rebuilds nothing.
    let existing = if bulk {
        Some(existing_orders(&tx)?)
    } else {
        None
    };
    let mut e = Engine {
        tx: &tx,
        job,
        actor,
        now,
        batch,
        ids: Identities::preload(&tx)?,
        report: ImportReport::new(job),
        rejected: BTreeMap::new(),
        seen_orders: FastMap::with_capacity_and_hasher(
            job.loaded.estimated_rows().min(4_000_000) as usize,
            Default::default(),
        ),
        touched: HashSet::new(),
        default_channel: job.resolved.channel.unwrap_or(Channel::Other),
        pending: super::fast::Pending::new(&tx, batch, actor.username(), now)?,
        existing,
        dropped: None,
    };
    phases.mark("preload identities");
    let mut group: Option<Group> = None;
    let mut cancelled = false;
    let total = job.loaded.total_units();
    let mut tick = |e: &mut Engine, pos: Position| {
        e.report.rows += 1;
        if e.report.rows % PROGRESS_EVERY == 0 {
            if cancel.load(Ordering::Relaxed) {
                return false;
            }
            progress(Progress {
                done: pos.done,
                total: pos.total,
                rows: e.report.rows,
            });
        }
        true
    };
    match job.resolved.kind {
        ImportKind::Orders => {
            // Reading and checking rows (a third of the work) runs on a second thread, a batch
            // ahead of the writes; the channel holds a few batches, so memory stays bounded.
            std::thread::scope(|scope| -> Result<()> {
                let (sender, batches) = std::sync::mpsc::sync_channel::<Vec<Checked>>(4);
                let reader = scope.spawn(move || read_orders(job, sender));
                'rows: for batch in batches {
                    for c in batch {
                        if !tick(&mut e, c.pos) {
                            cancelled = true;
                            break 'rows;
                        }
                        e.order_row(&mut group, c.row_no, c.order_no, c.checked)?;
                    }
                }
                // Leaving the loop drops the receiver: a reader still sending stops.
                reader
                    .join()
                    .map_err(|_| crate::Error::Internal("the import reader failed".into()))?
            })?;
        }
        ImportKind::Customers => {
            job.loaded.for_each_row(&mut |row_no, cells, pos| {
                if !tick(&mut e, pos) {
                    cancelled = true;
                    return Ok(false);
                }
                e.customer_row(row_no, cells)?;
                Ok(true)
            })?;
        }
    }
    if cancelled || cancel.load(Ordering::Relaxed) {
        let mut report = e.report;
        drop(tx);
        report.cancelled = true;
        report.batch_id = None;
        return Ok(report);
    }
    if let Some(g) = group.take() {
        e.flush(g)?;
    }
    e.pending.flush(&tx)?;
    e.pending.record_created_orders(&tx)?;
    phases.mark("rows (check, match, write)");
    if job.dry_run {
        // Rolled back below: the indexes, stats and search index are never seen, so the
        // preview skips them (the rollback puts the dropped indexes back and switches the
        // search triggers on again). The counts are complete already.
        let _ = (search, e.dropped.take());
    } else {
        if let Some(d) = e.dropped.take() {
            d.rebuild(&tx)?;
            phases.mark("rebuild order indexes");
        }
        e.finish_stats()?;
        phases.mark("customer stats");
        // points and tiers at once, not at the next job run (loyalty::job::after_orders_in_tx)
        crate::loyalty::job::after_orders_in_tx(&tx, now, actor.username())?;
        phases.mark("loyalty points");
        // classes and stages at once too, not at the next job run
        crate::insight::score_in_tx(&tx, now, None, "import")?;
        phases.mark("insight scores");
        let touched = e.touched_customers()?;
        search.finish_marked(&tx, touched, &mut |name| phases.mark(name))?;
    }
    let mut report = e.finish()?;
    phases.mark("report, audit");
    progress(Progress {
        done: total,
        total,
        rows: report.rows,
    });
    if job.dry_run {
        drop(tx);
        report.batch_id = None;
    } else {
        if let Some(m) = job.remember {
            super::mapping::remember(&tx, &job.loaded.headers, m, now)?;
        }
        tx.commit()?;
    }
    phases.mark("commit");
    Ok(report)
}

/// One order row read and checked by the reader thread.
struct Checked {
    row_no: u64,
    pos: Position,
    /// The order number grouping rows (as read when the row is bad).
    order_no: String,
    checked: std::result::Result<OrderRow, Vec<Problem>>,
}

const READ_BATCH: usize = 512;

/// The reader thread: every row of the file, checked, in batches. Stops early when the
/// writer is gone (it finished with an error or was cancelled).
fn read_orders(job: &Job, sender: std::sync::mpsc::SyncSender<Vec<Checked>>) -> Result<()> {
    let mut batch = Vec::with_capacity(READ_BATCH);
    job.loaded.for_each_row(&mut |row_no, cells, pos| {
        let checked = validate::order_row(job.resolved, cells, job.tz);
        let order_no = match &checked {
            Ok(r) => r.order_no.clone(),
            Err(_) => job
                .resolved
                .col(Field::OrderNo)
                .and_then(|i| cells.get(i))
                .map(|v| clean_text(&v.to_text()).into_owned())
                .unwrap_or_default(),
        };
        batch.push(Checked {
            row_no,
            pos,
            order_no,
            checked,
        });
        if batch.len() == READ_BATCH {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(READ_BATCH));
            if sender.send(full).is_err() {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    if !batch.is_empty() {
        let _ = sender.send(batch);
    }
    Ok(())
}

/// The rows of one order seen so far.
struct Group {
    order_no: String,
    rows: Vec<u64>,
    parsed: Vec<OrderRow>,
    bad: Vec<(u64, Vec<Problem>)>,
}

impl Engine<'_, '_> {
    fn order_row(
        &mut self,
        group: &mut Option<Group>,
        row_no: u64,
        order_no: String,
        checked: std::result::Result<OrderRow, Vec<Problem>>,
    ) -> Result<()> {
        let same = group
            .as_ref()
            .is_some_and(|g| !order_no.is_empty() && g.order_no == order_no);
        if !same {
            if let Some(g) = group.take() {
                self.flush(g)?;
            }
            *group = Some(Group {
                order_no,
                rows: Vec::new(),
                parsed: Vec::new(),
                bad: Vec::new(),
            });
        }
        let g = group.as_mut().expect("a group was just ensured");
        g.rows.push(row_no);
        match checked {
            Ok(r) => {
                if r.masked_phone {
                    self.report.masked_phones += 1;
                }
                g.parsed.push(r)
            }
            Err(p) => g.bad.push((row_no, p)),
        }
        Ok(())
    }

    fn reject(&mut self, row: u64, problems: Vec<Problem>) {
        self.report.rejected += 1;
        self.rejected.entry(row).or_default().extend(problems);
    }

    fn reject_group(&mut self, g: Group, why: Problem) {
        let bad_rows: HashSet<u64> = g.bad.iter().map(|b| b.0).collect();
        for (row, problems) in g.bad {
            self.reject(row, problems);
        }
        for row in g.rows.into_iter().filter(|r| !bad_rows.contains(r)) {
            self.reject(row, vec![why.clone()]);
        }
    }

    fn flush(&mut self, g: Group) -> Result<()> {
        if !g.bad.is_empty() {
            let first = g.bad[0].0;
            let why = Problem {
                column: None,
                msg: Msg::new(
                    format!("同一订单的第 {first} 行有错误，整张订单没有导入。"),
                    format!("Row {first} of the same order has a problem, so the whole order was not imported."),
                ),
            };
            self.reject_group(g, why);
            return Ok(());
        }
        let first = &g.parsed[0];
        let channel = first.channel.unwrap_or(self.default_channel);
        let key = (channel, g.order_no.clone());
        if let Some(earlier) = self.seen_orders.get(&key) {
            let why = Problem {
                column: self.job.resolved.col(Field::OrderNo),
                msg: Msg::new(
                    format!("订单号 {} 在第 {earlier} 行已经出现过（同一订单的各行要挨在一起）。", g.order_no),
                    format!("Order number {} already appeared in row {earlier} (rows of one order must be next to each other).", g.order_no),
                ),
            };
            self.reject_group(g, why);
            return Ok(());
        }
        self.seen_orders.insert(key, g.rows[0]);
        let order = match build_order(&g, channel, self.job.refunds_per_row) {
            Ok(o) => o,
            Err(msg) => {
                self.reject_group(g, Problem { column: None, msg });
                return Ok(());
            }
        };
        let order = match orders::normalize(&order) {
            Ok(o) => o,
            Err(crate::Error::Invalid(msg)) => {
                self.reject_group(g, Problem { column: None, msg });
                return Ok(());
            }
            Err(other) => return Err(crate::Error::Internal(other.to_string())),
        };
        let first = &g.parsed[0];
        let platform = validate::nick_platform(channel);
        let person = Person {
            phone: first.mobile.as_deref(),
            nick: first.buyer_nick.as_deref().map(|n| (platform, n)),
            name: first.receiver_name.as_deref(),
            province: first.province.as_deref(),
            city: first.city.as_deref(),
            address: first.address.as_deref(),
            source: channel.label_zh(),
        };
        let customer = self
            .ids
            .resolve(self.tx, &person, self.batch, &mut self.pending)?;
        let order = NewOrder {
            customer_id: customer,
            ..order
        };
        let existing = match &self.existing {
            Some(keys) => keys.contains(&(order.channel, order.order_no.clone())),
            None => self
                .tx
                .prepare_cached("SELECT 1 FROM orders WHERE channel = ?1 AND order_no = ?2")?
                .exists(params![order.channel.as_str(), order.order_no])?,
        };
        if !existing {
            if self.existing.is_some() && self.dropped.is_none() {
                self.pending.flush(self.tx)?;
                self.dropped = Some(super::bulk::drop_indexes(self.tx)?);
            }
            self.pending.order(self.tx, order)?;
            self.report.created += 1;
            if let Some(c) = customer {
                self.touched.insert(c);
            }
            return Ok(());
        }
        // An order that exists: its customer must be written before the upsert looks.
        self.pending.flush(self.tx)?;
        match orders::upsert_in_tx(
            self.tx,
            self.actor.username(),
            &order,
            Some(self.batch),
            self.now,
        )? {
            UpsertOutcome::Created(id) => {
                // Not expected (the order was just found), but its id must not be handed out
                // again by the batched writer.
                self.pending.taken_order_id(id);
                self.report.created += 1
            }
            UpsertOutcome::Updated(_) => self.report.updated += 1,
            UpsertOutcome::Unchanged(_) => {
                self.report.skipped += 1;
                return Ok(());
            }
        }
        if let Some(c) = customer {
            self.touched.insert(c);
        }
        Ok(())
    }

    fn customer_row(&mut self, row_no: u64, cells: &[Value]) -> Result<()> {
        debug_assert!(self.pending.is_empty(), "customer lists write row by row");
        let c = match validate::customer_row(self.job.resolved, cells) {
            Ok(c) => c,
            Err(p) => {
                self.reject(row_no, p);
                return Ok(());
            }
        };
        let phones = match customers::validate(&c) {
            Ok(p) => p,
            Err(crate::Error::Invalid(msg)) => {
                self.reject(row_no, vec![Problem { column: None, msg }]);
                return Ok(());
            }
            Err(e) => return Err(e),
        };
        let mut found = None;
        for p in &phones {
            if found.is_none() {
                found = self.ids.find_by_phone(self.tx, p)?;
            }
        }
        for (pl, n) in &c.nicks {
            if found.is_none() {
                found = self.ids.find_by_nick(self.tx, pl, n)?;
            }
        }
        if found.is_none() {
            found = self.ids.find_by_email_or_bare_name(self.tx, &c, &phones)?;
        }
        match found {
            Some(id) => {
                if self
                    .ids
                    .complete(self.tx, id, &c, &phones, self.batch, self.now)?
                {
                    self.report.updated += 1;
                } else {
                    self.report.skipped += 1;
                }
            }
            None => {
                self.ids
                    .create(self.tx, &c, &phones, self.batch, self.now)?;
                self.report.created += 1;
            }
        }
        Ok(())
    }

    fn finish_stats(&mut self) -> Result<()> {
        if self.touched.len() > REBUILD_STATS_ABOVE {
            orders::rebuild_all_stats(self.tx)?;
        } else {
            let ids: Vec<i64> = self.touched.iter().copied().collect();
            orders::refresh_stats(self.tx, &ids)?;
        }
        Ok(())
    }

    /// Every customer whose row, phones, nicks or stats this import changed: the ones given
    /// orders (stats) and every customer, phone and nick in the batch's undo record.
    fn touched_customers(&self) -> Result<Vec<i64>> {
        let mut ids: Vec<i64> = self.touched.iter().copied().collect();
        let mut stmt = self.tx.prepare(
            "SELECT entity_id FROM import_changes WHERE batch_id = ?1 AND entity = 'customer'
             UNION ALL
             SELECT p.customer_id FROM import_changes c JOIN customer_phones p ON p.id = c.entity_id
              WHERE c.batch_id = ?1 AND c.entity = 'customer_phone'
             UNION ALL
             SELECT n.customer_id FROM import_changes c JOIN customer_nicks n ON n.id = c.entity_id
              WHERE c.batch_id = ?1 AND c.entity = 'customer_nick'",
        )?;
        let rows = stmt.query_map([self.batch], |r| r.get(0))?;
        for id in rows {
            ids.push(id?);
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    fn finish(mut self) -> Result<ImportReport> {
        let r = &mut self.report;
        r.customers_created = self.ids.created;
        r.customers_updated = self.ids.updated;
        r.batch_id = Some(self.batch);
        self.tx.execute(
            "UPDATE import_batches SET created_count = ?2, updated_count = ?3, skipped_count = ?4,
                    rejected_count = ?5 WHERE id = ?1",
            params![
                self.batch,
                r.created as i64,
                r.updated as i64,
                r.skipped as i64,
                r.rejected as i64
            ],
        )?;
        if !self.job.dry_run {
            audit::record(
                self.tx,
                self.now,
                self.actor.audit_actor(),
                "import",
                &format!("import_batch:{}", self.batch),
                json!({
                    "file": self.job.file_name,
                    "preset": self.job.preset,
                    "kind": self.job.resolved.kind.as_str(),
                    "created": r.created,
                    "updated": r.updated,
                    "skipped": r.skipped,
                    "rejected": r.rejected,
                    "customersCreated": r.customers_created,
                }),
            )?;
        }
        // The rejected rows' original cells, for the error workbook (a second pass, only when
        // something was rejected).
        if !self.rejected.is_empty() {
            let headers = &self.job.loaded.headers;
            let mut rows = Vec::with_capacity(self.rejected.len());
            let rejected = &self.rejected;
            self.job.loaded.for_each_row(&mut |row_no, cells, _| {
                if let Some(problems) = rejected.get(&row_no) {
                    rows.push(RejectedRow {
                        row: row_no,
                        cells: cells.iter().map(Value::to_text).collect(),
                        problems: problems
                            .iter()
                            .map(|p| RowProblem {
                                row: row_no,
                                column: p.column.and_then(|c| headers.get(c).cloned()),
                                message_zh: p.msg.zh.clone(),
                                message_en: p.msg.en.clone(),
                            })
                            .collect(),
                    });
                }
                Ok(true)
            })?;
            r.problems_total = rows.iter().map(|x| x.problems.len() as u64).sum();
            r.rejected_rows = rows;
        }
        Ok(self.report)
    }
}

/// Every (channel, order number) in the store.
fn existing_orders(conn: &Connection) -> Result<FastSet<(Channel, String)>> {
    let mut keys = FastSet::default();
    let mut stmt = conn.prepare("SELECT channel, order_no FROM orders")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let channel: String = r.get(0)?;
        if let Some(c) = Channel::ALL.into_iter().find(|c| c.as_str() == channel) {
            keys.insert((c, r.get(1)?));
        }
    }
    Ok(keys)
}

/// One order from its rows: items from every row, order-level values from the first.
fn build_order(
    g: &Group,
    channel: Channel,
    refunds_per_row: bool,
) -> std::result::Result<NewOrder, Msg> {
    let first = &g.parsed[0];
    let single = g.parsed.len() == 1;
    let mut items = Vec::new();
    for r in &g.parsed {
        let Some(name) = r.product.clone() else {
            continue;
        };
        let quantity = r.quantity.unwrap_or(1);
        let unit = match r.unit_price {
            Some(u) => u,
            None if single => {
                let total = r.goods.or(r
                    .paid
                    .map(|p| (p - r.shipping.unwrap_or(0) + r.discount.unwrap_or(0)).max(0)));
                total.map(|t| (t + quantity / 2) / quantity).unwrap_or(0)
            }
            None => 0,
        };
        items.push(NewOrderItem {
            product_name: name,
            sku: r.sku.clone(),
            category: r.category.clone(),
            quantity,
            unit_price_fen: unit,
        });
    }
    let items_total: i64 = items.iter().map(|i| i.quantity * i.unit_price_fen).sum();
    let shipping = first.shipping.unwrap_or(0);
    let discount = first.discount.unwrap_or(0);
    let goods = first.goods.unwrap_or(items_total);
    let paid = first
        .paid
        .unwrap_or_else(|| (goods + shipping - discount).max(0));
    let mut refunded = if refunds_per_row {
        g.parsed.iter().filter_map(|r| r.refunded).sum()
    } else {
        first.refunded.unwrap_or(0)
    };
    let mut status = first.status.unwrap_or(OrderStatus::Paid);
    if refunded > 0 && (status.counts_as_purchase() || status == OrderStatus::Cancelled) {
        status = if refunded >= paid {
            OrderStatus::Refunded
        } else {
            OrderStatus::PartiallyRefunded
        };
    }
    if status == OrderStatus::Refunded && refunded == 0 {
        refunded = paid;
    }
    if refunded > paid {
        return Err(Msg::new(
            format!(
                "退款金额（{}）大于实付金额（{}）。",
                yuan(refunded),
                yuan(paid)
            ),
            format!(
                "The refund ({}) is more than the amount paid ({}).",
                yuan(refunded),
                yuan(paid)
            ),
        ));
    }
    let ordered_at = first
        .ordered_at
        .ok_or_else(|| Msg::new("下单时间不能为空。", "The order time is empty."))?;
    let mut paid_at = first.paid_at;
    if paid_at.is_none() && (status.counts_as_purchase() || status == OrderStatus::Refunded) {
        paid_at = Some(ordered_at);
    }
    Ok(NewOrder {
        customer_id: None,
        channel,
        order_no: g.order_no.clone(),
        status,
        ordered_at,
        paid_at,
        goods_fen: goods,
        shipping_fen: shipping,
        discount_fen: discount,
        paid_fen: paid,
        refunded_fen: refunded,
        buyer_nick: first.buyer_nick.clone(),
        receiver_name: first.receiver_name.clone(),
        receiver_phone: first.mobile.clone(),
        receiver_address: first.address.clone(),
        note: first.note.clone(),
        items,
    })
}
