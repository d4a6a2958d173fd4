//! What every subcommand shares: the acting user, data folder and language (`Ctx`), the
//! password prompts (or `LAOKE_PASSWORD` / `LAOKE_NEW_PASSWORD` in scripts), opening a session,
//! and printing a recovery key. Kept here so each subcommand file is only its own printing.

use laoke::{auth::Session, clock, crypto::RecoveryKey, i18n::Lang, store::Store, Error};
use std::path::PathBuf;
use zeroize::Zeroizing;

pub struct Ctx {
    pub dir: PathBuf,
    pub user: String,
    pub lang: Lang,
}

impl Ctx {
    pub fn t<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.lang == Lang::En {
            en
        } else {
            zh
        }
    }

    pub fn password(&self, env: &str, prompt: &str) -> Result<Zeroizing<String>, Error> {
        if let Ok(p) = std::env::var(env) {
            return Ok(Zeroizing::new(p));
        }
        rpassword::prompt_password(prompt)
            .map(Zeroizing::new)
            .map_err(Error::Io)
    }

    pub fn new_password(&self) -> Result<Zeroizing<String>, Error> {
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

    pub fn open(&self) -> Result<(Store, Session), Error> {
        let prompt = format!(
            "{} {}: ",
            self.t("密码 / Password for", "Password for"),
            self.user
        );
        let pw = self.password("LAOKE_PASSWORD", &prompt)?;
        let (store, session) = Store::login(&self.dir, &self.user, &pw, clock::system())?;
        // The core's housekeeping after a login (the recycle-bin purge).
        laoke::jobs::after_login(&store, &session)?;
        Ok((store, session))
    }

    /// The same user and language on another store folder (`laoke bench … --store DIR`).
    pub fn with_dir(&self, dir: Option<PathBuf>) -> Ctx {
        Ctx {
            dir: dir.unwrap_or_else(|| self.dir.clone()),
            user: self.user.clone(),
            lang: self.lang,
        }
    }
}

pub fn print_recovery_key(ctx: &Ctx, key: &RecoveryKey) {
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
