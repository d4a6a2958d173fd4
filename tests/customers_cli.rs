//! `laoke customers`: duplicates are listed, a merge is made and undone from the terminal, and
//! `show` prints the profile with the same masking as the app.

mod common;

use common::{laoke_cli, run_cli, CliRun, OWNER, OWNER_PASSWORD};
use laoke::{auth::Role, customers};

fn cli(
    home: &std::path::Path,
    dir: &std::path::Path,
    user: &str,
    pw: &str,
    args: &[&str],
) -> CliRun {
    run_cli(
        laoke_cli(home, dir)
            .args(["--lang", "en", "--user", user])
            .args(args)
            .env("LAOKE_PASSWORD", pw),
    )
}

#[test]
fn duplicates_merge_show_and_unmerge_work_from_the_command_line() {
    let (tmp, dir) = common::temp_store_dir();
    let (a, b) = {
        let (store, owner, _) = common::init(&dir);
        common::add_user(&store, &owner, "kefu", Role::Rep, "rep password 1");
        let a =
            customers::create(&store, &owner, &common::customer("张伟", "13800138000")).unwrap();
        let b = customers::create(
            &store,
            &owner,
            &common::customer("张伟", "+86 138 0013 8000"),
        )
        .unwrap();
        (a, b)
    };
    let home = tmp.path();

    let dup = cli(
        home,
        &dir,
        OWNER,
        OWNER_PASSWORD,
        &["customers", "duplicates"],
    );
    assert!(dup.ok, "{}", dup.stderr);
    assert!(
        dup.stdout.contains(&format!("#{a} 张伟")) && dup.stdout.contains("same phone"),
        "{}",
        dup.stdout
    );

    let refused = cli(
        home,
        &dir,
        "kefu",
        "rep password 1",
        &["customers", "merge", &a.to_string(), &b.to_string()],
    );
    assert!(!refused.ok);
    assert!(refused.stderr.contains("[forbidden]"), "{}", refused.stderr);

    let merged = cli(
        home,
        &dir,
        OWNER,
        OWNER_PASSWORD,
        &[
            "customers",
            "merge",
            &a.to_string(),
            &b.to_string(),
            "--take",
            "notes",
        ],
    );
    assert!(merged.ok, "{}", merged.stderr);
    assert!(
        merged.stdout.contains("laoke customers unmerge 1"),
        "{}",
        merged.stdout
    );

    let shown = cli(
        home,
        &dir,
        "kefu",
        "rep password 1",
        &["customers", "show", &a.to_string()],
    );
    assert!(shown.ok, "{}", shown.stderr);
    assert!(
        shown.stdout.contains("138****8000") && !shown.stdout.contains("13800138000"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("merge #1"), "{}", shown.stdout);

    let undone = cli(
        home,
        &dir,
        OWNER,
        OWNER_PASSWORD,
        &["customers", "unmerge", "1"],
    );
    assert!(undone.ok, "{}", undone.stderr);
    let again = cli(
        home,
        &dir,
        OWNER,
        OWNER_PASSWORD,
        &["customers", "unmerge", "1"],
    );
    assert!(
        !again.ok && again.stderr.contains("already been undone"),
        "{}",
        again.stderr
    );
}
