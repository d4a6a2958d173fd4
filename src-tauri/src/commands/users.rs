//! Settings → Users (owner only; the core enforces the role).

use laoke::{
    auth::Role,
    users::{self, NewUser, User},
};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn users_list(shell: State<'_, Shell>) -> CmdResult<Vec<User>> {
    shell.with_session(users::list).await
}

#[tauri::command]
pub async fn users_add(
    shell: State<'_, Shell>,
    username: String,
    display_name: String,
    role: Role,
    password: String,
) -> CmdResult<User> {
    shell
        .with_session(move |store, session| {
            let new = NewUser {
                username,
                display_name,
                role,
                password,
            };
            users::add(store, session, &new)
        })
        .await
}

#[tauri::command]
pub async fn users_set_disabled(
    shell: State<'_, Shell>,
    user_id: i64,
    disabled: bool,
) -> CmdResult<User> {
    shell
        .with_session(move |store, session| users::set_disabled(store, session, user_id, disabled))
        .await
}

#[tauri::command]
pub async fn users_reset_password(
    shell: State<'_, Shell>,
    user_id: i64,
    new_password: String,
) -> CmdResult<()> {
    shell
        .with_session(move |store, session| {
            users::reset_password(store, session, user_id, &new_password)
        })
        .await
}
