//! One probe per IPC command: how the command reaches the core. `gate` is how it takes the
//! session (every data command through `Shell::with_session`, which answers `not_logged_in` or
//! `locked`); `calls` are texts its body must contain (the core function it calls, so the probe
//! cannot drift from the command); `run` calls that same core function with the given session
//! on the fixture store. A command without `run` needs no session (login, language, …).
//!
//! `calls` entries: `"needle"` is looked for in the command's function; `"helper => needle"` in
//! the function `helper` of the same file; `"file.rs:helper => needle"` in another command file.

use super::Fixture;
use laoke::{
    auth::Session,
    backup, care, customer_ops,
    customers::{self, consent, duplicates, merge, recycle},
    export,
    i18n::Lang,
    import, loyalty,
    loyalty::{coupons, points, program, redemption, reports, rules, tiers, view, whatif},
    orders, sales, search,
    segments::{self, customer_list},
    settings,
    tickets::{self, arrangement, calendar, templates},
    users, Error,
};
use std::path::Path;

/// How a command takes the session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Needs an unlocked session (`with_session`, `with_session_lang`, `signed_in()?`).
    Session,
    /// Works while locked, not while logged out (unlock itself).
    EvenLocked,
    /// Locking: refused while logged out, nothing to do while already locked.
    Lock,
    /// Needs no session (before login, the language, logging out, cancelling).
    Open,
}

impl Gate {
    /// The texts of which at least one must be in the command (or a helper it names in `calls`).
    pub fn needles(self) -> &'static [&'static str] {
        match self {
            Gate::Session => &["with_session(", "with_session_lang(", "signed_in()?"],
            Gate::EvenLocked => &["signed_in_even_locked()?"],
            Gate::Lock => &["signed_in()?"],
            Gate::Open => &[],
        }
    }

    /// What the table's `logged out` and `locked` columns must say.
    pub fn expected(self) -> (&'static str, &'static str) {
        match self {
            Gate::Session => ("refused", "refused"),
            Gate::EvenLocked | Gate::Lock => ("refused", "allowed"),
            Gate::Open => ("allowed", "allowed"),
        }
    }
}

pub type Run = fn(&Fixture, &Session) -> laoke::Result<()>;

pub struct Probe {
    pub command: &'static str,
    pub gate: Gate,
    pub calls: &'static [&'static str],
    pub run: Option<Run>,
}

fn ok<T, E: Into<Error>>(r: Result<T, E>) -> laoke::Result<()> {
    r.map(drop).map_err(Into::into)
}

