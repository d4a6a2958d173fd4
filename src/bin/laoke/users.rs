//! `laoke user add | list | disable | passwd`: manage users (owner only, except changing your
//! own password); a new password comes from a prompt or `LAOKE_NEW_PASSWORD`.

use crate::ctx::Ctx;
use clap::Subcommand;
use laoke::{
    auth::{self, Role},
    clock,
    store::Store,
    users::{self, NewUser},
    Error,
};

#[derive(Subcommand)]
pub enum UserCmd {
    /// Add a manager or service rep. Their password: prompt or LAOKE_NEW_PASSWORD.
    Add {
        username: String,
        #[arg(long, default_value = "rep")]
        role: String,
        #[arg(long)]
        display_name: Option<String>,
    },
    List,
    /// Disable a user (their password stops opening the store); --enable to undo.
    Disable {
        username: String,
        #[arg(long)]
        enable: bool,
    },
    /// Change your own password, or (owner) reset another user's; --recovery-key to use the recovery key.
    Passwd {
        username: Option<String>,
        #[arg(long)]
        recovery_key: bool,
    },
}

pub fn run(ctx: &Ctx, cmd: UserCmd) -> Result<(), Error> {
    match cmd {
        UserCmd::Add {
            username,
            role,
            display_name,
        } => {
            let role = Role::parse(&role).ok_or_else(|| {
                Error::invalid(
                    "角色只能是 manager（店长）或 rep（客服）。",
                    "Role must be manager or rep.",
                )
            })?;
            let (store, session) = ctx.open()?;
            let pw = ctx.new_password()?;
            let new = NewUser {
                display_name: display_name.unwrap_or_else(|| username.clone()),
                username,
                role,
                password: pw.to_string(),
            };
            let u = users::add(&store, &session, &new)?;
            println!(
                "{} {} ({})",
                ctx.t("已添加用户：", "User added:"),
                u.username,
                u.role.as_str()
            );
        }
        UserCmd::List => {
            let (store, session) = ctx.open()?;
            for u in users::list(&store, &session)? {
                println!(
                    "{:<4} {:<16} {:<10} {:<8} {}",
                    u.id,
                    u.username,
                    u.role.as_str(),
                    if u.disabled {
                        ctx.t("已停用", "disabled")
                    } else {
                        ctx.t("正常", "active")
                    },
                    u.display_name
                );
            }
        }
        UserCmd::Disable { username, enable } => {
            let (store, session) = ctx.open()?;
            let id = users::id_by_username(&store, &session, &username)?;
            let u = users::set_disabled(&store, &session, id, !enable)?;
            println!(
                "{} {}",
                u.username,
                if u.disabled {
                    ctx.t("已停用", "disabled")
                } else {
                    ctx.t("已启用", "enabled")
                }
            );
        }
        UserCmd::Passwd {
            username,
            recovery_key,
        } => {
            if recovery_key {
                let target = username.unwrap_or_else(|| ctx.user.clone());
                let key =
                    ctx.password("LAOKE_RECOVERY_KEY", ctx.t("恢复密钥：", "Recovery key: "))?;
                let pw = ctx.new_password()?;
                Store::recover(&ctx.dir, &key, &target, &pw, clock::system())?;
            } else {
                let (store, session) = ctx.open()?;
                match username.filter(|u| u != session.username()) {
                    Some(other) => {
                        let id = users::id_by_username(&store, &session, &other)?;
                        let pw = ctx.new_password()?;
                        users::reset_password(&store, &session, id, &pw)?;
                    }
                    None => {
                        let old = ctx.password(
                            "LAOKE_PASSWORD",
                            ctx.t("当前密码：", "Current password: "),
                        )?;
                        let pw = ctx.new_password()?;
                        auth::change_own_password(&store, &session, &old, &pw)?;
                    }
                }
            }
            println!("{}", ctx.t("密码已更新。", "Password updated."));
        }
    }
    Ok(())
}
