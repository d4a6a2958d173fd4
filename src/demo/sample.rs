//! The sample shop (issue 17, "A sample shop that is alive"): a store with two years of life in
//! it, so every screen has something true to show. Deterministic: the same seed and the same
//! clock give the same shop.
//!
//! It is made by *living through* those two years: the store is created on a [`FixedClock`]
//! set two years before the injected clock's "now", and a time-ordered agenda of what happens
//! (each day's sign-ups and orders, ticket steps, follow-ups, coupons, the weekly loyalty job,
//! the daily ticket job) is played in order, the clock moved to each step's time. Every step is
//! an ordinary write through the one home of its fact: orders through `orders::OrderWriter`
//! (one transaction per day), points only through the loyalty job and `loyalty::points`
//! (the ledger's writer), tickets through `tickets::write`, follow-ups through
//! `care::followups`, coupons through `loyalty::coupons`. Whatever the agenda plans after
//! "now" simply has not happened yet — that is why recent tickets are still new, assigned,
//! in progress or waiting. Then the store is reopened on the injected clock.
//!
//! Shape (for 2,000 customers): ~6,000 orders over 730 days with the seasons of
//! [`super::orders::day_weight`] (双11, 618, 12.12, the 春节 lull), repeat buyers with a long
//! tail over every channel, partial and full refunds; ~3–4 tickets per 100 orders answered in
//! shop hours; loyalty switched on about 13 months ago with points expiring 12 months after
//! they are earned (so some expire in the next 30 and 7 days), tiers, birthday points,
//! redemptions and three coupons (one ended, one ending within 7 days, one within 30).
//! The tickets and follow-ups are planned in [`super::sample_desk`].

use super::orders::{self as gen, local, Buyer, OrderShapes};
use super::sample_desk::{self, Desk};
use super::{catalog, person, Rng};
use crate::{
    audit,
    auth::{Role, Session},
    clock::{FixedClock, SharedClock},
    crypto::RecoveryKey,
    customers,
    loyalty::{self, coupons, ExpiryPolicy, LoyaltyRules},
    orders::{refresh_stats, OrderStatus, OrderWriter, Origin},
    settings,
    store::Store,
    users::{self, NewUser},
    Result,
};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::path::Path;

/// How long the sample shop has been open.
pub(super) const DAYS: i64 = 730;
/// Loyalty is switched on this many days after opening (~13 months before "now").
const LOYALTY_DAY: i64 = DAYS - 400;

#[derive(Debug, Clone, Copy)]
pub struct SampleSpec {
    pub customers: u32,
    pub seed: u64,
}

impl Default for SampleSpec {
    fn default() -> Self {
        SampleSpec {
            customers: 2_000,
            seed: 2026,
        }
    }
}

/// What the sample shop holds once made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SampleReport {
    pub customers: u64,
    pub orders: u64,
    pub paid_fen: i64,
    pub refunded_fen: i64,
    pub tickets: u64,
    pub follow_ups: u64,
    pub points_balance: i64,
    pub coupon_grants: u64,
}

/// What happens, in time order (the agenda's values).
pub(super) enum Step {
    Day(usize),
    LoyaltyOn,
    LoyaltyJob,
    TicketJob,
    Coupon(usize),
    Desk(sample_desk::DeskStep),
}

/// The time-ordered agenda: (when, insertion number) → step.
pub(super) struct Agenda {
    steps: BTreeMap<(DateTime<Utc>, u64), Step>,
    next: u64,
    pub(super) end: DateTime<Utc>,
}

impl Agenda {
    /// Plan `step` at `at`; anything after the end has not happened yet and is dropped.
    pub(super) fn at(&mut self, at: DateTime<Utc>, step: Step) {
        if at <= self.end {
            self.next += 1;
            self.steps.insert((at, self.next), step);
        }
    }

    /// Plan the desk's steps.
    fn desk(&mut self, planned: sample_desk::Planned) {
        for (at, step) in planned {
            self.at(at, Step::Desk(step));
        }
    }
}

struct Member {
    new: customers::NewCustomer,
    joined: DateTime<Utc>,
    weight: u64,
    favourite: usize,
    id: i64,
}

struct CouponPlan {
    def: coupons::NewCoupon,
    /// Issued to the `count` heaviest buyers so far, or (None) to gold and diamond members.
    count: Option<usize>,
}

