//! Customers: the list (page first, then the totals row), one customer's record and the work
//! around it — create/edit/view, the 360 profile, reveal, duplicates, merge and undo, recycle
//! bin, consent, erasure and the per-person export. Each command calls one core function; every
//! filter, sort, role check and audit entry is the core's job.

use laoke::{
    customers::{
        self,
        consent::{self, ConsentChannel, ConsentEvent, ConsentState},
        duplicates::{self, DuplicatePair},
        merge::{self, MergeChoices, MergeOutcome, MergePreview, MergeRecord},
        recycle::{self, BinEntry},
        Contact, Customer, CustomerPage, CustomerRows, CustomerTotals, NewCustomer, Profile,
    },
    export,
    orders::OrderPage,
    segments::{customer_list, CustomerFilter},
    Error,
};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::State;

use crate::{error::CmdResult, state::Shell};

/// One page of customers with the totals row (the older single-call list). The list commands
/// take the list's query plus an optional segment, score conditions and movement cell.
#[tauri::command]
pub async fn customers_list(
    shell: State<'_, Shell>,
    query: CustomerFilter,
) -> CmdResult<CustomerPage> {
    shell
        .with_session(move |store, session| customer_list::list(store, session, &query))
        .await
}

/// The list's page: walks an index, appears at once.
#[tauri::command]
pub async fn customers_page(
    shell: State<'_, Shell>,
    query: CustomerFilter,
) -> CmdResult<CustomerRows> {
    shell
        .with_session(move |store, session| customer_list::page(store, session, &query))
        .await
}

/// The list's totals row (count and spend over every match), which follows the page.
#[tauri::command]
pub async fn customers_totals(
    shell: State<'_, Shell>,
    query: CustomerFilter,
) -> CmdResult<CustomerTotals> {
    shell
        .with_session(move |store, session| customer_list::totals(store, session, &query))
        .await
}

#[tauri::command]
pub async fn customers_create(shell: State<'_, Shell>, customer: NewCustomer) -> CmdResult<i64> {
    shell
        .with_session(move |store, session| customers::create(store, session, &customer))
        .await
}

#[tauri::command]
pub async fn customers_get(shell: State<'_, Shell>, id: i64) -> CmdResult<Customer> {
    shell
        .with_session(move |store, session| customers::get(store, session, id))
        .await
}

#[tauri::command]
pub async fn customers_update(
    shell: State<'_, Shell>,
    id: i64,
    customer: NewCustomer,
) -> CmdResult<Customer> {
    shell
        .with_session(move |store, session| customers::update(store, session, id, &customer))
        .await
}

#[tauri::command]
pub async fn customers_profile(shell: State<'_, Shell>, id: i64) -> CmdResult<Profile> {
    shell
        .with_session(move |store, session| customers::profile(store, session, id))
        .await
}

#[tauri::command]
pub async fn customers_orders(shell: State<'_, Shell>, id: i64, page: u32) -> CmdResult<OrderPage> {
    shell
        .with_session(move |store, session| customers::profile::orders(store, session, id, page))
        .await
}

#[tauri::command]
pub async fn customers_reveal(shell: State<'_, Shell>, id: i64) -> CmdResult<Contact> {
    shell
        .with_session(move |store, session| customers::reveal_contact(store, session, id))
        .await
}

#[tauri::command]
pub async fn customers_delete(shell: State<'_, Shell>, id: i64) -> CmdResult<()> {
    shell
        .with_session(move |store, session| recycle::delete(store, session, id))
        .await
}

#[tauri::command]
pub async fn customers_restore(shell: State<'_, Shell>, id: i64) -> CmdResult<()> {
    shell
        .with_session(move |store, session| recycle::restore(store, session, id))
        .await
}

#[tauri::command]
pub async fn customers_recycle_bin(shell: State<'_, Shell>) -> CmdResult<Vec<BinEntry>> {
    shell.with_session(recycle::list).await
}

#[tauri::command]
pub async fn customers_duplicates(shell: State<'_, Shell>) -> CmdResult<Vec<DuplicatePair>> {
    shell.with_session(duplicates::suggestions).await
}

