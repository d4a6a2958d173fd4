//! The few order numbers the customer modules need themselves. Lifetime numbers and the
//! timeline come from the orders module (`orders::customer_summary`, `orders::for_customer`),
//! which also owns `customer_stats`.

use crate::Result;
use rusqlite::Connection;

/// Recompute `customer_stats` for one customer after its orders changed hands.
pub(crate) fn refresh(conn: &Connection, id: i64) -> Result<()> {
    crate::orders::refresh_stats(conn, &[id])
}

/// How many orders a customer has (any status): the default kept record in a merge is the one
/// with more.
pub(crate) fn order_count(conn: &Connection, id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM orders WHERE customer_id = ?1",
        [id],
        |r| r.get(0),
    )?)
}
