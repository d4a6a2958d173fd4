//! What runs by itself, as every front end runs it (`laoke::jobs`): the housekeeping after a
//! login, the periodic jobs with the backups they find due, the timetable that says when, and
//! the one backup loop over several folders (`backup::run_targets`). All on a fixed clock.

mod loyalty_support;

use chrono::Duration;
use laoke::{
    backup::{self, Credential, Destination, RunEvent},
    customers::{self, recycle},
    jobs::{self, Cadence, DueNow, Timetable},
    orders,
    tickets::{self, NewTicket, Resolution, TicketChannel, TicketState, TicketType},
};
use loyalty_support::{common, shop, t0, Shop};

fn complaint(customer: i64) -> NewTicket {
    NewTicket {
        customer_id: customer,
        order_id: None,
        ticket_type: TicketType::Complaint,
        channel: TicketChannel::Phone,
        priority: None,
        subject: "收到的茶叶罐压扁了".into(),
        description: "顾客来电，说包装破损".into(),
        assignee_id: None,
        tags: vec![],
    }
}

fn count_audit(s: &Shop, action: &str) -> usize {
    common::audit_actions(&s.raw())
        .into_iter()
        .filter(|(_, a, _)| a == action)
        .count()
}

fn folder(s: &Shop, name: &str) -> std::path::PathBuf {
    let dir = s._tmp.path().join(name);
    std::fs::create_dir(&dir).unwrap();
    dir
}

fn backups_in(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == backup::EXTENSION))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn after_login_purges_what_the_recycle_bin_rules_say_and_nothing_earlier() {
    let s = shop();
    let plain = s.customer("吴磊", "13800138000");
    let buyer = s.customer("郑凯", "13900139000");
    s.order(buyer, 25_000, 0);
    let kept = s.customer("冯静", "13700137000");
    recycle::delete(&s.store, &s.owner, plain).unwrap();
    recycle::delete(&s.store, &s.owner, buyer).unwrap();

    s.clock
        .advance(Duration::days(recycle::KEEP_DAYS) - Duration::minutes(1));
    let early = jobs::after_login(&s.store, &s.owner).unwrap();
    assert!(
        early.purged.deleted.is_empty() && early.purged.anonymised.is_empty(),
        "a day before the {} days are up everything is still restorable: {early:?}",
        recycle::KEEP_DAYS
    );

    s.clock.advance(Duration::minutes(1));
    let r = jobs::after_login(&s.store, &s.owner).unwrap();
    assert_eq!(r.purged.deleted, vec![plain], "no orders: removed for good");
    assert_eq!(
        r.purged.anonymised,
        vec![buyer],
        "with orders: anonymised so the shop's totals still add up"
    );
    assert!(
        customers::get(&s.store, &s.owner, kept).is_ok(),
        "a live customer stays"
    );
    assert!(recycle::list(&s.store, &s.owner).unwrap().is_empty());
    let again = jobs::after_login(&s.store, &s.owner).unwrap();
    assert_eq!(
        again,
        jobs::AfterLogin::default(),
        "the next login finds nothing to do"
    );
    assert_eq!(count_audit(&s, "customers_purged"), 1, "audited once");
}

#[test]
fn run_due_runs_the_loyalty_and_tickets_jobs_once_even_when_called_twice_at_the_same_instant() {
    let s = shop();
    let c = s.customer("王芳", "13800138000");
    let order = s.order(c, 10_000, 0);
    assert_eq!(s.balance(c), 100, "the sale earned when it was written");
    // The order disappears behind the writers' back: only the loyalty job's sweep reverses it.
    let mut raw = s.raw();
    let tx = raw.transaction().unwrap();
    orders::delete_in_tx(&tx, order).unwrap();
    tx.commit().unwrap();
    let ticket = tickets::create(&s.store, &s.owner, &complaint(c)).unwrap();
    tickets::resolve(&s.store, &s.owner, ticket, &Resolution::default()).unwrap();
    s.clock.advance(Duration::days(7));

    let first = jobs::run_due(&s.store, &s.owner).unwrap();
    assert!(first.failures.is_empty(), "{:?}", first.failures);
    let loyalty = first.loyalty.expect("the loyalty job ran");
    assert_eq!(loyalty.sync.reversed_orders, 1, "the loyalty job swept");
    assert_eq!(s.balance(c), 0, "a deleted order keeps no points");
    assert_eq!(
        first.tickets.expect("the tickets job ran").closed,
        1,
        "the tickets job closed the ticket resolved 7 days ago"
    );
    assert_eq!(
        tickets::get(&s.store, &s.owner, ticket).unwrap().row.state,
        TicketState::Closed
    );

    let second = jobs::run_due(&s.store, &s.owner).unwrap();
    assert!(
        !second.loyalty.expect("ran").changed_anything(),
        "the same instant: the loyalty job finds nothing left to do"
    );
    assert_eq!(
        second.tickets.expect("ran").closed,
        0,
        "nothing closed twice"
    );
    assert_eq!(s.balance(c), 0, "nothing reversed twice");
    assert_eq!(
        count_audit(&s, "loyalty_job_run"),
        1,
        "one loyalty run audited"
    );
    assert_eq!(
        count_audit(&s, "tickets_job_ran"),
        1,
        "one tickets run audited"
    );
}

