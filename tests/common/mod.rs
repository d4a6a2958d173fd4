//! Shared helpers for the integration tests: a fixed clock, a store in a temp dir, raw
//! SQLCipher access for tampering, and file scanning. Every test gets its own temp dir; none
//! touches the real app-data folder or the wall clock.

#![allow(dead_code)] // each test file uses a different subset

use chrono::{TimeZone, Utc};
use laoke::{
    auth::{Role, Session},
    clock::{FixedClock, SharedClock},
    crypto::RecoveryKey,
    customers::{self, CustomerQuery, CustomerRow, NewCustomer},
    store::Store,
    users::{self, NewUser, User},
};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const OWNER: &str = "owner";
pub const OWNER_PASSWORD: &str = "owner password 1";

/// A clock fixed at 2026-03-01 10:00 Shanghai time.
pub fn fixed_clock() -> Arc<FixedClock> {
    FixedClock::new(Utc.with_ymd_and_hms(2026, 3, 1, 2, 0, 0).unwrap())
}

pub fn clock() -> SharedClock {
    fixed_clock()
}

/// A fresh temp dir; the store lives in a subfolder so that `Store::init` creates it.
pub fn temp_store_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temp dir can be created");
    let dir = tmp.path().join("store");
    (tmp, dir)
}

pub fn owner() -> NewUser {
    NewUser {
        username: OWNER.into(),
        display_name: "店主".into(),
        role: Role::Owner,
        password: OWNER_PASSWORD.into(),
    }
}

/// Create a store with the standard owner.
pub fn init(dir: &Path) -> (Store, Session, RecoveryKey) {
    Store::init(dir, &owner(), clock()).expect("a new store can be created in an empty temp dir")
}

pub fn login(dir: &Path, username: &str, password: &str) -> (Store, Session) {
    Store::login(dir, username, password, clock())
        .unwrap_or_else(|e| panic!("{username} should be able to log in: {e} [{}]", e.code()))
}

pub fn add_user(
    store: &Store,
    owner: &Session,
    username: &str,
    role: Role,
    password: &str,
) -> User {
    users::add(
        store,
        owner,
        &NewUser {
            username: username.into(),
            display_name: format!("{username} 显示名"),
            role,
            password: password.into(),
        },
    )
    .unwrap_or_else(|e| panic!("the owner should be able to add {username}: {e}"))
}

/// A manual order of one 龙井 at ¥99 for `customer`, in-store and paid (change fields as needed).
pub fn tea_order(customer: i64) -> laoke::orders::ManualOrder {
    in_store_sale(Some(customer), "龙井", 9_900)
}

/// A paid in-store sale of one item, no shipping or discount, entered by hand.
pub fn in_store_sale(
    customer: Option<i64>,
    product: &str,
    unit_price_fen: i64,
) -> laoke::orders::ManualOrder {
    use laoke::orders::{Channel, ManualOrder, NewOrderItem, OrderStatus};
    ManualOrder {
        customer_id: customer,
        channel: Channel::InStore,
        order_no: String::new(),
        status: OrderStatus::Paid,
        ordered_at: None,
        shipping_fen: 0,
        discount_fen: 0,
        paid_fen: None,
        note: String::new(),
        items: vec![NewOrderItem {
            product_name: product.into(),
            sku: String::new(),
            category: "茶".into(),
            quantity: 1,
            unit_price_fen,
        }],
    }
}

pub fn customer(name: &str, phone: &str) -> NewCustomer {
    NewCustomer {
        name: name.into(),
        phones: vec![phone.into()],
        province: Some("浙江".into()),
        city: Some("杭州".into()),
        address: Some(format!("{name}的地址，西湖区文三路 88 号")),
        notes: format!("{name} 喜欢顺丰"),
        tags: vec!["回头客".into()],
        ..Default::default()
    }
}

/// Every customer row, in id order (the list pages at most 500 rows at a time).
pub fn all_customers(store: &Store, s: &Session) -> Vec<CustomerRow> {
    let mut rows = Vec::new();
    for page in 1.. {
        let p = customers::list(
            store,
            s,
            &CustomerQuery {
                page,
                page_size: 500,
                search: None,
                ..Default::default()
            },
        )
        .expect("the customer list can be read");
        let done = p.rows.len() < 500;
        rows.extend(p.rows);
        if done {
            break;
        }
    }
    rows.sort_by_key(|r| r.id);
    rows
}

pub fn customer_total(store: &Store, s: &Session) -> u64 {
    customers::list(
        store,
        s,
        &CustomerQuery {
            page: 1,
            page_size: 1,
            search: None,
            ..Default::default()
        },
    )
    .expect("the customer list can be read")
    .total
}

/// A plain SQLCipher connection to the store's database, opened with nothing but the raw key,
/// as an attacker (or another SQLCipher 4 client) holding the key would.
pub fn raw_connection(dir: &Path, key_hex: &str) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open(dir.join("laoke.db")).expect("the db file opens");
    conn.execute_batch(&format!("PRAGMA key = \"x'{key_hex}'\";"))
        .expect("PRAGMA key is accepted");
    conn.execute_batch("PRAGMA busy_timeout = 5000;")
        .expect("busy timeout");
    conn
}

/// Log in as the owner, export the raw key (audited) and open a raw connection with it.
pub fn raw_connection_as_owner(store: &Store, s: &Session) -> rusqlite::Connection {
    let hex = store
        .export_raw_key(s)
        .expect("the owner may export the raw key");
    raw_connection(store.dir(), &hex)
}

pub fn sha256_file(path: &Path) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("{} is readable: {e}", path.display()));
    hex::encode(Sha256::digest(&bytes))
}

/// Every regular file under `dir`, recursively.
pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("the store dir is listable") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                todo.push(path);
            } else if path.is_file() {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The files under `dir` that contain `needle` anywhere.
pub fn files_containing(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    files_under(dir)
        .into_iter()
        .filter(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            bytes.windows(needle.len()).any(|w| w == needle)
        })
        .collect()
}

/// The audit actions in id order, read through a raw connection.
pub fn audit_actions(conn: &rusqlite::Connection) -> Vec<(i64, String, String)> {
    let mut stmt = conn
        .prepare("SELECT id, action, subject FROM audit_log ORDER BY id")
        .expect("audit_log is readable");
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .expect("audit rows")
        .collect::<rusqlite::Result<Vec<_>>>()
        .expect("audit rows decode")
}

/// The `laoke` CLI with a clean environment: no inherited LAOKE_* variables, HOME and the XDG
/// folders inside `home` so nothing can reach the real app-data folder, and the store in `dir`.
pub fn laoke_cli(home: &Path, dir: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_laoke"));
    for var in [
        "LAOKE_DATA_DIR",
        "LAOKE_USER",
        "LAOKE_LANG",
        "LAOKE_PASSWORD",
        "LAOKE_NEW_PASSWORD",
        "LAOKE_RECOVERY_KEY",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", home)
        .env("XDG_DATA_HOME", home.join("xdg-data"))
        .env("LAOKE_DATA_DIR", dir)
        .arg("--data-dir")
        .arg(dir)
        .stdin(std::process::Stdio::null());
    cmd
}

/// What a CLI run printed, and whether it succeeded.
pub struct CliRun {
    pub ok: bool,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_cli(cmd: &mut std::process::Command) -> CliRun {
    let out = cmd.output().expect("the laoke binary runs");
    CliRun {
        ok: out.status.success(),
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
