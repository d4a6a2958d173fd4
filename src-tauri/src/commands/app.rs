//! App-wide state that exists before anyone logs in.

use laoke::i18n::Lang;
use tauri::State;

use crate::{
    error::CmdResult,
    state::{AppStatus, Shell},
};

#[tauri::command]
pub async fn app_status(shell: State<'_, Shell>) -> CmdResult<AppStatus> {
    shell.run(|st| Ok(st.status())).await
}

/// The language lives in prefs.json (not the database) so the login screen can use it.
#[tauri::command]
pub async fn app_set_language(shell: State<'_, Shell>, language: Lang) -> CmdResult<AppStatus> {
    shell
        .run(move |st| {
            st.prefs.language = language;
            st.prefs.save(&st.data_dir)?;
            Ok(st.status())
        })
        .await
}