#[test]
fn run_due_reports_the_backups_due_per_the_schedule() {
    let s = shop();
    let stick = folder(&s, "stick");
    let cloud = folder(&s, "cloud");
    let stick_t = backup::add_target(&s.store, &s.owner, &stick, "U盘").unwrap();
    let cloud_t = backup::add_target(&s.store, &s.owner, &cloud, "云盘").unwrap();
    let due_ids = || -> Vec<i64> {
        let report = jobs::run_due(&s.store, &s.owner).unwrap();
        let ids: Vec<i64> = report.backups_due.iter().map(|t| t.id).collect();
        let direct: Vec<i64> = jobs::backups_due(&s.store, &s.owner)
            .unwrap()
            .iter()
            .map(|t| t.id)
            .collect();
        assert_eq!(ids, direct, "run_due reports what backups_due says");
        ids
    };

    assert_eq!(
        due_ids(),
        vec![stick_t.id, cloud_t.id],
        "new targets are due"
    );
    backup::run_targets(
        &s.store,
        &s.owner,
        vec![Destination::from(&stick_t)],
        &mut |_| {},
    );
    assert_eq!(due_ids(), vec![cloud_t.id], "the stick is done for today");

    std::fs::remove_dir(&cloud).unwrap();
    let failed = backup::run_targets(
        &s.store,
        &s.owner,
        vec![Destination::from(&cloud_t)],
        &mut |_| {},
    );
    assert!(failed[0].result.is_err());
    s.clock
        .advance(Duration::minutes(backup::RETRY_AFTER_MINUTES - 1));
    assert!(due_ids().is_empty(), "a failed target waits half an hour");
    s.clock.advance(Duration::minutes(1));
    assert_eq!(due_ids(), vec![cloud_t.id], "then it is tried again");
    s.clock.advance(Duration::days(1));
    assert_eq!(
        due_ids(),
        vec![stick_t.id, cloud_t.id],
        "a new shop day makes every target due"
    );
}

#[test]
fn the_timetable_runs_the_jobs_every_five_minutes_and_checks_backups_every_minute_after_ten() {
    let start = t0();
    let mut table = Timetable::new(Cadence::default(), start);
    let at = |secs: i64| start + Duration::seconds(secs);
    assert_eq!(
        table.due(at(299)),
        DueNow::default(),
        "nothing before five minutes"
    );
    let due = table.due(at(300));
    assert_eq!(
        due,
        DueNow {
            jobs: true,
            backups: false
        },
        "the jobs at five minutes"
    );
    table.ran(due, at(300));
    assert!(
        !table.due(at(599)).any(),
        "the next jobs five minutes after the last run"
    );
    let due = table.due(at(600));
    assert_eq!(
        due,
        DueNow {
            jobs: true,
            backups: true
        },
        "the first backup check waits ten minutes, so starting the app is never slowed"
    );
    table.ran(due, at(600));
    assert_eq!(table.due(at(659)), DueNow::default());
    assert_eq!(
        table.due(at(660)),
        DueNow {
            jobs: false,
            backups: true
        },
        "then every minute"
    );
    assert_eq!(
        Cadence::default().tick(),
        std::time::Duration::from_secs(60),
        "the timer wakes as often as the most frequent work"
    );

    // The app's E2E sets LAOKE_AUTO_BACKUP_SECS=1: the first check after ten seconds.
    let quick = Timetable::new(Cadence::every(300, 1), start);
    assert!(!quick.due(at(9)).backups);
    assert!(quick.due(at(10)).backups);
    assert_eq!(
        Cadence::every(300, 1).tick(),
        std::time::Duration::from_secs(1)
    );
}

