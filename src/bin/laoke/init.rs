//! `laoke init`: create a new encrypted store and its owner, and print the recovery key once.

use crate::ctx::{print_recovery_key, Ctx};
use laoke::{auth::Role, clock, store::Store, users::NewUser, Error};

#[derive(clap::Args)]
pub struct InitArgs {
    /// Owner's user name.
    #[arg(long, default_value = "owner")]
    owner: String,
    #[arg(long, default_value = "店主")]
    display_name: String,
}

pub fn run(ctx: &Ctx, args: InitArgs) -> Result<(), Error> {
    let InitArgs {
        owner,
        display_name,
    } = args;
    let pw = if std::env::var("LAOKE_PASSWORD").is_ok() {
        ctx.password("LAOKE_PASSWORD", "")?
    } else {
        ctx.new_password()?
    };
    let new = NewUser {
        username: owner,
        display_name,
        role: Role::Owner,
        password: pw.to_string(),
    };
    let (store, session, key) = Store::init(&ctx.dir, &new, clock::system())?;
    laoke::loyalty::program::start_new_shop(&store, &session)?;
    println!(
        "{} {} ({})",
        ctx.t("已创建店铺：", "Store created:"),
        ctx.dir.display(),
        session.username()
    );
    print_recovery_key(ctx, &key);
    Ok(())
}
