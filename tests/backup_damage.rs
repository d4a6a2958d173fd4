//! A damaged backup is refused with a reason the owner can read: one flipped bit anywhere, a
//! cut-off file, swapped chunks, extra bytes, another file type, a wrong password.

mod backup_common;
mod common;

use backup_common::*;
use common::*;
use laoke::{
    backup::{self, BackupError, Credential, Damage},
    demo::{self, DemoSpec},
    i18n::Lang,
};
use std::path::{Path, PathBuf};

fn cred() -> Credential<'static> {
    Credential::Password {
        username: OWNER,
        password: OWNER_PASSWORD,
    }
}

/// A store big enough for at least three 1 MiB chunks, and one backup of it.
fn backup_with_chunks(tmp: &Path, dir: &Path) -> PathBuf {
    let (store, s, _) = init(dir);
    demo::generate(
        &store,
        &s,
        &DemoSpec {
            customers: 8000,
            seed: 7,
        },
    )
    .unwrap();
    let target = tmp.join("usb");
    std::fs::create_dir(&target).unwrap();
    let b = backup::create(&store, &s, &target, &mut quiet()).unwrap();
    assert!(
        b.header.chunk_count() >= 3,
        "the test needs 3+ chunks, got {}",
        b.header.chunk_count()
    );
    b.path
}

fn check(file: &Path, work: &Path) -> Result<(), BackupError> {
    backup::verify_file(file, &cred(), work, &mut quiet()).map(|_| ())
}

fn damaged_copy(src: &Path, name: &str, f: impl FnOnce(&mut Vec<u8>)) -> PathBuf {
    let mut bytes = std::fs::read(src).unwrap();
    f(&mut bytes);
    let p = src.with_file_name(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn every_kind_of_damage_is_refused_with_the_check_that_failed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let good = backup_with_chunks(tmp.path(), &dir);
    check(&good, &dir).expect("the untouched backup verifies");
    let prefix = prefix_len(&good);
    let len = std::fs::metadata(&good).unwrap().len();
    let chunk = backup::CHUNK_SIZE as usize + 16;
    let p = prefix as usize;

    let cases: Vec<(&str, PathBuf, &str)> = vec![
        (
            "bit in the header",
            damaged_copy(&good, "h.laokebak", |b| b[40] ^= 1),
            "header altered",
        ),
        (
            "bit in the header checksum",
            damaged_copy(&good, "hs.laokebak", |b| b[p - 3] ^= 1),
            "header altered",
        ),
        (
            "bit in the format version",
            damaged_copy(&good, "v.laokebak", |b| b[9] ^= 2),
            "header altered",
        ),
        (
            "bit in the first chunk",
            damaged_copy(&good, "c0.laokebak", |b| b[p + 100] ^= 1),
            "chunk 0",
        ),
        (
            "bit in the last chunk",
            damaged_copy(&good, "cl.laokebak", |b| {
                let n = b.len();
                b[n - 20] ^= 1
            }),
            "chunk",
        ),
        (
            "bit in a tag",
            damaged_copy(&good, "t.laokebak", |b| b[p + chunk - 1] ^= 1),
            "chunk 0",
        ),
        (
            "a cut-off tail",
            damaged_copy(&good, "tr.laokebak", |b| b.truncate(b.len() - 1000)),
            "truncated",
        ),
        (
            "a missing last chunk",
            damaged_copy(&good, "tl.laokebak", |b| b.truncate(p + 2 * chunk)),
            "truncated",
        ),
        (
            "swapped chunks",
            damaged_copy(&good, "sw.laokebak", |b| {
                let (first, second) = b[p..p + 2 * chunk].split_at_mut(chunk);
                first.swap_with_slice(second);
            }),
            "chunk 0",
        ),
        (
            "bytes appended",
            damaged_copy(&good, "x.laokebak", |b| b.extend_from_slice(b"more")),
            "extra data",
        ),
    ];
    for (what, file, reason) in cases {
        let e = check(&file, &dir).expect_err(what);
        assert_eq!(e.code(), "backup_damaged", "{what}: {e}");
        assert!(
            e.to_string().contains(reason),
            "{what}: the reason names the check ({reason}): {e}"
        );
        assert!(
            e.message(Lang::ZhCn).contains("备份文件已损坏"),
            "{what}: a readable message"
        );
    }
    assert!(len > prefix);
    // The last chunk's damage is named as the last chunk.
    let e = check(&good.with_file_name("cl.laokebak"), &dir).unwrap_err();
    let last = backup::read_header(&good).unwrap().chunk_count() - 1;
    assert!(
        matches!(e, BackupError::Damaged(Damage::ChunkAuth(i)) if i == last),
        "{e}"
    );
}

#[test]
fn other_files_a_newer_format_and_a_wrong_password_are_refused_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let (store, s, _) = init(&dir);
    let target = tmp.path().join("usb");
    std::fs::create_dir(&target).unwrap();
    let good = backup::create(&store, &s, &target, &mut quiet())
        .unwrap()
        .path;

    let photo = target.join("photo.laokebak");
    std::fs::write(&photo, b"\x89PNG\r\n\x1a\n not a backup at all").unwrap();
    assert_eq!(check(&photo, &dir).unwrap_err().code(), "backup_not_laoke");
    let magic = damaged_copy(&good, "m.laokebak", |b| b[0] ^= 1);
    assert_eq!(check(&magic, &dir).unwrap_err().code(), "backup_not_laoke");

    let wrong = Credential::Password {
        username: OWNER,
        password: "wrong password!",
    };
    let e = backup::verify_file(&good, &wrong, &dir, &mut quiet()).unwrap_err();
    assert_eq!(e.code(), "wrong_password");
    assert!(
        e.message(Lang::ZhCn).contains("密码错误"),
        "{}",
        e.message(Lang::ZhCn)
    );
    let missing = backup::verify_file(&target.join("nope.laokebak"), &cred(), &dir, &mut quiet())
        .unwrap_err();
    assert_eq!(missing.code(), "not_found");

    // The listing reads headers only and flags what it cannot read.
    let listing = backup::list(&target).unwrap();
    let names: Vec<_> = listing
        .iter()
        .map(|l| (l.file_name.as_str(), l.problem_code.as_deref()))
        .collect();
    assert!(
        names.contains(&("photo.laokebak", Some("backup_not_laoke"))),
        "{names:?}"
    );
    assert!(listing
        .iter()
        .any(|l| l.path == good && l.problem.is_none() && l.counts["users"] == 1));
}
