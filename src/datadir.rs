//! Moving the data folder, because the live database must never sit in a cloud sync folder
//! (OneDrive, iCloud, 坚果云 … copying a WAL database mid-write corrupts it) and the owner
//! should be able to fix that with one click instead of a file manager.
//!
//! The move is copy-then-switch, so a failure at any point leaves the old folder as it was:
//! 1. close the store (the last connection checkpoints the WAL into the database file);
//! 2. copy every file to the new folder and fsync each file and folder;
//! 3. open the copy with the data key, run `quick_check`, compare every table's row count;
//! 4. switch the app's pointer (`location.json` in the default folder, [`crate::paths`]);
//! 5. reopen the store from the new folder and audit the move;
//! 6. only then remove the old copy.
//!
//! Until step 4 the copy is just removed on failure; a failure in step 5 puts the pointer
//! back. The data key never leaves memory: the files are copied as they are (encrypted).

use crate::{
    audit,
    auth::{Permission, Session},
    backup::sync_folder_of,
    crypto::{atomic_write, KeyFile},
    paths::{db_path, resolve_data_dir, Location, LOCATION_FILE},
    store::Store,
    Error, Result,
};
use rusqlite::Connection;
use serde::Serialize;
use serde_json::json;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the data went.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MoveReport {
    pub data_dir: PathBuf,
    /// False when the old folder could not be removed after the move (the app then shows its
    /// path; it holds only encrypted files).
    pub old_removed: bool,
    pub old_dir: PathBuf,
}

/// Move the open `store`'s folder to `to` (owner only). `home` is the default data folder, where
/// the pointer to the new place is kept. Always gives back an open store when it can: the moved
/// one on success, the old one (untouched) on failure.
pub fn move_data_dir(
    store: Store,
    session: &Session,
    home: &Path,
    to: &Path,
) -> (Option<Store>, Result<MoveReport>) {
    if let Err(e) = session.require(Permission::ManageSettings) {
        return (Some(store), Err(e));
    }
    let from = store.dir().to_path_buf();
    let checked = check_destination(&from, to).and_then(|to| Ok((to, row_counts(store.conn())?)));
    let (to, counts) = match checked {
        Ok(ok) => ok,
        Err(e) => return (Some(store), Err(e)),
    };
    let key = store.data_key().duplicate();
    let clock = store.clock().clone();
    drop(store); // closing the last connection checkpoints and removes the WAL
    let reopen_old = |e: Error| match Store::open_with_key(&from, key.duplicate(), clock.clone()) {
        Ok(s) => (Some(s), Err(e)),
        Err(_) => (None, Err(e)),
    };
    let wal = PathBuf::from(format!("{}-wal", db_path(&from).display()));
    if fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return reopen_old(Error::conflict(
            "数据库正被另一个老客窗口、命令或正在进行的备份使用，请等它结束再移动。",
            "The store is in use by another Laoke window, command or a running backup. Wait for it to finish, then move.",
        ));
    }
    let created = !to.exists();
    let copy = TempCopy {
        dir: to.clone(),
        created,
        armed: true,
    };
    let copied = (|| -> Result<()> {
        fs::create_dir_all(&to)?;
        if created {
            restrict_to_owner(&to)?;
        }
        copy_tree(&from, &to)?;
        verify_copy(&to, &key, &counts)
    })();
    if let Err(e) = copied {
        drop(copy);
        return reopen_old(e);
    }
    let old_pointer = fs::read(home.join(LOCATION_FILE)).ok();
    if let Err(e) = point_to(home, &to) {
        drop(copy);
        restore_pointer(home, old_pointer.as_deref());
        return reopen_old(e);
    }
    let moved = Store::open_with_key(&to, key.duplicate(), clock.clone()).and_then(|s| {
        s.write(|tx, now| {
            audit::record(
                tx,
                now,
                session.audit_actor(),
                "data_dir_moved",
                &to.display().to_string(),
                json!({"from": from.display().to_string()}),
            )
        })?;
        Ok(s)
    });
    let store = match moved {
        Ok(s) => s,
        Err(e) => {
            restore_pointer(home, old_pointer.as_deref());
            drop(copy);
            return reopen_old(e);
        }
    };
    copy.keep();
    let old_removed = remove_old(&from, home).is_ok();
    (
        Some(store),
        Ok(MoveReport {
            data_dir: to,
            old_removed,
            old_dir: from,
        }),
    )
}

