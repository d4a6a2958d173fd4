//! The "Today" page in one call: follow-ups due, SLA due soon / breached, unpaid orders to
//! chase (催付), birthdays in the next 7 days — each with an exact count and its first rows —
//! plus points expiring within 30 and within 7 days (served from the list the loyalty job
//! stores, [`crate::loyalty::reminders`]), coupons expiring within 7 days, and holidays in the
//! next 30 days whose year has no published arrangement yet (computed statutory days only,
//! [`crate::holidays`]), so the owner enters the State Council's arrangement before it matters.
//! The navigation badge ([`TodayCounts::badge`]) counts what needs action today: birthdays
//! today only, not the week's. The ticket, follow-up, order and birthday sections are index
//! range scans (migration 0008), so the call stays fast on a store with a million orders
//! (`laoke bench tickets`).

use super::payment;
use crate::customers::birthday;
use crate::orders::Channel;
use crate::tickets::query::{self, Queue, TicketQuery, TicketRow};
use crate::{
    auth::{Permission, Session},
    settings,
    store::Store,
    time::{parse_ts, ts},
    Result,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;

/// Rows returned per section (counts are exact).
pub const SECTION_ROWS: usize = 50;
/// Birthdays this many days ahead, today included (DEFAULTS.md: birthday care 7 days before).
pub const BIRTHDAY_DAYS: i64 = 7;

#[derive(Serialize, Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TodayCounts {
    pub follow_ups: u64,
    pub sla_due_soon: u64,
    pub sla_breached: u64,
    pub unpaid_orders: u64,
    /// Birthdays in the next [`BIRTHDAY_DAYS`] days, today included (the page's list).
    pub birthdays: u64,
    /// Birthdays today: the ones in the badge.
    pub birthdays_today: u64,
    /// Customers with points expiring within [`EXPIRY_DAYS`] (7).
    pub points_expiring: u64,
    /// Customers with points expiring within [`EXPIRY_REMIND_DAYS`] (30): a reminder, not in
    /// the badge (the 7-day count is).
    pub points_expiring_30: u64,
    pub coupons_expiring: u64,
    /// The number on the navigation badge: what needs action today — follow-ups due, SLA due
    /// soon and breached, 催付, birthdays today, points and coupons expiring within 7 days.
    pub badge: u64,
}

impl TodayCounts {
    /// The badge: the week's other birthdays and the 30-day points reminder are on the page,
    /// not in the badge.
    pub fn badge(&self) -> u64 {
        self.follow_ups
            + self.sla_due_soon
            + self.sla_breached
            + self.unpaid_orders
            + self.birthdays_today
            + self.points_expiring
            + self.coupons_expiring
    }
}

