//! Logging in and out, locking, and passwords.

use laoke::store::Store;
use tauri::State;

use crate::{
    error::CmdResult,
    state::{SessionInfo, Shell},
};

/// Logs in to the active store (main or demo), replacing any previous session.
#[tauri::command]
pub async fn auth_login(
    shell: State<'_, Shell>,
    username: String,
    password: String,
) -> CmdResult<SessionInfo> {
    shell
        .run(move |st| {
            let kind = st.prefs.active_store;
            let (store, session) =
                Store::login(&st.dir_of(kind), &username, &password, st.clock.clone())?;
            Ok(st.begin_session(kind, store, session))
        })
        .await
}

/// Sets a new password for `username` with the recovery key, then logs that user in.
#[tauri::command]
pub async fn auth_recover(
    shell: State<'_, Shell>,
    recovery_key: String,
    username: String,
    new_password: String,
) -> CmdResult<SessionInfo> {
    shell
        .run(move |st| {
            let kind = st.prefs.active_store;
            let (store, session) = Store::recover(
                &st.dir_of(kind),
                &recovery_key,
                &username,
                &new_password,
                st.clock.clone(),
            )?;
            Ok(st.begin_session(kind, store, session))
        })
        .await
}

#[tauri::command]
pub async fn auth_logout(shell: State<'_, Shell>) -> CmdResult<()> {
    shell
        .run(|st| {
            st.end_session();
            Ok(())
        })
        .await
}

#[tauri::command]
pub async fn auth_lock(shell: State<'_, Shell>) -> CmdResult<()> {
    shell
        .run(|st| {
            if st.locked {
                return Ok(());
            }
            let (store, session) = st.signed_in()?;
            laoke::auth::lock(store, session)?;
            st.locked = true;
            Ok(())
        })
        .await
}

#[tauri::command]
pub async fn auth_unlock(shell: State<'_, Shell>, password: String) -> CmdResult<SessionInfo> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in_even_locked()?;
            laoke::auth::unlock(store, session, &password)?;
            st.locked = false;
            Ok(st.session_info().expect("signed in"))
        })
        .await
}

#[tauri::command]
pub async fn auth_change_password(
    shell: State<'_, Shell>,
    old_password: String,
    new_password: String,
) -> CmdResult<()> {
    shell
        .with_session(move |store, session| {
            laoke::auth::change_own_password(store, session, &old_password, &new_password)
        })
        .await
}
