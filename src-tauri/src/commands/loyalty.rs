//! Loyalty (issue 4): a customer's points and tier (the 360 panel, history, manual adjustment,
//! the redemption preview at order entry — the sale itself is `orders_create`), coupons, the
//! liability report and the points rules with their what-if preview. Each command is one core call: role limits (a rep adjusts at most 500
//! points; owner and manager issue coupons; only the owner changes rules), validation and
//! audit all live in the core.
//!
//! The periodic job (tiers, earning from paid orders, refund reversals, expiry) is idempotent;
//! the shell's timer runs it every few minutes while someone is signed in (`laoke::jobs`), and
//! the overview can run it at once (`loyalty_run`).
//!
//! Switching loyalty on (`loyalty_start`) records the owner's choice for past orders at once,
//! then a worker runs the first run's batches (`laoke::loyalty::program::step`), taking the
//! app state for one batch at a time, so every other command keeps working between batches and
//! the window never waits; the UI polls `loyalty_program` for the progress. One worker at a
//! time ([`StartLane`]); a start cut short (the app closed) continues on the next
//! `loyalty_start`, or batch by batch with the periodic job.

use chrono::NaiveDate;
use laoke::loyalty::{
    coupons::{self, Coupon, CouponGrant, NewCoupon},
    job::{self, JobReport},
    ledger::PointsEntry,
    points,
    program::{self, Past, StartProgress},
    redemption::{self, OrderDraft, OrderRedemption, Redemption, RedemptionPreview},
    reports,
    reports::{Liability, MonthRow},
    rules::{self, LoyaltyRules, RuleVersion},
    tiers::{self, TierStatus},
    view::{self, CustomerLoyalty},
    whatif::{self, WhatIf},
};
use std::sync::atomic::{AtomicBool, Ordering};
use tauri::{AppHandle, Manager, State};

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn loyalty_customer(
    shell: State<'_, Shell>,
    customer_id: i64,
) -> CmdResult<CustomerLoyalty> {
    shell
        .with_session(move |store, session| view::customer_loyalty(store, session, customer_id))
        .await
}

#[tauri::command]
pub async fn loyalty_history(
    shell: State<'_, Shell>,
    customer_id: i64,
    limit: u32,
) -> CmdResult<Vec<PointsEntry>> {
    shell
        .with_session(move |store, session| points::history(store, session, customer_id, limit))
        .await
}

#[tauri::command]
pub async fn loyalty_adjust(
    shell: State<'_, Shell>,
    customer_id: i64,
    points: i64,
    reason: String,
    ticket_id: Option<i64>,
) -> CmdResult<i64> {
    shell
        .with_session(move |store, session| {
            points::adjust(store, session, customer_id, points, &reason, ticket_id)
        })
        .await
}

#[tauri::command]
pub async fn loyalty_redeem(
    shell: State<'_, Shell>,
    customer_id: i64,
    order_id: i64,
    points: i64,
) -> CmdResult<(i64, i64)> {
    shell
        .with_session(move |store, session| {
            points::redeem(store, session, customer_id, order_id, points)
        })
        .await
}

/// Order entry: what paying with these points / this coupon would do (usable points, the most
/// usable on this order, each coupon's discount, the amount to pay). Nothing is written.
#[tauri::command]
pub async fn loyalty_redemption_preview(
    shell: State<'_, Shell>,
    draft: OrderDraft,
    redemption: Redemption,
) -> CmdResult<RedemptionPreview> {
    shell
        .with_session(move |store, session| {
            redemption::preview(store, session, &draft, &redemption)
        })
        .await
}

/// The order page: points and coupon used on an order.
#[tauri::command]
pub async fn loyalty_order_redemption(
    shell: State<'_, Shell>,
    order_id: i64,
) -> CmdResult<OrderRedemption> {
    shell
        .with_session(move |store, session| redemption::for_order(store, session, order_id))
        .await
}

/// Owner: keep a customer at `tier` (a tier code) whatever the spend, or unlock with `null`.
#[tauri::command]
pub async fn loyalty_lock_tier(
    shell: State<'_, Shell>,
    customer_id: i64,
    tier: Option<String>,
) -> CmdResult<TierStatus> {
    shell
        .with_session(move |store, session| {
            tiers::set_lock(store, session, customer_id, tier.as_deref())
        })
        .await
}

