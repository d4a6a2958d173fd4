//! Customer segments (客户分组): every segment with its live size, the live count of a definition
//! being edited, save and delete (owner and manager), and the segments one customer is in with
//! the reason. Each command calls one core function in `laoke::segments`; roles, validation and
//! audit are the core's. The customer list's own commands take a segment too (customers.rs).

use laoke::segments::{
    self, SegmentCount, SegmentDefinition, SegmentMembership, SegmentSave, SegmentSummary,
};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

/// Every segment (ready-made first, then saved by name) with its customers, share and spend.
#[tauri::command]
pub async fn segments_list(shell: State<'_, Shell>) -> CmdResult<Vec<SegmentSummary>> {
    shell.with_session(segments::list).await
}

/// The live count of a definition while it is edited.
#[tauri::command]
pub async fn segments_count(
    shell: State<'_, Shell>,
    definition: SegmentDefinition,
) -> CmdResult<SegmentCount> {
    shell
        .with_session(move |store, session| segments::count(store, session, &definition))
        .await
}

/// Create (`id` null) or edit a saved segment.
#[tauri::command]
pub async fn segments_save(
    shell: State<'_, Shell>,
    id: Option<i64>,
    name: String,
    definition: SegmentDefinition,
) -> CmdResult<SegmentSummary> {
    shell
        .with_session(move |store, session| {
            let req = SegmentSave {
                id,
                name,
                definition,
            };
            segments::save(store, session, &req)
        })
        .await
}

/// Delete a saved segment.
#[tauri::command]
pub async fn segments_delete(shell: State<'_, Shell>, id: i64) -> CmdResult<()> {
    shell
        .with_session(move |store, session| segments::delete(store, session, id))
        .await
}

/// The segments a customer is in, condition by condition.
#[tauri::command]
pub async fn segments_of_customer(
    shell: State<'_, Shell>,
    customer_id: i64,
) -> CmdResult<Vec<SegmentMembership>> {
    shell
        .with_session(move |store, session| segments::of_customer(store, session, customer_id))
        .await
}
