//! Opening, verifying and restoring backups.
//!
//! A backup is always decrypted into a SQLCipher temp file inside the store folder (encrypted
//! with the backup's data key, so no plaintext reaches the disk) and checked before anything
//! uses it. Restoring into the current store first makes a safety backup of the current data
//! (`<store>/safety-backups/`), then swaps the checked file in with a rename; if anything fails
//! on the way, the current database and key file are put back as they were. The restored store
//! records the backup it came from as a verified backup of its folder.

use super::{
    format, snapshot, sync_dir, BackupError, BackupFile, Damage, Header, Progress, TempFile,
    SAFETY_DIR,
};
use crate::{
    audit,
    auth::{Permission, Session},
    clock::SharedClock,
    crypto::{DataKey, RecoveryKey},
    paths::{db_path, key_path},
    store::Store,
    Error,
};
use rusqlite::OptionalExtension;
use serde_json::json;
use std::{
    fs,
    io::{BufReader, BufWriter},
    path::{Path, PathBuf},
};

/// What opens a backup: any user's password at the time of the backup, or the recovery key.
pub enum Credential<'a> {
    Password {
        username: &'a str,
        password: &'a str,
    },
    RecoveryKey(&'a str),
}

/// A backup decrypted into a checked SQLCipher temp file (removed when dropped).
pub struct OpenedBackup {
    pub header: Header,
    db: TempFile,
    pub(crate) key: DataKey,
    /// The user whose password opened it.
    user_id: Option<i64>,
}

impl OpenedBackup {
    /// The decrypted (still SQLCipher-encrypted) database file.
    pub fn db_path(&self) -> &Path {
        self.db.path()
    }
}

/// Decrypt `path` with `key` into a temp file in `work_dir`; check every chunk on the way.
pub(crate) fn decrypt_to_temp(
    path: &Path,
    key: &DataKey,
    work_dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Header, TempFile), BackupError> {
    let (header, prefix, mut reader, len) = open_file(path)?;
    check_header(&header)?;
    let tmp = TempFile::in_dir(work_dir, "restore");
    {
        let mut out = BufWriter::with_capacity(2 << 20, fs::File::create(tmp.path())?);
        let pkey = format::payload_key(key, &header.payload_salt);
        format::decrypt_payload(
            &mut reader,
            len,
            &mut out,
            &header,
            &prefix,
            &pkey,
            progress,
        )?;
        out.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    }
    Ok((header, tmp))
}

fn open_file(
    path: &Path,
) -> Result<(Header, format::Prefix, BufReader<fs::File>, u64), BackupError> {
    let file = fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => BackupError::Core(Error::not_found(
            format!("找不到备份文件 {}。", path.display()),
            format!("The backup file {} does not exist.", path.display()),
        )),
        _ => BackupError::Io(e),
    })?;
    let len = file.metadata()?.len();
    let mut reader = BufReader::with_capacity(2 << 20, file);
    let (header, prefix) = format::read_prefix(&mut reader)?;
    Ok((header, prefix, reader, len))
}

fn check_header(h: &Header) -> Result<(), BackupError> {
    if h.key_file.store_id != h.store_id {
        return Err(BackupError::Damaged(Damage::HeaderAltered));
    }
    if h.schema_version > crate::db::MIGRATIONS.last().map_or(0, |m| m.0) {
        return Err(BackupError::Core(Error::StoreTooNew {
            found: h.schema_version,
            supported: crate::db::MIGRATIONS.last().map_or(0, |m| m.0),
        }));
    }
    Ok(())
}

/// Read back a file just written with the store's own key and authenticate every chunk (the
/// plaintext is discarded: it equals the snapshot that was checked while it was written).
pub(crate) fn read_back(
    path: &Path,
    key: &DataKey,
    progress: &mut dyn FnMut(Progress),
) -> Result<Header, BackupError> {
    let (header, prefix, mut reader, len) = open_file(path)?;
    let pkey = format::payload_key(key, &header.payload_salt);
    format::decrypt_payload(
        &mut reader,
        len,
        &mut std::io::sink(),
        &header,
        &prefix,
        &pkey,
        progress,
    )?;
    Ok(header)
}

