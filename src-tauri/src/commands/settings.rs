//! Shop settings stored in the database.

use laoke::settings::{self, Settings, SettingsPatch};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn settings_get(shell: State<'_, Shell>) -> CmdResult<Settings> {
    shell.with_session(settings::get).await
}

#[tauri::command]
pub async fn settings_update(
    shell: State<'_, Shell>,
    shop_name: Option<String>,
    timezone: Option<String>,
    idle_lock_minutes: Option<u32>,
) -> CmdResult<Settings> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            let patch = SettingsPatch {
                shop_name,
                timezone,
                idle_lock_minutes,
            };
            let updated = settings::update(store, session, &patch)?;
            st.idle_lock_minutes = updated.idle_lock_minutes;
            Ok(updated)
        })
        .await
}
