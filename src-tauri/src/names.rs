// Every IPC command the UI may call (docs/IPC.md). Included by build.rs (ACL permissions) and
// checked against the invoke handler by a unit test in lib.rs.
#[allow(dead_code)] // read by build.rs and the test below
pub const COMMANDS: &[&str] = &[
    "app_status",
    "app_set_language",
    "store_select",
    "store_init",
    "demo_open",
    "store_info",
    "auth_login",
    "auth_recover",
    "auth_logout",
    "auth_lock",
    "auth_unlock",
    "auth_change_password",
    "users_list",
    "users_add",
    "users_set_disabled",
    "users_reset_password",
    "customers_list",
    "settings_get",
    "settings_update",
    "backup_targets",
    "backup_add_target",
    "backup_remove_target",
    "backup_now",
    "backup_list",
    "backup_verify",
    "backup_restore",
    "store_restore_backup",
    // Orders (H1)
    "orders_list",
    "orders_get",
    "orders_create",
    "orders_set_status",
    "orders_refund",
    "backup_preview",
    "data_dir_move",
    "export_full",
    "search",
    // Customer record (customer_record.rs)
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
    "import_inspect",
    "import_preview",
    "import_run",
    "import_cancel",
    "import_save_errors",
    "import_list",
    "import_undo",
    "import_template",
    // Lists: page first, totals row separately (H6)
    "orders_page",
    "orders_totals",
    "customers_page",
    "customers_totals",
    // Loyalty screens (H9)
    "loyalty_customer",
    "loyalty_history",
    "loyalty_adjust",
    "loyalty_redeem",
    "loyalty_redemption_preview",
    "loyalty_order_redemption",
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
    "loyalty_lock_tier",
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
    "followups_log",
    "followups_for_customer",
    "today",
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
