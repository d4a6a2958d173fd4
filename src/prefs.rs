//! Preferences that must be known before anyone logs in (the UI language, which store the login
//! screen opens). They hold no customer data and no secrets, so they live in a small JSON file
//! next to the store, written atomically.

use crate::{crypto::atomic_write, i18n::Lang, Result};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub const PREFS_FILE: &str = "prefs.json";

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum StoreKind {
    #[default]
    Main,
    Demo,
}

#[derive(Serialize, Deserialize, Clone, Copy, PartialEq, Eq, Debug, Default)]
#[serde(default, rename_all = "camelCase")]
pub struct Prefs {
    pub language: Lang,
    pub active_store: StoreKind,
}

impl Prefs {
    /// Missing or unreadable preferences fall back to the defaults (zh-CN, main store).
    pub fn load(data_dir: &Path) -> Prefs {
        std::fs::read(data_dir.join(PREFS_FILE))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, data_dir: &Path) -> Result<()> {
        std::fs::create_dir_all(data_dir)?;
        let json =
            serde_json::to_vec_pretty(self).map_err(|e| crate::Error::Internal(e.to_string()))?;
        atomic_write(&data_dir.join(PREFS_FILE), &json)
    }
}
