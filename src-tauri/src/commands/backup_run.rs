//! Backups run beside the app, not inside it: the open store is held only for the moment it
//! takes to get a job ready (key, key slots, target) and again to record the outcome; the
//! snapshot, encryption, writing to a slow USB stick and the read-back run on a worker while
//! every other command keeps working. Progress goes to the window as `backup-progress` events,
//! the outcome as `backup-finished` (docs/IPC.md).
//!
//! One backup at a time ([`BackupLane`]): "back up now" waits for a running one, the automatic
//! daily run skips if one is running, and restore / moving the data folder wait for it (they
//! close the database the worker is reading).

use laoke::{
    backup::{self, BackupError, BackupFile, JobProgress, Phase},
    prefs::StoreKind,
    Error,
};
use serde::Serialize;
use std::{
    path::PathBuf,
    time::{Duration, Instant},
};
use tauri::{async_runtime::Mutex, AppHandle, Emitter, Manager};

use crate::{error::CmdResult, state::Shell};

/// Held while a backup runs (and by restore and the data-folder move).
#[derive(Default)]
pub struct BackupLane(pub Mutex<()>);

/// A backup that was written and read back, or why a target failed (docs/IPC.md `BackupDone`).
#[derive(Serialize, Clone, Debug)]
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
#[serde(rename_all = "camelCase")]
struct ProgressEvent {
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
#[serde(rename_all = "camelCase")]
struct FinishedEvent {
    automatic: bool,
    results: Vec<BackupDone>,
}

/// Which targets a run backs up.
#[derive(Clone, Copy)]
pub enum Which {
    /// "Back up now": one target, or all.
    Manual(Option<i64>),
    /// The daily run: the targets due now (no verified backup today; failures wait 30 min).
    Due,
}

/// Back up into the chosen targets without holding the app state during the work.
pub async fn run_backups(app: &AppHandle, which: Which) -> CmdResult<Vec<BackupDone>> {
    let automatic = matches!(which, Which::Due);
    let lane = app.state::<BackupLane>();
    let _running = match which {
        Which::Due => match lane.0.try_lock() {
            Ok(g) => g,
            Err(_) => return Ok(Vec::new()),
        },
        Which::Manual(_) => lane.0.lock().await,
    };
    let shell = app.state::<Shell>().inner().clone();
    let (jobs, lang) = shell
        .run(move |st| {
            let lang = st.prefs.language;
            let targets = match which {
                Which::Manual(id) => {
                    let (store, session) = st.signed_in()?;
                    let t: Vec<_> = backup::targets(store, session)?
                        .into_iter()
                        .filter(|t| id.unwrap_or(t.id) == t.id)
                        .collect();
                    if t.is_empty() {
                        return Err(Error::invalid(
                            "请先添加一个备份文件夹（U盘或云盘文件夹）。",
                            "Add a backup folder (a USB stick or a cloud folder) first.",
                        ));
                    }
                    t
                }
                Which::Due => {
                    if st.session_store != StoreKind::Main {
                        return Ok((Vec::new(), lang));
                    }
                    let Ok((store, session)) = st.signed_in_even_locked() else {
                        return Ok((Vec::new(), lang));
                    };
                    let retry = chrono::Duration::minutes(backup::RETRY_AFTER_MINUTES);
                    backup::due(store, session, store.now(), retry)?
                }
            };
            let (store, session) = st.signed_in_even_locked()?;
            let jobs: Vec<_> = targets
                .into_iter()
                .map(|t| {
                    let job = backup::prepare(store, session, std::path::Path::new(&t.path));
                    (t, job)
                })
                .collect();
            Ok((jobs, lang))
        })
        .await?;
    if jobs.is_empty() {
        return Ok(Vec::new());
    }
    let count = jobs.len();
    let mut results = Vec::with_capacity(count);
    for (index, (target, job)) in jobs.into_iter().enumerate() {
        let path = PathBuf::from(&target.path);
        let (store_dir, result) = match job {
            Ok(job) => {
                let store_dir = job.store_dir().to_path_buf();
                let app = app.clone();
                let target_path = target.path.clone();
                let target_id = target.id;
                let result = tauri::async_runtime::spawn_blocking(move || {
                    let mut last = Instant::now() - Duration::from_secs(1);
                    job.run_tracked(&mut |p: JobProgress| {
                        if p.done < p.total && last.elapsed() < Duration::from_millis(150) {
                            return;
                        }
                        last = Instant::now();
                        let _ = app.emit(
                            "backup-progress",
                            ProgressEvent {
                                target_id,
                                target_path: target_path.clone(),
                                index,
                                count,
                                phase: p.phase,
                                done: p.done,
                                total: p.total,
                                automatic,
                            },
                        );
                    })
                })
                .await
                .unwrap_or_else(|e| {
                    Err(BackupError::Core(Error::Internal(format!(
                        "the backup worker stopped: {e}"
                    ))))
                });
                (Some(store_dir), result)
            }
            Err(e) => (None, Err(e)),
        };
        // Record the outcome in the store the job came from, if it is still the open one
        // (after a logout the file stays on the target; it is just not in this list).
        let done = shell
            .run(move |st| {
                let recorded = match (st.signed_in_even_locked(), store_dir) {
                    (Ok((store, session)), Some(dir)) if store.dir() == dir => {
                        backup::finish(store, session, &path, result)
                    }
                    _ => result,
                };
                Ok(done_of(target.id, &target.path, recorded, lang))
            })
            .await?;
        results.push(done);
    }
    let _ = app.emit(
        "backup-finished",
        FinishedEvent {
            automatic,
            results: results.clone(),
        },
    );
    Ok(results)
}

fn done_of(
    target_id: i64,
    target_path: &str,
    r: Result<BackupFile, BackupError>,
    lang: laoke::i18n::Lang,
) -> BackupDone {
    match r {
        Ok(file) => BackupDone {
            target_id,
            target_path: target_path.to_string(),
            path: Some(file.path.display().to_string()),
            size: Some(file.size),
            error: None,
        },
        Err(e) => BackupDone {
            target_id,
            target_path: target_path.to_string(),
            path: None,
            size: None,
            error: Some(Error::from(e).message(lang)),
        },
    }
}

/// Seconds between checks of the daily backup (`LAOKE_AUTO_BACKUP_SECS`, default 60); the first
/// check waits ten times as long, so starting the app is never slowed by a backup.
fn check_interval() -> Duration {
    let secs = std::env::var("LAOKE_AUTO_BACKUP_SECS")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(60);
    Duration::from_secs(secs)
}

/// The daily backup while the app is open: a timer thread asks the core which targets are due
/// and backs them up; failures are recorded on the target (the app shows the warning) and
/// retried after 30 minutes. It never stops the app.
pub fn start_daily_backup(app: AppHandle) {
    let every = check_interval();
    let spawned = std::thread::Builder::new()
        .name("laoke-daily-backup".into())
        .spawn(move || {
            std::thread::sleep(every * 10);
            loop {
                if let Err(e) = tauri::async_runtime::block_on(run_backups(&app, Which::Due)) {
                    eprintln!("laoke: daily backup check failed: {}", e.message);
                }
                std::thread::sleep(every);
            }
        });
    if let Err(e) = spawned {
        eprintln!("laoke: the daily backup timer did not start: {e}");
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
