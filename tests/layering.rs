//! The module graph of the core library stacks: no cycles between its top-level modules, and
//! every dependency points down (or sideways inside one layer) in the intended stack below.
//!
//! Why a test: issue 11 asks that the domain folders form layers — a ground floor of small
//! shared rules, then the domain records, then the use-cases, then the reports and the exports —
//! so that a new capability can be placed without pulling half the crate into a loop. A
//! reviewer's eye misses a single `use crate::loyalty` in `orders/`; this test does not.
//!
//! How: it reads every `src/**/*.rs` of the library (not `src/bin/`, the CLI is a front end
//! on top of everything), tokenizes it (comments, strings and char literals dropped), finds
//! every path starting with `crate::` or `super::` (also inside `use` groups such as
//! `use crate::{orders::X, store::Y}`), resolves it to the top-level module it names (a folder
//! such as `orders/` or a root file such as `store.rs`) and adds an edge from the file's own
//! top-level module. Code under `#[cfg(test)]` is skipped: unit tests may build fixtures with
//! higher layers. Intra-doc links live in comments and are not dependencies.
//!
//! `cargo test --test layering -- --nocapture` prints the graph (module → what it uses) and the
//! layers; on failure it prints each cycle or upward edge with the file and line that makes it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod layers;
use layers::LAYERS;

/// Edges that break the stack today and are being removed; each says by what. The test fails
/// when one of them is gone, so this list only shrinks. They are left out of the cycle check.
const KNOWN_UPWARD: &[(&str, &str, &str)] = &[];

/// Per-folder benchmark harnesses (`orders/bench.rs`, …) drive whole stores and belong to
/// `src/bench/` (issue 11); until they move they count as the `bench` module.
const BENCH_FILE: &str = "bench.rs";

/// Names used as `crate::Name` that lib.rs re-exports from a module.
const LIB_REEXPORTS: &[(&str, &str)] = &[("Error", "error"), ("Result", "error")];

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    PathSep,
    Punct(char),
}

