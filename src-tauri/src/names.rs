// Every IPC command the UI may call (docs/IPC.md), grouped by the file under commands/ that
// defines it. Included by build.rs (ACL permissions) and checked against the invoke handler and
// the capability by a unit test in lib.rs.
#[allow(dead_code)] // read by build.rs and the test below
pub const COMMANDS: &[&str] = &[
    // commands/app.rs
    "app_status",
    "app_set_language",
    // commands/store.rs
    "store_select",
    "store_init",
    "demo_open",
    "store_info",
    // commands/auth.rs
    "auth_login",
    "auth_recover",
    "auth_logout",
    "auth_lock",
    "auth_unlock",
    "auth_change_password",
    // commands/users.rs
    "users_list",
    "users_add",
    "users_set_disabled",
    "users_reset_password",
    // commands/settings.rs
    "settings_get",
    "settings_update",
    // commands/customers.rs
    "customers_list",
    "customers_page",
    "customers_totals",
    "customers_create",
    "customers_get",
    "customers_update",
    "customers_profile",
    "customers_orders",
    "customers_reveal",
    "customers_delete",
    "customers_restore",
    "customers_recycle_bin",
    "customers_duplicates",
    "customers_dismiss_duplicate",
    "customers_merge_preview",
    "customers_merge",
    "customers_unmerge",
    "customers_merges",
    "customers_consent_record",
    "customers_consent_withdraw",
    "customers_consent_history",
    "customers_erase",
    "customers_export_person",
    "segments_list",
    "segments_count",
    "segments_save",
    "segments_delete",
    "segments_of_customer",
    // commands/insight.rs
    "insight_overview",
    "insight_months",
    "insight_movement",
    "insight_settings",
    "insight_preview",
    "insight_save_settings",
    "insight_rescore",
    "insight_customer",
    "insight_labels",
    // commands/orders.rs
    "orders_list",
    "orders_get",
    "orders_create",
    "orders_set_status",
    "orders_refund",
    "orders_page",
    "orders_totals",
    // commands/search.rs
    "search",
    // commands/import.rs
    "import_inspect",
    "import_preview",
    "import_run",
    "import_cancel",
    "import_save_errors",
    "import_list",
    "import_undo",
    "import_template",
    // commands/loyalty.rs
    "loyalty_customer",
    "loyalty_history",
    "loyalty_adjust",
    "loyalty_redeem",
    "loyalty_redemption_preview",
    "loyalty_order_redemption",
    "loyalty_lock_tier",
    "loyalty_rules",
    "loyalty_what_if",
    "loyalty_apply_rules",
    "loyalty_liability",
    "loyalty_monthly",
    "coupons_list",
    "coupons_create",
    "coupons_issue",
    "coupons_void",
    "coupons_redeem",
    "loyalty_run",
    "loyalty_program",
    "loyalty_switch_off",
    "loyalty_start",
    // commands/tickets.rs
    "tickets_list",
    "tickets_counts",
    "tickets_get",
    "tickets_create",
    "tickets_assign",
    "tickets_set_state",
    "tickets_add_entry",
    "tickets_resolve",
    "tickets_merge",
    "tickets_templates",
    "tickets_render_template",
    "tickets_report",
    "tickets_assignees",
    "tickets_tags",
    "tickets_business_hours",
    "tickets_set_business_hours",
    "tickets_calendar",
    "tickets_set_calendar_day",
    "tickets_reset_calendar_day",
    "tickets_report_export",
    // commands/care.rs
    "followups_log",
    "followups_for_customer",
    "today",
    // commands/backup.rs
    "store_restore_backup",
    "backup_targets",
    "backup_reminder",
    "backup_suggested_folders",
    "backup_add_suggested",
    "backup_add_target",
    "backup_remove_target",
    "backup_now",
    "backup_list",
    "backup_verify",
    "backup_preview",
    "backup_restore",
    // commands/data.rs
    "data_dir_move",
    "export_full",
    // commands/calendar.rs
    "calendar_year",
    "calendar_import_ics",
    "calendar_set_year",
    "calendar_clear_year",
];

#[cfg(test)]
mod tests {
    use super::COMMANDS;

    #[test]
    fn every_command_is_registered_in_the_invoke_handler_and_the_capability() {
        let lib = include_str!("lib.rs");
        let capability = include_str!("../capabilities/main.json");
        for name in COMMANDS {
            assert!(
                lib.contains(&format!("::{name},")),
                "{name} is in names.rs but not in generate_handler!"
            );
            let permission = format!("\"allow-{}\"", name.replace('_', "-"));
            assert!(
                capability.contains(&permission),
                "{name} has no {permission} in capabilities/main.json"
            );
        }
        let handler = lib
            .split("generate_handler![")
            .nth(1)
            .expect("lib.rs has a handler");
        let handler = handler.split(']').next().expect("handler list closes");
        assert_eq!(
            handler.matches("commands::").count(),
            COMMANDS.len(),
            "generate_handler! and names.rs must list the same commands"
        );
    }
}
