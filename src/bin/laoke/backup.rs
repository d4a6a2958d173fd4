//! `laoke backup` (now, to the configured folders or `--to DIR`), `backup list | verify |
//! add-target | status | deep-check`, and the helpers `laoke restore` shares: the progress lines, a backup's
//! header, and the password or recovery key that opens a backup.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{
    backup::{self, Credential, Destination, Phase, Progress, RunEvent},
    Error,
};
use std::path::PathBuf;
use zeroize::Zeroizing;

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct BackupArgs {
    #[command(subcommand)]
    cmd: Option<BackupCmd>,
    /// Back up into this folder instead of the configured ones.
    #[arg(long)]
    to: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum BackupCmd {
    /// List the backups in a folder (no password needed).
    List { dir: PathBuf },
    /// Decrypt and check a backup completely (password of --user, or --recovery-key).
    Verify {
        file: PathBuf,
        #[arg(long)]
        recovery_key: bool,
    },
    /// Add a backup folder (owner), e.g. a USB stick or a cloud sync folder.
    AddTarget {
        dir: PathBuf,
        #[arg(long, default_value = "")]
        label: String,
    },
    /// Configured backup folders, their last verified backup, and the owner's reminder.
    Status,
    /// Run the weekly deep check (full integrity_check of the newest backup) if it is due.
    DeepCheck,
}

/// Prints "phase NN%" lines at every 10 %.
pub fn progress_printer(ctx: &Ctx) -> impl FnMut(Progress) + '_ {
    let mut last: Option<(Phase, u64)> = None;
    move |p: Progress| {
        let pct = (p.done * 100).checked_div(p.total).unwrap_or(100) / 10 * 10;
        if last != Some((p.phase, pct)) {
            last = Some((p.phase, pct));
            let phase = match p.phase {
                Phase::Snapshot => ctx.t("快照", "snapshot"),
                Phase::Encrypt => ctx.t("加密写入", "encrypt"),
                Phase::Verify => ctx.t("校验", "verify"),
            };
            println!("{phase} {pct}%");
        }
    }
}

pub fn print_header(ctx: &Ctx, h: &backup::Header) {
    println!(
        "  {} {}  {} {}  {} {}",
        ctx.t("时间", "made"),
        h.created_at.format("%Y-%m-%d %H:%M:%S UTC"),
        ctx.t("由", "by"),
        h.created_by,
        ctx.t("版本", "app"),
        h.app_version
    );
    for (table, n) in &h.counts {
        println!("    {table:<20} {n}");
    }
}

fn print_backup_run(ctx: &Ctx, run: &backup::TargetRun) {
    match &run.result {
        Ok(b) => println!(
            "{} {} ({} MB)",
            ctx.t("已备份并校验：", "Backed up and verified:"),
            b.path.display(),
            b.size / 1_000_000
        ),
        Err(e) => eprintln!(
            "{} {}: {} [{}]",
            ctx.t("备份失败", "backup failed"),
            run.destination.dir.display(),
            e.message(ctx.lang),
            e.code()
        ),
    }
}

