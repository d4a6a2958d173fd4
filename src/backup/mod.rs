//! Backups the owner can trust, because a shop has no IT department: the laptop will be lost
//! or die one day, and the backup file is then all they have.
//!
//! - A backup is a consistent snapshot taken with SQLite's online backup API from a separate
//!   connection (so the app keeps working), written into a SQLCipher file keyed with the same
//!   data key (never plaintext, temp files included), then encrypted once more into a
//!   `.laokebak` file ([`format`], docs/BACKUP_FORMAT.md) whose header carries the key slots, so
//!   any user's password or the recovery key opens it on a new computer.
//! - The file is written under a temp name, fsynced, read back and checked (decrypt,
//!   `integrity_check`, row counts) and only then renamed to its final name: a file with a
//!   final name is a verified backup, whatever happens (power cut, stick pulled, SIGKILL).
//! - [`suggested_folders`] offers the USB sticks and cloud sync folders found on this computer.
//! - Targets (USB stick, sync folder) are recorded with their last success and last error;
//!   [`status`] tells the app which target has no verified backup for 3 days, and [`reminder`]
//!   what the owner's banner says (no folder, never backed up, stale, deep check failed).
//! - Once a week [`deep_check_due`] picks the newest backup for a full `integrity_check` in the
//!   background (the quick check at write time keeps backups fast).
//! - [`plan_rotation`] keeps 7 daily, 4 weekly and 12 monthly backups, never the newest
//!   verified one, and never touches a file that is not ours.
//! - Restore ([`restore`]) makes a safety backup first, then swaps the database in by rename.
//! - [`run_targets`] is the one loop over several folders (app, exit backup, CLI): one verified
//!   backup per folder, each outcome recorded, a failing folder never stopping the others.
//! - What a person starts (back up now, verify, preview, list, status) is role-checked
//!   (`by_user`, `targets`, `listing`); the automatic backups run for whoever is logged in.

mod by_user;
mod deep_check;
mod error;
mod format;
mod listing;
mod preview;
mod progress;
mod reminder;
mod restore;
mod rotation;
mod run;
mod schedule;
mod snapshot;
mod suggest;
mod targets;

pub use by_user::{prepare_now, preview_as, run_now, verify_as};
pub use deep_check::{
    deep_check_due, is_verdict, record_deep_check, run_deep_check_if_due, DeepCheck,
    DEEP_CHECK_EVERY_DAYS,
};
pub use error::{BackupError, Damage};
pub use format::{Header, CHUNK_SIZE, FORMAT_VERSION, MAGIC};
pub use listing::{is_conflict_copy, list, list_known, read_header, BackupListing};
pub use preview::{preview, BackupPreview};
pub use progress::JobProgress;
pub use reminder::{reminder, BackupReminder, ReminderReason};
pub use restore::{
    apply_restore, open_backup, prepare_restore, restore_new, verify_file, Credential,
    OpenedBackup, PreparedRestore,
};
pub use rotation::{
    apply_rotation, backup_file_name, parse_backup_name, plan_rotation, RotationPlan,
    RotationPolicy,
};
pub use run::{
    prepare_run, run_prepared, run_targets, Destination, Outcome, PreparedRun, RunEvent, TargetRun,
};
pub use schedule::{due, due_targets, RETRY_AFTER_MINUTES};
#[cfg(feature = "bench")]
pub(crate) use snapshot::pragma_u64;
pub use suggest::{
    add_suggested, suggested_folders, sync_folders_in, FolderKind, SuggestedFolder,
    BACKUP_SUBFOLDER,
};
pub use targets::{
    add_target, history, remove_target, status, sync_folder_of, targets, BackupRecord, Target,
    TargetStatus, STALE_AFTER_DAYS,
};

use crate::{
    auth::Session,
    crypto::{DataKey, KeyFile},
    store::Store,
};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::{
    fs,
    io::{BufWriter, Write},
    path::{Path, PathBuf},
};

