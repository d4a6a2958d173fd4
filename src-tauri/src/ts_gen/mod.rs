//! The TypeScript side of the IPC contract, generated: the argument and result types of every
//! command, the event payloads and the error codes are written by ts-rs into
//! `ui/src/lib/backend/generated/` (one file per type, `commands.ts` mapping each command to its
//! arguments and result, `errorCodes.ts`, `mergeFields.ts`, and an `index.ts`), so the UI's types cannot drift
//! from the Rust ones. Only with the `ts` feature (the app does not ship ts-rs):
//! `scripts/gen-ts.sh` runs the test [`generated_typescript`] and `scripts/gen-ts.sh --check`
//! (a step of `scripts/test-all.sh`) fails when the committed files are not what it writes.
//!
//! Each TypeScript name belongs to one Rust type: a second type taking a file already written
//! fails the generator (give one a `ts(rename)`), rather than overwriting it.
//!
//! Integers are `number` (money in fen, points and ids stay far below 2^53 and the JSON carries
//! numbers), times are RFC 3339 strings, `Option<T>` is `T | null`.

mod commands;

use std::{
    any::TypeId,
    cell::RefCell,
    collections::{BTreeSet, HashMap, HashSet},
    fmt::Write,
    path::{Path, PathBuf},
};
use ts_rs::{Config, TypeVisitor, TS};

use crate::commands::{backup::BackupStatus, backup_run};
use commands::Command;

/// The first line of every generated file.
pub const HEADER: &str =
    "// Generated from the Rust types by src-tauri/src/ts_gen (scripts/gen-ts.sh). Do not edit.\n";

thread_local! {
    /// Each file written so far and the Rust type it holds: two types with one TypeScript name
    /// would silently share a file, so that fails instead.
    static WRITTEN: RefCell<HashMap<PathBuf, (TypeId, &'static str)>> = RefCell::new(HashMap::new());
    /// Every type visited (a `Vec<JsonValue>` inside `JsonValue` must not loop).
    static SEEN: RefCell<HashSet<TypeId>> = RefCell::new(HashSet::new());
}

/// Writes `T` and every type it uses into the folder (a `Vec<T>` or `Option<T>` writes `T`).
/// Panics when another Rust type already took `T`'s file (give one a `ts(rename)`).
pub fn put<T: TS + 'static + ?Sized>(cfg: &Config) {
    if !SEEN.with(|s| s.borrow_mut().insert(TypeId::of::<T>())) {
        return;
    }
    if let Some(path) = T::output_path() {
        // `NewCoupon<NaiveDate>` and `NewCoupon<DateTime<Utc>>` are one generic declaration.
        type Bare<T> = <T as TS>::WithoutGenerics;
        let me = (TypeId::of::<Bare<T>>(), std::any::type_name::<Bare<T>>());
        let earlier = WRITTEN.with(|w| w.borrow_mut().insert(path.clone(), me));
        match earlier {
            Some((id, _)) if id == me.0 => return,
            Some((_, other)) => panic!("{} and {other} both write {}", me.1, path.display()),
            None => T::export(cfg).unwrap_or_else(|e| panic!("exporting {}: {e}", T::name(cfg))),
        }
    }
    T::visit_dependencies(&mut Put(cfg));
    T::visit_generics(&mut Put(cfg));
}

struct Put<'a>(&'a Config);
impl TypeVisitor for Put<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        put::<T>(self.0);
    }
}

/// The generated types `T`'s name mentions (`Array<Coupon>` → `Coupon`), for imports.
pub fn names<T: TS + 'static + ?Sized>(cfg: &Config) -> Vec<String> {
    let mut known = vec![];
    let mut visit = Names(cfg, &mut known);
    T::visit_dependencies(&mut visit);
    T::visit_generics(&mut visit);
    if T::output_path().is_some() {
        known.push(T::ident(cfg));
    }
    let name = T::name(cfg);
    let words: BTreeSet<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .collect();
    known.retain(|k| words.contains(k.as_str()));
    known
}

struct Names<'a>(&'a Config, &'a mut Vec<String>);
impl TypeVisitor for Names<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        if T::output_path().is_some() {
            self.1.push(T::ident(self.0));
        }
    }
}

/// Types the UI receives outside a command's result: the events, and the backup status
/// parts the settings page names; and `CustomerQuery`, which the list commands now take inside
/// `CustomerFilter` (flattened) but the UI still names.
fn events(cfg: &Config) {
    put::<laoke::customers::CustomerQuery>(cfg);
    put::<backup_run::ProgressEvent>(cfg);
    put::<backup_run::FinishedEvent>(cfg);
    put::<laoke::import::Progress>(cfg);
    put::<BackupStatus>(cfg);
}

/// The error codes (`{code, message}`'s `code`), from `laoke::Error::CODES`.
fn error_codes() -> String {
    let mut out = String::from(HEADER);
    out.push_str("\n/** Every `code` a command's error can carry (laoke::Error::code). */\n");
    out.push_str("export const ERROR_CODES = [\n");
    for code in laoke::Error::CODES {
        writeln!(out, "  \"{code}\",").expect("writing to a String");
    }
    out.push_str("] as const;\n\nexport type ErrorCode = (typeof ERROR_CODES)[number];\n");
    out
}

