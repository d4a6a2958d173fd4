//! Every IPC command with its arguments and result, as `commands.ts` states them for the UI.
//! Written in the command files' own spelling; [`tests::matches_the_command_files`] reads
//! `src/commands/*.rs` and fails when a command is added, removed or changes its arguments or
//! result without this table following, so the generated `Commands` stays the whole contract.

use ts_rs::{Config, TS};

use crate::commands::{
    backup::{BackupStatus, BackupSummary, RestoreDone, RestoredStore},
    backup_run::BackupDone,
    customers::{ConsentChange, PersonExport},
    data::ExportDone,
    store::{DemoLogin, InitResult},
    tickets::ReportExported,
};
use crate::state::{AppStatus, SessionInfo};
use chrono::NaiveDate;
use laoke::{
    auth::Role,
    backup::{self, BackupListing},
    care::{
        followups::{FollowUp, NewFollowUp},
        today::Today,
    },
    customers::{
        consent::{ConsentEvent, ConsentState},
        duplicates::DuplicatePair,
        merge::{MergeChoices, MergeOutcome, MergePreview, MergeRecord},
        recycle::BinEntry,
        Contact, Customer, CustomerPage, CustomerRows, CustomerTotals, NewCustomer, Profile,
    },
    datadir,
    holidays::{ics::ArrangementEntry, HolidayYear},
    i18n::Lang,
    import::{BatchInfo, ImportSummary, Inspection, Mapping, UndoReport},
    info::StoreInfo,
    insight::{
        ClassLabel, CustomerInsight, InsightOverview, InsightParams, InsightSettings, MoveKind,
        Movement, ThresholdPreview,
    },
    loyalty::{
        coupons::{Coupon, CouponGrant, NewCoupon},
        job::JobReport,
        ledger::PointsEntry,
        program::{Past, StartProgress},
        redemption::{OrderDraft, OrderRedemption, Redemption, RedemptionPreview},
        reports::{Liability, MonthRow},
        rules::{LoyaltyRules, RuleVersion},
        tiers::TierStatus,
        view::CustomerLoyalty,
        whatif::WhatIf,
    },
    orders::{
        ManualOrder, OrderDetail, OrderPage, OrderQuery, OrderRows, OrderStatus, OrderTotals,
    },
    prefs::StoreKind,
    search::SearchResults,
    segments::{
        CustomerFilter, SegmentCount, SegmentDefinition, SegmentMembership, SegmentSummary,
    },
    settings::Settings,
    tickets::{
        self,
        arrangement::IcsImport,
        calendar::CalendarDay,
        reports::{Period, ServiceReport},
        sla::{BusinessHours, DayKind},
        templates::ReplyTemplate,
        EventKind, NewTicket, QueueCounts, Resolution, TicketDetail, TicketPage, TicketQuery,
        TicketState,
    },
    users::User,
};
use std::path::PathBuf;

/// One argument (or the result) of a command.
pub struct Arg {
    pub name: &'static str,
    /// As written in the command file.
    pub rust: &'static str,
    /// The TypeScript type (`T | null` for an `Option`).
    pub ts: String,
    /// An `Option` argument: the UI may leave it out.
    pub optional: bool,
    /// Generated types it refers to (for `commands.ts`'s imports).
    pub names: Vec<String>,
}

impl Arg {
    fn of<T: TS + 'static + ?Sized>(cfg: &Config, name: &'static str, rust: &'static str) -> Self {
        super::put::<T>(cfg);
        Arg {
            name,
            rust,
            ts: T::name(cfg),
            optional: T::IS_OPTION,
            names: super::names::<T>(cfg),
        }
    }
}

/// One `#[tauri::command]`.
pub struct Command {
    pub name: &'static str,
    pub args: Vec<Arg>,
    pub result: Arg,
}