#[tauri::command]
pub async fn customers_dismiss_duplicate(shell: State<'_, Shell>, a: i64, b: i64) -> CmdResult<()> {
    shell
        .with_session(move |store, session| duplicates::dismiss(store, session, a, b))
        .await
}

#[tauri::command]
pub async fn customers_merge_preview(
    shell: State<'_, Shell>,
    a: i64,
    b: i64,
) -> CmdResult<MergePreview> {
    shell
        .with_session(move |store, session| merge::preview(store, session, a, b))
        .await
}

#[tauri::command]
pub async fn customers_merge(
    shell: State<'_, Shell>,
    keep: i64,
    other: i64,
    choices: MergeChoices,
) -> CmdResult<MergeOutcome> {
    shell
        .with_session(move |store, session| {
            laoke::customer_ops::merge(store, session, keep, other, &choices)
        })
        .await
}

#[tauri::command]
pub async fn customers_unmerge(shell: State<'_, Shell>, merge_id: i64) -> CmdResult<MergeOutcome> {
    shell
        .with_session(move |store, session| laoke::customer_ops::unmerge(store, session, merge_id))
        .await
}

#[tauri::command]
pub async fn customers_merges(shell: State<'_, Shell>) -> CmdResult<Vec<MergeRecord>> {
    shell.with_session(merge::recent).await
}

/// One channel's new choice.
#[derive(Deserialize, Debug, Clone, Copy)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ConsentChange {
    pub channel: ConsentChannel,
    pub granted: bool,
}

#[tauri::command]
pub async fn customers_consent_record(
    shell: State<'_, Shell>,
    id: i64,
    changes: Vec<ConsentChange>,
    source: String,
) -> CmdResult<Vec<ConsentState>> {
    shell
        .with_session(move |store, session| {
            let changes: Vec<(ConsentChannel, bool)> =
                changes.iter().map(|c| (c.channel, c.granted)).collect();
            consent::record_choice(store, session, id, &changes, &source)
        })
        .await
}

#[tauri::command]
pub async fn customers_consent_withdraw(
    shell: State<'_, Shell>,
    id: i64,
) -> CmdResult<Vec<ConsentState>> {
    shell
        .with_session(move |store, session| consent::withdraw_all(store, session, id))
        .await
}

#[tauri::command]
pub async fn customers_consent_history(
    shell: State<'_, Shell>,
    id: i64,
) -> CmdResult<Vec<ConsentEvent>> {
    shell
        .with_session(move |store, session| consent::history(store, session, id))
        .await
}

#[tauri::command]
pub async fn customers_erase(shell: State<'_, Shell>, id: i64) -> CmdResult<()> {
    shell
        .with_session(move |store, session| laoke::customer_ops::erase(store, session, id))
        .await
}

/// Where the per-person export went.
#[derive(Serialize, Debug, Clone)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PersonExport {
    pub path: String,
    pub bytes: u64,
}

/// Writes `客户<id>-个人数据-<date>.xlsx` (or the English name) into `folder`, never
/// overwriting a file that is there.
#[tauri::command]
pub async fn customers_export_person(
    shell: State<'_, Shell>,
    id: i64,
    folder: String,
) -> CmdResult<PersonExport> {
    shell
        .with_session_lang(move |store, session, lang| {
            let day = store
                .now()
                .with_timezone(&laoke::settings::timezone(store))
                .format("%Y%m%d");
            let stem = match lang {
                laoke::i18n::Lang::ZhCn => format!("客户{id}-个人数据-{day}"),
                laoke::i18n::Lang::En => format!("customer-{id}-personal-data-{day}"),
            };
            let folder = PathBuf::from(folder);
            let mut path = folder.join(format!("{stem}.xlsx"));
            let mut n = 2;
            while path.exists() {
                path = folder.join(format!("{stem} ({n}).xlsx"));
                n += 1;
                if n > 999 {
                    return Err(Error::conflict(
                        "这个文件夹里同名文件太多，请换一个文件夹。",
                        "Too many files of that name in this folder; choose another folder.",
                    ));
                }
            }
            let report = export::person_workbook(store, session, id, lang, &path)?;
            Ok(PersonExport {
                path: path.display().to_string(),
                bytes: report.bytes,
            })
        })
        .await
}
