//! What the window remembers between commands: which folder, the preferences, and — once someone
//! has logged in — the open store and the acting session. The lock flag lives here too: while it
//! is set, every data command answers `locked` until the same user types the password again.

use laoke::{
    auth::Session,
    clock::{SharedClock, SystemClock},
    prefs::{Prefs, StoreKind},
    store::Store,
    Error,
};
use serde::Serialize;
use std::{
    path::PathBuf,
    sync::{Arc, Mutex, PoisonError},
};

use crate::error::CommandError;

pub struct AppState {
    /// The main store's folder; the demo store sits in `laoke::paths::demo_dir(data_dir)`.
    pub data_dir: PathBuf,
    pub prefs: Prefs,
    pub clock: SharedClock,
    pub store: Option<Store>,
    pub session: Option<Session>,
    pub locked: bool,
    /// Which store the open session belongs to (prefs can change only while logged out).
    pub session_store: StoreKind,
    /// Cached from the store's settings so the UI knows when to lock while idle.
    pub idle_lock_minutes: u32,
}

/// The session as the UI sees it (docs/IPC.md `SessionInfo`).
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionInfo {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: laoke::auth::Role,
    pub store: StoreKind,
}

/// The whole app state as the UI sees it (docs/IPC.md `AppStatus`).
#[derive(Serialize, Clone, Debug)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub data_dir: String,
    pub store_exists: bool,
    pub demo_exists: bool,
    pub active_store: StoreKind,
    pub language: laoke::i18n::Lang,
    pub idle_lock_minutes: u32,
    pub session: Option<SessionInfo>,
    pub locked: bool,
}

impl AppState {
    pub fn new(data_dir: PathBuf) -> Self {
        let prefs = Prefs::load(&data_dir);
        Self {
            data_dir,
            prefs,
            clock: Arc::new(SystemClock),
            store: None,
            session: None,
            locked: false,
            session_store: StoreKind::Main,
            idle_lock_minutes: 0,
        }
    }

    /// The folder of a store kind.
    pub fn dir_of(&self, kind: StoreKind) -> PathBuf {
        match kind {
            StoreKind::Main => self.data_dir.clone(),
            StoreKind::Demo => laoke::paths::demo_dir(&self.data_dir),
        }
    }

    pub fn active_dir(&self) -> PathBuf {
        self.dir_of(self.prefs.active_store)
    }

    pub fn status(&self) -> AppStatus {
        AppStatus {
            data_dir: self.active_dir().display().to_string(),
            store_exists: Store::exists(&self.data_dir),
            demo_exists: Store::exists(&laoke::paths::demo_dir(&self.data_dir)),
            active_store: self.prefs.active_store,
            language: self.prefs.language,
            idle_lock_minutes: self.idle_lock_minutes,
            session: self.session_info(),
            locked: self.session.is_some() && self.locked,
        }
    }

    pub fn session_info(&self) -> Option<SessionInfo> {
        self.session.as_ref().map(|s| SessionInfo {
            user_id: s.user_id(),
            username: s.username().to_string(),
            display_name: s.display_name().to_string(),
            role: s.role(),
            store: self.session_store,
        })
    }

    /// The open store and session for a data command: `not_logged_in` or `locked` otherwise.
    pub fn signed_in(&self) -> laoke::Result<(&Store, &Session)> {
        match (&self.store, &self.session) {
            (Some(store), Some(session)) if !self.locked => Ok((store, session)),
            (Some(_), Some(_)) => Err(Error::Locked),
            _ => Err(Error::NotLoggedIn),
        }
    }

    /// Like [`Self::signed_in`] but also while locked (used by unlock itself).
    pub fn signed_in_even_locked(&self) -> laoke::Result<(&Store, &Session)> {
        match (&self.store, &self.session) {
            (Some(store), Some(session)) => Ok((store, session)),
            _ => Err(Error::NotLoggedIn),
        }
    }

    /// Installs a freshly opened store and session, closing (and auditing) any previous one.
    pub fn begin_session(
        &mut self,
        kind: StoreKind,
        store: Store,
        session: Session,
    ) -> SessionInfo {
        self.end_session();
        self.idle_lock_minutes = laoke::settings::get(&store, &session)
            .map(|s| s.idle_lock_minutes)
            .unwrap_or(0);
        // The core's housekeeping after a login (the recycle-bin purge). Best effort: a
        // failure must not block the login, and the next login retries.
        if let Err(e) = laoke::jobs::after_login(&store, &session) {
            eprintln!("laoke: housekeeping after login failed: {e}");
        }
        self.store = Some(store);
        self.session = Some(session);
        self.session_store = kind;
        self.locked = false;
        self.session_info().expect("session was just set")
    }

    /// Logs out the current session, if any. Closing must not fail the caller: the audit entry
    /// is best effort once the user has asked to leave.
    pub fn end_session(&mut self) {
        let store = self.store.take();
        let session = self.session.take();
        self.locked = false;
        self.idle_lock_minutes = 0;
        if let (Some(store), Some(session)) = (store, session) {
            if let Err(e) = laoke::auth::logout(store, session) {
                eprintln!("laoke: logout audit failed: {e}");
            }
        }
    }

