//! The permission matrix's fixture and the parts that read the sources: a small store with one
//! of everything a command can point at (customers, an order, tickets, a coupon grant, a merge,
//! backup folders), a session of each role, the command list of `generate_handler!` in
//! `src-tauri/src/lib.rs`, the function bodies of the command files, and the table in
//! `docs/SECURITY.md`. The probes (what each command calls in the core) are in `probes.rs`.

#![allow(dead_code)] // the fixture has fields only some probes use

pub mod probes;

use crate::common;
use laoke::{
    auth::{Role, Session},
    backup, customer_ops, customers,
    loyalty::{coupons, Redemption},
    sales,
    store::Store,
    tickets,
};
use std::{
    cell::RefCell,
    collections::BTreeMap,
    path::{Path, PathBuf},
};

pub const MANAGER_PASSWORD: &str = "manager password 1";
pub const REP_PASSWORD: &str = "rep password 1";

/// Which roles the matrix runs, in the order it runs them: the ones that change the least first,
/// so a refused call never meets a record an allowed one already changed.
pub const ROLES: [Role; 3] = [Role::Rep, Role::Manager, Role::Owner];

pub struct Fixture {
    pub _tmp: tempfile::TempDir,
    pub dir: PathBuf,
    /// Where probes write files (exports, templates) and find folders.
    pub files: PathBuf,
    pub store: Store,
    /// A second handle on the store, for the one command that takes the store by value.
    pub spare_store: RefCell<Option<Store>>,
    pub sessions: BTreeMap<&'static str, Session>,
    /// A customer the probes read and write (never deleted or erased).
    pub customer: i64,
    /// Customers only the deletion and erasure probes touch.
    pub to_delete: i64,
    pub to_erase: i64,
    /// Two customers for the merge probes, and a merge to undo.
    pub merge_a: i64,
    pub merge_b: i64,
    pub merge_id: i64,
    pub order: i64,
    pub ticket: i64,
    pub ticket_b: i64,
    pub coupon: i64,
    pub grant: i64,
    /// A user only the user-management probes change.
    pub spare_user: i64,
    pub target: i64,
    pub spare_target: i64,
}

impl Fixture {
    pub fn session(&self, role: Role) -> &Session {
        &self.sessions[role.as_str()]
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.files.join(name)
    }
}

pub fn fixture() -> Fixture {
    let (tmp, dir) = common::temp_store_dir();
    let files = tmp.path().join("files");
    std::fs::create_dir_all(&files).unwrap();
    let (store, owner, _) = common::init(&dir);
    common::add_user(&store, &owner, "manager", Role::Manager, MANAGER_PASSWORD);
    common::add_user(&store, &owner, "rep", Role::Rep, REP_PASSWORD);
    let spare_user = common::add_user(&store, &owner, "spare", Role::Rep, REP_PASSWORD).id;
    let (_, manager) = common::login(&dir, "manager", MANAGER_PASSWORD);
    let (_, rep) = common::login(&dir, "rep", REP_PASSWORD);
    let (spare_store, _) = common::login(&dir, common::OWNER, common::OWNER_PASSWORD);

    let new = |name: &str, phone: &str| {
        customers::create(&store, &owner, &common::customer(name, phone)).unwrap()
    };
    let customer = new("王芳", "13800000001");
    let to_delete = new("李娜", "13800000002");
    let to_erase = new("张伟", "13800000003");
    let merge_a = new("刘洋", "13800000004");
    let merge_b = new("刘洋", "13800000005");
    let (merged_1, merged_2) = (new("陈静", "13800000006"), new("陈静", "13800000007"));
    let merge_id = customer_ops::merge(&store, &owner, merged_1, merged_2, &Default::default())
        .unwrap()
        .merge_id;
    let order = sales::create(
        &store,
        &owner,
        &common::tea_order(customer),
        &Redemption::default(),
    )
    .unwrap();
    let ticket = tickets::create(&store, &owner, &new_ticket(customer)).unwrap();
    let ticket_b = tickets::create(&store, &owner, &new_ticket(customer)).unwrap();
    let coupon = coupons::create(&store, &owner, &new_coupon(&store))
        .unwrap()
        .id;
    let grant = coupons::issue(&store, &owner, coupon, &[customer], None).unwrap()[0];
    let folder = |name: &str| {
        let p = files.join(name);
        std::fs::create_dir_all(&p).unwrap();
        p
    };
    let target = backup::add_target(&store, &owner, &folder("usb"), "usb")
        .unwrap()
        .id;
    let spare_target = backup::add_target(&store, &owner, &folder("usb2"), "usb2")
        .unwrap()
        .id;

    let sessions = BTreeMap::from([("owner", owner), ("manager", manager), ("rep", rep)]);
    Fixture {
        _tmp: tmp,
        dir,
        files,
        store,
        spare_store: RefCell::new(Some(spare_store)),
        sessions,
        customer,
        to_delete,
        to_erase,
        merge_a,
        merge_b,
        merge_id,
        order,
        ticket,
        ticket_b,
        coupon,
        grant,
        spare_user,
        target,
        spare_target,
    }
}