const fn open(command: &'static str, calls: &'static [&'static str]) -> Probe {
    Probe {
        command,
        gate: Gate::Open,
        calls,
        run: None,
    }
}

const fn data(command: &'static str, calls: &'static [&'static str], run: Run) -> Probe {
    Probe {
        command,
        gate: Gate::Session,
        calls,
        run: Some(run),
    }
}

pub fn all() -> Vec<Probe> {
    let mut v = vec![
        // app.rs, store.rs, auth.rs: before and around a session
        open("app_status", &["st.status()"]),
        open("app_set_language", &["prefs.save("]),
        open("store_select", &["set_active_store("]),
        open("store_init", &["Store::init("]),
        open("demo_open", &["demo::open_or_create("]),
        data("store_info", &["laoke::info::info"], |f, s| {
            ok(laoke::info::info(&f.store, s))
        }),
        open("auth_login", &["Store::login("]),
        open("auth_recover", &["Store::recover("]),
        open("auth_logout", &["end_session()"]),
        Probe {
            command: "auth_lock",
            gate: Gate::Lock,
            calls: &["laoke::auth::lock("],
            run: Some(|f, s| laoke::auth::lock(&f.store, s)),
        },
        Probe {
            command: "auth_unlock",
            gate: Gate::EvenLocked,
            calls: &["laoke::auth::unlock("],
            run: Some(|f, s| ok(laoke::auth::unlock(&f.store, s, "not the password"))),
        },
        data(
            "auth_change_password",
            &["laoke::auth::change_own_password("],
            |f, s| {
                ok(laoke::auth::change_own_password(
                    &f.store,
                    s,
                    "not the password",
                    "a new password 1",
                ))
            },
        ),
        // users.rs
        data("users_list", &["users::list"], |f, s| {
            ok(users::list(&f.store, s))
        }),
        data("users_add", &["users::add("], |f, s| {
            let new = users::NewUser {
                username: format!("new-{}", s.role().as_str()),
                display_name: "新人".into(),
                role: laoke::auth::Role::Rep,
                password: "a new password 1".into(),
            };
            ok(users::add(&f.store, s, &new))
        }),
        data("users_set_disabled", &["users::set_disabled("], |f, s| {
            ok(users::set_disabled(&f.store, s, f.spare_user, false))
        }),
        data(
            "users_reset_password",
            &["users::reset_password("],
            |f, s| {
                ok(users::reset_password(
                    &f.store,
                    s,
                    f.spare_user,
                    "a new password 1",
                ))
            },
        ),
        // settings.rs
        data("settings_get", &["settings::get"], |f, s| {
            ok(settings::get(&f.store, s))
        }),
        data("settings_update", &["settings::update("], |f, s| {
            let patch = settings::SettingsPatch {
                shop_name: Some("老客茶庄".into()),
                timezone: None,
                idle_lock_minutes: None,
            };
            ok(settings::update(&f.store, s, &patch))
        }),
    ];
    v.extend(customer_probes());
    v.extend(order_probes());
    v.extend(import_probes());
    v.extend(loyalty_probes());
    v.extend(insight_probes());
    v.extend(ticket_probes());
    v.extend(backup_probes());
    v.extend(segment_probes());
    v
}

fn customer_probes() -> Vec<Probe> {
    vec![
        data("customers_list", &["customer_list::list("], |f, s| {
            ok(customer_list::list(&f.store, s, &customer_query().into()))
        }),
        data("customers_page", &["customer_list::page("], |f, s| {
            ok(customer_list::page(&f.store, s, &customer_query().into()))
        }),
        data("customers_totals", &["customer_list::totals("], |f, s| {
            ok(customer_list::totals(&f.store, s, &customer_query().into()))
        }),
        data("customers_create", &["customers::create("], |f, s| {
            let c = crate::common::customer("赵敏", "13900000001");
            ok(customers::create(&f.store, s, &c))
        }),
        data("customers_get", &["customers::get("], |f, s| {
            ok(customers::get(&f.store, s, f.customer))
        }),
        data("customers_update", &["customers::update("], |f, s| {
            let c = crate::common::customer("王芳", "13800000001");
            ok(customers::update(&f.store, s, f.customer, &c))
        }),
        data("customers_profile", &["customers::profile("], |f, s| {
            ok(customers::profile(&f.store, s, f.customer))
        }),
        data(
            "customers_orders",
            &["customers::profile::orders("],
            |f, s| ok(customers::profile::orders(&f.store, s, f.customer, 1)),
        ),
        data(
            "customers_reveal",
            &["customers::reveal_contact("],
            |f, s| ok(customers::reveal_contact(&f.store, s, f.customer)),
        ),
        data("customers_delete", &["recycle::delete("], |f, s| {
            ok(recycle::delete(&f.store, s, f.to_delete))
        }),
        data("customers_restore", &["recycle::restore("], |f, s| {
            ok(recycle::restore(&f.store, s, f.to_delete))
        }),
        data("customers_recycle_bin", &["recycle::list"], |f, s| {
            ok(recycle::list(&f.store, s))
        }),
        data(
            "customers_duplicates",
            &["duplicates::suggestions"],
            |f, s| ok(duplicates::suggestions(&f.store, s)),
        ),
        data(
            "customers_dismiss_duplicate",
            &["duplicates::dismiss("],
            |f, s| ok(duplicates::dismiss(&f.store, s, f.merge_a, f.merge_b)),
        ),
        data("customers_merge_preview", &["merge::preview("], |f, s| {
            ok(merge::preview(&f.store, s, f.merge_a, f.merge_b))
        }),
        data(
            "customers_merge",
            &["laoke::customer_ops::merge("],
            |f, s| {
                let choices = merge::MergeChoices::default();
                ok(customer_ops::merge(
                    &f.store, s, f.merge_a, f.merge_b, &choices,
                ))
            },
        ),
        data(
            "customers_unmerge",
            &["laoke::customer_ops::unmerge("],
            |f, s| ok(customer_ops::unmerge(&f.store, s, f.merge_id)),
        ),
        data("customers_merges", &["merge::recent"], |f, s| {
            ok(merge::recent(&f.store, s))
        }),
        data(
            "customers_consent_record",
            &["consent::record_choice("],
            |f, s| {
                let changes = [(consent::ConsentChannel::Sms, true)];
                ok(consent::record_choice(
                    &f.store, s, f.customer, &changes, "店内",
                ))
            },
        ),
        data(
            "customers_consent_withdraw",
            &["consent::withdraw_all("],
            |f, s| ok(consent::withdraw_all(&f.store, s, f.customer)),
        ),
        data(
            "customers_consent_history",
            &["consent::history("],
            |f, s| ok(consent::history(&f.store, s, f.customer)),
        ),
        data(
            "customers_erase",
            &["laoke::customer_ops::erase("],
            |f, s| ok(customer_ops::erase(&f.store, s, f.to_erase)),
        ),
        data(
            "customers_export_person",
            &["export::person_workbook("],
            |f, s| {
                let path = f.path(&format!("person-{}.xlsx", s.role().as_str()));
                ok(export::person_workbook(
                    &f.store,
                    s,
                    f.customer,
                    Lang::ZhCn,
                    &path,
                ))
            },
        ),
        // care.rs
        data("followups_log", &["followups::log("], |f, s| {
            let new: care::followups::NewFollowUp = serde_json::from_value(serde_json::json!({
                "customerId": f.customer, "kind": "revisit", "channel": "phone",
                "outcome": "reached", "notes": "回访",
            }))
            .unwrap();
            ok(care::followups::log(&f.store, s, &new))
        }),
        data(
            "followups_for_customer",
            &["followups::for_customer("],
            |f, s| ok(care::followups::for_customer(&f.store, s, f.customer)),
        ),
        data("today", &["today::today"], |f, s| {
            ok(care::today::today(&f.store, s))
        }),
        // search.rs
        data("search", &["search::search("], |f, s| {
            ok(search::search(&f.store, s, "王芳"))
        }),
        // data.rs
        Probe {
            command: "data_dir_move",
            gate: Gate::Session,
            calls: &["signed_in()?", "datadir::move_data_dir("],
            run: Some(|f, s| {
                // Onto the store's own folder: refused before anything moves, if allowed at all.
                let store = f.spare_store.borrow_mut().take().expect("the spare store");
                let home = f.path("home");
                let (back, result) = laoke::datadir::move_data_dir(store, s, &home, &f.dir);
                *f.spare_store.borrow_mut() = Some(back.expect("the store is given back"));
                ok(result)
            }),
        },
        data("export_full", &["laoke::export::full_workbook("], |f, s| {
            let path = f.path(&format!("full-{}.xlsx", s.role().as_str()));
            ok(export::full_workbook(&f.store, s, Lang::ZhCn, &path))
        }),
    ]
}

fn segment_probes() -> Vec<Probe> {
    fn stage_dormant() -> segments::SegmentDefinition {
        let mut d = segments::SegmentDefinition::default();
        d.scores.stages = vec!["dormant".into()];
        d
    }
    fn request(name: String) -> segments::SegmentSave {
        segments::SegmentSave {
            id: None,
            name,
            definition: stage_dormant(),
        }
    }
    vec![
        data("segments_list", &["segments::list"], |f, s| {
            ok(segments::list(&f.store, s))
        }),
        data("segments_count", &["segments::count("], |f, s| {
            ok(segments::count(&f.store, s, &stage_dormant()))
        }),
        data("segments_save", &["segments::save("], |f, s| {
            ok(segments::save(
                &f.store,
                s,
                &request(format!("沉睡 {}", s.username())),
            ))
        }),
        data("segments_delete", &["segments::delete("], |f, s| {
            let owner = f.session(laoke::auth::Role::Owner);
            let name = format!("待删 {}", s.username());
            let made = segments::save(&f.store, owner, &request(name)).unwrap();
            ok(segments::delete(&f.store, s, made.id.unwrap()))
        }),
        data(
            "segments_of_customer",
            &["segments::of_customer("],
            |f, s| ok(segments::of_customer(&f.store, s, f.customer)),
        ),
    ]
}

fn customer_query() -> customers::CustomerQuery {
    customers::CustomerQuery {
        page: 1,
        page_size: 50,
        ..Default::default()
    }
}

fn order_query() -> orders::OrderQuery {
    serde_json::from_value(serde_json::json!({})).unwrap()
}

fn order_probes() -> Vec<Probe> {
    vec![
        data("orders_list", &["orders::list("], |f, s| {
            ok(orders::list(&f.store, s, &order_query()))
        }),
        data("orders_get", &["orders::get("], |f, s| {
            ok(orders::get(&f.store, s, f.order))
        }),
        data("orders_create", &["sales::create("], |f, s| {
            let o = crate::common::tea_order(f.customer);
            ok(sales::create(&f.store, s, &o, &Default::default()))
        }),
        data("orders_set_status", &["sales::set_status("], |f, s| {
            ok(sales::set_status(
                &f.store,
                s,
                f.order,
                orders::OrderStatus::Paid,
            ))
        }),
        data("orders_refund", &["sales::refund("], |f, s| {
            ok(sales::refund(&f.store, s, f.order, 100, "少发一包"))
        }),
        data("orders_page", &["orders::page("], |f, s| {
            ok(orders::page(&f.store, s, &order_query()))
        }),
        data("orders_totals", &["orders::totals("], |f, s| {
            ok(orders::totals(&f.store, s, &order_query()))
        }),
    ]
}

fn import_probes() -> Vec<Probe> {
    // The import commands work through a worker made in the core (`import::Worker::new`, which
    // checks the role) inside `with_session_lang`.
    const WORKER: &str = "with_worker => import::Worker::new(";
    const GATE: &str = "with_worker => with_session_lang(";
    let worker: Run = |f, s| ok(import::Worker::new(&f.store, s));
    vec![
        data("import_inspect", &["with_worker(", WORKER, GATE], worker),
        data(
            "import_preview",
            &["run_import(", "run_import => with_worker(", WORKER, GATE],
            worker,
        ),
        data(
            "import_run",
            &["run_import(", "run_import => with_worker(", WORKER, GATE],
            worker,
        ),
        open("import_cancel", &["cancel.store(true"]),
        // The last preview's problems, which this user ran: no further role.
        data(
            "import_save_errors",
            &["import_errors::write_error_workbook("],
            |_, _| Ok(()),
        ),
        data("import_list", &["import::list"], |f, s| {
            ok(import::list(&f.store, s))
        }),
        data("import_undo", &["import::undo("], |f, s| {
            ok(import::undo(&f.store, s, 999))
        }),
        data(
            "import_template",
            &["import_errors::write_template("],
            |f, s| {
                let _ = s;
                let path = f.path("template.xlsx");
                let tz = settings::timezone(&f.store);
                let now = f.store.now();
                ok(export::import_errors::write_template(
                    &path,
                    Lang::ZhCn,
                    tz,
                    now,
                ))
            },
        ),
    ]
}

fn insight_probes() -> Vec<Probe> {
    use laoke::insight::{self, InsightParams, MoveKind};
    vec![
        data("insight_overview", &["insight::overview"], |f, s| {
            ok(insight::overview(&f.store, s))
        }),
        data("insight_months", &["insight::months"], |f, s| {
            ok(insight::months(&f.store, s))
        }),
        data("insight_movement", &["insight::movement("], |f, s| {
            ok(insight::movement(
                &f.store,
                s,
                MoveKind::Class,
                "2026-01",
                "2026-02",
            ))
        }),
        data("insight_settings", &["insight::settings"], |f, s| {
            ok(insight::settings(&f.store, s))
        }),
        data("insight_preview", &["insight::preview("], |f, s| {
            ok(insight::preview(&f.store, s, &InsightParams::default()))
        }),
        data(
            "insight_save_settings",
            &["insight::save_settings("],
            |f, s| {
                ok(insight::save_settings(
                    &f.store,
                    s,
                    &InsightParams::default(),
                ))
            },
        ),
        data("insight_rescore", &["insight::rescore"], |f, s| {
            ok(insight::rescore(&f.store, s))
        }),
        data("insight_customer", &["insight::customer("], |f, s| {
            ok(insight::customer(&f.store, s, f.customer))
        }),
        data("insight_labels", &["insight::class_labels"], |f, s| {
            ok(insight::class_labels(&f.store, s))
        }),
    ]
}

fn loyalty_probes() -> Vec<Probe> {
    vec![
        data("loyalty_customer", &["view::customer_loyalty("], |f, s| {
            ok(view::customer_loyalty(&f.store, s, f.customer))
        }),
        data("loyalty_history", &["points::history("], |f, s| {
            ok(points::history(&f.store, s, f.customer, 20))
        }),
        // Within the rep's limit; above it is LoyaltyAdmin (tests/loyalty_points.rs).
        data("loyalty_adjust", &["points::adjust("], |f, s| {
            ok(points::adjust(&f.store, s, f.customer, 10, "补偿", None))
        }),
        data("loyalty_redeem", &["points::redeem("], |f, s| {
            ok(points::redeem(&f.store, s, f.customer, f.order, 1))
        }),
        data(
            "loyalty_redemption_preview",
            &["redemption::preview("],
            |f, s| {
                let draft: redemption::OrderDraft = serde_json::from_value(serde_json::json!({
                    "customerId": f.customer, "channel": "in_store", "goodsFen": 9_900,
                }))
                .unwrap();
                ok(redemption::preview(
                    &f.store,
                    s,
                    &draft,
                    &Default::default(),
                ))
            },
        ),
        data(
            "loyalty_order_redemption",
            &["redemption::for_order("],
            |f, s| ok(redemption::for_order(&f.store, s, f.order)),
        ),
        data("loyalty_lock_tier", &["tiers::set_lock("], |f, s| {
            ok(tiers::set_lock(&f.store, s, f.customer, None))
        }),
        data("loyalty_rules", &["rules::current"], |f, s| {
            ok(rules::current(&f.store, s))
        }),
        data("loyalty_what_if", &["whatif::preview("], |f, s| {
            ok(whatif::preview(&f.store, s, &current_rules(f)))
        }),
        data("loyalty_apply_rules", &["whatif::apply("], |f, s| {
            ok(whatif::apply(&f.store, s, &current_rules(f)))
        }),
        data("loyalty_liability", &["reports::liability"], |f, s| {
            ok(reports::liability(&f.store, s))
        }),
        data("loyalty_monthly", &["reports::monthly"], |f, s| {
            ok(reports::monthly(&f.store, s))
        }),
        data("coupons_list", &["coupons::list"], |f, s| {
            ok(coupons::list(&f.store, s))
        }),
        data(
            "coupons_create",
            &["coupons::create_in_shop_days("],
            |f, s| {
                let coupon: coupons::NewCoupon<chrono::NaiveDate> =
                    serde_json::from_value(serde_json::json!({
                        "name": "满100减10", "kind": "threshold", "thresholdFen": 10_000,
                        "amountFen": 1_000, "validFrom": "2026-03-01", "validTo": "2026-03-31",
                        "perCustomerLimit": 5,
                    }))
                    .unwrap();
                ok(coupons::create_in_shop_days(&f.store, s, &coupon))
            },
        ),
        data("coupons_issue", &["coupons::issue("], |f, s| {
            ok(coupons::issue(&f.store, s, f.coupon, &[f.customer], None))
        }),
        data("coupons_void", &["coupons::void("], |f, s| {
            ok(coupons::void(&f.store, s, f.grant, "发错了"))
        }),
        data("coupons_redeem", &["coupons::redeem("], |f, s| {
            ok(coupons::redeem(&f.store, s, f.grant, f.order))
        }),
        data("loyalty_run", &["job::run"], |f, s| {
            ok(loyalty::job::run(&f.store, s))
        }),
        data("loyalty_program", &["program::status"], |f, s| {
            ok(program::status(&f.store, s))
        }),
        data("loyalty_switch_off", &["program::switch_off"], |f, s| {
            ok(program::switch_off(&f.store, s))
        }),
        data("loyalty_start", &["program::begin("], |f, s| {
            // owner-only: probe from off (a store that never chose is on)
            let _ = program::switch_off(&f.store, f.session(laoke::auth::Role::Owner));
            ok(program::begin(&f.store, s, program::Past::None))
        }),
    ]
}

fn current_rules(f: &Fixture) -> loyalty::LoyaltyRules {
    rules::current(&f.store, f.session(laoke::auth::Role::Owner))
        .unwrap()
        .rules
}

fn ticket_probes() -> Vec<Probe> {
    vec![
        data("tickets_list", &["tickets::list("], |f, s| {
            let q: tickets::TicketQuery = serde_json::from_value(serde_json::json!({})).unwrap();
            ok(tickets::list(&f.store, s, &q))
        }),
        data("tickets_counts", &["tickets::counts"], |f, s| {
            ok(tickets::counts(&f.store, s))
        }),
        data("tickets_get", &["tickets::get("], |f, s| {
            ok(tickets::get(&f.store, s, f.ticket))
        }),
        data("tickets_create", &["tickets::create("], |f, s| {
            ok(tickets::create(&f.store, s, &super::new_ticket(f.customer)))
        }),
        data("tickets_assign", &["tickets::assign("], |f, s| {
            ok(tickets::assign(&f.store, s, f.ticket, Some(s.user_id())))
        }),
        data("tickets_set_state", &["tickets::set_state("], |f, s| {
            let state = tickets::TicketState::InProgress;
            ok(tickets::set_state(&f.store, s, f.ticket, state, ""))
        }),
        data("tickets_add_entry", &["tickets::add_entry("], |f, s| {
            let kind = tickets::EventKind::Note;
            ok(tickets::add_entry(&f.store, s, f.ticket, kind, "已联系"))
        }),
        data("tickets_resolve", &["tickets::resolve("], |f, s| {
            ok(tickets::resolve(&f.store, s, f.ticket, &Default::default()))
        }),
        data("tickets_merge", &["tickets::merge("], |f, s| {
            ok(tickets::merge(&f.store, s, f.ticket_b, f.ticket))
        }),
        data("tickets_templates", &["templates::list"], |f, s| {
            ok(templates::list(&f.store, s, Lang::ZhCn))
        }),
        data(
            "tickets_render_template",
            &["templates::render("],
            |f, s| ok(templates::render(&f.store, s, 1, f.ticket)),
        ),
        data("tickets_report", &["reports::report("], |f, s| {
            let p = tickets::reports::Period::Month;
            ok(tickets::reports::report(
                &f.store,
                s,
                p,
                "2026-01-01",
                "2026-03-31",
            ))
        }),
        data("tickets_assignees", &["tickets::assignees"], |f, s| {
            ok(tickets::assignees(&f.store, s))
        }),
        data("tickets_tags", &["tickets::tags"], |f, s| {
            ok(tickets::tags(&f.store, s))
        }),
        data(
            "tickets_business_hours",
            &["calendar::business_hours"],
            |f, s| ok(calendar::business_hours(&f.store, s)),
        ),
        data(
            "tickets_set_business_hours",
            &["calendar::set_business_hours("],
            |f, s| {
                let owner = f.session(laoke::auth::Role::Owner);
                let hours = calendar::business_hours(&f.store, owner).unwrap();
                ok(calendar::set_business_hours(&f.store, s, &hours))
            },
        ),
        data("tickets_calendar", &["calendar::calendar_days("], |f, s| {
            ok(calendar::calendar_days(&f.store, s, 2026))
        }),
        data(
            "tickets_set_calendar_day",
            &["calendar::set_calendar_day("],
            |f, s| {
                let kind = Some(tickets::sla::DayKind::Holiday);
                ok(calendar::set_calendar_day(
                    &f.store,
                    s,
                    "2026-03-09",
                    kind,
                    "店休",
                ))
            },
        ),
        data(
            "tickets_reset_calendar_day",
            &["calendar::reset_calendar_day("],
            |f, s| ok(calendar::reset_calendar_day(&f.store, s, "2026-03-09")),
        ),
        data(
            "tickets_report_export",
            &["laoke::export::service_report_workbook("],
            |f, s| {
                let path = f.path(&format!("report-{}.xlsx", s.role().as_str()));
                let p = tickets::reports::Period::Month;
                ok(export::service_report_workbook(
                    &f.store,
                    s,
                    Lang::ZhCn,
                    p,
                    "2026-01-01",
                    "2026-03-31",
                    &path,
                ))
            },
        ),
        // calendar.rs: the year's official arrangement
        data("calendar_year", &["arrangement::year("], |f, s| {
            ok(arrangement::year(&f.store, s, 2026))
        }),
        data(
            "calendar_import_ics",
            &["arrangement::import_ics_file("],
            |f, s| {
                let path = f.path("missing.ics");
                ok(arrangement::import_ics_file(&f.store, s, &path, Some(2026)))
            },
        ),
        data("calendar_set_year", &["arrangement::set_year("], |f, s| {
            ok(arrangement::set_year(&f.store, s, 2031, &[]))
        }),
        data(
            "calendar_clear_year",
            &["arrangement::clear_year("],
            |f, s| ok(arrangement::clear_year(&f.store, s, 2031)),
        ),
    ]
}

fn backup_probes() -> Vec<Probe> {
    vec![
        // Restore on a new computer: opened with the backup's own key slots, no session.
        open("store_restore_backup", &["backup::restore_new("]),
        data("backup_targets", &["backup::status("], |f, s| {
            ok(backup::status(&f.store, s, f.store.now()))
        }),
        data(
            "backup_reminder",
            &["signed_in()?", "backup::reminder("],
            |f, s| {
                let kind = laoke::prefs::StoreKind::Main;
                ok(backup::reminder(&f.store, s, kind, f.store.now()))
            },
        ),
        data(
            "backup_suggested_folders",
            &["backup::suggested_folders("],
            |f, s| ok(backup::suggested_folders(s, Some(&f.path("home")))),
        ),
        data(
            "backup_add_suggested",
            &["backup::add_suggested("],
            |f, s| {
                let dir = f.path(&format!("stick-{}", s.role().as_str()));
                std::fs::create_dir_all(&dir).unwrap();
                ok(backup::add_suggested(&f.store, s, &dir, "stick"))
            },
        ),
        data("backup_add_target", &["backup::add_target("], |f, s| {
            let dir = f.path(&format!("usb-{}", s.role().as_str()));
            std::fs::create_dir_all(&dir).unwrap();
            ok(backup::add_target(&f.store, s, &dir, "usb"))
        }),
        data(
            "backup_remove_target",
            &["backup::remove_target("],
            |f, s| ok(backup::remove_target(&f.store, s, f.spare_target)),
        ),
        data(
            "backup_now",
            &[
                "back_up_now(",
                "backup_run.rs:back_up_now => signed_in()?",
                "backup_run.rs:back_up_now => backup::prepare_now(",
            ],
            |f, s| ok(backup::prepare_now(&f.store, s, Some(f.target))),
        ),
        data("backup_list", &["backup::list_known("], |f, s| {
            ok(backup::list_known(&f.store, s, &f.path("usb")))
        }),
        data("backup_verify", &["backup::verify_as("], |f, s| {
            let file = f.path("none.laokebak");
            ok(backup::verify_as(&f.store, s, &file, "pw", &mut |_| {}))
        }),
        data("backup_preview", &["backup::preview_as("], |f, s| {
            let file = f.path("none.laokebak");
            ok(backup::preview_as(&f.store, s, &file, "pw", &mut |_| {}))
        }),
        data(
            "backup_restore",
            &["signed_in()?", "backup::prepare_restore("],
            |f, s| {
                let file = f.path("none.laokebak");
                let cred = backup::Credential::Password {
                    username: s.username(),
                    password: "pw",
                };
                ok(backup::prepare_restore(
                    &f.store,
                    s,
                    Path::new(&file),
                    &cred,
                    &mut |_| {},
                ))
            },
        ),
    ]
}
