//! The intended layers of the core library, lowest first: checked by `tests/layering.rs` (no
//! module uses a higher layer, no cycles) and written out as the module map
//! `docs/CORE_API.md` by `tests/module_map.rs`. One list, so the check and the map agree.

/// The intended stack, lowest first. A module may use modules of its own layer (as long as no
/// cycle forms) and of any lower layer, never a higher one. Every top-level module of `src/`
/// must be listed (a new module has to be placed deliberately); a listed module that does not
/// exist (yet) is ignored.
pub const LAYERS: &[(&str, &[&str])] = &[
    (
        "ground floor: shared rules with no domain knowledge",
        &[
            "error", "i18n", "clock", "time", "money", "phone", "table", "holidays", "paths",
            "crypto", "db", "prefs",
        ],
    ),
    (
        "store: the open encrypted database and its audit chain",
        &["store", "audit"],
    ),
    ("auth: sessions, roles, logging in", &["auth"]),
    (
        "shop: its users, settings and setup",
        &["users", "settings", "setup"],
    ),
    ("index: the global search index", &["search"]),
    (
        "records: customers and their orders",
        &["customers", "orders"],
    ),
    (
        "programmes: points and service tickets",
        &["loyalty", "tickets"],
    ),
    (
        "use-cases across programmes: a sale (with its points), the daily care list, a customer's \
         merge / erasure / purge (with their points and tickets)",
        &["sales", "care", "customer_ops"],
    ),
    (
        "insight: analytics, saved segments and reports",
        &["insight", "models", "segments", "reports"],
    ),
    (
        "edges: data in and out, whole-store tools, jobs, benchmarks",
        &[
            "import", "export", "backup", "datadir", "demo", "verify", "info", "jobs", "bench",
        ],
    ),
];