pub fn new_ticket(customer: i64) -> tickets::NewTicket {
    serde_json::from_value(serde_json::json!({
        "customerId": customer,
        "ticketType": "complaint",
        "channel": "phone",
        "subject": "茶叶罐压扁了",
    }))
    .unwrap()
}

pub fn new_coupon(store: &Store) -> coupons::NewCoupon {
    let now = store.now();
    serde_json::from_value(serde_json::json!({
        "name": "满100减10",
        "kind": "threshold",
        "thresholdFen": 10_000,
        "amountFen": 1_000,
        "validFrom": now - chrono::Duration::days(1),
        "validTo": now + chrono::Duration::days(30),
        "perCustomerLimit": 5,
    }))
    .unwrap()
}

// ---- reading the sources ----------------------------------------------------------------------

/// The repository root (this package's manifest folder).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// `(module, command)` for every command in the app's `generate_handler!` list, in order.
pub fn registered_commands() -> Vec<(String, String)> {
    let lib = read("src-tauri/src/lib.rs");
    let start = lib
        .find("generate_handler![")
        .expect("src-tauri/src/lib.rs has a generate_handler! list");
    let end = start + lib[start..].find(']').expect("the list ends");
    lib[start..end]
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands::"))
        .map(|l| {
            let (module, name) = l.trim_end_matches(',').split_once("::").unwrap();
            (module.to_string(), name.to_string())
        })
        .collect()
}

/// The text of `fn name` in `src` (from `fn` to its closing brace), if there is one.
pub fn fn_body<'a>(src: &'a str, name: &str) -> Option<&'a str> {
    let at = [format!("fn {name}("), format!("fn {name}<")]
        .iter()
        .filter_map(|p| src.find(p.as_str()))
        .min()?;
    let open = at + src[at..].find('{')?;
    let mut depth = 0usize;
    for (i, ch) in src[open..].char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&src[at..open + i + 1]);
                }
            }
            _ => {}
        }
    }
    None
}

/// One row of the table in docs/SECURITY.md ("Permissions by command").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub command: String,
    /// `owner`, `manager`, `rep`, `logged out`, `locked`: the cell as written.
    pub cells: BTreeMap<&'static str, String>,
}

pub const COLUMNS: [&str; 5] = ["owner", "manager", "rep", "logged out", "locked"];

pub fn security_table() -> Vec<Row> {
    let doc = read("docs/SECURITY.md");
    let start = doc
        .find("## Permissions by command")
        .expect("docs/SECURITY.md has a 'Permissions by command' section");
    let section = &doc[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |i| i + 3)];
    section
        .lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            assert!(cells.len() >= 6, "a row has a command and 5 columns: {l}");
            Row {
                command: cells[0].trim_matches('`').to_string(),
                cells: COLUMNS
                    .iter()
                    .zip(&cells[1..6])
                    .map(|(c, v)| (*c, v.to_string()))
                    .collect(),
            }
        })
        .collect()
}
