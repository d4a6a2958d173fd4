//! Numbered SQL files in `migrations/`, embedded in the binary. Each applies in one transaction
//! together with the new `user_version`; a database newer than the binary is refused.
//! Released migrations are never edited: changes are new files.

use crate::{Error, Result};
use rusqlite::Connection;

/// (version, name, sql): versions run 1..=N in order, without gaps (a test checks), and the file
/// name carries the same number.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "0001_foundation",
        include_str!("../../migrations/0001_foundation.sql"),
    ),
    (
        2,
        "0002_backups",
        include_str!("../../migrations/0002_backups.sql"),
    ),
    (
        3,
        "0003_orders",
        include_str!("../../migrations/0003_orders.sql"),
    ),
    (
        4,
        "0004_search",
        include_str!("../../migrations/0004_search.sql"),
    ),
    (
        5,
        "0005_list_indexes",
        include_str!("../../migrations/0005_list_indexes.sql"),
    ),
    (
        6,
        "0006_search_deferred",
        include_str!("../../migrations/0006_search_deferred.sql"),
    ),
    (
        7,
        "0007_loyalty",
        include_str!("../../migrations/0007_loyalty.sql"),
    ),
    (
        8,
        "0008_tickets",
        include_str!("../../migrations/0008_tickets.sql"),
    ),
    (
        9,
        "0009_tier_spend",
        include_str!("../../migrations/0009_tier_spend.sql"),
    ),
    (
        10,
        "0010_expiry_rows",
        include_str!("../../migrations/0010_expiry_rows.sql"),
    ),
    (
        11,
        "0011_order_items_preview",
        include_str!("../../migrations/0011_order_items_preview.sql"),
    ),
    (
        12,
        "0012_order_refunds",
        include_str!("../../migrations/0012_order_refunds.sql"),
    ),
    (
        13,
        "0013_holiday_days",
        include_str!("../../migrations/0013_holiday_days.sql"),
    ),
    (
        14,
        "0014_backup_deep_check",
        include_str!("../../migrations/0014_backup_deep_check.sql"),
    ),
    (
        15,
        "0015_loyalty_program",
        include_str!("../../migrations/0015_loyalty_program.sql"),
    ),
    (
        16,
        "0016_insight",
        include_str!("../../migrations/0016_insight.sql"),
    ),
    (
        17,
        "0017_segments",
        include_str!("../../migrations/0017_segments.sql"),
    ),
    (
        18,
        "0018_scores_last_day",
        include_str!("../../migrations/0018_scores_last_day.sql"),
    ),
    (
        19,
        "0019_customers_merged_into",
        include_str!("../../migrations/0019_customers_merged_into.sql"),
    ),
];

pub fn latest() -> i64 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

pub fn schema_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
}

/// Bring the schema up to date. Returns the versions applied.
pub fn migrate(conn: &Connection) -> Result<Vec<i64>> {
    let current = schema_version(conn)?;
    if current > latest() {
        return Err(Error::StoreTooNew {
            found: current,
            supported: latest(),
        });
    }
    let mut applied = Vec::new();
    for &(version, _name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        super::in_tx(conn, |tx| {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version)?;
            Ok(())
        })?;
        applied.push(version);
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use super::MIGRATIONS;

    #[test]
    fn migration_versions_run_from_one_without_gaps_and_match_their_file_names() {
        for (i, (version, name, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version, i as i64 + 1, "{name} is number {}", i + 1);
            assert!(
                name.starts_with(&format!("{version:04}_")),
                "{name} starts with {version:04}_"
            );
        }
    }
}