struct Shop {
    rng: Rng,
    first_day: NaiveDate,
    members: Vec<Member>,
    /// Members who joined on day d: `joined_by[d]` = how many joined up to and including d.
    joined_by: Vec<usize>,
    repeat_per_day: Vec<u64>,
    shapes: Option<OrderShapes>,
    seq: u64,
    coupons: Vec<CouponPlan>,
    /// customer id → (grant id, coupon plan) not used yet.
    grants: BTreeMap<i64, Vec<(i64, usize)>>,
    coupon_ids: Vec<i64>,
    desk: Desk,
    report: SampleReport,
}

/// Create the sample shop in `dir` (which must hold no store) with `owner` as its owner; returns
/// it opened on `clock`, its owner's session and the recovery key.
pub fn create(
    dir: &Path,
    owner: &NewUser,
    clock: SharedClock,
    spec: &SampleSpec,
) -> Result<(Store, Session, RecoveryKey, SampleReport)> {
    let end = clock.now();
    let today = end.with_timezone(&gen::shanghai()).date_naive();
    let first_day = today - Duration::days(DAYS);
    let sim = FixedClock::new(local(first_day, 9, 0));
    let (store, s, key) = Store::init(dir, owner, sim.clone())?;
    // Generated data only: a crash loses nothing anyone typed (the app builds it in a folder
    // of its own that becomes the sample shop only when complete, `demo::open_or_create`), so
    // the ~2,000 small transactions need not each wait for the disk (20 s → 11 s in a release
    // build). Every later open of the store is `synchronous = FULL` again (`db::open`).
    store.conn().execute_batch("PRAGMA synchronous = OFF")?;
    settings::update(
        &store,
        &s,
        &settings::SettingsPatch {
            shop_name: Some("老客演示店".into()),
            ..Default::default()
        },
    )?;
    for (username, name, role) in [
        ("xiaolin", "小林", Role::Manager),
        ("ahua", "阿华", Role::Rep),
    ] {
        users::add(
            &store,
            &s,
            &NewUser {
                username: username.into(),
                display_name: name.into(),
                role,
                password: super::DEMO_PASSWORD.into(),
            },
        )?;
    }
    let mut shop = Shop::plan(spec, first_day, end);
    let mut agenda = Agenda {
        steps: BTreeMap::new(),
        next: 0,
        end,
    };
    for d in 0..=DAYS {
        let day = first_day + Duration::days(d);
        agenda.at(local(day, 23, 30).min(end), Step::Day(d as usize));
        // The ticket job (auto-close after 7 days, breach flags): weekly, daily lately.
        if day.weekday() == Weekday::Mon || d > DAYS - 14 {
            agenda.at(local(day, 8, 0), Step::TicketJob);
        }
        if d >= LOYALTY_DAY && day.weekday() == Weekday::Mon {
            agenda.at(local(day, 3, 0), Step::LoyaltyJob);
        }
    }
    agenda.at(
        local(first_day + Duration::days(LOYALTY_DAY), 10, 0),
        Step::LoyaltyOn,
    );
    agenda.at(end, Step::LoyaltyJob);
    for (i, c) in shop.coupons.iter().enumerate() {
        agenda.at(c.def.valid_from, Step::Coupon(i));
    }
    let mut planned = Vec::new();
    sample_desk::plan_desk(&mut shop.desk, &mut planned, &mut shop.rng, today);
    agenda.desk(planned);
    while let Some(((at, _), step)) = agenda.steps.pop_first() {
        sim.set(at);
        shop.play(&store, &s, &mut agenda, step)?;
    }
    sim.set(end);
    shop.finish(&store, &s, spec)?;
    // classes, stages and back-filled months on first view (issue 12)
    crate::insight::score(&store, &s, None, "demo")?;
    drop(store);
    let (store, s) = Store::login(dir, &owner.username, &owner.password, clock)?;
    Ok((store, s, key, shop.report))
}