#[tauri::command]
pub async fn loyalty_rules(shell: State<'_, Shell>) -> CmdResult<RuleVersion> {
    shell.with_session(rules::current).await
}

#[tauri::command]
pub async fn loyalty_what_if(shell: State<'_, Shell>, rules: LoyaltyRules) -> CmdResult<WhatIf> {
    shell
        .with_session(move |store, session| whatif::preview(store, session, &rules))
        .await
}

#[tauri::command]
pub async fn loyalty_apply_rules(
    shell: State<'_, Shell>,
    rules: LoyaltyRules,
) -> CmdResult<WhatIf> {
    shell
        .with_session(move |store, session| whatif::apply(store, session, &rules))
        .await
}

#[tauri::command]
pub async fn loyalty_liability(shell: State<'_, Shell>) -> CmdResult<Liability> {
    shell.with_session(reports::liability).await
}

#[tauri::command]
pub async fn loyalty_monthly(shell: State<'_, Shell>) -> CmdResult<Vec<MonthRow>> {
    shell.with_session(reports::monthly).await
}

#[tauri::command]
pub async fn coupons_list(shell: State<'_, Shell>) -> CmdResult<Vec<Coupon>> {
    shell.with_session(coupons::list).await
}

#[tauri::command]
pub async fn coupons_create(
    shell: State<'_, Shell>,
    coupon: NewCoupon<NaiveDate>,
) -> CmdResult<Coupon> {
    shell
        .with_session(move |store, session| coupons::create_in_shop_days(store, session, &coupon))
        .await
}

#[tauri::command]
pub async fn coupons_issue(
    shell: State<'_, Shell>,
    coupon_id: i64,
    customer_ids: Vec<i64>,
) -> CmdResult<Vec<i64>> {
    shell
        .with_session(move |store, session| {
            coupons::issue(store, session, coupon_id, &customer_ids, None)
        })
        .await
}

#[tauri::command]
pub async fn coupons_void(
    shell: State<'_, Shell>,
    grant_id: i64,
    reason: String,
) -> CmdResult<CouponGrant> {
    shell
        .with_session(move |store, session| coupons::void(store, session, grant_id, &reason))
        .await
}

#[tauri::command]
pub async fn coupons_redeem(
    shell: State<'_, Shell>,
    grant_id: i64,
    order_id: i64,
) -> CmdResult<CouponGrant> {
    shell
        .with_session(move |store, session| coupons::redeem(store, session, grant_id, order_id))
        .await
}

#[tauri::command]
pub async fn loyalty_run(shell: State<'_, Shell>) -> CmdResult<JobReport> {
    shell.with_session(job::run).await
}

/// Where loyalty stands (on / off / starting) and the first run's progress.
#[tauri::command]
pub async fn loyalty_program(shell: State<'_, Shell>) -> CmdResult<StartProgress> {
    shell.with_session(program::status).await
}

/// Switch loyalty off (owner).
#[tauri::command]
pub async fn loyalty_switch_off(shell: State<'_, Shell>) -> CmdResult<StartProgress> {
    shell.with_session(program::switch_off).await
}

/// Set while a worker runs the first run's batches.
#[derive(Default)]
pub struct StartLane(pub AtomicBool);

/// Switch loyalty on with this choice for past orders (owner), or continue a start in
/// progress: returns at once; the batches run on a worker.
#[tauri::command]
pub async fn loyalty_start(app: AppHandle, past: Past) -> CmdResult<StartProgress> {
    let shell = app.state::<Shell>().inner().clone();
    let first = shell
        .with_session(move |store, session| program::begin(store, session, past))
        .await?;
    if first.state == program::State::Starting
        && !app.state::<StartLane>().0.swap(true, Ordering::SeqCst)
    {
        let worker = app.clone();
        tauri::async_runtime::spawn(async move {
            loop {
                let step = shell.with_session(program::step).await;
                if !matches!(step, Ok(ref p) if p.state == program::State::Starting) {
                    break;
                }
            }
            worker.state::<StartLane>().0.store(false, Ordering::SeqCst);
        });
    }
    Ok(first)
}
