//! The app's one periodic timer: it sleeps, asks the core's timetable what is due
//! (`laoke::jobs::Timetable`) and runs it. The jobs (loyalty, tickets: `laoke::jobs::run_due`)
//! run while a user is signed in and the window unlocked; the daily backup into the targets the
//! core says are due runs for the main store (never the demo), also while locked, beside the app
//! with progress events (`commands::backup_run`), followed by the weekly deep check of the
//! newest backup when it is due. Failures go to the log only: the next tick
//! tries again, the jobs never count anything twice, and a failed target is recorded (the app
//! warns) and retried after 30 minutes.

use laoke::{
    backup::{self, Destination},
    jobs::{self, Cadence, DueNow, Timetable},
    prefs::StoreKind,
};
use tauri::{AppHandle, Manager};

use crate::{
    commands::backup_run::{run_prepared, BackupLane},
    error::{CmdResult, CommandError},
    state::Shell,
};

/// Starts the timer thread (cadence: `laoke::jobs::Cadence::from_env`).
pub fn start(app: AppHandle) {
    let clock = app.state::<Shell>().with(|st| st.clock.clone());
    let cadence = Cadence::from_env();
    let spawned = std::thread::Builder::new()
        .name("laoke-timer".into())
        .spawn(move || {
            let mut table = Timetable::new(cadence, clock.now());
            loop {
                std::thread::sleep(cadence.tick());
                let now = clock.now();
                let due = table.due(now);
                if !due.any() {
                    continue;
                }
                if let Err(e) = tauri::async_runtime::block_on(run_due(&app, due)) {
                    eprintln!("laoke: the periodic run failed: {}", e.message);
                }
                table.ran(due, now);
            }
        });
    if let Err(e) = spawned {
        eprintln!("laoke: the periodic timer did not start: {e}");
    }
}

/// One tick: what `due` says, for whoever is signed in now.
async fn run_due(app: &AppHandle, due: DueNow) -> CmdResult<()> {
    // The daily backup skips while another backup runs; the next check tries again.
    let lane = app.state::<BackupLane>();
    let running = if due.backups {
        lane.0.try_lock().ok()
    } else {
        None
    };
    let back_up = running.is_some();
    let shell = app.state::<Shell>().inner().clone();
    let (run, lang) = shell
        .run(move |st| {
            let lang = st.prefs.language;
            let mut targets = None;
            if due.jobs {
                if let Ok((store, session)) = st.signed_in() {
                    let report = jobs::run_due(store, session)?;
                    for f in &report.failures {
                        eprintln!("laoke: the {:?} job failed: {}", f.job, f.error);
                    }
                    targets = Some(report.backups_due);
                }
            }
            if !back_up || st.session_store != StoreKind::Main {
                return Ok((None, lang));
            }
            let Ok((store, session)) = st.signed_in_even_locked() else {
                return Ok((None, lang));
            };
            let targets = match targets {
                Some(t) => t,
                None => jobs::backups_due(store, session)?,
            };
            let destinations = targets.iter().map(Destination::from).collect();
            Ok((
                Some(backup::prepare_run(store, session, destinations)),
                lang,
            ))
        })
        .await?;
    if let Some(run) = run {
        run_prepared(app, run, lang, true).await?;
    }
    if back_up {
        deep_check(app).await?;
    }
    drop(running);
    Ok(())
}

/// The weekly deep check of the newest backup (`laoke::backup::deep_check_due`), on a worker
/// while the app keeps working; the caller holds the backup lane. The verdict is recorded by
/// the core; the owner's banner shows a failure.
async fn deep_check(app: &AppHandle) -> CmdResult<()> {
    let shell = app.state::<Shell>().inner().clone();
    let check = shell
        .run(|st| {
            if st.session_store != StoreKind::Main {
                return Ok(None);
            }
            let Ok((store, _)) = st.signed_in_even_locked() else {
                return Ok(None);
            };
            backup::deep_check_due(store, store.now())
        })
        .await?;
    let Some(check) = check else { return Ok(()) };
    let (check, outcome) = tauri::async_runtime::spawn_blocking(move || {
        let outcome = check.run(&mut |_| {});
        (check, outcome)
    })
    .await
    .map_err(|e| CommandError::internal(&format!("deep check worker: {e}")))?;
    if let Err(e) = &outcome {
        eprintln!(
            "laoke: the deep check of {} failed: {e}",
            check.backup().path
        );
    }
    shell
        .run(move |st| {
            let (store, session) = st.signed_in_even_locked()?;
            backup::record_deep_check(store, session, &check, &outcome)
        })
        .await
}
