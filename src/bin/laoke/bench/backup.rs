//! `laoke bench backup` (build a store of about --size-mb if there is none, then time backup +
//! verify phase by phase) and `laoke bench fill` (grow a store to watch a long backup).

use crate::ctx::Ctx;
use laoke::{
    auth::Role,
    backup::{self, BackupError, Phase, Progress},
    clock,
    store::Store,
    users::NewUser,
    Error,
};
use std::path::PathBuf;

pub fn backup(ctx: &Ctx, size_mb: u64, to: Option<PathBuf>) -> Result<(), Error> {
    let (store, session) = if Store::exists(&ctx.dir) {
        ctx.open()?
    } else {
        let pw = std::env::var("LAOKE_PASSWORD").unwrap_or_else(|_| "bench password".into());
        let new = NewUser {
            username: ctx.user.clone(),
            display_name: "店主".into(),
            role: Role::Owner,
            password: pw,
        };
        let (store, session, _key) = Store::init(&ctx.dir, &new, clock::system())?;
        let started = std::time::Instant::now();
        let n =
            laoke::bench::backup::fill_to_size(&store, &session, size_mb).map_err(Error::from)?;
        println!(
            "store built: {n} customers in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        (store, session)
    };
    let to = to.unwrap_or_else(|| ctx.dir.with_extension("bench-backups"));
    std::fs::create_dir_all(&to)?;
    let db_mb = std::fs::metadata(laoke::paths::db_path(&ctx.dir))?.len() as f64 / 1e6;
    let started = std::time::Instant::now();
    let mut marks: Vec<(Phase, f64)> = Vec::new();
    let mut progress = |p: Progress| {
        if marks.last().map(|m| m.0) != Some(p.phase) {
            marks.push((p.phase, started.elapsed().as_secs_f64()));
        }
    };
    let b = backup::prepare(&store, &session, &to)
        .and_then(|job| job.run(&mut progress))
        .map_err(|e: BackupError| Error::from(e))?;
    let total = started.elapsed().as_secs_f64();
    let mut phases = Vec::new();
    for (i, (phase, at)) in marks.iter().enumerate() {
        let end = marks.get(i + 1).map(|m| m.1).unwrap_or(total);
        phases.push(format!("{phase:?} {:.1} s", end - at));
    }
    println!(
        "database {db_mb:.0} MB, backup file {:.0} MB",
        b.size as f64 / 1e6
    );
    println!(
        "backup + verify: {total:.1} s ({:.0} MB/s) — {}",
        db_mb / total,
        phases.join(", ")
    );
    println!("file: {}", b.path.display());
    Ok(())
}

pub fn fill(ctx: &Ctx, size_mb: u64) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    let n = laoke::bench::backup::fill_to_size(&store, &session, size_mb).map_err(Error::from)?;
    println!("{n} {}", ctx.t("个客户已添加。", "customers added."));
    Ok(())
}