/// Unlock a backup with a password or the recovery key, decrypt it into a temp file in
/// `work_dir` and check it. Wrong password: [`Error::WrongPassword`] (or `BadRecoveryKey`).
pub fn open_backup(
    file: &Path,
    cred: &Credential<'_>,
    work_dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<OpenedBackup, BackupError> {
    let (header, _, _, _) = open_file(file)?;
    check_header(&header)?;
    let (key, user_id) = match cred {
        Credential::Password { username, password } => {
            let (k, id) = header
                .key_file
                .open_with_password(username.trim(), password)?;
            (k, Some(id))
        }
        Credential::RecoveryKey(typed) => {
            let rk = RecoveryKey::parse(typed)?;
            (header.key_file.open_with_recovery(&rk)?, None)
        }
    };
    let (header, db) = decrypt_to_temp(file, &key, work_dir, progress)?;
    snapshot::check_db(db.path(), &key, &header.counts, true)?;
    Ok(OpenedBackup {
        header,
        db,
        key,
        user_id,
    })
}

/// Check a backup completely (any user of the backed-up store, or the recovery key).
pub fn verify_file(
    file: &Path,
    cred: &Credential<'_>,
    work_dir: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Header, BackupError> {
    Ok(open_backup(file, cred, work_dir, progress)?.header)
}

/// A checked backup and a safety backup of the current data, ready to be swapped in.
#[derive(Debug)]
pub struct PreparedRestore {
    opened: OpenedBackup,
    safety: BackupFile,
    source: PathBuf,
}

impl PreparedRestore {
    /// What the backup holds (counts, date, who made it), for the confirmation screen.
    pub fn header(&self) -> &Header {
        &self.opened.header
    }
    /// The safety backup of the data that will be replaced.
    pub fn safety_backup(&self) -> &BackupFile {
        &self.safety
    }
}

/// Owner only: open and check `file`, then make a safety backup of the current data. Nothing in
/// the store changes if this fails.
pub fn prepare_restore(
    store: &Store,
    session: &Session,
    file: &Path,
    cred: &Credential<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<PreparedRestore, BackupError> {
    session.require(Permission::ManageSettings)?;
    let opened = open_backup(file, cred, store.dir(), progress)?;
    let safety_dir = store.dir().join(SAFETY_DIR);
    fs::create_dir_all(&safety_dir)?;
    let result = super::prepare(store, session, &safety_dir)?.run(progress);
    super::targets::record(store, session, &safety_dir, &result)?;
    Ok(PreparedRestore {
        opened,
        safety: result?,
        source: file.to_path_buf(),
    })
}

/// Close the store, swap the restored database and its key file in, and open it again. On
/// failure the old files are put back; the caller then logs in again as before.
pub fn apply_restore(
    store: Store,
    prepared: PreparedRestore,
) -> Result<(Store, Session), BackupError> {
    let dir = store.dir().to_path_buf();
    let clock = store.clock().clone();
    drop(store); // closing the last connection checkpoints and removes the WAL
    let db = db_path(&dir);
    let wal = PathBuf::from(format!("{}-wal", db.display()));
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(BackupError::Core(Error::conflict(
            "数据库还在被另一个老客窗口或命令使用，请先关闭它再恢复。",
            "The store is still open in another Laoke window or command. Close it, then restore.",
        )));
    }
    for side in ["-wal", "-shm"] {
        let _ = fs::remove_file(format!("{}{side}", db.display()));
    }
    let old_keys = fs::read(key_path(&dir))?;
    let keep = dir.join(format!(".laoke-pre-restore-{}.db", std::process::id()));
    let _ = fs::remove_file(&keep);
    if fs::hard_link(&db, &keep).is_err() {
        fs::copy(&db, &keep)?;
    }
    let PreparedRestore {
        opened,
        safety,
        source,
    } = prepared;
    let OpenedBackup {
        header,
        db: tmp,
        key,
        user_id,
    } = opened;
    let swapped = (|| -> Result<(Store, Session), BackupError> {
        fs::rename(tmp.path(), &db)?;
        sync_dir(&dir);
        header.key_file.save(&dir)?;
        finish(
            &dir,
            key,
            user_id,
            clock,
            &header,
            &source,
            Some(&safety.path),
        )
    })();
    match swapped {
        Ok(ok) => {
            let _ = fs::remove_file(&keep);
            Ok(ok)
        }
        Err(e) => {
            for side in ["-wal", "-shm"] {
                let _ = fs::remove_file(format!("{}{side}", db.display()));
            }
            fs::rename(&keep, &db)?;
            crate::crypto::atomic_write(&key_path(&dir), &old_keys)?;
            Err(e)
        }
    }
}

/// First run on a new computer: restore `file` into the empty folder `dir`.
pub fn restore_new(
    dir: &Path,
    file: &Path,
    cred: &Credential<'_>,
    clock: SharedClock,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Store, Session), BackupError> {
    if Store::exists(dir) {
        return Err(Error::StoreExists(dir.display().to_string()).into());
    }
    if !dir.exists() {
        fs::create_dir_all(dir)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
        }
    }
    let db = db_path(dir);
    for side in ["", "-wal", "-shm", "-journal"] {
        let _ = fs::remove_file(format!("{}{side}", db.display()));
    }
    let opened = open_backup(file, cred, dir, progress)?;
    let OpenedBackup {
        header,
        db: tmp,
        key,
        user_id,
    } = opened;
    fs::rename(tmp.path(), &db)?;
    sync_dir(dir);
    // The key file goes last: a folder without it is setup debris, cleared on the next try.
    header.key_file.save(dir)?;
    finish(dir, key, user_id, clock, &header, file, None)
}

fn finish(
    dir: &Path,
    key: DataKey,
    user_id: Option<i64>,
    clock: SharedClock,
    header: &Header,
    source: &Path,
    safety: Option<&Path>,
) -> Result<(Store, Session), BackupError> {
    let store = Store::open_with_key(dir, key, clock)?;
    let user_id = match user_id {
        Some(id) => id,
        None => store
            .conn()
            .query_row(
                "SELECT id FROM users WHERE role = 'owner' AND disabled = 0 ORDER BY id LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::WrongPassword)?,
    };
    let method = if safety.is_some() {
        "restore"
    } else {
        "restore_new"
    };
    let session = store.start_session(user_id, None, method)?;
    store.write(|tx, now| {
        super::targets::record_restored_from(tx, now, source, header)?;
        audit::record(
            tx,
            now,
            session.audit_actor(),
            "restore",
            &source.display().to_string(),
            json!({
                "backup_created_at": header.created_at,
                "backup_created_by": header.created_by,
                "safety_backup": safety.map(|p| p.display().to_string()),
            }),
        )
    })?;
    Ok((store, session))
}

impl std::fmt::Debug for OpenedBackup {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenedBackup")
            .field("header", &self.header.created_at)
            .field("db", &self.db.path())
            .finish()
    }
}

/// The job runs on a worker thread while the app keeps the store.
#[allow(dead_code)]
fn assert_job_is_send(j: super::BackupJob) -> impl Send {
    j
}
