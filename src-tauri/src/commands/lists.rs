//! The order and customer lists as two calls: the page (walks an index, appears at once) and
//! the totals row (count and sums over every match, follows). One core call each.

use laoke::{
    customers::{self, CustomerQuery, CustomerRows, CustomerTotals},
    orders::{self, OrderQuery, OrderRows, OrderTotals},
};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn orders_page(shell: State<'_, Shell>, query: OrderQuery) -> CmdResult<OrderRows> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            orders::page(store, session, &query)
        })
        .await
}

#[tauri::command]
pub async fn orders_totals(shell: State<'_, Shell>, query: OrderQuery) -> CmdResult<OrderTotals> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            orders::totals(store, session, &query)
        })
        .await
}

#[tauri::command]
pub async fn customers_page(
    shell: State<'_, Shell>,
    query: CustomerQuery,
) -> CmdResult<CustomerRows> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            customers::page(store, session, &query)
        })
        .await
}

#[tauri::command]
pub async fn customers_totals(
    shell: State<'_, Shell>,
    query: CustomerQuery,
) -> CmdResult<CustomerTotals> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            customers::totals(store, session, &query)
        })
        .await
}
