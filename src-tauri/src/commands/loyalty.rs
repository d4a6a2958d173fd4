//! Loyalty (issue 4): a customer's points (summary, history, manual adjustment, redemption on
//! an order) and the points rules. Each command is one core call: role limits (a rep adjusts at
//! most 500 points, only the owner changes rules), validation and audit all live in the core.

use laoke::loyalty::{
    ledger::PointsEntry,
    points::{self, PointsSummary},
    rules::{self, LoyaltyRules, RuleVersion},
};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn loyalty_points(shell: State<'_, Shell>, customer_id: i64) -> CmdResult<PointsSummary> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            points::summary(store, session, customer_id)
        })
        .await
}

#[tauri::command]
pub async fn loyalty_history(
    shell: State<'_, Shell>,
    customer_id: i64,
    limit: u32,
) -> CmdResult<Vec<PointsEntry>> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            points::history(store, session, customer_id, limit)
        })
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
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
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            points::redeem(store, session, customer_id, order_id, points)
        })
        .await
}

#[tauri::command]
pub async fn loyalty_rules(shell: State<'_, Shell>) -> CmdResult<RuleVersion> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            rules::current(store, session)
        })
        .await
}

#[tauri::command]
pub async fn loyalty_save_rules(
    shell: State<'_, Shell>,
    rules: LoyaltyRules,
) -> CmdResult<RuleVersion> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            rules::save(store, session, &rules)
        })
        .await
}
