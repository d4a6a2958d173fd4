//! The errors a shop owner can see. Each variant has a stable `code` that front ends may branch
//! on (GitButler's `{ code, message }` idea) and a message in both languages that says what
//! happened and what to do, without internals. Low-level causes stay in `Display` for logs.

use crate::i18n::{Lang, Msg};

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("wrong user name or password")]
    WrongPassword,
    #[error("user is disabled")]
    UserDisabled,
    #[error("user has no password yet; reset it first")]
    NeedsPasswordReset,
    #[error("recovery key rejected (typo: {typo})")]
    BadRecoveryKey { typo: bool },
    #[error("no store in {0}")]
    StoreMissing(String),
    #[error("a store already exists in {0}")]
    StoreExists(String),
    #[error("database schema {found} is newer than this app supports ({supported})")]
    StoreTooNew { found: i64, supported: i64 },
    #[error("key file damaged: {0}")]
    KeyFileCorrupt(String),
    #[error("not logged in")]
    NotLoggedIn,
    #[error("session is locked")]
    Locked,
    #[error("forbidden: {0}")]
    Forbidden(Msg),
    #[error("invalid input: {0}")]
    Invalid(Msg),
    #[error("conflict: {0}")]
    Conflict(Msg),
    #[error("not found: {0}")]
    NotFound(Msg),
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("internal error: {0}")]
    Internal(String),
}

impl Error {
    /// Every code [`Error::code`] answers, in its order (the UI's generated `ErrorCode`).
    pub const CODES: &'static [&'static str] = &[
        "wrong_password",
        "user_disabled",
        "needs_password_reset",
        "bad_recovery_key",
        "store_missing",
        "store_exists",
        "store_too_new",
        "key_file_corrupt",
        "not_logged_in",
        "locked",
        "forbidden",
        "invalid_input",
        "conflict",
        "not_found",
        "io",
        "database",
        "internal",
    ];

    /// A stable machine-readable code (see docs/IPC.md); always one of [`Error::CODES`].
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassword => "wrong_password",
            Error::UserDisabled => "user_disabled",
            Error::NeedsPasswordReset => "needs_password_reset",
            Error::BadRecoveryKey { .. } => "bad_recovery_key",
            Error::StoreMissing(_) => "store_missing",
            Error::StoreExists(_) => "store_exists",
            Error::StoreTooNew { .. } => "store_too_new",
            Error::KeyFileCorrupt(_) => "key_file_corrupt",
            Error::NotLoggedIn => "not_logged_in",
            Error::Locked => "locked",
            Error::Forbidden(_) => "forbidden",
            Error::Invalid(_) => "invalid_input",
            Error::Conflict(_) => "conflict",
            Error::NotFound(_) => "not_found",
            Error::Io(_) => "io",
            Error::Database(_) => "database",
            Error::Internal(_) => "internal",
        }
    }

    /// What the person in front of the screen reads.
    pub fn message(&self, lang: Lang) -> String {
        self.msg().get(lang).to_string()
    }

    fn msg(&self) -> Msg {
        match self {
            Error::WrongPassword => Msg::new("用户名或密码错误。", "Wrong user name or password."),
            Error::UserDisabled => Msg::new(
                "该用户已被停用，请联系店主。",
                "This user has been disabled. Please ask the owner.",
            ),
            Error::NeedsPasswordReset => Msg::new(
                "该用户还没有密码，请先为其重置密码。",
                "This user has no password yet. Reset the password first.",
            ),
            Error::BadRecoveryKey { typo: true } => Msg::new(
                "恢复密钥有输入错误（校验位不符），请逐组核对。",
                "The recovery key has a typo (checksum mismatch). Check it group by group.",
            ),
            Error::BadRecoveryKey { typo: false } => Msg::new(
                "恢复密钥不正确，无法打开这个数据库。",
                "This recovery key does not open this store.",
            ),
            Error::StoreMissing(dir) => Msg::new(
                format!("在 {dir} 没有找到老客数据库，请先创建店铺。"),
                format!("No Laoke store found in {dir}. Create one first."),
            ),
            Error::StoreExists(dir) => Msg::new(
                format!("{dir} 已经有一个老客数据库，不会覆盖它。"),
                format!("A Laoke store already exists in {dir}; it will not be overwritten."),
            ),
            Error::StoreTooNew { found, supported } => Msg::new(
                format!("这个数据库来自更新版本的老客（结构版本 {found}，本程序支持到 {supported}），请先升级老客。"),
                format!("This store was written by a newer Laoke (schema {found}, this app supports {supported}). Please update Laoke."),
            ),
            Error::KeyFileCorrupt(_) => Msg::new(
                "密钥文件已损坏，无法打开数据库。请从备份恢复。",
                "The key file is damaged, so the store cannot be opened. Restore from a backup.",
            ),
            Error::NotLoggedIn => Msg::new("请先登录。", "Please log in first."),
            Error::Locked => Msg::new("已锁定，请输入密码解锁。", "Locked. Enter your password to unlock."),
            Error::Forbidden(m) | Error::Invalid(m) | Error::Conflict(m) | Error::NotFound(m) => {
                m.clone()
            }
            Error::Io(e) => Msg::new(
                format!("读写文件失败：{e}"),
                format!("Could not read or write a file: {e}"),
            ),
            Error::Database(_) => Msg::new(
                "数据库操作失败，没有做任何更改。",
                "The database operation failed; nothing was changed.",
            ),
            Error::Internal(_) => Msg::new(
                "程序内部错误，没有做任何更改。",
                "Internal error; nothing was changed.",
            ),
        }
    }

    pub fn invalid(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Invalid(Msg::new(zh, en))
    }

    pub fn forbidden(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Forbidden(Msg::new(zh, en))
    }

    pub fn conflict(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::Conflict(Msg::new(zh, en))
    }

    pub fn not_found(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Error::NotFound(Msg::new(zh, en))
    }
}

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    fn codes_lists_every_code_the_match_answers() {
        let src = include_str!("error.rs");
        let body = src
            .split("pub fn code(&self)")
            .nth(1)
            .and_then(|s| s.split("\n    }\n").next())
            .expect("code() is in this file");
        let answered: Vec<&str> = body
            .split("=> \"")
            .skip(1)
            .map(|s| s.split('"').next().expect("a closing quote"))
            .collect();
        assert_eq!(
            answered,
            Error::CODES,
            "Error::CODES and Error::code() must agree"
        );
    }
}
