//! `laoke` — the command line over the same core the desktop app uses.
//! Passwords come from a prompt, or from `LAOKE_PASSWORD` (and `LAOKE_NEW_PASSWORD`) in scripts.

use clap::{Parser, Subcommand};
use laoke::{
    auth::{self, Role, Session},
    clock,
    demo::{self, DemoSpec},
    i18n::Lang,
    info,
    store::Store,
    users::{self, NewUser},
    verify, Error,
};
use std::{path::PathBuf, process::ExitCode};
use zeroize::Zeroizing;

#[derive(Parser)]
#[command(
    name = "laoke",
    version,
    about = "老客 Laoke — offline encrypted CRM for a single shop"
)]
struct Cli {
    /// Store folder (default: the OS app-data folder).
    #[arg(long, global = true, env = "LAOKE_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Acting user for commands that open the store.
    #[arg(long, global = true, env = "LAOKE_USER", default_value = "owner")]
    user: String,
    /// Message language: zh-CN (default) or en.
    #[arg(long, global = true, env = "LAOKE_LANG", default_value = "zh-CN")]
    lang: String,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Create a new encrypted store and its owner; prints the recovery key once.
    Init {
        /// Owner's user name.
        #[arg(long, default_value = "owner")]
        owner: String,
        #[arg(long, default_value = "店主")]
        display_name: String,
    },
    /// Manage users (owner only, except changing your own password).
    #[command(subcommand)]
    User(UserCmd),
    /// Check encryption pages, database integrity, foreign keys and the audit chain.
    Verify,
    /// Generate realistic demo customers (creates the store first if there is none).
    Demo {
        #[arg(long, default_value_t = 2000)]
        customers: u32,
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
    /// Store location, schema version and row counts.
    Info,
    /// Print the raw SQLCipher key (owner only, audited) to open the file with another SQLCipher 4 client.
    Rawkey,
}

#[derive(Subcommand)]
enum UserCmd {
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

struct Ctx {
    dir: PathBuf,
    user: String,
    lang: Lang,
}

impl Ctx {
    fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.lang == Lang::En {
            en
        } else {
            zh
        }
    }

    fn password(&self, env: &str, prompt: &str) -> Result<Zeroizing<String>, Error> {
        if let Ok(p) = std::env::var(env) {
            return Ok(Zeroizing::new(p));
        }
        rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(Error::Io)
    }

    fn new_password(&self) -> Result<Zeroizing<String>, Error> {
        if let Ok(p) = std::env::var("LAOKE_NEW_PASSWORD") {
            return Ok(Zeroizing::new(p));
        }
        let a = self.password("LAOKE_NEW_PASSWORD", self.t("新密码：", "New password: "))?;
        let b = self.password("LAOKE_NEW_PASSWORD", self.t("再输入一次：", "Repeat it: "))?;
        if *a != *b {
            return Err(Error::invalid(
                "两次输入的密码不一致。",
                "The two passwords differ.",
            ));
        }
        Ok(a)
    }

    fn open(&self) -> Result<(Store, Session), Error> {
        let prompt = format!(
            "{} {}: ",
            self.t("密码 / Password for", "Password for"),
            self.user
        );
        let pw = self.password("LAOKE_PASSWORD", &prompt)?;
        Store::login(&self.dir, &self.user, &pw, clock::system())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx {
        dir: cli
            .data_dir
            .clone()
            .unwrap_or_else(laoke::paths::default_data_dir),
        user: cli.user.clone(),
        lang: Lang::parse(&cli.lang).unwrap_or_default(),
    };
    match run(&ctx, cli.cmd) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "{}: {} [{}]",
                ctx.t("错误", "error"),
                e.message(ctx.lang),
                e.code()
            );
            ExitCode::FAILURE
        }
    }
}

fn print_recovery_key(ctx: &Ctx, key: &laoke::crypto::RecoveryKey) {
    println!();
    println!(
        "{}",
        ctx.t(
            "恢复密钥（只显示这一次，请抄写或打印后妥善保存）：",
            "Recovery key (shown only this once; write it down or print it and keep it safe):"
        )
    );
    println!();
    println!("    {}", key.display());
    println!();
}

fn run(ctx: &Ctx, cmd: Cmd) -> Result<(), Error> {
    match cmd {
        Cmd::Init {
            owner,
            display_name,
        } => {
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
            let (_store, session, key) = Store::init(&ctx.dir, &new, clock::system())?;
            println!(
                "{} {} ({})",
                ctx.t("已创建店铺：", "Store created:"),
                ctx.dir.display(),
                session.username()
            );
            print_recovery_key(ctx, &key);
        }
        Cmd::User(u) => user_cmd(ctx, u)?,
        Cmd::Verify => {
            let (store, session) = ctx.open()?;
            let r = verify::run(&store, &session)?;
            println!(
                "{} {}",
                ctx.t("加密页校验：", "cipher pages:"),
                if r.cipher_problems.is_empty() {
                    "ok".to_string()
                } else {
                    r.cipher_problems.join("; ")
                }
            );
            println!(
                "{} {}",
                ctx.t("数据库完整性：", "integrity:"),
                if r.integrity_problems.is_empty() {
                    "ok".to_string()
                } else {
                    r.integrity_problems.join("; ")
                }
            );
            println!(
                "{} {}",
                ctx.t("外键问题：", "foreign key violations:"),
                r.foreign_key_violations
            );
            println!(
                "{} {} {}",
                ctx.t("审计日志：", "audit log:"),
                r.audit_rows,
                ctx.t("条", "rows")
            );
            for b in &r.audit_breaks {
                println!(
                    "  {} #{}: {}",
                    ctx.t("审计链断裂", "audit chain broken at"),
                    b.id,
                    b.problem
                );
            }
            if !r.is_ok() {
                return Err(Error::conflict(
                    "校验发现问题（见上）。",
                    "Verification found problems (see above).",
                ));
            }
            println!("{}", ctx.t("校验通过。", "All checks passed."));
        }
        Cmd::Demo { customers, seed } => {
            let (store, session) = if Store::exists(&ctx.dir) {
                ctx.open()?
            } else {
                let pw = ctx.password(
                    "LAOKE_PASSWORD",
                    ctx.t("新店主密码：", "New owner password: "),
                )?;
                let new = NewUser {
                    username: ctx.user.clone(),
                    display_name: "店主".into(),
                    role: Role::Owner,
                    password: pw.to_string(),
                };
                let (store, session, key) = Store::init(&ctx.dir, &new, clock::system())?;
                print_recovery_key(ctx, &key);
                (store, session)
            };
            let started = std::time::Instant::now();
            let r = demo::generate(&store, &session, &DemoSpec { customers, seed })?;
            println!(
                "{} {} ({:.2} s)",
                ctx.t("已生成演示客户：", "Demo customers generated:"),
                r.customers,
                started.elapsed().as_secs_f64()
            );
        }
        Cmd::Info => {
            let (store, session) = ctx.open()?;
            let i = info::info(&store, &session)?;
            println!("{} {}", ctx.t("位置：", "location:"), i.data_dir);
            println!(
                "{} {}",
                ctx.t("结构版本：", "schema version:"),
                i.schema_version
            );
            for c in &i.counts {
                println!("  {:<20} {}", c.table, c.rows);
            }
        }
        Cmd::Rawkey => {
            let (store, session) = ctx.open()?;
            let hex = store.export_raw_key(&session)?;
            println!("PRAGMA key = \"x'{}'\";", hex.as_str());
        }
    }
    Ok(())
}

fn user_cmd(ctx: &Ctx, cmd: UserCmd) -> Result<(), Error> {
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