/// Tokens with their 1-based line numbers; comments and literals are dropped.
fn tokenize(src: &str) -> Vec<(Tok, usize)> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    let n = b.len();
    let count_nl = |s: &[char]| s.iter().filter(|c| **c == '\n').count();
    while i < n {
        let c = b[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && i + 1 < n && b[i + 1] == '/' {
            while i < n && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && i + 1 < n && b[i + 1] == '*' {
            let start = i;
            let mut depth = 0;
            while i < n {
                if b[i] == '/' && i + 1 < n && b[i + 1] == '*' {
                    depth += 1;
                    i += 2;
                } else if b[i] == '*' && i + 1 < n && b[i + 1] == '/' {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            line += count_nl(&b[start..i.min(n)]);
        } else if c == '"' {
            let start = i;
            i += 1;
            while i < n && b[i] != '"' {
                if b[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            line += count_nl(&b[start..i.min(n)]);
        } else if (c == 'r' || c == 'b') && raw_string_start(&b, i).is_some() {
            let (hashes, body) = raw_string_start(&b, i).unwrap();
            let start = i;
            i = body;
            loop {
                if i >= n {
                    break;
                }
                if b[i] == '"' && (0..hashes).all(|k| i + 1 + k < n && b[i + 1 + k] == '#') {
                    i += 1 + hashes;
                    break;
                }
                i += 1;
            }
            line += count_nl(&b[start..i.min(n)]);
        } else if c == 'b' && i + 1 < n && (b[i + 1] == '"' || b[i + 1] == '\'') {
            // byte string / byte char: drop the prefix, the literal is handled next round
            i += 1;
        } else if c == '\'' {
            if i + 1 < n && b[i + 1] == '\\' {
                i += 2;
                while i < n && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if i + 2 < n && b[i + 2] == '\'' {
                i += 3;
            } else {
                // a lifetime or label: skip the quote and its name
                i += 1;
                while i < n && (b[i].is_alphanumeric() || b[i] == '_') {
                    i += 1;
                }
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            if c == 'r' && i + 2 < n && b[i + 1] == '#' && (b[i + 2].is_alphabetic()) {
                i += 2;
            }
            let id_start = i;
            while i < n && (b[i].is_alphanumeric() || b[i] == '_') {
                i += 1;
            }
            let _ = start;
            out.push((Tok::Ident(b[id_start..i].iter().collect()), line));
        } else if c.is_ascii_digit() {
            while i < n && (b[i].is_alphanumeric() || b[i] == '_' || b[i] == '.') {
                // stop at a range `0..n` or a method call on a literal
                if b[i] == '.' && i + 1 < n && !b[i + 1].is_ascii_digit() {
                    break;
                }
                i += 1;
            }
        } else if c == ':' && i + 1 < n && b[i + 1] == ':' {
            out.push((Tok::PathSep, line));
            i += 2;
        } else {
            out.push((Tok::Punct(c), line));
            i += 1;
        }
    }
    out
}

/// `r"`, `r#"`, `br"`, `br#"`… at `i`: (number of hashes, index of the first body char).
fn raw_string_start(b: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if b[j] == 'b' {
        j += 1;
    }
    if j >= b.len() || b[j] != 'r' {
        return None;
    }
    // an identifier ending in r (e.g. `for"`) is not a raw string
    if i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while j < b.len() && b[j] == '#' {
        hashes += 1;
        j += 1;
    }
    if j < b.len() && b[j] == '"' {
        Some((hashes, j + 1))
    } else {
        None
    }
}

/// One use of another top-level module: where it is and what path it names.
#[derive(Debug, Clone)]
struct Use {
    file: String,
    line: usize,
    path: String,
}

/// The first segments named by the path tree starting at `toks[i]` (after `crate::` or
/// `super::`): `a::b` → [a]; `{a::b, c, self}` → [a, c]. Returns them with the index after.
fn first_segments(toks: &[(Tok, usize)], mut i: usize) -> (Vec<String>, usize) {
    match toks.get(i) {
        Some((Tok::Ident(s), _)) => (vec![s.clone()], i + 1),
        Some((Tok::Punct('{'), _)) => {
            let mut out = Vec::new();
            let mut depth = 0;
            let mut at_item_start = true;
            while i < toks.len() {
                match &toks[i].0 {
                    Tok::Punct('{') => {
                        depth += 1;
                        at_item_start = depth == 1;
                    }
                    Tok::Punct('}') => {
                        depth -= 1;
                        if depth == 0 {
                            return (out, i + 1);
                        }
                    }
                    Tok::Punct(',') if depth == 1 => at_item_start = true,
                    Tok::Ident(s) if at_item_start && depth == 1 => {
                        if s != "self" {
                            out.push(s.clone());
                        }
                        at_item_start = false;
                    }
                    _ => at_item_start = false,
                }
                i += 1;
            }
            (out, i)
        }
        _ => (Vec::new(), i),
    }
}

/// The module path of a file under `src/`: `orders/manage.rs` → [orders, manage].
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().unwrap();
    let stem = last.trim_end_matches(".rs").to_string();
    if stem != "mod" && stem != "lib" {
        parts.push(stem);
    }
    parts
}

/// The top-level module a file counts for: its first path segment, or `bench` for a
/// per-folder benchmark harness; `None` for lib.rs.
fn owner(rel: &Path) -> Option<String> {
    if rel.file_name().is_some_and(|n| n == BENCH_FILE) && rel.parent() != Some(Path::new("")) {
        return Some("bench".into());
    }
    module_path(rel).first().cloned()
}

/// Every (target top-level module, use) in one file, test code skipped.
fn uses_in_file(rel: &Path, text: &str, tops: &BTreeSet<String>) -> Vec<(String, Use)> {
    uses_in_file_with_inner(rel, text, tops, &mut Vec::new())
}

/// [`uses_in_file`], and into `inner` every (module of the own folder, use) it names.
fn uses_in_file_with_inner(
    rel: &Path,
    text: &str,
    tops: &BTreeSet<String>,
    inner: &mut Vec<(String, Use)>,
) -> Vec<(String, Use)> {
    let toks = tokenize(text);
    let file_mod = module_path(rel);
    let mut out = Vec::new();
    // inline `mod x { … }` nesting: (name, brace depth at which it closes)
    let mut inline: Vec<(String, i32)> = Vec::new();
    let mut depth = 0i32;
    let mut i = 0;
    while i < toks.len() {
        let (tok, line) = &toks[i];
        match tok {
            Tok::Punct('#') if is_cfg_test(&toks, i) => {
                i = skip_item(&toks, skip_attr(&toks, i));
                continue;
            }
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(m) if m == "mod" => {
                if let (Some((Tok::Ident(name), _)), Some((Tok::Punct('{'), _))) =
                    (toks.get(i + 1), toks.get(i + 2))
                {
                    inline.push((name.clone(), depth));
                }
            }
            Tok::Ident(k) if (k == "crate" || k == "super") => {
                let prev_is_sep = i > 0 && toks[i - 1].0 == Tok::PathSep;
                if prev_is_sep || toks.get(i + 1).map(|t| &t.0) != Some(&Tok::PathSep) {
                    i += 1;
                    continue;
                }
                let mut base: Vec<String> = file_mod.clone();
                base.extend(inline.iter().map(|(n, _)| n.clone()));
                let mut j = i;
                if k == "crate" {
                    base.clear();
                    j += 2;
                } else {
                    while matches!(toks.get(j), Some((Tok::Ident(s), _)) if s == "super")
                        && toks.get(j + 1).map(|t| &t.0) == Some(&Tok::PathSep)
                    {
                        base.pop();
                        j += 2;
                    }
                }
                let (segs, next) = first_segments(&toks, j);
                let own = owner(rel).unwrap_or_default();
                for seg in &segs {
                    let top = match base.first() {
                        Some(b) => b.clone(),
                        None => resolve_root_name(seg, tops, rel, *line),
                    };
                    let mut path = base.join("::");
                    if !path.is_empty() {
                        path.push_str("::");
                    }
                    path.push_str(seg);
                    let at = Use {
                        file: format!("src/{}", rel.display()),
                        line: *line,
                        path,
                    };
                    if top != own {
                        out.push((top, at));
                        continue;
                    }
                    // inside the own folder: which sibling does it name?
                    let subs = match base.len() {
                        0 if segs.len() == 1
                            && toks.get(next).map(|t| &t.0) == Some(&Tok::PathSep) =>
                        {
                            first_segments(&toks, next + 1).0
                        }
                        1 => vec![seg.clone()],
                        n if n >= 2 => vec![base[1].clone()],
                        _ => Vec::new(),
                    };
                    for sub in subs {
                        inner.push((sub, at.clone()));
                    }
                }
                i = next.max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn resolve_root_name(seg: &str, tops: &BTreeSet<String>, rel: &Path, line: usize) -> String {
    if tops.contains(seg) {
        return seg.to_string();
    }
    if let Some((_, m)) = LIB_REEXPORTS.iter().find(|(n, _)| *n == seg) {
        return m.to_string();
    }
    panic!(
        "src/{}:{line}: `crate::{seg}` names neither a top-level module nor a lib.rs \
         re-export listed in LIB_REEXPORTS",
        rel.display()
    );
}

/// `#[cfg(test)]` starting at `toks[i]`.
fn is_cfg_test(toks: &[(Tok, usize)], i: usize) -> bool {
    let want = [
        Tok::Punct('#'),
        Tok::Punct('['),
        Tok::Ident("cfg".into()),
        Tok::Punct('('),
        Tok::Ident("test".into()),
        Tok::Punct(')'),
        Tok::Punct(']'),
    ];
    toks.len() >= i + want.len() && toks[i..i + want.len()].iter().map(|t| &t.0).eq(want.iter())
}

/// Index after the attribute `#[…]` starting at `i`.
fn skip_attr(toks: &[(Tok, usize)], mut i: usize) -> usize {
    i += 1; // '#'
    let mut depth = 0;
    while i < toks.len() {
        match toks[i].0 {
            Tok::Punct('[') => depth += 1,
            Tok::Punct(']') => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    i
}

/// Index after the item starting at `i` (its further attributes, then up to a `;` at depth 0
/// or the end of its first top-level `{ … }` block).
fn skip_item(toks: &[(Tok, usize)], mut i: usize) -> usize {
    while toks.get(i).map(|t| &t.0) == Some(&Tok::Punct('#')) {
        i = skip_attr(toks, i);
    }
    let mut depth = 0;
    while i < toks.len() {
        match toks[i].0 {
            Tok::Punct('{') | Tok::Punct('(') | Tok::Punct('[') => depth += 1,
            Tok::Punct('}') | Tok::Punct(')') | Tok::Punct(']') => {
                depth -= 1;
                if depth == 0 && toks[i].0 == Tok::Punct('}') {
                    return i + 1;
                }
            }
            Tok::Punct(';') if depth == 0 => return i + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

type Graph = BTreeMap<String, BTreeMap<String, Vec<Use>>>;

/// Per folder, the graph between its direct modules (files and subfolders; `mod.rs` left out:
/// it declares and re-exports them). A `super::Item` re-exported by `mod.rs` names no sibling
/// and is not counted.
fn build_folder_graphs() -> BTreeMap<String, Graph> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")));
    files.sort();
    let tops: BTreeSet<String> = files
        .iter()
        .filter_map(|f| owner(f.strip_prefix(&src).unwrap()))
        .collect();
    let mut out: BTreeMap<String, Graph> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let m = module_path(rel);
        if m.len() < 2 || owner(rel).as_deref() != Some(m[0].as_str()) {
            continue; // root files, mod.rs of a folder, bench harnesses
        }
        let folder = src.join(&m[0]);
        let children: BTreeSet<String> = std::fs::read_dir(&folder)
            .unwrap()
            .filter_map(|e| {
                let p = e.unwrap().path();
                let name = p.file_stem()?.to_string_lossy().into_owned();
                (p.is_dir() || p.extension().is_some_and(|x| x == "rs")).then_some(name)
            })
            .filter(|n| n != "mod")
            .collect();
        let text = std::fs::read_to_string(f).unwrap();
        let mut inner = Vec::new();
        uses_in_file_with_inner(rel, &text, &tops, &mut inner);
        let g = out.entry(m[0].clone()).or_default();
        g.entry(m[1].clone()).or_default();
        for (sub, u) in inner {
            if sub != m[1] && children.contains(&sub) {
                g.entry(m[1].clone())
                    .or_default()
                    .entry(sub.clone())
                    .or_default()
                    .push(u);
                g.entry(sub).or_default();
            }
        }
    }
    out
}

/// The graph between the library's top-level modules, with the uses behind each edge.
fn build_graph() -> (BTreeSet<String>, Graph) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.retain(|f| !f.starts_with(src.join("bin")));
    files.sort();
    let tops: BTreeSet<String> = files
        .iter()
        .filter_map(|f| owner(f.strip_prefix(&src).unwrap()))
        .collect();
    let mut graph: Graph = tops.iter().map(|t| (t.clone(), BTreeMap::new())).collect();
    for f in &files {
        let rel = f.strip_prefix(&src).unwrap();
        let Some(own) = owner(rel) else {
            continue; // lib.rs: declares the modules, uses none
        };
        let text = std::fs::read_to_string(f).unwrap();
        for (to, u) in uses_in_file(rel, &text, &tops) {
            graph.get_mut(&own).unwrap().entry(to).or_default().push(u);
        }
    }
    (tops, graph)
}

/// Strongly connected components with more than one module (Tarjan).
fn cycles(graph: &Graph) -> Vec<Vec<String>> {
    struct St<'a> {
        g: &'a Graph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on: BTreeSet<&'a str>,
        next: usize,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut St<'a>, v: &'a str) {
        s.index.insert(v, s.next);
        s.low.insert(v, s.next);
        s.next += 1;
        s.stack.push(v);
        s.on.insert(v);
        for w in s.g[v].keys() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut comp = Vec::new();
            loop {
                let w = s.stack.pop().unwrap();
                s.on.remove(w);
                comp.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                s.out.push(comp);
            }
        }
    }
    let mut s = St {
        g: graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.out
}

/// One shortest cycle through `start` inside the component `comp` (BFS back to `start`).
fn one_cycle(graph: &Graph, comp: &[String], start: &str) -> Vec<String> {
    let inside: BTreeSet<&str> = comp.iter().map(|s| s.as_str()).collect();
    let mut prev: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in graph[v].keys().map(|w| w.as_str()) {
            if !inside.contains(w) {
                continue;
            }
            if w == start {
                let mut path = vec![start.to_string()];
                let mut cur = v;
                while cur != start {
                    path.push(cur.to_string());
                    cur = prev[cur];
                }
                path.push(start.to_string());
                let last = path.len() - 1;
                path[1..last].reverse();
                return path;
            }
            if !prev.contains_key(w) && w != start {
                prev.insert(w, v);
                queue.push_back(w);
            }
        }
    }
    vec![start.to_string()]
}

fn evidence(uses: &[Use]) -> String {
    let mut shown: Vec<String> = uses
        .iter()
        .map(|u| format!("{}:{} ({})", u.file, u.line, u.path))
        .collect();
    shown.dedup();
    let more = shown.len().saturating_sub(3);
    shown.truncate(3);
    let mut s = shown.join(", ");
    if more > 0 {
        s.push_str(&format!(" … and {more} more"));
    }
    s
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, ms)| ms.contains(&module))
}

fn print_graph(tops: &BTreeSet<String>, graph: &Graph) {
    println!("module graph of src/ (module → the top-level modules it uses), by layer:");
    for (li, (name, members)) in LAYERS.iter().enumerate() {
        println!("\n[{li}] {name}");
        for m in members.iter().filter(|m| tops.contains(**m)) {
            let deps: Vec<&str> = graph[*m].keys().map(|s| s.as_str()).collect();
            println!("  {m:<10} → {}", deps.join(", "));
        }
    }
    println!();
}

#[test]
fn module_graph_stacks() {
    let (tops, mut graph) = build_graph();
    print_graph(&tops, &graph);
    let mut problems = Vec::new();

    for t in &tops {
        if layer_of(t).is_none() {
            problems.push(format!(
                "src/{t}: not placed in LAYERS (tests/layering.rs); put it in the layer it belongs to"
            ));
        }
    }
    if !KNOWN_UPWARD.is_empty() {
        println!("known upward edges, being removed (left out of the checks):");
    }
    for (from, to, why) in KNOWN_UPWARD {
        match graph.get_mut(*from).and_then(|d| d.remove(*to)) {
            Some(uses) => println!("  {from} → {to}: {why}\n      {}", evidence(&uses)),
            None => problems.push(format!(
                "{from} → {to} is gone: remove it from KNOWN_UPWARD in tests/layering.rs"
            )),
        }
    }
    for comp in cycles(&graph) {
        let cyc = one_cycle(&graph, &comp, &comp[0]);
        let mut msg = format!("cycle between {{{}}}: {}", comp.join(", "), cyc.join(" → "));
        for w in cyc.windows(2) {
            msg.push_str(&format!(
                "\n    {} → {}: {}",
                w[0],
                w[1],
                evidence(&graph[&w[0]][&w[1]])
            ));
        }
        problems.push(msg);
    }
    for (from, deps) in &graph {
        for (to, uses) in deps {
            if let (Some(lf), Some(lt)) = (layer_of(from), layer_of(to)) {
                if lt > lf {
                    problems.push(format!(
                        "upward: {from} (layer {lf}) uses {to} (layer {lt}): {}",
                        evidence(uses)
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the module graph does not stack ({} problems):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Cycles between the files of one folder that are being removed, with what removes them.
const KNOWN_FOLDER_CYCLES: &[(&str, &str)] = &[];

#[test]
fn folders_have_no_inner_cycles() {
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for (folder, graph) in build_folder_graphs() {
        for comp in cycles(&graph) {
            let cyc = one_cycle(&graph, &comp, &comp[0]);
            let mut msg = format!("{folder}/: cycle {}", cyc.join(" → "));
            for w in cyc.windows(2) {
                msg.push_str(&format!(
                    "\n    {} → {}: {}",
                    w[0],
                    w[1],
                    evidence(&graph[&w[0]][&w[1]])
                ));
            }
            match KNOWN_FOLDER_CYCLES.iter().find(|(f, _)| *f == folder) {
                Some((_, why)) => {
                    println!("known, being removed ({why}): {msg}");
                    seen.push(folder.clone());
                }
                None => problems.push(msg),
            }
        }
    }
    for (f, _) in KNOWN_FOLDER_CYCLES {
        if !seen.iter().any(|s| s == f) {
            problems.push(format!(
                "{f}/ has no cycle any more: remove it from KNOWN_FOLDER_CYCLES"
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "files inside a folder use each other in a loop ({} cycles):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_scanner_reads_grouped_and_relative_paths() {
    let tops: BTreeSet<String> = ["orders", "store", "loyalty", "money", "error", "customers"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let text = r##"
        //! docs naming crate::loyalty do not count
        use crate::{money::fmt, store::{Store, ts}, Error};
        use super::super::customers::X;
        fn f() { let s = "crate::loyalty"; let r = r#"crate::loyalty"#; let c = '"'; }
        fn g<'a>(x: &'a str) -> crate::Result<()> { super::stats::refresh(); Ok(()) }
        #[cfg(test)]
        mod tests { use crate::loyalty::earn; }
        mod inner { fn h() { super::super::super::money::parse(); super::super::stats::x(); } }
    "##;
    let got: Vec<String> = uses_in_file(Path::new("orders/manage.rs"), text, &tops)
        .into_iter()
        .map(|(t, u)| format!("{t}:{}", u.path))
        .collect();
    assert_eq!(
        got,
        [
            "money:money",
            "store:store",
            "error:Error",
            "customers:customers",
            "error:Result",
            "money:money",
        ]
    );
}