/// The file extension of backups.
pub const EXTENSION: &str = "laokebak";
/// Where restore keeps the copy of the data it replaced.
pub const SAFETY_DIR: &str = "safety-backups";

/// Which step a long operation is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS), ts(rename = "BackupPhase"))]
#[serde(rename_all = "lowercase")]
pub enum Phase {
    Snapshot,
    Encrypt,
    Verify,
}

/// Progress of one phase, in bytes; the app derives a percentage and the remaining time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    pub phase: Phase,
    pub done: u64,
    pub total: u64,
}

impl Progress {
    pub fn new(phase: Phase, done: u64, total: u64) -> Self {
        Self { phase, done, total }
    }
}

/// A backup that was written and verified.
#[derive(Clone, Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub path: PathBuf,
    pub size: u64,
    pub created_at: DateTime<Utc>,
    pub verified_at: DateTime<Utc>,
    pub header: Header,
}

/// Everything a backup needs, taken from the open store, so the work itself ([`BackupJob::run`])
/// can run on another thread while the app keeps using the store.
pub struct BackupJob {
    store_dir: PathBuf,
    key: DataKey,
    key_file: KeyFile,
    created_by: String,
    created_at: DateTime<Utc>,
    tz: chrono_tz::Tz,
    target: PathBuf,
}

/// Get a backup of `store` into `target_dir` ready. Any logged-in user may back up: the file is
/// encrypted and opens only with a password of this store.
pub fn prepare(
    store: &Store,
    session: &Session,
    target_dir: &Path,
) -> Result<BackupJob, BackupError> {
    Ok(BackupJob {
        store_dir: store.dir().to_path_buf(),
        key: store.data_key().duplicate(),
        key_file: KeyFile::load(store.dir())?,
        created_by: session.username().to_string(),
        created_at: store.now(),
        tz: crate::settings::timezone(store),
        target: target_dir.to_path_buf(),
    })
}

impl BackupJob {
    /// The folder this job writes to.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// The store folder this job copies from.
    pub fn store_dir(&self) -> &Path {
        &self.store_dir
    }

    /// [`BackupJob::run`] with one figure for the whole job ([`JobProgress`]): it only grows
    /// and, on success, ends exactly at its total.
    pub fn run_tracked(
        self,
        progress: &mut dyn FnMut(JobProgress),
    ) -> Result<BackupFile, BackupError> {
        let mut tracker = progress::Tracker::default();
        let result = self.run(&mut |p| progress(tracker.update(p)));
        if result.is_ok() {
            progress(tracker.finish());
        }
        result
    }

    /// Snapshot, encrypt, write, read back and verify, then give the file its final name.
    pub fn run(self, progress: &mut dyn FnMut(Progress)) -> Result<BackupFile, BackupError> {
        let target = self.target.clone();
        self.run_inner(progress).map_err(|e| match e {
            BackupError::Io(io) => error::io_err(io, &target),
            other => other,
        })
    }

