//! Choosing, creating and describing stores (the real one and the demo one).

use laoke::{
    auth::Role, demo, info::StoreInfo, prefs::StoreKind, store::Store, users::NewUser, Error,
};
use serde::Serialize;
use tauri::State;

use crate::{
    error::CmdResult,
    state::{AppStatus, SessionInfo, Shell},
};

/// How many customers the demo store gets on first use.
const DEMO_CUSTOMERS: u32 = 2_000;

#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "StoreInitResult"))]
#[serde(rename_all = "camelCase")]
pub struct InitResult {
    /// Shown once; the UI makes the owner confirm they saved it.
    recovery_key: String,
    session: SessionInfo,
}

#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "DemoOpenResult"))]
#[serde(rename_all = "camelCase")]
pub struct DemoLogin {
    session: SessionInfo,
    username: String,
    password: String,
}

#[tauri::command]
pub async fn store_select(shell: State<'_, Shell>, store: StoreKind) -> CmdResult<AppStatus> {
    shell
        .run(move |st| {
            if st.session.is_some() {
                return Err(Error::conflict(
                    "请先退出登录，再切换店铺。",
                    "Log out before switching stores.",
                ));
            }
            st.set_active_store(store)?;
            Ok(st.status())
        })
        .await
}

/// First run: creates the main store with its owner and logs the owner in.
#[tauri::command]
pub async fn store_init(
    shell: State<'_, Shell>,
    username: String,
    display_name: String,
    password: String,
) -> CmdResult<InitResult> {
    shell
        .run(move |st| {
            let owner = NewUser {
                username,
                display_name,
                role: Role::Owner,
                password,
            };
            let (store, session, recovery_key) =
                Store::init(&st.data_dir, &owner, st.clock.clone())?;
            laoke::loyalty::program::start_new_shop(&store, &session)?;
            let recovery_key = recovery_key.display().to_string();
            st.set_active_store(StoreKind::Main)?;
            let session = st.begin_session(StoreKind::Main, store, session);
            Ok(InitResult {
                recovery_key,
                session,
            })
        })
        .await
}

/// Opens the demo store (creating it with generated customers on first use) as its owner.
#[tauri::command]
pub async fn demo_open(shell: State<'_, Shell>) -> CmdResult<DemoLogin> {
    shell
        .run(|st| {
            st.end_session();
            let dir = st.dir_of(StoreKind::Demo);
            let (store, session) = demo::open_or_create(&dir, DEMO_CUSTOMERS, st.clock.clone())?;
            st.set_active_store(StoreKind::Demo)?;
            let session = st.begin_session(StoreKind::Demo, store, session);
            Ok(DemoLogin {
                session,
                username: demo::DEMO_USERNAME.to_string(),
                password: demo::DEMO_PASSWORD.to_string(),
            })
        })
        .await
}

#[tauri::command]
pub async fn store_info(shell: State<'_, Shell>) -> CmdResult<StoreInfo> {
    shell.with_session(laoke::info::info).await
}
