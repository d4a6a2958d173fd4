//! Backups run beside the app, not inside it: the open store is held only for the moment it
//! takes to get a job ready (key, key slots, target) and again to record the outcome; the
//! snapshot, encryption, writing to a slow USB stick and the read-back run on a worker while
//! every other command keeps working. Progress goes to the window as `backup-progress` events,
//! the outcome as `backup-finished` (docs/IPC.md).
//!
//! One backup at a time ([`BackupLane`]): "back up now" waits for a running one, the automatic
//! daily run (`crate::timer`) skips if one is running, and restore / moving the data folder wait
//! for it (they close the database the worker is reading). Which targets, the loop over them and
//! the recording are the core's (`laoke::backup::run_prepared`, `laoke::jobs`).

use laoke::{
    backup::{self, Phase, PreparedRun, RunEvent, TargetRun},
    i18n::Lang,
    Error,
};
use serde::Serialize;
use std::time::{Duration, Instant};
use tauri::{async_runtime::Mutex, AppHandle, Emitter, Manager};

use crate::{
    error::{CmdResult, CommandError},
    state::Shell,
};

/// Held while a backup runs (and by restore and the data-folder move).
#[derive(Default)]
pub struct BackupLane(pub Mutex<()>);

/// A backup that was written and read back, or why a target failed (docs/IPC.md `BackupDone`).
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BackupDone {
    pub target_id: i64,
    pub target_path: String,
    pub path: Option<String>,
    pub size: Option<u64>,
    /// Why this target failed (already in the UI's language).
    pub error: Option<String>,
}

/// `backup-progress` (docs/IPC.md).
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BackupProgressEvent"))]
#[serde(rename_all = "camelCase")]
pub(crate) struct ProgressEvent {
    target_id: i64,
    target_path: String,
    /// 0-based position of this target in the run, and how many targets the run has.
    index: usize,
    count: usize,
    phase: Phase,
    done: u64,
    total: u64,
    automatic: bool,
}

/// `backup-finished` (docs/IPC.md).
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BackupFinishedEvent"))]
#[serde(rename_all = "camelCase")]
pub(crate) struct FinishedEvent {
    automatic: bool,
    results: Vec<BackupDone>,
}

/// "Back up now": into one target, or all, without holding the app state during the work. Waits
/// for a running backup first.
pub async fn back_up_now(app: &AppHandle, target_id: Option<i64>) -> CmdResult<Vec<BackupDone>> {
    let lane = app.state::<BackupLane>();
    let _running = lane.0.lock().await;
    let shell = app.state::<Shell>().inner().clone();
    let (run, lang) = shell
        .run(move |st| {
            let lang = st.prefs.language;
            let (store, session) = st.signed_in()?;
            Ok((backup::prepare_now(store, session, target_id)?, lang))
        })
        .await?;
    run_prepared(app, run, lang, false).await
}

/// Runs the core's backup loop ([`backup::run_prepared`]) on a worker, sending `backup-progress`
/// while it works and `backup-finished` at the end. The caller holds the [`BackupLane`].
pub(crate) async fn run_prepared(
    app: &AppHandle,
    run: PreparedRun,
    lang: Lang,
    automatic: bool,
) -> CmdResult<Vec<BackupDone>> {
    if run.is_empty() {
        return Ok(Vec::new());
    }
    let shell = app.state::<Shell>().inner().clone();
    let emitter = app.clone();
    let runs = tauri::async_runtime::spawn_blocking(move || {
        let mut last = Instant::now() - Duration::from_secs(1);
        backup::run_prepared(
            run,
            &mut |event| {
                let RunEvent::Progress {
                    index,
                    count,
                    destination,
                    job,
                    ..
                } = event
                else {
                    return;
                };
                if job.done < job.total && last.elapsed() < Duration::from_millis(150) {
                    return;
                }
                last = Instant::now();
                let _ = emitter.emit(
                    "backup-progress",
                    ProgressEvent {
                        target_id: destination.target_id.unwrap_or_default(),
                        target_path: destination.dir.display().to_string(),
                        index,
                        count,
                        phase: job.phase,
                        done: job.done,
                        total: job.total,
                        automatic,
                    },
                );
            },
            // Record each outcome in the store the job came from, if it is still the open one
            // (after a logout the file stays on the target; it is just not in this list).
            &mut |destination, store_dir, result| {
                shell.with(|st| match st.signed_in_even_locked() {
                    Ok((store, session)) if store.dir() == store_dir => {
                        backup::finish(store, session, &destination.dir, result)
                    }
                    _ => result,
                })
            },
        )
    })
    .await
    .map_err(|e| CommandError::internal(&format!("the backup worker stopped: {e}")))?;
    let results: Vec<BackupDone> = runs.into_iter().map(|r| done_of(r, lang)).collect();
    let _ = app.emit(
        "backup-finished",
        FinishedEvent {
            automatic,
            results: results.clone(),
        },
    );
    Ok(results)
}

fn done_of(run: TargetRun, lang: Lang) -> BackupDone {
    let target_id = run.destination.target_id.unwrap_or_default();
    let target_path = run.destination.dir.display().to_string();
    match run.result {
        Ok(file) => BackupDone {
            target_id,
            target_path,
            path: Some(file.path.display().to_string()),
            size: Some(file.size),
            error: None,
        },
        Err(e) => BackupDone {
            target_id,
            target_path,
            path: None,
            size: None,
            error: Some(Error::from(e).message(lang)),
        },
    }
}

/// For exit: wait (up to a minute) for a running backup to finish so the exit backup does not
/// run beside it. `false` when it is still running.
pub fn wait_for_idle(app: &AppHandle) -> bool {
    let lane = app.state::<BackupLane>();
    for _ in 0..300 {
        if lane.0.try_lock().is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}