    fn run_inner(self, progress: &mut dyn FnMut(Progress)) -> Result<BackupFile, BackupError> {
        if !self.target.is_dir() {
            return Err(BackupError::TargetMissing(self.target.clone()));
        }
        listing::remove_stale_temp_files(&self.target);
        let snap = snapshot::take(&self.store_dir, &self.key, progress)?;
        let payload_len = fs::metadata(snap.file.path())?.len();
        let header = Header {
            format_version: FORMAT_VERSION,
            created_at: self.created_at,
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: snap.schema_version,
            created_by: self.created_by.clone(),
            store_id: self.key_file.store_id.clone(),
            key_file: self.key_file.clone(),
            counts: snap.counts.clone(),
            chunk_size: CHUNK_SIZE,
            payload_salt: random_vec(32),
            nonce_prefix: random_vec(7),
            payload_len,
        };
        let prefix = format::encode_prefix(&header)?;
        let final_path = rotation::unused_name(&self.target, &header, self.tz);
        let name = final_path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("backup");
        let tmp = TempFile(self.target.join(format!(".{name}.tmp")));
        // The snapshot is checked (integrity_check, row counts) on a second thread while this
        // one encrypts it to the target; both read the same file, mostly from the OS cache.
        let check_key = self.key.duplicate();
        let (written, checked) = std::thread::scope(|scope| {
            let checker = scope
                .spawn(|| snapshot::check_db(snap.file.path(), &check_key, &snap.counts, false));
            let written = (|| -> Result<(), BackupError> {
                let file = fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(tmp.path())?;
                let mut out = BufWriter::with_capacity(2 << 20, file);
                out.write_all(&prefix.bytes)?;
                let mut src =
                    std::io::BufReader::with_capacity(2 << 20, fs::File::open(snap.file.path())?);
                let key = format::payload_key(&self.key, &header.payload_salt);
                format::encrypt_payload(&mut src, &mut out, &header, &prefix.aad, &key, progress)?;
                let file = out.into_inner().map_err(|e| e.into_error())?;
                file.sync_all()?;
                Ok(())
            })();
            let checked = checker
                .join()
                .unwrap_or_else(|_| Err(BackupError::VerifyFailed("the check stopped".into())));
            (written, checked)
        });
        written?;
        checked?;
        drop(snap);
        // Read back what is on the target before it gets a backup's name: every chunk must
        // authenticate under our key, so the file holds exactly the snapshot checked above.
        restore::read_back(tmp.path(), &self.key, progress)?;
        fs::rename(tmp.path(), &final_path)?;
        tmp.forget();
        sync_dir(&self.target);
        let size = fs::metadata(&final_path)?.len();
        Ok(BackupFile {
            path: final_path,
            size,
            created_at: self.created_at,
            verified_at: self.created_at,
            header,
        })
    }
}

/// Back up now into `target_dir`, record the outcome (and audit it) in the store, and apply
/// the default rotation there. The error is also recorded on the target, for the app's warning.
pub fn create(
    store: &Store,
    session: &Session,
    target_dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupFile, BackupError> {
    let job = prepare(store, session, target_dir)?;
    let result = job.run(progress);
    finish(store, session, target_dir, result)
}

/// After [`BackupJob::run`] (perhaps on another thread): record the outcome on the target (and
/// in the audit log) and apply the default rotation there.
pub fn finish(
    store: &Store,
    session: &Session,
    target_dir: &Path,
    result: Result<BackupFile, BackupError>,
) -> Result<BackupFile, BackupError> {
    targets::record(store, session, target_dir, &result)?;
    let file = result?;
    let tz = crate::settings::timezone(store);
    let verified = targets::verified_paths(store)?;
    apply_rotation(
        target_dir,
        &RotationPolicy::default(),
        store.now(),
        tz,
        &|p| verified.contains(&p.display().to_string()),
    )?;
    Ok(file)
}

/// A path removed when dropped (with SQLite's side files), unless [`TempFile::forget`] is called.
pub(crate) struct TempFile(PathBuf);

impl TempFile {
    pub(crate) fn in_dir(dir: &Path, what: &str) -> Self {
        let r = hex::encode(random_vec(6));
        TempFile(dir.join(format!(".laoke-{what}-{}-{r}.tmp", std::process::id())))
    }
    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
    pub(crate) fn forget(mut self) -> PathBuf {
        std::mem::take(&mut self.0)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.0.as_os_str().is_empty() {
            return;
        }
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

pub(crate) fn random_vec(n: usize) -> Vec<u8> {
    use rand::RngCore;
    let mut v = vec![0u8; n];
    rand::rngs::OsRng.fill_bytes(&mut v);
    v
}

/// fsync a folder (its entries are durable), for modules outside `backup`.
pub(crate) fn sync_dir_pub(dir: &Path) {
    sync_dir(dir)
}
