//! Errors cross the IPC boundary as `{ code, message }` (docs/IPC.md): `code` is the core's stable
//! machine code the UI may branch on, `message` is already in the UI's language.

use laoke::{i18n::Lang, Error};
use serde::Serialize;

#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct CommandError {
    pub code: &'static str,
    pub message: String,
}

impl CommandError {
    pub fn from_core(err: &Error, lang: Lang) -> Self {
        // Low-level causes go to the log only; the person sees the translated message.
        if matches!(err, Error::Io(_) | Error::Database(_) | Error::Internal(_)) {
            eprintln!("laoke: {} ({})", err, err.code());
        }
        Self {
            code: err.code(),
            message: err.message(lang),
        }
    }

    /// A failure of the shell itself (a worker thread died); it never carries internals.
    pub fn internal(detail: &str) -> Self {
        eprintln!("laoke: internal shell error: {detail}");
        let err = Error::Internal(detail.to_string());
        Self {
            code: err.code(),
            message: format!("{} / {}", err.message(Lang::ZhCn), err.message(Lang::En)),
        }
    }
}

pub type CmdResult<T> = Result<T, CommandError>;