impl Shop {
    fn plan(spec: &SampleSpec, first_day: NaiveDate, end: DateTime<Utc>) -> Shop {
        let mut rng = Rng::new(spec.seed ^ 0x5341_4D50); // "SAMP": its own stream
        let weights: Vec<u64> = (0..=DAYS)
            .map(|d| gen::day_weight(first_day + Duration::days(d), DAYS - d))
            .collect();
        let day_cum = gen::cumulative(weights.iter().copied());
        // One in eight customers came with the shop (its old customer book, day 0); the rest
        // sign up over the two years, more in busy seasons and as the shop grows.
        let mut members: Vec<Member> = (0..spec.customers)
            .map(|_| {
                let new = person(&mut rng);
                let d = if rng.chance(12) {
                    0
                } else {
                    gen::sample(&mut rng, &day_cum) as i64
                };
                let day = first_day + Duration::days(d);
                let joined = local(day, 9, 0) + Duration::minutes(rng.below(12 * 60) as i64);
                Member {
                    new,
                    joined: joined.min(end),
                    weight: gen::buyer_weight(&mut rng),
                    favourite: rng.below(catalog::CATALOG.len() as u64) as usize,
                    id: 0,
                }
            })
            .collect();
        members.sort_by_key(|m| m.joined);
        let mut joined_by = vec![0usize; DAYS as usize + 1];
        for m in &members {
            let d = (m.joined.with_timezone(&gen::shanghai()).date_naive() - first_day)
                .num_days()
                .clamp(0, DAYS) as usize;
            joined_by[d] += 1;
        }
        for d in 1..joined_by.len() {
            joined_by[d] += joined_by[d - 1];
        }
        // Repeat orders: about 2.2 per customer over the two years, spread by season.
        let total: u64 = weights.iter().sum();
        let target = spec.customers as u64 * 22 / 10;
        let repeat_per_day = weights
            .iter()
            .map(|w| {
                let x = target * w * 100 / total.max(1);
                x / 100 + u64::from(rng.below(100) < x % 100)
            })
            .collect();
        let valid = |from: i64, to: i64| (end + Duration::days(from), end + Duration::days(to));
        let coupon = |name: &str, kind, threshold: i64, amount: i64, pct: i64, (from, to)| {
            coupons::NewCoupon {
                name: name.into(),
                kind,
                threshold_fen: threshold,
                amount_fen: amount,
                percent_off: pct,
                cap_fen: if pct > 0 { 5_000 } else { 0 },
                gift: String::new(),
                min_spend_fen: 0,
                channel: None,
                valid_from: from,
                valid_to: to,
                per_customer_limit: 1,
                total_limit: None,
            }
        };
        use coupons::CouponKind::{Percentage, Threshold};
        let coupons = vec![
            CouponPlan {
                def: coupon(
                    "618 满299减30",
                    Threshold,
                    29_900,
                    3_000,
                    0,
                    valid(-190, -160),
                ),
                count: Some(80),
            },
            CouponPlan {
                def: coupon(
                    "双11老客回馈 满199减20",
                    Threshold,
                    19_900,
                    2_000,
                    0,
                    valid(-28, 5),
                ),
                count: Some(120),
            },
            CouponPlan {
                def: coupon("金卡会员9折券", Percentage, 0, 0, 10, valid(-12, 25)),
                count: None,
            },
        ];
        Shop {
            rng,
            first_day,
            members,
            joined_by,
            repeat_per_day,
            shapes: None,
            seq: 0,
            coupons,
            grants: BTreeMap::new(),
            coupon_ids: Vec::new(),
            desk: Desk::default(),
            report: SampleReport::default(),
        }
    }

    fn play(&mut self, store: &Store, s: &Session, agenda: &mut Agenda, step: Step) -> Result<()> {
        match step {
            Step::Day(d) => self.day(store, s, agenda, d),
            Step::LoyaltyOn => {
                let rules = LoyaltyRules {
                    expiry: ExpiryPolicy::AfterEarning { months: 12 },
                    birthday_bonus_points: 100,
                    ..LoyaltyRules::default()
                };
                loyalty::rules::save(store, s, &rules)?;
                loyalty::job::run(store, s).map(|_| ())
            }
            Step::LoyaltyJob => loyalty::job::run(store, s).map(|_| ()),
            Step::TicketJob => crate::tickets::write::run_jobs(store, s).map(|_| ()),
            Step::Coupon(i) => self.coupon(store, s, i),
            Step::Desk(step) => {
                sample_desk::play(&mut self.desk, store, s, agenda.end, &mut self.rng, step)
                    .map(|n| self.report.follow_ups += n)
            }
        }
    }

