//! The import wizard: inspect a file, preview (dry run), import, cancel, save the error workbook,
//! history and undo, the template. Long work runs on a blocking worker with its own database
//! connection (`laoke::import::Worker`), outside the app-state lock, so the window stays usable;
//! progress goes to the window as `import-progress` events.

use laoke::{
    export::import_errors,
    import::{
        self, BatchInfo, ImportReport, ImportRequest, ImportSummary, Inspection, Mapping, Progress,
        UndoReport,
    },
    settings,
};
use std::path::PathBuf;
use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc, Mutex, PoisonError,
};
use tauri::{AppHandle, Emitter, State};

use crate::{
    error::{CmdResult, CommandError},
    state::Shell,
};

/// At most this many problems travel to the window; the error workbook has all of them.
const PROBLEMS_SHOWN: usize = 1000;

/// The running import's cancel flag and the last report (for "save error workbook").
#[derive(Default)]
pub struct ImportJobs {
    cancel: Arc<AtomicBool>,
    last: Mutex<Option<ImportReport>>,
}

/// Runs `f` with a fresh import worker, off the app-state lock, on a blocking thread.
async fn with_worker<T: Send + 'static>(
    shell: &Shell,
    f: impl FnOnce(import::Worker) -> laoke::Result<T> + Send + 'static,
) -> CmdResult<T> {
    let (worker, lang) = shell
        .with_session_lang(|store, session, lang| Ok((import::Worker::new(store, session)?, lang)))
        .await?;
    tauri::async_runtime::spawn_blocking(move || {
        f(worker).map_err(|e| CommandError::from_core(&e, lang))
    })
    .await
    .map_err(|e| CommandError::internal(&e.to_string()))?
}

#[tauri::command]
pub async fn import_inspect(
    shell: State<'_, Shell>,
    path: String,
    preset: Option<String>,
) -> CmdResult<Inspection> {
    with_worker(&shell, move |w| {
        w.inspect(&PathBuf::from(path), preset.as_deref())
    })
    .await
}

async fn run_import(
    app: AppHandle,
    shell: &Shell,
    jobs: &ImportJobs,
    request: ImportRequest,
    dry_run: bool,
) -> CmdResult<ImportSummary> {
    jobs.cancel.store(false, Ordering::SeqCst);
    let cancel = jobs.cancel.clone();
    let report = with_worker(shell, move |w| {
        let mut progress = |p: Progress| {
            let _ = app.emit("import-progress", p);
        };
        w.run(&request, dry_run, &mut progress, &cancel)
    })
    .await?;
    let summary = report.summary(PROBLEMS_SHOWN);
    *jobs.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(report);
    Ok(summary)
}

/// Dry run: exactly what importing would do, nothing kept.
#[tauri::command]
pub async fn import_preview(
    app: AppHandle,
    shell: State<'_, Shell>,
    jobs: State<'_, ImportJobs>,
    path: String,
    preset: Option<String>,
    mapping: Option<Mapping>,
) -> CmdResult<ImportSummary> {
    let request = ImportRequest {
        path: path.into(),
        preset,
        mapping,
    };
    run_import(app, &shell, &jobs, request, true).await
}

#[tauri::command]
pub async fn import_run(
    app: AppHandle,
    shell: State<'_, Shell>,
    jobs: State<'_, ImportJobs>,
    path: String,
    preset: Option<String>,
    mapping: Option<Mapping>,
) -> CmdResult<ImportSummary> {
    let request = ImportRequest {
        path: path.into(),
        preset,
        mapping,
    };
    run_import(app, &shell, &jobs, request, false).await
}

/// Stop the running preview or import; it rolls back and reports `cancelled`.
#[tauri::command]
pub async fn import_cancel(jobs: State<'_, ImportJobs>) -> CmdResult<()> {
    jobs.cancel.store(true, Ordering::SeqCst);
    Ok(())
}

/// Write the rejected rows of the last preview or import to `path` (xlsx).
#[tauri::command]
pub async fn import_save_errors(
    shell: State<'_, Shell>,
    jobs: State<'_, ImportJobs>,
    path: String,
) -> CmdResult<u64> {
    let report = jobs
        .last
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    shell
        .with_session_lang(move |store, _session, lang| {
            let report = report.ok_or_else(|| {
                laoke::Error::invalid(
                    "请先预览或导入一个文件。",
                    "Preview or import a file first.",
                )
            })?;
            import_errors::write_error_workbook(
                &report,
                &PathBuf::from(path),
                lang,
                settings::timezone(store),
                store.now(),
            )
        })
        .await
}

#[tauri::command]
pub async fn import_list(shell: State<'_, Shell>) -> CmdResult<Vec<BatchInfo>> {
    shell.with_session(import::list).await
}

#[tauri::command]
pub async fn import_undo(shell: State<'_, Shell>, batch_id: i64) -> CmdResult<UndoReport> {
    shell
        .with_session(move |store, session| import::undo(store, session, batch_id))
        .await
}

/// Save Laoke's import template (xlsx) where the user chose.
#[tauri::command]
pub async fn import_template(shell: State<'_, Shell>, path: String) -> CmdResult<u64> {
    shell
        .with_session_lang(move |store, _session, lang| {
            import_errors::write_template(
                &PathBuf::from(path),
                lang,
                settings::timezone(store),
                store.now(),
            )
        })
        .await
}
