//! A backup killed with SIGKILL at random moments leaves no file that passes as a backup except
//! complete, verified ones, and the backups made before stay intact.

mod backup_common;
mod common;

use backup_common::*;
use common::*;
use laoke::{
    backup::{self, Credential},
    demo::{self, DemoSpec},
};
use std::time::{Duration, Instant};

#[test]
fn a_backup_killed_at_random_moments_never_leaves_a_file_that_passes_as_a_backup() {
    let (tmp, dir) = temp_store_dir();
    let home = tmp.path().join("home");
    std::fs::create_dir(&home).unwrap();
    {
        let (store, s, _) = init(&dir);
        demo::generate(
            &store,
            &s,
            &DemoSpec {
                customers: 4000,
                seed: 11,
            },
        )
        .unwrap();
    }
    let target = tmp.path().join("usb");
    std::fs::create_dir(&target).unwrap();
    let cli = || {
        let mut c = laoke_cli(&home, &dir);
        c.env("LAOKE_PASSWORD", OWNER_PASSWORD)
            .args(["--lang", "en", "backup", "--to"])
            .arg(&target)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        c
    };
    let started = Instant::now();
    assert!(
        cli().status().unwrap().success(),
        "a first backup completes"
    );
    let full = started.elapsed();
    let cred = Credential::Password {
        username: OWNER,
        password: OWNER_PASSWORD,
    };
    let verify = |p: &std::path::Path| backup::verify_file(p, &cred, &dir, &mut quiet());

    let mut seed: u64 = 0x5eed_1234;
    let mut verified = std::collections::HashSet::new();
    for round in 0..15 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let delay = Duration::from_micros((seed >> 33) % (full.as_micros() as u64 * 6 / 5 + 1));
        let mut child = cli().spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let listing = backup::list(&target).unwrap();
        assert!(
            !listing.is_empty(),
            "round {round}: an older backup is always there"
        );
        for l in listing {
            if verified.insert(l.path.clone()) {
                verify(&l.path).unwrap_or_else(|e| {
                    panic!("round {round} (killed after {delay:?}): {} has a backup's name but is not one: {e}", l.file_name)
                });
            }
        }
    }
    // The backups still there are whole, and the store itself is unharmed.
    for l in backup::list(&target).unwrap() {
        verify(&l.path).expect("a remaining backup verifies");
    }
    let (store, s) = login(&dir, OWNER, OWNER_PASSWORD);
    assert!(
        laoke::verify::run(&store, &s).unwrap().is_ok(),
        "the store passes its checks"
    );
    assert_eq!(customer_total(&store, &s), 4000);
}