/// The birthday section: the week's count, today's count and the first rows.
#[derive(Debug, Clone)]
pub struct BirthdaysSoon {
    pub count: u64,
    pub today: u64,
    pub rows: Vec<BirthdayRow>,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DueFollowUp {
    pub follow_up_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub kind: super::followups::FollowUpKind,
    pub next_contact_on: String,
    pub notes: String,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct UnpaidOrder {
    pub order_id: i64,
    pub order_no: String,
    pub channel: Channel,
    pub customer_id: Option<i64>,
    pub customer_name: Option<String>,
    pub ordered_at: DateTime<Utc>,
    /// Which reminder is due (1: 30 min, 2: 4 h, 3: 2 h before the platform closes it).
    pub step: usize,
    pub closes_at: DateTime<Utc>,
    pub goods_fen: i64,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BirthdayRow {
    pub customer_id: i64,
    pub customer_name: String,
    /// `MM-DD` or `YYYY-MM-DD` as stored, shown as typed.
    pub birthday: String,
    pub on: NaiveDate,
    pub in_days: i64,
}

#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Today {
    pub day: NaiveDate,
    pub counts: TodayCounts,
    pub follow_ups: Vec<DueFollowUp>,
    pub sla_due_soon: Vec<TicketRow>,
    pub sla_breached: Vec<TicketRow>,
    pub unpaid_orders: Vec<UnpaidOrder>,
    pub birthdays: Vec<BirthdayRow>,
    /// Customers whose points expire within [`EXPIRY_DAYS`] (loyalty ledger).
    pub points_expiring: Vec<crate::loyalty::ExpiringPoints>,
    /// Customers whose points expire within [`EXPIRY_REMIND_DAYS`] (the first reminder).
    pub points_expiring_30: Vec<crate::loyalty::ExpiringPoints>,
    /// Unused coupons that expire within [`EXPIRY_DAYS`].
    pub coupons_expiring: Vec<crate::loyalty::coupons::CouponGrant>,
    /// Days off within [`HOLIDAY_WARN_DAYS`] of a year whose arrangement is not yet published
    /// (调休待公布): a notice, not counted in the badge.
    pub holidays_unpublished: Vec<crate::holidays::HolidayDay>,
}

/// Warn this many days ahead of a holiday whose arrangement is missing (issue 17).
pub const HOLIDAY_WARN_DAYS: i64 = 30;

/// Points and coupons expiring this many days ahead (DEFAULTS.md: remind 7 days before).
pub const EXPIRY_DAYS: i64 = 7;
/// The first points reminder, this many days ahead (DEFAULTS.md: 30 and 7 days before).
pub const EXPIRY_REMIND_DAYS: i64 = 30;

/// The due list at the store's now, in the shop's timezone.
pub fn today(store: &Store, s: &Session) -> Result<Today> {
    s.require(Permission::WorkWithCustomers)?;
    let day = store
        .now()
        .with_timezone(&settings::timezone(store))
        .date_naive();
    let (fu_count, follow_ups) = follow_ups_due(store, s)?;
    let now = ts(store.now());
    let due_soon_count = query::count_due_soon(store.conn(), &now)?;
    let breached_count = query::count_breached(store.conn(), &now)?;
    let queue = |q: Queue| {
        query::list(
            store,
            s,
            &TicketQuery {
                queue: q,
                sort: Some("slaDueAt".into()),
                page_size: SECTION_ROWS as u32,
                ..Default::default()
            },
        )
        .map(|p| p.rows)
    };
    let sla_due_soon = queue(Queue::DueSoon)?;
    let sla_breached = queue(Queue::Breached)?;
    let (unpaid_count, unpaid_orders) = unpaid_to_chase(store, s)?;
    let birthdays = birthdays_soon(store, s)?;
    let expiring = |days| {
        crate::loyalty::reminders::expiring_page(store.conn(), store.now(), days, SECTION_ROWS)
    };
    let (points_count, points_expiring) = expiring(EXPIRY_DAYS)?;
    let (points_30_count, points_expiring_30) = expiring(EXPIRY_REMIND_DAYS)?;
    let mut coupons_expiring = crate::loyalty::coupons::expiring(store, s, EXPIRY_DAYS)?;
    let coupons_count = coupons_expiring.len() as u64;
    coupons_expiring.truncate(SECTION_ROWS);
    let holidays_unpublished =
        crate::holidays::unpublished_ahead(store.conn(), day, HOLIDAY_WARN_DAYS)?;
    let mut counts = TodayCounts {
        follow_ups: fu_count,
        sla_due_soon: due_soon_count,
        sla_breached: breached_count,
        unpaid_orders: unpaid_count,
        birthdays: birthdays.count,
        birthdays_today: birthdays.today,
        points_expiring: points_count,
        points_expiring_30: points_30_count,
        coupons_expiring: coupons_count,
        badge: 0,
    };
    counts.badge = counts.badge();
    Ok(Today {
        day,
        counts,
        follow_ups,
        sla_due_soon,
        sla_breached,
        unpaid_orders,
        birthdays: birthdays.rows,
        points_expiring,
        points_expiring_30,
        coupons_expiring,
        holidays_unpublished,
    })
}

/// Matches migration 0008's `customers_inactive` partial index (few rows: a cheap probe).
const INACTIVE: &str =
    "(c.deleted_at IS NOT NULL OR c.merged_into IS NOT NULL OR c.erased_at IS NOT NULL)";
const ACTIVE: &str = "c.deleted_at IS NULL AND c.merged_into IS NULL AND c.erased_at IS NULL";

/// Follow-ups whose latest plan is today or earlier: (count, first rows).
pub fn follow_ups_due(store: &Store, s: &Session) -> Result<(u64, Vec<DueFollowUp>)> {
    s.require(Permission::WorkWithCustomers)?;
    let day = store
        .now()
        .with_timezone(&settings::timezone(store))
        .date_naive();
    let conn = store.conn();
    let fu_count: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM follow_ups f
             WHERE f.next_contact_on IS NOT NULL AND f.superseded = 0 AND f.next_contact_on <= ?1
               AND NOT EXISTS (SELECT 1 FROM customers c INDEXED BY customers_inactive
                               WHERE c.id = f.customer_id AND {INACTIVE})"
        ))?
        .query_row([day.to_string()], |r| r.get(0))?;
    let follow_ups = conn
        .prepare_cached(&format!(
            "SELECT f.id, f.customer_id, c.name, f.kind, f.next_contact_on, f.notes
             FROM follow_ups f JOIN customers c ON c.id = f.customer_id
             WHERE f.next_contact_on IS NOT NULL AND f.superseded = 0 AND f.next_contact_on <= ?1 AND {ACTIVE}
             ORDER BY f.next_contact_on, f.id LIMIT {SECTION_ROWS}"
        ))?
        .query_map([day.to_string()], |r| {
            Ok(DueFollowUp {
                follow_up_id: r.get(0)?,
                customer_id: r.get(1)?,
                customer_name: r.get(2)?,
                kind: super::followups::FollowUpKind::from_code(&r.get::<_, String>(3)?),
                next_contact_on: r.get(4)?,
                notes: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;

    Ok((fu_count as u64, follow_ups))
}

/// Unpaid orders with a 催付 reminder due now: (count, first rows).
pub fn unpaid_to_chase(store: &Store, s: &Session) -> Result<(u64, Vec<UnpaidOrder>)> {
    s.require(Permission::WorkWithCustomers)?;
    let now = store.now();
    let conn = store.conn();
    // 催付: unpaid orders still inside the longest platform window.
    let since = ts(now - Duration::hours(payment::LONGEST_WINDOW_HOURS));
    let mut sent_st = conn.prepare_cached(
        "SELECT created_at FROM follow_ups WHERE order_id = ?1 AND kind = 'payment' ORDER BY created_at",
    )?;
    let mut unpaid_orders = Vec::new();
    let mut unpaid_count = 0u64;
    let candidates = conn
        .prepare_cached(
            "SELECT o.id, o.order_no, o.channel, o.customer_id, c.name, o.ordered_at, o.goods_fen
             FROM orders o LEFT JOIN customers c ON c.id = o.customer_id
             WHERE o.status = 'unpaid' AND o.ordered_at > ?1 AND o.ordered_at <= ?2
             ORDER BY o.ordered_at",
        )?
        .query_map(params![since, ts(now)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, no, ch, cid, name, at, goods) in candidates {
        let channel = Channel::parse(&ch).unwrap_or(Channel::Other);
        let ordered_at = parse_ts(&at)?;
        let sent: Vec<DateTime<Utc>> = sent_st
            .query_map([id], |r| r.get::<_, String>(0))?
            .map(|t| -> rusqlite::Result<DateTime<Utc>> { Ok(parse_ts(&t?)?) })
            .collect::<rusqlite::Result<_>>()?;
        if let Some(step) = payment::due_step(channel, ordered_at, &sent, now) {
            unpaid_count += 1;
            if unpaid_orders.len() < SECTION_ROWS {
                unpaid_orders.push(UnpaidOrder {
                    order_id: id,
                    order_no: no,
                    channel,
                    customer_id: cid,
                    customer_name: name,
                    ordered_at,
                    step,
                    closes_at: ordered_at + payment::auto_close_after(channel),
                    goods_fen: goods,
                });
            }
        }
    }

    Ok((unpaid_count, unpaid_orders))
}

/// Birthdays today .. today + 6, skipping customers whose birthday contact was logged in the
/// last 30 days (logging the contact clears the row): the week's count, today's, first rows.
pub fn birthdays_soon(store: &Store, s: &Session) -> Result<BirthdaysSoon> {
    s.require(Permission::WorkWithCustomers)?;
    let now = store.now();
    let day = now.with_timezone(&settings::timezone(store)).date_naive();
    let conn = store.conn();
    let days: Vec<NaiveDate> = (0..BIRTHDAY_DAYS)
        .filter_map(|i| day.checked_add_signed(Duration::days(i)))
        .collect();
    // (MM-DD, index into days). In a year without 29 February, a 02-29 birthday is celebrated
    // on 28 February, so it is not skipped for three years out of four.
    let mut md: Vec<(String, usize)> = Vec::with_capacity(days.len() + 1);
    for (i, d) in days.iter().enumerate() {
        md.push((format!("{:02}-{:02}", d.month(), d.day()), i));
        if d.month() == 2 && d.day() == 28 && d.succ_opt().is_some_and(|n| n.month() == 3) {
            md.push(("02-29".to_string(), i));
        }
    }
    let marks = (1..=md.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let recent = ts(now - Duration::days(30));
    let mut args: Vec<rusqlite::types::Value> = md.iter().map(|(m, _)| m.clone().into()).collect();
    args.push(recent.into());
    let n = args.len();
    let mut birthdays = conn
        .prepare_cached(&format!(
            "SELECT c.id, c.name, c.birthday FROM customers c
             WHERE substr(c.birthday, -5) IN ({marks}) AND c.birthday IS NOT NULL AND c.deleted_at IS NULL
               AND c.merged_into IS NULL AND c.erased_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.customer_id = c.id AND f.kind = 'birthday'
                               AND f.created_at > ?{n})"
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?))
        })?
        .filter_map(|row| {
            let (id, name, b) = match row {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            };
            let tail = &b[b.len().saturating_sub(5)..];
            let i = md.iter().find(|(m, _)| m == tail)?.1;
            Some(Ok(BirthdayRow {
                customer_id: id,
                customer_name: name,
                birthday: birthday::display(&b),
                on: days[i],
                in_days: i as i64,
            }))
        })
        .collect::<rusqlite::Result<Vec<_>>>()?;
    birthdays.sort_by_key(|b| (b.in_days, b.customer_id));
    let count = birthdays.len() as u64;
    let today = birthdays.iter().filter(|b| b.in_days == 0).count() as u64;
    birthdays.truncate(SECTION_ROWS);

    Ok(BirthdaysSoon {
        count,
        today,
        rows: birthdays,
    })
}
