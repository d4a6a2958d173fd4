//! What can go wrong with a backup, in words a shop owner understands: the USB stick was
//! unplugged, it is read-only or full, the file is damaged (and which check failed), the
//! password is wrong, it is not a Laoke backup, or a newer Laoke wrote it.

use crate::i18n::{Lang, Msg};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("backup folder missing: {0}")]
    TargetMissing(PathBuf),
    #[error("backup folder is read-only: {0}")]
    ReadOnly(PathBuf),
    #[error("no space left in {0}")]
    DiskFull(PathBuf),
    #[error("not a Laoke backup")]
    NotABackup,
    #[error("backup format {found} is newer than this app supports ({supported})")]
    TooNew { found: u16, supported: u16 },
    #[error("backup damaged: {0}")]
    Damaged(Damage),
    #[error("backup failed verification: {0}")]
    VerifyFailed(String),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error(transparent)]
    Core(#[from] crate::Error),
}

/// Which check a damaged file failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    #[error("truncated")]
    Truncated,
    #[error("extra data after the end")]
    ExtraData,
    #[error("header altered")]
    HeaderAltered,
    #[error("chunk {0} failed authentication")]
    ChunkAuth(u64),
}

impl From<rusqlite::Error> for BackupError {
    fn from(e: rusqlite::Error) -> Self {
        BackupError::Core(e.into())
    }
}

impl BackupError {
    /// A stable machine-readable code for front ends.
    pub fn code(&self) -> &'static str {
        match self {
            BackupError::TargetMissing(_) => "backup_target_missing",
            BackupError::ReadOnly(_) => "backup_target_read_only",
            BackupError::DiskFull(_) => "backup_disk_full",
            BackupError::NotABackup => "backup_not_laoke",
            BackupError::TooNew { .. } => "backup_too_new",
            BackupError::Damaged(_) => "backup_damaged",
            BackupError::VerifyFailed(_) => "backup_verify_failed",
            BackupError::Io(_) => "io",
            BackupError::Core(e) => e.code(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            BackupError::Core(e) => e.message(lang),
            other => other.msg().get(lang).to_string(),
        }
    }

    fn msg(&self) -> Msg {
        match self {
            BackupError::TargetMissing(p) => Msg::new(
                format!("找不到备份位置 {}：U盘是否已拔出？插好后会自动重试。", p.display()),
                format!("The backup folder {} is not there. Is the USB stick unplugged? It will be retried once it is back.", p.display()),
            ),
            BackupError::ReadOnly(p) => Msg::new(
                format!("备份位置 {} 是只读的，无法写入。请检查U盘的写保护开关或文件夹权限。", p.display()),
                format!("The backup folder {} is read-only. Check the stick's write-protect switch or the folder's permissions.", p.display()),
            ),
            BackupError::DiskFull(p) => Msg::new(
                format!("U盘/磁盘空间不足（{}），备份没有完成。请删除旧文件或换一个位置。", p.display()),
                format!("The USB stick or disk is full ({}); the backup was not made. Free some space or choose another place.", p.display()),
            ),
            BackupError::NotABackup => Msg::new(
                "这不是老客的备份文件。",
                "This is not a Laoke backup file.",
            ),
            BackupError::TooNew { .. } => Msg::new(
                "这个备份来自更新版本的老客，请先升级老客再打开。",
                "This backup was made by a newer Laoke. Update Laoke to open it.",
            ),
            BackupError::Damaged(d) => {
                let (zh, en) = match d {
                    Damage::Truncated => ("文件不完整（被截断）", "the file is cut off (truncated)"),
                    Damage::ExtraData => ("文件末尾多了数据", "there is extra data after its end"),
                    Damage::HeaderAltered => ("文件头被改动", "its header was altered"),
                    Damage::ChunkAuth(_) => ("数据块校验失败", "a data block failed authentication"),
                };
                let at = match d {
                    Damage::ChunkAuth(i) => format!(" (chunk {i})"),
                    _ => String::new(),
                };
                Msg::new(
                    format!("备份文件已损坏：{zh}{at}。请使用另一个备份。"),
                    format!("The backup file is damaged: {en}{at}. Use another backup."),
                )
            }
            BackupError::VerifyFailed(why) => Msg::new(
                format!("备份写入后校验失败（{why}），已删除这个文件。"),
                format!("The backup failed its check after writing ({why}); the file was removed."),
            ),
            BackupError::Io(e) => Msg::new(
                format!("读写文件失败：{e}"),
                format!("Could not read or write a file: {e}"),
            ),
            BackupError::Core(_) => unreachable!("handled in message()"),
        }
    }
}

impl From<BackupError> for crate::Error {
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Core(e) => e,
            BackupError::Io(e) => crate::Error::Io(e),
            BackupError::TargetMissing(_) => crate::Error::NotFound(e.msg()),
            BackupError::ReadOnly(_) | BackupError::DiskFull(_) => crate::Error::Conflict(e.msg()),
            other => crate::Error::Invalid(other.msg()),
        }
    }
}

/// Name the I/O errors a shop owner can act on (full, read-only, gone).
pub(crate) fn io_err(e: std::io::Error, target: &Path) -> BackupError {
    #[cfg(unix)]
    const FULL: &[i32] = &[28, 122]; // ENOSPC, EDQUOT
    #[cfg(unix)]
    const READ_ONLY: &[i32] = &[30]; // EROFS
    #[cfg(windows)]
    const FULL: &[i32] = &[39, 112]; // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
    #[cfg(windows)]
    const READ_ONLY: &[i32] = &[19]; // ERROR_WRITE_PROTECT
    #[cfg(not(any(unix, windows)))]
    const FULL: &[i32] = &[];
    #[cfg(not(any(unix, windows)))]
    const READ_ONLY: &[i32] = &[];
    let code = e.raw_os_error().unwrap_or(-1);
    if FULL.contains(&code) {
        BackupError::DiskFull(target.to_path_buf())
    } else if READ_ONLY.contains(&code) || e.kind() == std::io::ErrorKind::PermissionDenied {
        BackupError::ReadOnly(target.to_path_buf())
    } else if !target.is_dir() {
        BackupError::TargetMissing(target.to_path_buf())
    } else {
        BackupError::Io(e)
    }
}