    /// The day's sign-ups and orders, in one transaction; then points and coupons used on
    /// some of them, and the day's tickets planned.
    fn day(&mut self, store: &Store, s: &Session, agenda: &mut Agenda, d: usize) -> Result<()> {
        let day = self.first_day + Duration::days(d as i64);
        let from = if d == 0 { 0 } else { self.joined_by[d - 1] };
        let (from, to) = (from, self.joined_by[d]);
        let end = agenda.end;
        let mut lines = Vec::with_capacity(12);
        let written = store.write(|tx, now| {
            if self.shapes.is_none() {
                self.shapes = Some(OrderShapes::new(gen::catalogue(tx, now)?));
            }
            let shapes = self.shapes.as_ref().expect("the catalogue was just made");
            let mut writer = OrderWriter::new(tx, Origin::Demo, s.username(), now)?;
            let mut written: Vec<(i64, i64, usize, bool)> = Vec::new();
            // Sign-ups: most of them buy at once (that is how a shop meets them).
            for i in from..to {
                let m = &mut self.members[i];
                let phones = customers::validate(&m.new)?;
                m.id = customers::insert(tx, &m.new, &phones, m.joined)?;
                if d > 0 && self.rng.chance(85) {
                    let b = buyer(m);
                    let at = m.joined;
                    self.seq += 1;
                    let o = gen::build_order(
                        &mut self.rng,
                        shapes,
                        &b,
                        day,
                        at,
                        end,
                        self.seq,
                        &mut lines,
                    );
                    written.push((writer.create(tx, o)?, b.id, i, false));
                }
            }
            // Repeat buyers among those who joined before today, by their weight.
            let known = from;
            let cum = gen::cumulative(self.members[..known].iter().map(|m| m.weight));
            if cum.last().copied().unwrap_or(0) > 0 {
                for _ in 0..self.repeat_per_day[d] {
                    let i = gen::sample(&mut self.rng, &cum);
                    let b = buyer(&self.members[i]);
                    let at = gen::time_on(&mut self.rng, shapes, day, end);
                    self.seq += 1;
                    let o = gen::build_order(
                        &mut self.rng,
                        shapes,
                        &b,
                        day,
                        at,
                        end,
                        self.seq,
                        &mut lines,
                    );
                    written.push((writer.create(tx, o)?, b.id, i, true));
                }
            }
            writer.flush(tx)?;
            // Spend and counts of the day's buyers (the lists and the tier evaluation read them).
            let ids: Vec<i64> = written.iter().map(|w| w.1).collect();
            refresh_stats(tx, &ids)?;
            Ok(written)
        })?;
        self.report.customers += (to - from) as u64;
        self.report.orders += written.len() as u64;
        let mut planned = Vec::new();
        for &(order, customer, member, repeat) in &written {
            let (status, paid, goods_net, at) = order_facts(store, order)?;
            if repeat && d as i64 > LOYALTY_DAY && counts(status) {
                self.use_points(store, s, customer, order, paid)?;
                self.use_coupon(store, s, customer, order, goods_net)?;
            }
            let weight = self.members[member].weight;
            sample_desk::after_order(
                &mut self.desk,
                &mut planned,
                &mut self.rng,
                customer,
                order,
                status,
                at,
                weight,
            );
        }
        let known = self.members_known(to);
        sample_desk::plan_day(&mut self.desk, &mut planned, &mut self.rng, day, &known);
        agenda.desk(planned);
        Ok(())
    }

    fn members_known(&self, to: usize) -> Vec<(i64, u64)> {
        self.members[..to]
            .iter()
            .map(|m| (m.id, m.weight))
            .collect()
    }

    /// One repeat order in eight is partly paid with points, when the customer has enough.
    fn use_points(
        &mut self,
        store: &Store,
        s: &Session,
        customer: i64,
        order: i64,
        paid: i64,
    ) -> Result<()> {
        if !self.rng.chance(12) {
            return Ok(());
        }
        let rules = loyalty::rules::current(store, s)?.rules;
        let usable = loyalty::points::summary(store, s, customer)?.usable;
        let points = loyalty::points::max_redeemable(&rules, usable, paid) / 100 * 100;
        if points >= rules.redeem_min_points.max(1) {
            loyalty::points::redeem(store, s, customer, order, points)?;
        }
        Ok(())
    }

