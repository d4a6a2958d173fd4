//! The permission matrix, proven (issue 18): every IPC command the app registers
//! (`generate_handler!` in src-tauri/src/lib.rs) × owner / manager / rep, logged out and locked,
//! against the table in docs/SECURITY.md ("Permissions by command").
//!
//! - A command that is registered but not in the table (or in the table but not registered, or
//!   without a probe) fails.
//! - Each probe names the core function its command calls, and the command's source must call
//!   it and take the session the way the table's last two columns say (`with_session` answers
//!   `not_logged_in` / `locked`: src-tauri/src/state.rs).
//! - The probe then calls that core function with a session of each role on a small store: a
//!   `no` in the table must come back `forbidden`, a `yes` must not. Every disagreement is
//!   listed, not just the first.

mod common;
mod permissions_support;

use laoke::Error;
use permissions_support::{
    fixture, fn_body, probes, read, registered_commands, security_table, ROLES,
};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn every_registered_command_has_one_table_row_and_one_probe() {
    let registered: Vec<String> = registered_commands().into_iter().map(|(_, c)| c).collect();
    assert!(
        registered.len() > 50,
        "the command list was found: {registered:?}"
    );
    let unique: BTreeSet<&String> = registered.iter().collect();
    assert_eq!(
        unique.len(),
        registered.len(),
        "a command is registered twice"
    );

    let table = security_table();
    let mut rows = BTreeMap::new();
    for row in &table {
        assert!(
            rows.insert(row.command.clone(), row).is_none(),
            "docs/SECURITY.md lists `{}` twice",
            row.command
        );
    }
    let probes: BTreeSet<String> = probes::all()
        .iter()
        .map(|p| p.command.to_string())
        .collect();
    let in_table: BTreeSet<String> = rows.keys().cloned().collect();
    let registered: BTreeSet<String> = registered.into_iter().collect();

    let missing_rows: Vec<_> = registered.difference(&in_table).collect();
    assert!(
        missing_rows.is_empty(),
        "commands without a row in docs/SECURITY.md (Permissions by command): {missing_rows:?}"
    );
    let stale_rows: Vec<_> = in_table.difference(&registered).collect();
    assert!(
        stale_rows.is_empty(),
        "rows for commands that are not registered: {stale_rows:?}"
    );
    let missing_probes: Vec<_> = registered.difference(&probes).collect();
    assert!(
        missing_probes.is_empty(),
        "commands without a probe in tests/permissions_support/probes.rs: {missing_probes:?}"
    );
    let stale_probes: Vec<_> = probes.difference(&registered).collect();
    assert!(
        stale_probes.is_empty(),
        "probes of commands that are not registered: {stale_probes:?}"
    );
}

#[test]
fn each_command_calls_the_core_function_of_its_probe_and_takes_the_session_as_the_table_says() {
    let modules: BTreeMap<String, String> = registered_commands()
        .into_iter()
        .map(|(m, c)| (c, m))
        .collect();
    let table: BTreeMap<String, _> = security_table()
        .into_iter()
        .map(|r| (r.command.clone(), r))
        .collect();
    let mut problems = Vec::new();
    for probe in probes::all() {
        let Some(module) = modules.get(probe.command) else {
            continue; // reported by the test above
        };
        let file = format!("src-tauri/src/commands/{module}.rs");
        let src = read(&file);
        let Some(body) = fn_body(&src, probe.command) else {
            problems.push(format!("{file} has no fn {}", probe.command));
            continue;
        };
        let mut bodies = vec![body.to_string()];
        for call in probe.calls {
            let (text, needle) = match call.split_once(" => ") {
                None => (body.to_string(), *call),
                Some((place, needle)) => {
                    let (other, name) = match place.split_once(':') {
                        Some((f, n)) => (read(&format!("src-tauri/src/commands/{f}")), n),
                        None => (src.clone(), place),
                    };
                    match fn_body(&other, name) {
                        Some(b) => (b.to_string(), needle),
                        None => {
                            problems.push(format!("{}: no fn {place}", probe.command));
                            continue;
                        }
                    }
                }
            };
            if !text.contains(needle) {
                problems.push(format!("{}: `{needle}` not found in {file}", probe.command));
            }
            bodies.push(text);
        }
        let gate = probe.gate.needles();
        if !gate.is_empty() && !bodies.iter().any(|b| gate.iter().any(|g| b.contains(g))) {
            problems.push(format!(
                "{}: takes no session the {:?} way (one of {gate:?})",
                probe.command, probe.gate
            ));
        }
        if probe.gate == probes::Gate::Open {
            let gates = probes::Gate::Session.needles();
            if gates.iter().any(|g| body.contains(g)) {
                problems.push(format!(
                    "{}: the probe says Open but it takes a session",
                    probe.command
                ));
            }
        }
        if let Some(row) = table.get(probe.command) {
            let (logged_out, locked) = probe.gate.expected();
            for (column, want) in [("logged out", logged_out), ("locked", locked)] {
                if row.cells[column] != want {
                    problems.push(format!(
                        "{}: the table says {column} = {}, the command is {want}",
                        probe.command, row.cells[column]
                    ));
                }
            }
            let open = probe.gate == probes::Gate::Open;
            for role in ROLES {
                let cell = &row.cells[role.as_str()];
                let fine = if open {
                    cell == "—"
                } else {
                    cell == "yes" || cell == "no"
                };
                if !fine {
                    problems.push(format!(
                        "{}: {} = `{cell}` (want {})",
                        probe.command,
                        role.as_str(),
                        if open {
                            "— (no session needed)"
                        } else {
                            "yes or no"
                        }
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn each_role_is_allowed_or_refused_in_the_core_exactly_as_the_table_says() {
    let f = fixture();
    let table: BTreeMap<String, _> = security_table()
        .into_iter()
        .map(|r| (r.command.clone(), r))
        .collect();
    let mut problems = Vec::new();
    let mut checked = 0;
    for probe in probes::all() {
        let (Some(run), Some(row)) = (probe.run, table.get(probe.command)) else {
            continue;
        };
        for role in ROLES {
            let want_allowed = row.cells[role.as_str()] == "yes";
            let result = run(&f, f.session(role));
            checked += 1;
            let refused = matches!(result, Err(Error::Forbidden(_)));
            if let Err(e @ (Error::Locked | Error::NotLoggedIn)) = &result {
                problems.push(format!(
                    "{} as {}: {}",
                    probe.command,
                    role.as_str(),
                    e.code()
                ));
            } else if want_allowed == refused {
                problems.push(format!(
                    "{} as {}: the table says {}, the core {}",
                    probe.command,
                    role.as_str(),
                    if want_allowed { "yes" } else { "no" },
                    match &result {
                        Ok(()) => "allowed it".to_string(),
                        Err(e) => format!("answered {} ({e})", e.code()),
                    }
                ));
            }
        }
    }
    assert!(checked > 250, "the matrix ran ({checked} calls)");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
