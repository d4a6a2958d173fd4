//! Settings → 节假日 / Holidays: a year's days off and 调休 working days with their source
//! (official | computed | shop), and entering the year's official arrangement (an .ics file
//! picked in the native dialog, or typed dates). Each command is one core call; roles (owner or
//! manager to enter), validation and audit live in `laoke::tickets::arrangement`.

use laoke::{
    holidays::{ics::ArrangementEntry, HolidayYear},
    tickets::arrangement::{self, IcsImport},
};
use std::path::PathBuf;
use tauri::State;

use crate::{error::CmdResult, state::Shell};

/// A year as it applies: shop > official > computed.
#[tauri::command]
pub async fn calendar_year(shell: State<'_, Shell>, year: i32) -> CmdResult<HolidayYear> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            arrangement::year(store, session, year)
        })
        .await
}

/// Import days off and working days from an .ics file, only those of `year` when given.
#[tauri::command]
pub async fn calendar_import_ics(
    shell: State<'_, Shell>,
    path: PathBuf,
    year: Option<i32>,
) -> CmdResult<IcsImport> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            arrangement::import_ics_file(store, session, &path, year)
        })
        .await
}

/// Replace a year with typed dates.
#[tauri::command]
pub async fn calendar_set_year(
    shell: State<'_, Shell>,
    year: i32,
    days: Vec<ArrangementEntry>,
) -> CmdResult<HolidayYear> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            arrangement::set_year(store, session, year, &days)
        })
        .await
}

/// Forget the shop's arrangement of a year (back to official or computed).
#[tauri::command]
pub async fn calendar_clear_year(shell: State<'_, Shell>, year: i32) -> CmdResult<HolidayYear> {
    shell
        .run(move |st| {
            let (store, session) = st.signed_in()?;
            arrangement::clear_year(store, session, year)
        })
        .await
}
