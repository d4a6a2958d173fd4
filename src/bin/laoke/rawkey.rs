//! `laoke rawkey`: the raw SQLCipher key as a `PRAGMA key` line (owner only, audited by the
//! core), so another SQLCipher 4 client can open the database file.

use crate::ctx::Ctx;
use laoke::Error;

pub fn run(ctx: &Ctx) -> Result<(), Error> {
    let (store, session) = ctx.open()?;
    let hex = store.export_raw_key(&session)?;
    println!("PRAGMA key = \"x'{}'\";", hex.as_str());
    Ok(())
}
