//! The global search box (Ctrl+K): customers and orders as the user types.

use laoke::search::{self, SearchResults};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn search(shell: State<'_, Shell>, query: String) -> CmdResult<SearchResults> {
    shell
        .with_session(move |store, session| search::search(store, session, &query))
        .await
}