    pub fn set_active_store(&mut self, kind: StoreKind) -> laoke::Result<()> {
        if self.prefs.active_store != kind {
            self.prefs.active_store = kind;
            self.prefs.save(&self.data_dir)?;
        }
        Ok(())
    }
}

/// Tauri-managed handle to the state. Commands run on a blocking thread (Argon2 takes ~0.3 s and
/// SQLCipher does file I/O), never on the main thread.
#[derive(Clone)]
pub struct Shell(Arc<Mutex<AppState>>);

impl Shell {
    pub fn new(state: AppState) -> Self {
        Self(Arc::new(Mutex::new(state)))
    }

    /// Runs `f` with the state on a blocking worker and turns a core error into `{code, message}`
    /// in the current UI language.
    pub async fn run<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AppState) -> laoke::Result<T> + Send + 'static,
    {
        let inner = self.0.clone();
        tauri::async_runtime::spawn_blocking(move || {
            let mut state = inner.lock().unwrap_or_else(PoisonError::into_inner);
            let result = f(&mut state);
            result.map_err(|e| CommandError::from_core(&e, state.prefs.language))
        })
        .await
        .map_err(|e| CommandError::internal(&e.to_string()))?
    }

    /// Runs `f` with the open store and acting session, the way almost every data command does:
    /// `not_logged_in` or `locked` when there is none (see [`AppState::signed_in`]).
    pub async fn with_session<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &Session) -> laoke::Result<T> + Send + 'static,
    {
        self.run(move |st| {
            let (store, session) = st.signed_in()?;
            f(store, session)
        })
        .await
    }

    /// Like [`Self::with_session`], for the few commands that also write something in the UI's
    /// language (file names, workbooks, templates).
    pub async fn with_session_lang<T, F>(&self, f: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &Session, laoke::i18n::Lang) -> laoke::Result<T> + Send + 'static,
    {
        self.run(move |st| {
            let lang = st.prefs.language;
            let (store, session) = st.signed_in()?;
            f(store, session, lang)
        })
        .await
    }

    /// Synchronous access for app shutdown.
    pub fn with<T>(&self, f: impl FnOnce(&mut AppState) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(PoisonError::into_inner))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use laoke::i18n::Lang;

    #[test]
    fn a_fresh_data_folder_reports_no_store_and_no_session_in_chinese() {
        let dir = tempfile::tempdir().unwrap();
        let st = AppState::new(dir.path().to_path_buf());
        let status = st.status();
        assert!(!status.store_exists, "an empty folder has no store");
        assert!(!status.demo_exists, "an empty folder has no demo store");
        assert!(status.session.is_none() && !status.locked);
        let json = serde_json::to_value(&status).unwrap();
        assert_eq!(json["language"], "zh-CN", "Chinese is the default language");
        assert_eq!(json["activeStore"], "main");
        assert_eq!(json["idleLockMinutes"], 0);
    }

    #[test]
    fn data_commands_without_a_session_answer_not_logged_in_in_the_ui_language() {
        let dir = tempfile::tempdir().unwrap();
        let st = AppState::new(dir.path().to_path_buf());
        let err = st.signed_in().err().expect("no session yet");
        let zh = CommandError::from_core(&err, Lang::ZhCn);
        let en = CommandError::from_core(&err, Lang::En);
        assert_eq!(zh.code, "not_logged_in");
        assert_eq!(en.code, "not_logged_in");
        assert_ne!(zh.message, en.message, "the message follows the language");
        assert!(
            en.message.is_ascii(),
            "English message has no Chinese: {}",
            en.message
        );
    }

    #[test]
    fn a_locked_session_refuses_data_commands_but_not_unlock() {
        // The `locked` column of docs/SECURITY.md (Permissions by command), as the shell says it.
        let dir = tempfile::tempdir().unwrap();
        let mut st = AppState::new(dir.path().to_path_buf());
        let owner = laoke::users::NewUser {
            username: "boss".into(),
            display_name: "Boss".into(),
            role: laoke::auth::Role::Owner,
            password: "correct horse battery".into(),
        };
        let (store, session, _) = Store::init(dir.path(), &owner, st.clock.clone()).unwrap();
        st.begin_session(StoreKind::Main, store, session);
        assert!(st.signed_in().is_ok(), "unlocked: data commands run");
        st.locked = true;
        let err = st.signed_in().err().expect("locked");
        assert_eq!(CommandError::from_core(&err, Lang::En).code, "locked");
        assert!(
            st.signed_in_even_locked().is_ok(),
            "unlock itself still reaches the store"
        );
        st.end_session();
        let err = st.signed_in_even_locked().err().expect("logged out");
        assert_eq!(
            CommandError::from_core(&err, Lang::En).code,
            "not_logged_in"
        );
    }

    #[test]
    fn the_demo_store_lives_beside_the_main_one() {
        let dir = tempfile::tempdir().unwrap();
        let st = AppState::new(dir.path().to_path_buf());
        assert_eq!(st.dir_of(StoreKind::Main), dir.path());
        assert_eq!(
            st.dir_of(StoreKind::Demo),
            laoke::paths::demo_dir(dir.path())
        );
    }
}