/// `mergeFields.ts`: the fields a customer merge chooses between, in display order
/// (`laoke::customers::merge::MERGE_FIELDS`; `MergePreview.differing` holds these names).
fn merge_fields() -> String {
    let mut out = String::from(HEADER);
    out.push_str("\n/** The fields a customer merge chooses between, in display order. */\n");
    out.push_str("export const MERGE_FIELDS = [\n");
    for (field, _column) in laoke::customers::merge::MERGE_FIELDS {
        writeln!(out, "  \"{field}\",").expect("writing to a String");
    }
    out.push_str("] as const;\n\nexport type MergeField = (typeof MERGE_FIELDS)[number];\n");
    out
}

/// `commands.ts`: each command's arguments (camelCase, as Tauri passes them) and result.
fn commands_file(cfg: &Config, table: &[Command]) -> String {
    let mut used = BTreeSet::new();
    let mut body = String::new();
    body.push_str(
        "/** Every IPC command: its arguments (as `invoke` takes them) and its result. */\n",
    );
    body.push_str("export interface Commands {\n");
    for c in table {
        let args: Vec<String> = c
            .args
            .iter()
            .map(|a| {
                format!(
                    "{}{}: {}",
                    camel(a.name),
                    if a.optional { "?" } else { "" },
                    a.ts
                )
            })
            .collect();
        let args = if args.is_empty() {
            "Record<string, never>".to_string()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        writeln!(
            body,
            "  {}: {{ args: {args}; result: {} }};",
            c.name, c.result.ts
        )
        .expect("writing to a String");
        for n in c
            .args
            .iter()
            .chain([&c.result])
            .flat_map(|a| a.names.iter())
        {
            used.insert(n.clone());
        }
    }
    body.push_str("}\n\nexport type CommandName = keyof Commands;\n");
    let _ = cfg;
    let mut out = String::from(HEADER);
    out.push('\n');
    for n in &used {
        writeln!(out, "import type {{ {n} }} from \"./{n}\";").expect("writing to a String");
    }
    out.push('\n');
    out.push_str(&body);
    out
}

/// `some_name` → `someName` (Tauri's default for command arguments).
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for ch in snake.chars() {
        if ch == '_' {
            up = true;
        } else if up {
            out.extend(ch.to_uppercase());
            up = false;
        } else {
            out.push(ch);
        }
    }
    out
}

/// `index.ts`: every generated type by name.
fn index(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder was just written")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".ts")?.to_string();
            (!["index", "errorCodes", "commands", "mergeFields"].contains(&stem.as_str()))
                .then_some(stem)
        })
        .collect();
    names.sort();
    let mut out = String::from(HEADER);
    out.push('\n');
    for n in names {
        writeln!(out, "export type {{ {n} }} from \"./{n}\";").expect("writing to a String");
    }
    out.push_str("export type { CommandName, Commands } from \"./commands\";\n");
    out.push_str("export { ERROR_CODES, type ErrorCode } from \"./errorCodes\";\n");
    out.push_str("export { MERGE_FIELDS, type MergeField } from \"./mergeFields\";\n");
    out
}

/// Puts our header line on every type file, in place of the first line ts-rs writes.
fn stamp(dir: &Path) {
    for e in std::fs::read_dir(dir).expect("the folder was just written") {
        let path = e.expect("a folder entry").path();
        if path.is_dir() {
            stamp(&path);
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("a generated file");
        if !text.starts_with(HEADER) {
            let rest = text.split_once('\n').map_or("", |(_, r)| r);
            std::fs::write(&path, format!("{HEADER}{rest}")).expect("rewriting a file");
        }
    }
}

/// Regenerates `ui/src/lib/backend/generated/` (run by `scripts/gen-ts.sh`), or the folder
/// named by `LAOKE_TS_OUT` (`scripts/gen-ts.sh --check` writes to a temporary folder).
#[test]
fn generated_typescript() {
    let dir = match std::env::var_os("LAOKE_TS_OUT") {
        Some(d) => std::path::PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/backend/generated"),
    };
    if dir.exists() {
        std::fs::remove_dir_all(&dir).expect("clearing the old files");
    }
    std::fs::create_dir_all(&dir).expect("creating the folder");
    let cfg = Config::new().with_large_int("number").with_out_dir(&dir);
    let table = commands::table(&cfg);
    events(&cfg);
    stamp(&dir);
    std::fs::write(dir.join("commands.ts"), commands_file(&cfg, &table)).expect("commands.ts");
    std::fs::write(dir.join("errorCodes.ts"), error_codes()).expect("writing errorCodes.ts");
    std::fs::write(dir.join("mergeFields.ts"), merge_fields()).expect("writing mergeFields.ts");
    std::fs::write(dir.join("index.ts"), index(&dir)).expect("writing index.ts");
}

/// Two Rust types with one TypeScript name fail instead of sharing a file.
#[test]
#[should_panic(expected = "both write")]
fn one_name_one_type() {
    #[derive(ts_rs::TS)]
    #[ts(rename = "SameName")]
    struct A {
        _a: i32,
    }
    #[derive(ts_rs::TS)]
    #[ts(rename = "SameName")]
    struct B {
        _b: String,
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cfg = Config::new().with_out_dir(dir.path());
    put::<A>(&cfg);
    put::<B>(&cfg);
}
