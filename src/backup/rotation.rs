//! Backup file names and rotation: keep the newest backup of each of the last 7 days, 4 ISO
//! weeks and 12 months that have backups (like borg/restic `--keep-daily` etc.), never the
//! newest verified one, and never a file whose name is not exactly ours (a cloud conflict copy,
//! a file the owner renamed or put there by hand is left alone).

use super::{BackupError, Header, EXTENSION};
use chrono::{DateTime, Datelike, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct RotationPolicy {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for RotationPolicy {
    /// 7 daily, 4 weekly, 12 monthly (docs DEFAULTS.md, Backups).
    fn default() -> Self {
        Self {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RotationPlan {
    pub keep: Vec<PathBuf>,
    pub delete: Vec<PathBuf>,
}

/// `laoke-20260301-100000-1a2b3c4d.laokebak` (shop-local time; `-2`, `-3` … if taken).
pub fn backup_file_name(created_at: DateTime<Utc>, tz: Tz, store_id: &str, n: u32) -> String {
    let local = created_at.with_timezone(&tz).format("%Y%m%d-%H%M%S");
    let short: String = store_id.chars().take(8).collect();
    let suffix = if n > 1 {
        format!("-{n}")
    } else {
        String::new()
    };
    format!("laoke-{local}-{short}{suffix}.{EXTENSION}")
}

/// The local time and store id prefix in one of our names; `None` for any other name.
pub fn parse_backup_name(name: &str) -> Option<(NaiveDateTime, String)> {
    let rest = name.strip_prefix("laoke-")?.strip_suffix(".laokebak")?;
    let (stamp, tail) = (rest.get(..15)?, rest.get(15..)?);
    let time = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    let tail = tail.strip_prefix('-')?;
    let (id, n) = match tail.split_once('-') {
        Some((id, n)) => (id, Some(n)),
        None => (tail, None),
    };
    let id_ok = id.len() == 8 && id.bytes().all(|b| b.is_ascii_hexdigit());
    let n_ok = match n {
        None => true,
        Some(n) => !n.is_empty() && n.len() <= 4 && n.bytes().all(|b| b.is_ascii_digit()),
    };
    (id_ok && n_ok).then(|| (time, id.to_string()))
}

/// A final name in `dir` that is not taken yet (also not by a temp file in progress).
pub(crate) fn unused_name(dir: &Path, h: &Header, tz: Tz) -> PathBuf {
    for n in 1.. {
        let name = backup_file_name(h.created_at, tz, &h.store_id, n);
        if !dir.join(&name).exists() && !dir.join(format!(".{name}.tmp")).exists() {
            return dir.join(name);
        }
    }
    unreachable!("some suffix is free")
}

/// Which of `files` (path, created at, verified) to keep and which to delete.
pub fn plan_rotation(
    files: &[(PathBuf, DateTime<Utc>, bool)],
    now: DateTime<Utc>,
    policy: &RotationPolicy,
    tz: Tz,
) -> RotationPlan {
    let is_ours = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| parse_backup_name(n).is_some())
    };
    let mut ours: Vec<&(PathBuf, DateTime<Utc>, bool)> =
        files.iter().filter(|f| is_ours(&f.0)).collect();
    ours.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| b.0.cmp(&a.0)));
    let mut keep: HashSet<&Path> = HashSet::new();
    for f in &ours {
        if f.1 > now {
            keep.insert(&f.0); // from the future (a clock was wrong): not ours to judge
        }
    }
    type Period = fn(DateTime<Tz>) -> (i32, u32);
    let rules: [(u32, Period); 3] = [
        (policy.daily, |t| (t.year(), t.ordinal())),
        (policy.weekly, |t| {
            (t.iso_week().year(), t.iso_week().week())
        }),
        (policy.monthly, |t| (t.year(), t.month())),
    ];
    for (count, period) in rules {
        let mut seen: Vec<(i32, u32)> = Vec::new();
        for f in ours.iter().filter(|f| f.1 <= now) {
            let p = period(tz.from_utc_datetime(&f.1.naive_utc()));
            if seen.last() == Some(&p) {
                continue;
            }
            if seen.len() as u32 == count {
                break;
            }
            seen.push(p);
            keep.insert(&f.0);
        }
    }
    if let Some(newest_verified) = ours.iter().find(|f| f.2) {
        keep.insert(&newest_verified.0);
    }
    let mut plan = RotationPlan::default();
    for f in files {
        if is_ours(&f.0) && !keep.contains(f.0.as_path()) {
            plan.delete.push(f.0.clone());
        } else {
            plan.keep.push(f.0.clone());
        }
    }
    plan
}

/// Rotate the backups in `dir`: list them, plan, delete. `verified` tells which files the
/// store knows were verified.
pub fn apply_rotation(
    dir: &Path,
    policy: &RotationPolicy,
    now: DateTime<Utc>,
    tz: Tz,
    verified: &dyn Fn(&Path) -> bool,
) -> Result<RotationPlan, BackupError> {
    let files: Vec<(PathBuf, DateTime<Utc>, bool)> = super::list(dir)?
        .into_iter()
        .filter_map(|l| {
            let at = l.created_at?;
            let v = verified(&l.path);
            Some((l.path, at, v))
        })
        .collect();
    let plan = plan_rotation(&files, now, policy, tz);
    for p in &plan.delete {
        std::fs::remove_file(p)?;
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_names_parse_and_others_do_not() {
        let t = Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap();
        let name = backup_file_name(t, chrono_tz::Asia::Shanghai, "1a2b3c4d5e6f", 1);
        assert_eq!(name, "laoke-20260301-100000-1a2b3c4d.laokebak");
        assert!(parse_backup_name(&name).is_some());
        assert!(parse_backup_name("laoke-20260301-100000-1a2b3c4d-2.laokebak").is_some());
        for other in [
            "laoke-20260301-100000-1a2b3c4d (1).laokebak",
            "laoke-20260301-100000-1a2b3c4d (Case Conflict).laokebak",
            "laoke-20260301-100000-1a2b3c4d-冲突-1.laokebak",
            "laoke-20260301-100000-1a2b3c4d.laokebak.tmp",
            "notes.laokebak",
        ] {
            assert!(parse_backup_name(other).is_none(), "{other} is not ours");
        }
    }
}