/// An absolute folder that is empty (or new), outside the current one, not in a sync folder.
fn check_destination(from: &Path, to: &Path) -> Result<PathBuf> {
    if !to.is_absolute() {
        return Err(Error::invalid(
            format!("请选择一个完整的文件夹路径：{}", to.display()),
            format!("Choose a full folder path: {}", to.display()),
        ));
    }
    let from = from.canonicalize()?;
    let to = match to.canonicalize() {
        Ok(p) => p,
        Err(_) => match (to.parent().map(Path::canonicalize), to.file_name()) {
            (Some(Ok(parent)), Some(name)) => parent.join(name),
            _ => {
                return Err(Error::invalid(
                    format!("找不到文件夹 {}。", to.display()),
                    format!("The folder {} does not exist.", to.display()),
                ))
            }
        },
    };
    if to == from || to.starts_with(&from) || from.starts_with(&to) {
        return Err(Error::invalid(
            "新位置不能是现在的数据文件夹，也不能在它里面或包含它。",
            "The new place cannot be the current data folder, inside it, or contain it.",
        ));
    }
    if let Some(client) = sync_folder_of(&to) {
        return Err(Error::invalid(
            format!("新位置也在{client}同步文件夹里，请选一个普通的本地文件夹。"),
            format!("The new place is inside a {client} sync folder too; choose an ordinary local folder."),
        ));
    }
    if to.is_dir() {
        let occupied = fs::read_dir(&to)?
            .flatten()
            .any(|e| e.file_name() != LOCATION_FILE);
        if occupied {
            return Err(Error::invalid(
                format!(
                    "文件夹 {} 不是空的，请选一个空文件夹或新建一个。",
                    to.display()
                ),
                format!(
                    "The folder {} is not empty; choose an empty or new folder.",
                    to.display()
                ),
            ));
        }
    } else if to.exists() {
        return Err(Error::invalid(
            format!("{} 是一个文件，不是文件夹。", to.display()),
            format!("{} is a file, not a folder.", to.display()),
        ));
    }
    Ok(to)
}

/// A new data folder is readable by this OS account only, like the one `Store::init` makes.
fn restrict_to_owner(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn row_counts(conn: &Connection) -> Result<BTreeMap<String, i64>> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = BTreeMap::new();
    for t in tables {
        let n: i64 = conn.query_row(&format!("SELECT count(*) FROM \"{t}\""), [], |r| r.get(0))?;
        out.insert(t, n);
    }
    Ok(out)
}

/// Copy every file and folder (not the location pointer, not temp files), fsyncing each.
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let text = name.to_string_lossy();
        if name == LOCATION_FILE || (text.starts_with(".laoke-") && text.ends_with(".tmp")) {
            continue;
        }
        let src = entry.path();
        let dst = to.join(&name);
        let kind = entry.file_type()?;
        if kind.is_dir() {
            fs::create_dir(&dst)?;
            copy_tree(&src, &dst)?;
        } else if kind.is_file() {
            fs::copy(&src, &dst)?;
            fs::File::open(&dst)?.sync_all()?;
        }
    }
    crate::backup::sync_dir_pub(to);
    Ok(())
}

/// The copy opens with the key, passes `quick_check` and has every row.
fn verify_copy(
    to: &Path,
    key: &crate::crypto::DataKey,
    counts: &BTreeMap<String, i64>,
) -> Result<()> {
    KeyFile::load(to)?;
    let conn = crate::db::open(&db_path(to), key)?;
    let check: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    let copied = row_counts(&conn)?;
    if check != "ok" || &copied != counts {
        return Err(Error::Internal(format!(
            "the copy in {} does not match the data (quick_check: {check})",
            to.display()
        )));
    }
    Ok(())
}

fn point_to(home: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(home)?;
    let home_canon = home.canonicalize()?;
    if home_canon == to {
        match fs::remove_file(home.join(LOCATION_FILE)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    } else {
        let json = serde_json::to_vec_pretty(&Location {
            data_dir: to.to_path_buf(),
        })?;
        atomic_write(&home.join(LOCATION_FILE), &json)?;
    }
    if resolve_data_dir(home).canonicalize().ok().as_deref() != Some(to) {
        return Err(Error::Internal(
            "the new data folder location was not saved".into(),
        ));
    }
    Ok(())
}

fn restore_pointer(home: &Path, old: Option<&[u8]>) {
    let path = home.join(LOCATION_FILE);
    let _ = match old {
        Some(bytes) => atomic_write(&path, bytes),
        None => fs::remove_file(&path).map_err(Error::from),
    };
}

/// The old folder after a successful move: all of it, but the pointer when it is the default.
fn remove_old(from: &Path, home: &Path) -> std::io::Result<()> {
    let is_home = home.canonicalize().ok().as_deref() == Some(from);
    if !is_home {
        return fs::remove_dir_all(from);
    }
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_name() == LOCATION_FILE {
            continue;
        }
        if entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        } else {
            fs::remove_file(entry.path())?;
        }
    }
    Ok(())
}

/// The copy in progress: removed on drop unless kept.
struct TempCopy {
    dir: PathBuf,
    created: bool,
    armed: bool,
}

impl TempCopy {
    fn keep(mut self) {
        self.armed = false;
    }
}

impl Drop for TempCopy {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if self.created {
            let _ = fs::remove_dir_all(&self.dir);
        } else if let Ok(entries) = fs::read_dir(&self.dir) {
            for e in entries.flatten() {
                if e.file_name() == LOCATION_FILE {
                    continue;
                }
                let _ = if e.path().is_dir() {
                    fs::remove_dir_all(e.path())
                } else {
                    fs::remove_file(e.path())
                };
            }
        }
    }
}
