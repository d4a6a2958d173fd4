//! `laoke verify`: is the store whole? SQLCipher's page HMACs and SQLite's integrity check, the
//! foreign keys, the audit chain, the derived values that must match their rows (points
//! balances, order list previews, orders' refunded totals), and every order's loyalty points
//! against the earn rule (`loyalty::check`). Read-only; the check itself is audited.

use crate::{
    audit::{self, ChainBreak},
    auth::{Permission, Session},
    store::Store,
    Result,
};
use serde::Serialize;
use serde_json::json;

#[derive(Serialize, Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct VerifyReport {
    /// SQLCipher `cipher_integrity_check` problems (page HMAC failures).
    pub cipher_problems: Vec<String>,
    /// `PRAGMA integrity_check` lines other than "ok".
    pub integrity_problems: Vec<String>,
    pub foreign_key_violations: u64,
    pub audit_breaks: Vec<ChainBreak>,
    pub audit_rows: u64,
    /// Customers whose cached points balance differs from the sum of their ledger rows.
    pub points_balance_mismatches: u64,
    /// Orders whose list preview (first product names, item count; migration 0011) differs
    /// from their items.
    pub order_preview_mismatches: u64,
    /// Orders whose refunded total differs from the sum of their refund rows (migration 0012).
    pub order_refund_mismatches: u64,
    /// Orders whose points (earn − reversals) differ from what their paid − refunded amount
    /// gives, with examples (`laoke loyalty repair` fixes them).
    pub loyalty: crate::loyalty::check::LedgerCheck,
}

impl VerifyReport {
    pub fn is_ok(&self) -> bool {
        self.cipher_problems.is_empty()
            && self.integrity_problems.is_empty()
            && self.foreign_key_violations == 0
            && self.audit_breaks.is_empty()
            && self.points_balance_mismatches == 0
            && self.order_preview_mismatches == 0
            && self.order_refund_mismatches == 0
            && self.loyalty.is_ok()
    }
}

pub fn run(store: &Store, s: &Session) -> Result<VerifyReport> {
    s.require(Permission::VerifyStore)?;
    let conn = store.conn();
    let cipher_problems: Vec<String> = conn
        .prepare("PRAGMA cipher_integrity_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<_>>()?;
    let integrity_problems: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|l| l != "ok")
        .collect();
    let foreign_key_violations = conn
        .prepare("PRAGMA foreign_key_check")?
        .query_map([], |_| Ok(()))?
        .count() as u64;
    let audit_breaks = audit::verify_chain(conn)?;
    let audit_rows: i64 = conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?;
    let audit_rows = audit_rows as u64;
    let report = VerifyReport {
        cipher_problems,
        integrity_problems,
        foreign_key_violations,
        audit_breaks,
        audit_rows,
        points_balance_mismatches: crate::loyalty::ledger::balance_mismatches(conn)?.len() as u64,
        order_preview_mismatches: crate::orders::write::preview_mismatches(conn)?,
        order_refund_mismatches: crate::orders::write::refund_mismatches(conn)?,
        loyalty: crate::loyalty::check::check(conn, store.now())?,
    };
    store.write(|tx, now| {
        audit::record(
            tx,
            now,
            s.audit_actor(),
            "store_verified",
            "",
            json!({"ok": report.is_ok()}),
        )
    })?;
    Ok(report)
}