    /// A held coupon is used on an order that reaches its threshold, half of the time.
    fn use_coupon(
        &mut self,
        store: &Store,
        s: &Session,
        customer: i64,
        order: i64,
        amount: i64,
    ) -> Result<()> {
        let now = store.now();
        let Some(held) = self.grants.get_mut(&customer) else {
            return Ok(());
        };
        let usable = held.iter().position(|&(_, c)| {
            let def = &self.coupons[c].def;
            def.valid_from <= now && now <= def.valid_to && amount >= def.threshold_fen.max(1)
        });
        if let Some(k) = usable {
            if self.rng.chance(50) {
                let (grant, _) = held.remove(k);
                coupons::redeem(store, s, grant, order)?;
            }
        }
        Ok(())
    }

    fn coupon(&mut self, store: &Store, s: &Session, i: usize) -> Result<()> {
        let c = coupons::create(store, s, &self.coupons[i].def)?;
        self.coupon_ids.push(c.id);
        let to: Vec<i64> = match self.coupons[i].count {
            Some(n) => {
                let mut known: Vec<&Member> = self.members.iter().filter(|m| m.id > 0).collect();
                known.sort_by_key(|m| (std::cmp::Reverse(m.weight), m.id));
                known.iter().take(n).map(|m| m.id).collect()
            }
            None => store
                .conn()
                .prepare("SELECT customer_id FROM customer_tiers WHERE tier IN ('gold', 'diamond') ORDER BY customer_id")?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
        };
        if to.is_empty() {
            return Ok(());
        }
        let grants = coupons::issue(store, s, c.id, &to, None)?;
        self.report.coupon_grants += grants.len() as u64;
        for (g, cid) in grants.into_iter().zip(to) {
            self.grants.entry(cid).or_default().push((g, i));
        }
        Ok(())
    }

    fn finish(&mut self, store: &Store, s: &Session, spec: &SampleSpec) -> Result<()> {
        let conn = store.conn();
        let (paid, refunded): (i64, i64) = conn.query_row(
            "SELECT coalesce(sum(paid_fen), 0), coalesce(sum(refunded_fen), 0) FROM orders",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        self.report.paid_fen = paid;
        self.report.refunded_fen = refunded;
        self.report.tickets =
            conn.query_row("SELECT count(*) FROM tickets", [], |r| r.get::<_, i64>(0))? as u64;
        self.report.points_balance = conn.query_row(
            "SELECT coalesce(sum(delta), 0) FROM points_ledger",
            [],
            |r| r.get(0),
        )?;
        let report = serde_json::to_value(&self.report).unwrap_or_else(|_| json!({}));
        store.write(|tx, now| {
            crate::search::optimize_in_tx(tx)?;
            audit::record(
                tx,
                now,
                s.audit_actor(),
                "demo_sample_generated",
                "",
                json!({"seed": spec.seed, "report": report}),
            )
        })
    }
}

fn buyer(m: &Member) -> Buyer {
    let c = &m.new;
    Buyer {
        id: m.id,
        name: c.name.clone(),
        channel: c.source_channel.as_deref().and_then(gen::channel_of_label),
        phone: c.phones.first().cloned(),
        address: Some(format!(
            "{}{}{}",
            c.province.as_deref().unwrap_or(""),
            c.city.as_deref().unwrap_or(""),
            c.address.as_deref().unwrap_or("")
        )),
        nick: c.nicks.first().map(|n| n.1.clone()),
        favourite: m.favourite,
    }
}

/// An order's status, paid amount, goods after discount and time, as written.
fn order_facts(store: &Store, id: i64) -> Result<(OrderStatus, i64, i64, DateTime<Utc>)> {
    let (status, paid, net, at): (String, i64, i64, String) = store.conn().query_row(
        "SELECT status, paid_fen, goods_fen - discount_fen, ordered_at FROM orders WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    Ok((
        OrderStatus::parse(&status).unwrap_or(OrderStatus::Paid),
        paid,
        net,
        crate::time::parse_ts(&at)?,
    ))
}

fn counts(s: OrderStatus) -> bool {
    matches!(
        s,
        OrderStatus::Paid | OrderStatus::Shipped | OrderStatus::Completed
    )
}
