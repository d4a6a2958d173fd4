//! `laoke restore FILE`: into the current store (after a safety backup), or into an empty data
//! folder on a new computer; opened with the user's password, `LAOKE_BACKUP_PASSWORD` or the
//! recovery key.

use crate::backup::{backup_secret, credential, print_header, progress_printer};
use crate::ctx::Ctx;
use laoke::{backup, clock, store::Store, Error};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct RestoreArgs {
    file: PathBuf,
    #[arg(long)]
    recovery_key: bool,
}

pub fn run(ctx: &Ctx, args: RestoreArgs) -> Result<(), Error> {
    let RestoreArgs { file, recovery_key } = args;
    let file = file.as_path();
    let mut progress = progress_printer(ctx);
    if !Store::exists(&ctx.dir) {
        let secret = backup_secret(ctx, recovery_key, "LAOKE_PASSWORD")?;
        let cred = credential(ctx, recovery_key, &secret);
        let (store, session) =
            backup::restore_new(&ctx.dir, file, &cred, clock::system(), &mut progress)
                .map_err(Error::from)?;
        println!(
            "{} {} ({})",
            ctx.t("已恢复到：", "Restored into:"),
            store.dir().display(),
            session.username()
        );
        return Ok(());
    }
    let (store, session) = ctx.open()?;
    let env = if std::env::var("LAOKE_BACKUP_PASSWORD").is_ok() {
        "LAOKE_BACKUP_PASSWORD"
    } else {
        "LAOKE_PASSWORD"
    };
    let secret = backup_secret(ctx, recovery_key, env)?;
    let cred = credential(ctx, recovery_key, &secret);
    let prepared = backup::prepare_restore(&store, &session, file, &cred, &mut progress)
        .map_err(Error::from)?;
    println!("{}", ctx.t("备份内容：", "The backup holds:"));
    print_header(ctx, prepared.header());
    println!(
        "{} {}",
        ctx.t("当前数据的安全备份：", "Safety backup of the current data:"),
        prepared.safety_backup().path.display()
    );
    let (store, session) = backup::apply_restore(store, prepared).map_err(Error::from)?;
    println!(
        "{} {} ({})",
        ctx.t("已恢复。", "Restored."),
        store.dir().display(),
        session.username()
    );
    Ok(())
}