pub fn run(ctx: &Ctx, args: BackupArgs) -> Result<(), Error> {
    match args.cmd {
        None => {
            let (store, session) = ctx.open()?;
            let destinations: Vec<Destination> = match args.to {
                Some(d) => vec![Destination::folder(d)],
                None => backup::targets(&store, &session)?
                    .iter()
                    .map(Destination::from)
                    .collect(),
            };
            if destinations.is_empty() {
                return Err(Error::invalid(
                    "还没有设置备份位置：用 --to 文件夹，或先 laoke backup add-target 文件夹。",
                    "No backup folder yet: use --to DIR, or first laoke backup add-target DIR.",
                ));
            }
            let mut progress = progress_printer(ctx);
            let runs = backup::run_now(&store, &session, destinations, &mut |event| match event {
                RunEvent::Progress { phase: Some(p), .. } => progress(p),
                RunEvent::Progress { .. } => {}
                RunEvent::Finished { run, .. } => {
                    progress = progress_printer(ctx);
                    print_backup_run(ctx, run);
                }
            })?;
            if let Some(e) = runs.into_iter().filter_map(|r| r.result.err()).last() {
                return Err(e.into());
            }
        }
        Some(BackupCmd::List { dir }) => {
            for l in backup::list(&dir).map_err(Error::from)? {
                let when = l
                    .created_at
                    .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                    .unwrap_or_else(|| "?".into());
                let customers = l.counts.get("customers").copied().unwrap_or(0);
                println!(
                    "{:<48} {when}  {:>8} KB  {:<8} {:<10} {} {customers}{}{}",
                    l.file_name,
                    l.size / 1024,
                    l.app_version.as_deref().unwrap_or("?"),
                    l.created_by.as_deref().unwrap_or("?"),
                    ctx.t("客户", "customers"),
                    if l.conflict_copy {
                        ctx.t("  [同步冲突副本]", "  [sync conflict copy]")
                    } else {
                        ""
                    },
                    l.problem_code
                        .map(|c| format!("  [{c}]"))
                        .unwrap_or_default(),
                );
            }
        }
        Some(BackupCmd::Verify { file, recovery_key }) => {
            let secret = backup_secret(ctx, recovery_key, "LAOKE_PASSWORD")?;
            let cred = credential(ctx, recovery_key, &secret);
            let work = work_dir(ctx);
            let h = backup::verify_file(&file, &cred, &work, &mut progress_printer(ctx))
                .map_err(Error::from)?;
            println!(
                "{} {}",
                ctx.t("备份完好：", "Backup is intact:"),
                file.display()
            );
            print_header(ctx, &h);
        }
        Some(BackupCmd::AddTarget { dir, label }) => {
            let (store, session) = ctx.open()?;
            let t = backup::add_target(&store, &session, &dir, &label)?;
            println!(
                "{} {}",
                ctx.t("已添加备份位置：", "Backup folder added:"),
                t.path
            );
            if let Some(c) = t.sync_folder {
                println!("  ({} {c})", ctx.t("云同步文件夹：", "cloud sync folder:"));
            }
        }
        Some(BackupCmd::Status) => {
            let (store, session) = ctx.open()?;
            for s in backup::status(&store, &session, store.now())? {
                let last = s
                    .last_verified
                    .and_then(|b| b.verified_at)
                    .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                    .unwrap_or_else(|| ctx.t("从未", "never").into());
                println!(
                    "{:<40} {} {last}{}{}",
                    s.target.path,
                    ctx.t("上次校验通过：", "last verified:"),
                    if s.stale {
                        ctx.t("  [超过 3 天]", "  [older than 3 days]")
                    } else {
                        ""
                    },
                    s.target
                        .last_error
                        .map(|c| format!("  [{c}]"))
                        .unwrap_or_default()
                );
            }
            let kind = laoke::prefs::StoreKind::Main;
            if let Some(r) = backup::reminder(&store, &session, kind, store.now())? {
                println!("{}", reminder_line(ctx, &r));
            }
        }
        Some(BackupCmd::DeepCheck) => {
            let (store, session) = ctx.open()?;
            match backup::run_deep_check_if_due(&store, &session)? {
                None => println!(
                    "{}",
                    ctx.t(
                        "深度检查未到期（每 7 天一次），或没有可读取的备份。",
                        "No deep check due (one every 7 days), or no reachable backup."
                    )
                ),
                Some((b, Ok(()))) => println!(
                    "{} {}",
                    ctx.t("深度检查通过：", "deep check passed:"),
                    b.path
                ),
                Some((b, Err(e))) => {
                    return Err(Error::invalid(
                        format!(
                            "深度检查未通过 {}：{}",
                            b.path,
                            e.message(laoke::i18n::Lang::ZhCn)
                        ),
                        format!(
                            "Deep check failed for {}: {}",
                            b.path,
                            e.message(laoke::i18n::Lang::En)
                        ),
                    ))
                }
            }
        }
    }
    Ok(())
}

fn reminder_line(ctx: &Ctx, r: &backup::BackupReminder) -> String {
    use backup::ReminderReason::*;
    let days = r.days_since.unwrap_or_default();
    match r.reason {
        NoFolder => ctx.t("提醒：还没有备份位置，请用 `laoke backup add-target` 添加U盘或云盘文件夹。",
            "Reminder: no backup folder yet; add a USB stick or cloud folder with `laoke backup add-target`.").into(),
        NeverBackedUp => ctx.t("提醒：还没有已校验的备份，请运行 `laoke backup`。",
            "Reminder: no verified backup yet; run `laoke backup`.").into(),
        Stale => format!("{} {days} {}", ctx.t("提醒：最近的备份是", "Reminder: the newest backup is"), ctx.t("天前的，请运行 `laoke backup`。", "days old; run `laoke backup`.")),
        DeepCheckFailed => ctx.t("提醒：最近一份备份没有通过深度检查，请立即重新备份。",
            "Reminder: the newest backup failed its deep check; back up again now.").into(),
    }
}

pub fn backup_secret(ctx: &Ctx, recovery_key: bool, env: &str) -> Result<Zeroizing<String>, Error> {
    if recovery_key {
        ctx.password("LAOKE_RECOVERY_KEY", ctx.t("恢复密钥：", "Recovery key: "))
    } else {
        let prompt = format!(
            "{} {}: ",
            ctx.t("备份的密码 / Backup password for", "Backup password for"),
            ctx.user
        );
        ctx.password(env, &prompt)
    }
}

pub fn credential<'a>(ctx: &'a Ctx, recovery_key: bool, secret: &'a str) -> Credential<'a> {
    if recovery_key {
        Credential::RecoveryKey(secret)
    } else {
        Credential::Password {
            username: &ctx.user,
            password: secret,
        }
    }
}

/// Decrypted copies (still SQLCipher-encrypted) go into the data folder when there is one.
pub fn work_dir(ctx: &Ctx) -> PathBuf {
    if ctx.dir.is_dir() {
        ctx.dir.clone()
    } else {
        std::env::temp_dir()
    }
}
