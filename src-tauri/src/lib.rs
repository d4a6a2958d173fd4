//! Laoke 老客 desktop shell: a thin Tauri v2 window over the `laoke` core.
//!
//! All logic lives in the core crate; this crate only keeps the window's state (open store,
//! session, lock flag), exposes one IPC command per core call (`commands/`), and maps core errors
//! to `{ code, message }` in the user's language (`error.rs`).

mod commands;
mod error;
mod names;
mod state;
mod timer;
#[cfg(all(test, feature = "ts"))]
mod ts_gen;

use tauri::{Manager, RunEvent};
use tauri_plugin_window_state::StateFlags;

use state::{AppState, Shell};

/// Builds and runs the app until the window closes.
pub fn run() {
    // Where the default folder points, if the owner moved the data (laoke::datadir).
    let data_dir = laoke::paths::data_dir();
    let shell = Shell::new(AppState::new(data_dir));

    let app = tauri::Builder::default()
        // First, so a second launch only focuses the running window.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.show();
                let _ = window.set_focus();
            }
        }))
        .plugin(
            tauri_plugin_window_state::Builder::default()
                .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
                .build(),
        )
        // Only `open` is granted (capabilities/main.json): the native folder / file picker.
        .plugin(tauri_plugin_dialog::init())
        .manage(shell)
        .manage(commands::backup_run::BackupLane::default())
        .manage(commands::loyalty::StartLane::default())
        .setup(|app| {
            // The loyalty and tickets jobs and the daily backup, as the core's timetable says.
            timer::start(app.handle().clone());
            Ok(())
        })
        .manage(commands::import::ImportJobs::default())
        .invoke_handler(tauri::generate_handler![
            // commands/app.rs
            commands::app::app_status,
            commands::app::app_set_language,
            // commands/store.rs
            commands::store::store_select,
            commands::store::store_init,
            commands::store::demo_open,
            commands::store::store_info,
            // commands/auth.rs
            commands::auth::auth_login,
            commands::auth::auth_recover,
            commands::auth::auth_logout,
            commands::auth::auth_lock,
            commands::auth::auth_unlock,
            commands::auth::auth_change_password,
            // commands/users.rs
            commands::users::users_list,
            commands::users::users_add,
            commands::users::users_set_disabled,
            commands::users::users_reset_password,
            // commands/settings.rs
            commands::settings::settings_get,
            commands::settings::settings_update,
            // commands/customers.rs
            commands::customers::customers_list,
            commands::customers::customers_page,
            commands::customers::customers_totals,
            commands::customers::customers_create,
            commands::customers::customers_get,
            commands::customers::customers_update,
            commands::customers::customers_profile,
            commands::customers::customers_orders,
            commands::customers::customers_reveal,
            commands::customers::customers_delete,
            commands::customers::customers_restore,
            commands::customers::customers_recycle_bin,
            commands::customers::customers_duplicates,
            commands::customers::customers_dismiss_duplicate,
            commands::customers::customers_merge_preview,
            commands::customers::customers_merge,
            commands::customers::customers_unmerge,
            commands::customers::customers_merges,
            commands::customers::customers_consent_record,
            commands::customers::customers_consent_withdraw,
            commands::customers::customers_consent_history,
            commands::customers::customers_erase,
            commands::customers::customers_export_person,
            commands::segments::segments_list,
            commands::segments::segments_count,
            commands::segments::segments_save,
            commands::segments::segments_delete,
            commands::segments::segments_of_customer,
            // commands/orders.rs
            commands::orders::orders_list,
            commands::orders::orders_get,
            commands::orders::orders_create,
            commands::orders::orders_set_status,
            commands::orders::orders_refund,
            commands::orders::orders_page,
            commands::orders::orders_totals,
            // commands/search.rs
            commands::search::search,
            // commands/import.rs
            commands::import::import_inspect,
            commands::import::import_preview,
            commands::import::import_run,
            commands::import::import_cancel,
            commands::import::import_save_errors,
            commands::import::import_list,
            commands::import::import_undo,
            commands::import::import_template,
            // commands/loyalty.rs
            commands::insight::insight_overview,
            commands::insight::insight_months,
            commands::insight::insight_movement,
            commands::insight::insight_settings,
            commands::insight::insight_preview,
            commands::insight::insight_save_settings,
            commands::insight::insight_rescore,
            commands::insight::insight_customer,
            commands::insight::insight_labels,
            commands::loyalty::loyalty_customer,
            commands::loyalty::loyalty_history,
            commands::loyalty::loyalty_adjust,
            commands::loyalty::loyalty_redeem,
            commands::loyalty::loyalty_redemption_preview,
            commands::loyalty::loyalty_order_redemption,
            commands::loyalty::loyalty_lock_tier,
            commands::loyalty::loyalty_rules,
            commands::loyalty::loyalty_what_if,
            commands::loyalty::loyalty_apply_rules,
            commands::loyalty::loyalty_liability,
            commands::loyalty::loyalty_monthly,
            commands::loyalty::coupons_list,
            commands::loyalty::coupons_create,
            commands::loyalty::coupons_issue,
            commands::loyalty::coupons_void,
            commands::loyalty::coupons_redeem,
            commands::loyalty::loyalty_run,
            commands::loyalty::loyalty_program,
            commands::loyalty::loyalty_switch_off,
            commands::loyalty::loyalty_start,
            // commands/tickets.rs
            commands::tickets::tickets_list,
            commands::tickets::tickets_counts,
            commands::tickets::tickets_get,
            commands::tickets::tickets_create,
            commands::tickets::tickets_assign,
            commands::tickets::tickets_set_state,
            commands::tickets::tickets_add_entry,
            commands::tickets::tickets_resolve,
            commands::tickets::tickets_merge,
            commands::tickets::tickets_templates,
            commands::tickets::tickets_render_template,
            commands::tickets::tickets_report,
            commands::tickets::tickets_assignees,
            commands::tickets::tickets_tags,
            commands::tickets::tickets_business_hours,
            commands::tickets::tickets_set_business_hours,
            commands::tickets::tickets_calendar,
            commands::tickets::tickets_set_calendar_day,
            commands::tickets::tickets_reset_calendar_day,
            commands::tickets::tickets_report_export,
            // commands/care.rs
            commands::care::followups_log,
            commands::care::followups_for_customer,
            commands::care::today,
            // commands/backup.rs
            commands::backup::store_restore_backup,
            commands::backup::backup_targets,
            commands::backup::backup_reminder,
            commands::backup::backup_suggested_folders,
            commands::backup::backup_add_suggested,
            commands::backup::backup_add_target,
            commands::backup::backup_remove_target,
            commands::backup::backup_now,
            commands::backup::backup_list,
            commands::backup::backup_verify,
            commands::backup::backup_preview,
            commands::backup::backup_restore,
            // commands/data.rs
            commands::data::data_dir_move,
            commands::data::export_full,
            // commands/calendar.rs
            commands::calendar::calendar_year,
            commands::calendar::calendar_import_ics,
            commands::calendar::calendar_set_year,
            commands::calendar::calendar_clear_year,
        ])
        .build(tauri::generate_context!())
        .expect("failed to start the Laoke window");

    app.run(|app, event| {
        if let RunEvent::Exit = event {
            // Back up if today has no verified backup yet (best effort), then close the
            // database cleanly and audit the logout when the window goes away.
            commands::backup_run::wait_for_idle(app);
            app.state::<Shell>().with(|st| {
                commands::backup::backup_on_exit(st);
                st.end_session();
            });
        }
    });
}
