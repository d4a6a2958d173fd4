//! A store of a given size for `laoke bench backup`: demo customers whose notes are padded
//! with 2 KB of random text, added in batches until the database file is large enough.

use crate::backup::BackupError;
use crate::{
    auth::Session,
    demo::{self, DemoSpec},
    store::Store,
};

/// Grow the store to about `size_mb` MiB. Returns the number of customers added.
pub fn fill_to_size(store: &Store, s: &Session, size_mb: u64) -> Result<u64, BackupError> {
    const BATCH: u32 = 20_000;
    let target = size_mb * 1024 * 1024;
    let mut added = 0u64;
    let mut seed = 1;
    while db_bytes(store)? < target {
        demo::generate(
            store,
            s,
            &DemoSpec {
                customers: BATCH,
                seed,
            },
        )?;
        store.write(|tx, _| {
            tx.execute(
                "UPDATE customers SET notes = notes || ' ' || hex(randomblob(1000)) WHERE id > (SELECT max(id) FROM customers) - ?1",
                [BATCH],
            )?;
            Ok(())
        })?;
        added += BATCH as u64;
        seed += 1;
    }
    Ok(added)
}

fn db_bytes(store: &Store) -> Result<u64, BackupError> {
    let pages = crate::backup::pragma_u64(store.conn(), "page_count")?;
    let size = crate::backup::pragma_u64(store.conn(), "page_size")?;
    Ok(pages * size)
}