#[test]
fn run_targets_writes_one_verified_backup_per_target_and_a_failing_one_does_not_stop_the_others() {
    let s = shop();
    s.customer("王芳", "13800138000");
    let first = folder(&s, "first");
    let gone = folder(&s, "gone");
    let last = folder(&s, "last");
    let targets: Vec<_> = [(&first, "一"), (&gone, "二"), (&last, "三")]
        .into_iter()
        .map(|(dir, label)| backup::add_target(&s.store, &s.owner, dir, label).unwrap())
        .collect();
    std::fs::remove_dir(&gone).unwrap();

    let mut finished = Vec::new();
    let mut completed = Vec::new();
    let runs = backup::run_targets(
        &s.store,
        &s.owner,
        targets.iter().map(Destination::from).collect(),
        &mut |e| match e {
            RunEvent::Finished { index, count, run } => {
                finished.push((index, count, run.result.is_ok()))
            }
            RunEvent::Progress {
                index,
                phase: None,
                job,
                ..
            } => completed.push((index, job.done == job.total)),
            RunEvent::Progress { .. } => {}
        },
    );

    assert_eq!(runs.len(), 3, "one outcome per target, in order");
    assert_eq!(
        finished,
        vec![(0, 3, true), (1, 3, false), (2, 3, true)],
        "each target reports when it is done; the missing one in the middle does not stop the last"
    );
    assert_eq!(
        completed,
        vec![(0, true), (2, true)],
        "progress ends at its total"
    );
    assert_eq!(
        runs[1].result.as_ref().unwrap_err().code(),
        "backup_target_missing"
    );
    let cred = Credential::Password {
        username: common::OWNER,
        password: common::OWNER_PASSWORD,
    };
    for (i, dir) in [(0, &first), (2, &last)] {
        let files = backups_in(dir);
        assert_eq!(files.len(), 1, "one backup in {}", dir.display());
        let made = runs[i].result.as_ref().unwrap();
        assert_eq!(made.path, files[0]);
        let header = backup::verify_file(&files[0], &cred, s.store.dir(), &mut |_| {})
            .expect("the backup opens and checks out");
        assert_eq!(header.counts["customers"], 1);
    }
    let status = backup::status(&s.store, &s.owner, s.store.now()).unwrap();
    assert!(status[0].last_verified.is_some() && status[2].last_verified.is_some());
    assert_eq!(
        status[1].target.last_error.as_deref(),
        Some("backup_target_missing"),
        "the failure is recorded on its target, for the app's warning"
    );
    assert!(status[1].last_verified.is_none());
    assert_eq!(count_audit(&s, "backup_verified"), 2);
    assert_eq!(count_audit(&s, "backup_failed"), 1);
}

#[test]
fn the_exit_backup_covers_every_target_not_done_today_even_one_that_just_failed() {
    let s = shop();
    let stick = folder(&s, "stick");
    let done = folder(&s, "done");
    let stick_t = backup::add_target(&s.store, &s.owner, &stick, "U盘").unwrap();
    let done_t = backup::add_target(&s.store, &s.owner, &done, "done").unwrap();
    backup::run_targets(
        &s.store,
        &s.owner,
        vec![Destination::from(&done_t)],
        &mut |_| {},
    );
    std::fs::remove_dir(&stick).unwrap();
    backup::run_targets(
        &s.store,
        &s.owner,
        vec![Destination::from(&stick_t)],
        &mut |_| {},
    );
    std::fs::create_dir(&stick).unwrap();
    assert!(
        jobs::backups_due(&s.store, &s.owner).unwrap().is_empty(),
        "the timer waits after a failure"
    );

    let runs = jobs::before_exit(&s.store, &s.owner).unwrap();
    assert_eq!(runs.len(), 1, "only the target without a backup today");
    assert_eq!(runs[0].destination.target_id, Some(stick_t.id));
    assert!(
        runs[0].result.is_ok(),
        "the last chance today does not wait"
    );
    assert_eq!(backups_in(&stick).len(), 1);
    assert_eq!(
        backups_in(&done).len(),
        1,
        "a target done today is left alone"
    );
    assert!(
        jobs::before_exit(&s.store, &s.owner).unwrap().is_empty(),
        "a second exit the same day backs up nothing"
    );
}