macro_rules! table {
    ($cfg:ident; $( $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*) => {
        vec![$(Command {
            name: stringify!($name),
            args: vec![$(Arg::of::<$ty>($cfg, stringify!($arg), stringify!($ty))),*],
            result: Arg::of::<$ret>($cfg, "", stringify!($ret)),
        }),*]
    };
}

/// Every command, by command file; writes each type it names into `cfg`'s folder.
pub fn table(cfg: &Config) -> Vec<Command> {
    table! { cfg;
        // app.rs
        app_status() -> AppStatus;
        app_set_language(language: Lang) -> AppStatus;
        // auth.rs
        auth_login(username: String, password: String) -> SessionInfo;
        auth_recover(recovery_key: String, username: String, new_password: String) -> SessionInfo;
        auth_logout() -> ();
        auth_lock() -> ();
        auth_unlock(password: String) -> SessionInfo;
        auth_change_password(old_password: String, new_password: String) -> ();
        // backup.rs
        store_restore_backup(file: String, username: Option<String>, password: Option<String>, recovery_key: Option<String>) -> RestoredStore;
        backup_targets() -> BackupStatus;
        backup_reminder() -> Option<backup::BackupReminder>;
        backup_suggested_folders() -> Vec<backup::SuggestedFolder>;
        backup_add_suggested(path: String, name: String) -> backup::Target;
        backup_add_target(path: String) -> backup::Target;
        backup_remove_target(id: i64) -> ();
        backup_now(target_id: Option<i64>) -> Vec<BackupDone>;
        backup_list(dir: String) -> Vec<BackupListing>;
        backup_verify(file: String, password: String) -> BackupSummary;
        backup_preview(file: String, password: String) -> backup::BackupPreview;
        backup_restore(file: String, password: String) -> RestoreDone;
        // calendar.rs
        calendar_year(year: i32) -> HolidayYear;
        calendar_import_ics(path: PathBuf, year: Option<i32>) -> IcsImport;
        calendar_set_year(year: i32, days: Vec<ArrangementEntry>) -> HolidayYear;
        calendar_clear_year(year: i32) -> HolidayYear;
        // care.rs
        followups_log(follow_up: NewFollowUp) -> i64;
        followups_for_customer(customer_id: i64) -> Vec<FollowUp>;
        today() -> Today;
        // customers.rs
        customers_list(query: CustomerFilter) -> CustomerPage;
        customers_page(query: CustomerFilter) -> CustomerRows;
        customers_totals(query: CustomerFilter) -> CustomerTotals;
        customers_create(customer: NewCustomer) -> i64;
        customers_get(id: i64) -> Customer;
        customers_update(id: i64, customer: NewCustomer) -> Customer;
        customers_profile(id: i64) -> Profile;
        customers_orders(id: i64, page: u32) -> OrderPage;
        customers_reveal(id: i64) -> Contact;
        customers_delete(id: i64) -> ();
        customers_restore(id: i64) -> ();
        customers_recycle_bin() -> Vec<BinEntry>;
        customers_duplicates() -> Vec<DuplicatePair>;
        customers_dismiss_duplicate(a: i64, b: i64) -> ();
        customers_merge_preview(a: i64, b: i64) -> MergePreview;
        customers_merge(keep: i64, other: i64, choices: MergeChoices) -> MergeOutcome;
        customers_unmerge(merge_id: i64) -> MergeOutcome;
        customers_merges() -> Vec<MergeRecord>;
        customers_consent_record(id: i64, changes: Vec<ConsentChange>, source: String) -> Vec<ConsentState>;
        customers_consent_withdraw(id: i64) -> Vec<ConsentState>;
        customers_consent_history(id: i64) -> Vec<ConsentEvent>;
        customers_erase(id: i64) -> ();
        customers_export_person(id: i64, folder: String) -> PersonExport;
        // data.rs
        data_dir_move(path: String) -> datadir::MoveReport;
        export_full(path: String) -> ExportDone;
        // import.rs
        import_inspect(path: String, preset: Option<String>) -> Inspection;
        import_preview(path: String, preset: Option<String>, mapping: Option<Mapping>) -> ImportSummary;
        import_run(path: String, preset: Option<String>, mapping: Option<Mapping>) -> ImportSummary;
        import_cancel() -> ();
        import_save_errors(path: String) -> u64;
        import_list() -> Vec<BatchInfo>;
        import_undo(batch_id: i64) -> UndoReport;
        import_template(path: String) -> u64;
        // insight.rs
        insight_overview() -> InsightOverview;
        insight_months() -> Vec<String>;
        insight_movement(kind: MoveKind, from_month: String, to_month: String) -> Movement;
        insight_settings() -> InsightSettings;
        insight_preview(params: InsightParams) -> ThresholdPreview;
        insight_save_settings(params: InsightParams) -> InsightOverview;
        insight_rescore() -> InsightOverview;
        insight_customer(customer_id: i64) -> CustomerInsight;
        insight_labels() -> Vec<ClassLabel>;
        // loyalty.rs
        loyalty_customer(customer_id: i64) -> CustomerLoyalty;
        loyalty_history(customer_id: i64, limit: u32) -> Vec<PointsEntry>;
        loyalty_adjust(customer_id: i64, points: i64, reason: String, ticket_id: Option<i64>) -> i64;
        loyalty_redeem(customer_id: i64, order_id: i64, points: i64) -> (i64, i64);
        loyalty_redemption_preview(draft: OrderDraft, redemption: Redemption) -> RedemptionPreview;
        loyalty_order_redemption(order_id: i64) -> OrderRedemption;
        loyalty_lock_tier(customer_id: i64, tier: Option<String>) -> TierStatus;
        loyalty_rules() -> RuleVersion;
        loyalty_what_if(rules: LoyaltyRules) -> WhatIf;
        loyalty_apply_rules(rules: LoyaltyRules) -> WhatIf;
        loyalty_liability() -> Liability;
        loyalty_monthly() -> Vec<MonthRow>;
        coupons_list() -> Vec<Coupon>;
        coupons_create(coupon: NewCoupon<NaiveDate>) -> Coupon;
        coupons_issue(coupon_id: i64, customer_ids: Vec<i64>) -> Vec<i64>;
        coupons_void(grant_id: i64, reason: String) -> CouponGrant;
        coupons_redeem(grant_id: i64, order_id: i64) -> CouponGrant;
        loyalty_run() -> JobReport;
        loyalty_program() -> StartProgress;
        loyalty_switch_off() -> StartProgress;
        loyalty_start(past: Past) -> StartProgress;
        // orders.rs
        orders_list(query: OrderQuery) -> OrderPage;
        orders_get(id: i64) -> OrderDetail;
        orders_create(order: ManualOrder, redemption: Option<Redemption>) -> i64;
        orders_set_status(id: i64, status: OrderStatus) -> OrderDetail;
        orders_refund(id: i64, amount_fen: i64, reason: String) -> OrderDetail;
        orders_page(query: OrderQuery) -> OrderRows;
        orders_totals(query: OrderQuery) -> OrderTotals;
        // search.rs
        search(query: String) -> SearchResults;
        // segments.rs
        segments_list() -> Vec<SegmentSummary>;
        segments_count(definition: SegmentDefinition) -> SegmentCount;
        segments_save(id: Option<i64>, name: String, definition: SegmentDefinition) -> SegmentSummary;
        segments_delete(id: i64) -> ();
        segments_of_customer(customer_id: i64) -> Vec<SegmentMembership>;
        // settings.rs
        settings_get() -> Settings;
        settings_update(shop_name: Option<String>, timezone: Option<String>, idle_lock_minutes: Option<u32>) -> Settings;
        // store.rs
        store_select(store: StoreKind) -> AppStatus;
        store_init(username: String, display_name: String, password: String) -> InitResult;
        demo_open() -> DemoLogin;
        store_info() -> StoreInfo;
        // tickets.rs
        tickets_list(query: TicketQuery) -> TicketPage;
        tickets_counts() -> QueueCounts;
        tickets_get(id: i64) -> TicketDetail;
        tickets_create(ticket: NewTicket) -> i64;
        tickets_assign(id: i64, assignee_id: Option<i64>) -> TicketDetail;
        tickets_set_state(id: i64, state: TicketState, note: String) -> TicketDetail;
        tickets_add_entry(id: i64, kind: EventKind, body: String) -> TicketDetail;
        tickets_resolve(id: i64, resolution: Resolution) -> TicketDetail;
        tickets_merge(from: i64, into: i64) -> TicketDetail;
        tickets_templates() -> Vec<ReplyTemplate>;
        tickets_render_template(template_id: i64, ticket_id: i64) -> String;
        tickets_report(period: Period, from: String, to: String) -> ServiceReport;
        tickets_assignees() -> Vec<tickets::Assignee>;
        tickets_tags() -> Vec<String>;
        tickets_business_hours() -> BusinessHours;
        tickets_set_business_hours(hours: BusinessHours) -> BusinessHours;
        tickets_calendar(year: i32) -> Vec<CalendarDay>;
        tickets_set_calendar_day(day: String, kind: Option<DayKind>, name: String) -> Vec<CalendarDay>;
        tickets_reset_calendar_day(day: String) -> Vec<CalendarDay>;
        tickets_report_export(period: Period, from: String, to: String, path: String) -> ReportExported;
        // users.rs
        users_list() -> Vec<User>;
        users_add(username: String, display_name: String, role: Role, password: String) -> User;
        users_set_disabled(user_id: i64, disabled: bool) -> User;
        users_reset_password(user_id: i64, new_password: String) -> ();
    }
}

#[cfg(test)]
mod tests {
    use super::table;

    /// `name(arg: Type, …) -> Result` with spaces squeezed, as the table and the files say it.
    fn squeeze(s: &str) -> String {
        let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        s.replace("< ", "<")
            .replace(" >", ">")
            .replace(" ,", ",")
            .replace("( ", "(")
            .replace(" :: ", "::")
            .replace(" )", ")")
    }

    /// Every command signature in `src/commands/*.rs`, without the shell's own arguments.
    fn from_files() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("src/commands")
            .map(|e| e.expect("an entry").path())
            .collect();
        files.sort();
        let mut out = vec![];
        for f in files {
            let text = std::fs::read_to_string(&f).expect("a command file");
            for part in text.split("#[tauri::command").skip(1) {
                let sig = part.split_once("fn ").expect("a fn").1;
                let sig = sig.split_once('{').expect("a body").0;
                let (name, rest) = sig.split_once('(').expect("arguments");
                let (args, ret) = rest.rsplit_once("->").expect("a result");
                let args = args.trim().trim_end_matches(')');
                let mut kept = vec![];
                let (mut depth, mut cur) = (0, String::new());
                for ch in args.chars().chain([',']) {
                    match ch {
                        '<' | '(' => depth += 1,
                        '>' | ')' => depth -= 1,
                        _ => {}
                    }
                    if ch == ',' && depth == 0 {
                        let a = squeeze(&cur);
                        let shell = ["State<", "AppHandle", "Window"]
                            .iter()
                            .any(|s| a.contains(s));
                        if !a.is_empty() && !shell {
                            kept.push(a);
                        }
                        cur.clear();
                    } else {
                        cur.push(ch);
                    }
                }
                let ret = squeeze(ret);
                let ret = ret
                    .strip_prefix("CmdResult<")
                    .and_then(|r| r.strip_suffix('>'));
                let ret = ret.unwrap_or_else(|| panic!("{name} returns a CmdResult"));
                out.push(format!("{}({}) -> {}", name.trim(), kept.join(", "), ret));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn matches_the_command_files() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let cfg = ts_rs::Config::new()
            .with_large_int("number")
            .with_out_dir(dir.path());
        let listed: Vec<String> = table(&cfg)
            .iter()
            .map(|c| {
                let args: Vec<String> = c
                    .args
                    .iter()
                    .map(|a| squeeze(&format!("{}: {}", a.name, a.rust)))
                    .collect();
                format!(
                    "{}({}) -> {}",
                    c.name,
                    args.join(", "),
                    squeeze(c.result.rust)
                )
            })
            .collect();
        let files = from_files();
        let missing: Vec<&String> = files.iter().filter(|c| !listed.contains(c)).collect();
        let extra: Vec<&String> = listed.iter().filter(|c| !files.contains(c)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "src-tauri/src/ts_gen/commands.rs must list every command as src/commands/ writes it;\n\
             in the files, not the table: {missing:#?}\nin the table, not the files: {extra:#?}"
        );
    }
}
