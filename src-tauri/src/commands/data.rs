//! The owner's data as a whole: moving the data folder out of a cloud sync folder, and the full
//! xlsx export ("leaving with your data"). Both are owner-only in the core.

use laoke::{datadir, prefs::StoreKind, Error};
use serde::Serialize;
use std::path::Path;
use tauri::State;

use super::backup_run::BackupLane;
use crate::{error::CmdResult, state::Shell};

/// Moves the main store's folder to `path` (an empty or new folder, not in a sync folder): copy,
/// check with the key, switch the app's pointer, then remove the old copy. On failure the old
/// folder stays in use as it was.
#[tauri::command]
pub async fn data_dir_move(
    shell: State<'_, Shell>,
    lane: State<'_, BackupLane>,
    path: String,
) -> CmdResult<datadir::MoveReport> {
    // A running backup reads the database this closes: wait for it.
    let _lane = lane.0.lock().await;
    shell
        .run(move |st| {
            st.signed_in()?;
            if st.session_store != StoreKind::Main {
                return Err(Error::invalid(
                    "演示数据不能移动，请先打开正式数据。",
                    "The demo store cannot be moved; open the real store first.",
                ));
            }
            let path = path.trim();
            if path.is_empty() {
                return Err(Error::invalid("请选择一个文件夹。", "Choose a folder."));
            }
            let home = laoke::paths::default_data_dir();
            let store = st.store.take().expect("signed in");
            let session = st.session.as_ref().expect("signed in");
            let (store, result) = datadir::move_data_dir(store, session, &home, Path::new(path));
            match store {
                Some(store) => st.store = Some(store),
                None => st.end_session(),
            }
            let report = result?;
            st.data_dir = report.data_dir.clone();
            Ok(report)
        })
        .await
}

/// `export_full`'s answer (docs/IPC.md `ExportDone`).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ExportDone {
    path: String,
    bytes: u64,
    sheets: usize,
    rows: u64,
}

/// Owner only: every table into one xlsx workbook at `path` (audited).
#[tauri::command]
pub async fn export_full(shell: State<'_, Shell>, path: String) -> CmdResult<ExportDone> {
    shell
        .with_session_lang(move |store, session, lang| {
            let path = path.trim();
            let report = laoke::export::full_workbook(store, session, lang, Path::new(path))?;
            Ok(ExportDone {
                path: path.to_string(),
                bytes: report.bytes,
                sheets: report.sheets.len(),
                rows: report.sheets.iter().map(|(_, n)| n).sum(),
            })
        })
        .await
}
