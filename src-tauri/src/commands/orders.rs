//! Orders: the list with filters and totals (also as two calls: the page, which walks an index
//! and appears at once, then the totals row over every match), one order, manual in-store
//! sales (one command, with or without points and a coupon), status changes and refunds. Each
//! command is one core call (`laoke::sales` for what staff do to orders); roles and audit live
//! in the core.

use laoke::loyalty::Redemption;
use laoke::orders::{
    self, ManualOrder, OrderDetail, OrderPage, OrderQuery, OrderRows, OrderStatus, OrderTotals,
};
use laoke::sales;
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn orders_list(shell: State<'_, Shell>, query: OrderQuery) -> CmdResult<OrderPage> {
    shell
        .with_session(move |store, session| orders::list(store, session, &query))
        .await
}

#[tauri::command]
pub async fn orders_get(shell: State<'_, Shell>, id: i64) -> CmdResult<OrderDetail> {
    shell
        .with_session(move |store, session| orders::get(store, session, id))
        .await
}

/// Order entry: create the sale, paying part of it with points and/or a coupon when
/// `redemption` says so (absent or empty: a plain sale), in one transaction. Returns the id.
#[tauri::command]
pub async fn orders_create(
    shell: State<'_, Shell>,
    order: ManualOrder,
    redemption: Option<Redemption>,
) -> CmdResult<i64> {
    shell
        .with_session(move |store, session| {
            sales::create(store, session, &order, &redemption.unwrap_or_default())
        })
        .await
}

#[tauri::command]
pub async fn orders_set_status(
    shell: State<'_, Shell>,
    id: i64,
    status: OrderStatus,
) -> CmdResult<OrderDetail> {
    shell
        .with_session(move |store, session| {
            sales::set_status(store, session, id, status)?;
            orders::get(store, session, id)
        })
        .await
}

#[tauri::command]
pub async fn orders_refund(
    shell: State<'_, Shell>,
    id: i64,
    amount_fen: i64,
    reason: String,
) -> CmdResult<OrderDetail> {
    shell
        .with_session(move |store, session| {
            sales::refund(store, session, id, amount_fen, &reason)?;
            orders::get(store, session, id)
        })
        .await
}

#[tauri::command]
pub async fn orders_page(shell: State<'_, Shell>, query: OrderQuery) -> CmdResult<OrderRows> {
    shell
        .with_session(move |store, session| orders::page(store, session, &query))
        .await
}

#[tauri::command]
pub async fn orders_totals(shell: State<'_, Shell>, query: OrderQuery) -> CmdResult<OrderTotals> {
    shell
        .with_session(move |store, session| orders::totals(store, session, &query))
        .await
}
