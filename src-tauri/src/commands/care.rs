//! Customer care (issue 5): the follow-up log on a customer and the "Today" due list. Each
//! command is one core call; roles, validation and audit live in `laoke::care`.

use laoke::care::{
    followups::{self, FollowUp, NewFollowUp},
    today::{self, Today},
};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn followups_log(shell: State<'_, Shell>, follow_up: NewFollowUp) -> CmdResult<i64> {
    shell
        .with_session(move |store, session| followups::log(store, session, &follow_up))
        .await
}

#[tauri::command]
pub async fn followups_for_customer(
    shell: State<'_, Shell>,
    customer_id: i64,
) -> CmdResult<Vec<FollowUp>> {
    shell
        .with_session(move |store, session| followups::for_customer(store, session, customer_id))
        .await
}

/// The due list at the store's now, with the counts for the navigation badge.
#[tauri::command]
pub async fn today(shell: State<'_, Shell>) -> CmdResult<Today> {
    shell.with_session(today::today).await
}
