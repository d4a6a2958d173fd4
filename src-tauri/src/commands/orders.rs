//! Orders: the list with filters and totals, one order, manual in-store sales (one command,
//! with or without points and a coupon), status changes and refunds. Each command is one core
//! call (`laoke::sales` for what staff do to orders); roles and audit live in the core.

use laoke::loyalty::Redemption;
use laoke::orders::{self, ManualOrder, OrderDetail, OrderPage, OrderQuery, OrderStatus};
use laoke::sales;
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn orders_list(shell: State<'_, Shell>, query: OrderQuery) -> CmdResult<OrderPage> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            orders::list(store, session, &query)
        })
        .await
}

#[tauri::command]
pub async fn orders_get(shell: State<'_, Shell>, id: i64) -> CmdResult<OrderDetail> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            orders::get(store, session, id)
        })
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            sales::refund(store, session, id, amount_fen, &reason)?;
            orders::get(store, session, id)
        })
        .await
}
