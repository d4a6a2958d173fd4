//! Insight (issue 12): the Insight screen's data (classes, funnel, months, movement), the
//! threshold settings with their preview, saving and re-scoring, and one customer's class
//! explained for the 360 page. Each command is one core call: the scoring itself, the role
//! checks (owner and manager; reps only `insight_customer` and `insight_labels`) and the audit live in
//! `laoke::insight`. Nothing here scores on a page load: the pass runs from the periodic job,
//! after an import, after a settings save and from `insight_rescore`.

use laoke::insight::{
    self, ClassLabel, CustomerInsight, InsightOverview, InsightParams, InsightSettings, MoveKind,
    Movement, ThresholdPreview,
};
use tauri::State;

use crate::{error::CmdResult, state::Shell};

#[tauri::command]
pub async fn insight_overview(shell: State<'_, Shell>) -> CmdResult<InsightOverview> {
    shell.with_session(insight::overview).await
}

#[tauri::command]
pub async fn insight_months(shell: State<'_, Shell>) -> CmdResult<Vec<String>> {
    shell.with_session(insight::months).await
}

#[tauri::command]
pub async fn insight_movement(
    shell: State<'_, Shell>,
    kind: MoveKind,
    from_month: String,
    to_month: String,
) -> CmdResult<Movement> {
    shell
        .with_session(move |store, session| {
            insight::movement(store, session, kind, &from_month, &to_month)
        })
        .await
}

#[tauri::command]
pub async fn insight_settings(shell: State<'_, Shell>) -> CmdResult<InsightSettings> {
    shell.with_session(insight::settings).await
}

#[tauri::command]
pub async fn insight_preview(
    shell: State<'_, Shell>,
    params: InsightParams,
) -> CmdResult<ThresholdPreview> {
    shell
        .with_session(move |store, session| insight::preview(store, session, &params))
        .await
}

#[tauri::command]
pub async fn insight_save_settings(
    shell: State<'_, Shell>,
    params: InsightParams,
) -> CmdResult<InsightOverview> {
    shell
        .with_session(move |store, session| insight::save_settings(store, session, &params))
        .await
}

#[tauri::command]
pub async fn insight_rescore(shell: State<'_, Shell>) -> CmdResult<InsightOverview> {
    shell.with_session(insight::rescore).await
}

#[tauri::command]
pub async fn insight_customer(
    shell: State<'_, Shell>,
    customer_id: i64,
) -> CmdResult<CustomerInsight> {
    shell
        .with_session(move |store, session| insight::customer(store, session, customer_id))
        .await
}

/// The shop's class names (its chosen label set), for every screen that names a class.
#[tauri::command]
pub async fn insight_labels(shell: State<'_, Shell>) -> CmdResult<Vec<ClassLabel>> {
    shell.with_session(insight::class_labels).await
}
