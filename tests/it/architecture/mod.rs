//! The architecture's invariants (ARCHITECTURE.md, "Invariants"), checked on
//! the source tree itself so that the document cannot drift from the code:
//! the engine is pure and stands alone, no two files import each other, only
//! the command line reaches the ui, functions and files stay short, and the
//! module map in ARCHITECTURE.md is the import graph.

mod graph;
mod source;

use std::collections::BTreeSet;
use std::sync::OnceLock;

use graph::Crate;

fn krate() -> &'static Crate {
    static CRATE: OnceLock<Crate> = OnceLock::new();
    CRATE.get_or_init(|| Crate::new(source::files()))
}

/// The crates a path may start with: the standard library and our dependencies.
fn external_crates() -> BTreeSet<String> {
    let toml = std::fs::read_to_string(source::root().join("Cargo.toml")).unwrap();
    let deps = toml.split("[dependencies]").nth(1).unwrap();
    let deps = deps.split("\n[").next().unwrap();
    let names = deps
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            l.split_once('=')
                .map(|(name, _)| name.trim().replace('-', "_"))
        });
    names
        .chain(["std", "core", "alloc"].map(String::from))
        .collect()
}

fn in_engine(path: &str) -> bool {
    path.starts_with("src/engine/")
}

/// The crates the engine may use, each for a reason that keeps it pure:
/// the standard library (less what `ENGINE_NEVER` lists), serde's derives (data
/// only), `libm` (the same float bits on every machine), the pinned generator
/// (`rand_pcg`, `rand_core`) and `thiserror`'s derive for the typed errors.
const ENGINE_MAY_USE: &[&str] = &[
    "std",
    "core",
    "alloc",
    "serde",
    "libm",
    "rand_pcg",
    "rand_core",
    "thiserror",
];

#[test]
fn the_engine_imports_nothing_outside_the_engine() {
    let c = krate();
    let external = external_crates();
    let mut wrong = Vec::new();
    for (i, f) in c
        .files
        .iter()
        .enumerate()
        .filter(|(_, f)| in_engine(&f.path))
    {
        for w in &c.written[i] {
            let shown = w.path.join("::");
            match c.resolve(&w.from, &w.path, 0) {
                Some(to) if !in_engine(&c.files[to].path) => wrong.push(format!(
                    "{}:{} uses `{shown}` ({})",
                    f.path, w.line, c.files[to].path
                )),
                None if external.contains(&w.path[0])
                    && !ENGINE_MAY_USE.contains(&w.path[0].as_str()) =>
                {
                    wrong.push(format!("{}:{} uses the crate `{shown}`", f.path, w.line));
                }
                _ => {}
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the engine imports nothing outside src/engine/ (it is a pure function of \
         scenario, seed and decisions, and everything else is built on it):\n{}",
        wrong.join("\n")
    );
}

/// What the engine never names, and why: each would make the same scenario,
/// seed and decisions give different bits in another process, on another
/// machine or at another time.
const ENGINE_NEVER: &[(&str, &str)] = &[
    (
        "HashMap",
        "its iteration order changes from process to process",
    ),
    (
        "HashSet",
        "its iteration order changes from process to process",
    ),
    ("RandomState", "its hashes change from process to process"),
    (
        "DefaultHasher",
        "its hashes may change between Rust releases",
    ),
    ("Instant", "a clock"),
    ("SystemTime", "a clock"),
    ("UNIX_EPOCH", "a clock"),
    ("thread_rng", "randomness comes only from SimRng"),
    ("StdRng", "randomness comes only from SimRng"),
    ("OsRng", "randomness comes only from SimRng"),
];

/// Standard-library modules the engine never uses: I/O, the clock, the
/// environment, threads.
const STD_NEVER: &[&str] = &["fs", "io", "env", "net", "process", "thread", "time"];

/// Macros that do I/O.
const MACROS_NEVER: &[&str] = &["println", "print", "eprintln", "eprint", "dbg"];

/// The standard library's float functions whose results Rust does not
/// guarantee bit for bit (they call the platform's maths library or an LLVM
/// intrinsic): the engine uses `libm` instead. `sqrt`, `abs`, `floor`, `ceil`,
/// `round`, `trunc`, `min`, `max`, `clamp` and `mul_add` are exact (IEEE 754
/// requires them correctly rounded, and Rust documents them so), so they are
/// allowed, though the engine writes `libm::sqrt` today.
const FLOAT_NEVER: &[&str] = &[
    "exp", "exp2", "exp_m1", "ln", "ln_1p", "log", "log2", "log10", "powf", "powi", "cbrt",
    "hypot", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh",
    "acosh", "atanh", "sin_cos",
];

/// Why `toks[i]` breaks the engine's purity, if it does.
fn impurity(toks: &[source::Tok], i: usize) -> Option<String> {
    let t = &toks[i];
    let prev = |k: usize| i.checked_sub(k).map(|j| toks[j].text.as_str());
    let next = toks.get(i + 1).map(|n| n.text.as_str());
    if let Some((_, why)) = ENGINE_NEVER.iter().find(|(name, _)| t.is(name)) {
        return Some(format!("`{}`: {why}", t.text));
    }
    if STD_NEVER.contains(&t.text.as_str()) && prev(1) == Some("::") {
        if let Some(root @ ("std" | "core")) = prev(2) {
            return Some(format!("`{root}::{}`: I/O, a clock or threads", t.text));
        }
    }
    if MACROS_NEVER.contains(&t.text.as_str()) && next == Some("!") {
        return Some(format!("`{}!`: I/O", t.text));
    }
    let float_call = prev(1) == Some(".") && next == Some("(");
    let float_path = prev(1) == Some("::") && matches!(prev(2), Some("f64" | "f32"));
    if FLOAT_NEVER.contains(&t.text.as_str()) && (float_call || float_path) {
        return Some(format!(
            "std's `{}`: not the same bits on every machine (use libm)",
            t.text
        ));
    }
    None
}

#[test]
fn the_engine_reads_no_clock_does_no_io_and_uses_only_portable_maths() {
    let mut wrong = Vec::new();
    for f in krate().files.iter().filter(|f| in_engine(&f.path)) {
        for i in 0..f.code.len() {
            if let Some(why) = impurity(&f.code, i) {
                wrong.push(format!("{}:{} {why}", f.path, f.code[i].line));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the engine is a pure function of scenario, seed and decisions, the same \
         bits everywhere:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_purity_check_sees_what_it_forbids() {
    let code = source::tokens(
        "let m: HashMap<u8, u8>; let t = std::time::Instant::now(); println!(\"x\"); \
         let y = x.powi(2) + f64::exp(x) + libm::exp(x) + x.sqrt(); let io = 1;",
    );
    let found: Vec<String> = (0..code.len()).filter_map(|i| impurity(&code, i)).collect();
    let named = |what: &str| found.iter().any(|f| f.contains(what));
    assert!(
        named("HashMap") && named("std::time") && named("Instant"),
        "{found:?}"
    );
    assert!(
        named("println!") && named("`powi`") && named("`exp`"),
        "{found:?}"
    );
    assert_eq!(
        found.len(),
        6,
        "libm, sqrt and a variable named io pass: {found:?}"
    );
}

#[test]
fn no_two_files_import_each_other() {
    let c = krate();
    let edges = c.edges();
    let mut found = Vec::new();
    for cycle in graph::cycles(c.files.len(), &edges) {
        let files: Vec<&str> = cycle
            .files
            .iter()
            .map(|&i| c.files[i].path.as_str())
            .collect();
        let circle: Vec<String> = cycle
            .circle
            .iter()
            .enumerate()
            .map(|(k, &from)| {
                let to = cycle.circle[(k + 1) % cycle.circle.len()];
                let line = edges
                    .iter()
                    .find(|e| e.from == from && e.to == to)
                    .map(|e| e.line);
                format!("{}:{} → ", c.files[from].path, line.unwrap_or(0))
            })
            .collect();
        found.push(format!(
            "{}{} (the files that reach each other: {})",
            circle.concat(),
            c.files[cycle.circle[0]].path,
            files.join(", ")
        ));
    }
    assert!(
        found.is_empty(),
        "files import each other (a file and what it uses must be understood, tested \
         and changed one after the other; move what both need to a third file):\n{}",
        found.join("\n")
    );
}

/// The top-level module a file belongs to (`src/ui/app/mod.rs` → `ui`,
/// `src/sim.rs` → `sim`, `src/main.rs` → `main.rs`).
fn unit(path: &str) -> String {
    let inner = path.trim_start_matches("src/");
    match inner.split_once('/') {
        Some((dir, _)) => dir.to_string(),
        None if inner == "main.rs" => inner.to_string(),
        None => inner.trim_end_matches(".rs").to_string(),
    }
}

/// Every import between two top-level modules: (importer, imported).
fn unit_edges() -> BTreeSet<(String, String)> {
    let c = krate();
    c.edges()
        .iter()
        .map(|e| (unit(&c.files[e.from].path), unit(&c.files[e.to].path)))
        .filter(|(a, b)| a != b)
        .collect()
}

/// Everything but the command line runs without a terminal: the engine, the
/// bots, scenarios, run files, the batch tools. None of it may import the ui.
const HEADLESS: &[&str] = &[
    "engine",
    "scenario",
    "policy",
    "sim",
    "check",
    "balance",
    "whatif",
    "run",
    "files",
    "untrusted",
];

#[test]
fn nothing_headless_imports_the_ui() {
    let c = krate();
    let wrong: Vec<String> = c
        .edges()
        .iter()
        .filter(|e| HEADLESS.contains(&unit(&c.files[e.from].path).as_str()))
        .filter(|e| unit(&c.files[e.to].path) == "ui")
        .map(|e| {
            format!(
                "{}:{} imports {}",
                c.files[e.from].path, e.line, c.files[e.to].path
            )
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "only the command line reaches the ui (the bots, scenarios, run files and \
         batch tools must work without a terminal):\n{}",
        wrong.join("\n")
    );
}

/// The module map in ARCHITECTURE.md: its `a ─► b, c` lines, in order.
fn documented_map() -> Vec<(String, Vec<String>)> {
    let doc = std::fs::read_to_string(source::root().join("ARCHITECTURE.md")).unwrap();
    let start = doc
        .find("```text\nmain.rs")
        .expect("ARCHITECTURE.md has the module map");
    let block = &doc[start + 8..];
    let block = &block[..block.find("```").unwrap()];
    block
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let (from, to) = l.split_once('─').unwrap_or((l, ""));
            let to = to
                .trim_start_matches('►')
                .split(',')
                .map(|s| s.trim().to_string());
            (
                from.trim().to_string(),
                to.filter(|s| !s.is_empty()).collect(),
            )
        })
        .collect()
}

#[test]
fn the_module_map_in_architecture_md_is_the_import_graph() {
    let map = documented_map();
    let drawn: BTreeSet<(String, String)> = map
        .iter()
        .flat_map(|(from, tos)| tos.iter().map(move |to| (from.clone(), to.clone())))
        .collect();
    let real = unit_edges();
    let missing: Vec<_> = real.difference(&drawn).collect();
    let false_arrows: Vec<_> = drawn.difference(&real).collect();
    assert!(
        missing.is_empty() && false_arrows.is_empty(),
        "ARCHITECTURE.md's module map is not the import graph.\nimports it does not \
         draw: {missing:?}\narrows it draws that the code does not have: {false_arrows:?}"
    );
    // Read down the map: every arrow points to a module on a later line, so the
    // map is layered and shows that the graph has no circle.
    let row = |name: &str| map.iter().position(|(from, _)| from == name);
    for (i, (from, tos)) in map.iter().enumerate() {
        for to in tos {
            assert!(
                row(to).is_some_and(|r| r > i),
                "{from} ─► {to} points up the map"
            );
        }
    }
}

/// Functions longer than 80 lines that stay so, each with its reason. A
/// function is long when it does several things; one of these is either a
/// table whose rows read best together, or waits for its owner to split it.
const LONG_FUNCTIONS: &[(&str, &str, &str)] = &[];

/// The longest a function may be, in lines from `fn` to its closing brace.
const MAX_FUNCTION_LINES: usize = 80;

/// Every `.rs` file of the crate, its tests, benches and examples: (path, text).
fn all_rust() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = krate()
        .files
        .iter()
        .map(|f| (f.path.clone(), String::new()))
        .collect();
    for (path, text) in &mut out {
        *text = std::fs::read_to_string(source::root().join(&*path)).unwrap();
    }
    for dir in ["tests/it", "tests/it/architecture", "benches", "examples"] {
        for entry in std::fs::read_dir(source::root().join(dir)).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == "rs") {
                let name = p.file_name().unwrap().to_string_lossy();
                out.push((
                    format!("{dir}/{name}"),
                    std::fs::read_to_string(&p).unwrap(),
                ));
            }
        }
    }
    out
}

#[test]
fn no_function_is_longer_than_80_lines_but_the_listed_ones() {
    let mut long = Vec::new();
    let mut listed_and_long = BTreeSet::new();
    for (path, text) in all_rust() {
        for (name, line, len) in source::functions(&source::tokens(&text)) {
            if len <= MAX_FUNCTION_LINES {
                continue;
            }
            if LONG_FUNCTIONS
                .iter()
                .any(|(p, n, _)| *p == path && *n == name)
            {
                listed_and_long.insert((path.clone(), name));
            } else {
                long.push(format!("{path}:{line} `{name}` is {len} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines (split them by what they do, or list a \
         declarative table in LONG_FUNCTIONS with its reason):\n{}",
        long.join("\n")
    );
    for (path, name, _) in LONG_FUNCTIONS {
        assert!(
            listed_and_long.contains(&(path.to_string(), name.to_string())),
            "{path}: `{name}` is no longer over {MAX_FUNCTION_LINES} lines (or is gone): \
             take it off LONG_FUNCTIONS"
        );
    }
}

/// The crate's files, its tests, benches and examples alike.
#[test]
fn no_source_file_is_longer_than_600_lines() {
    let long: Vec<String> = all_rust()
        .iter()
        .map(|(path, text)| (path, text.lines().count()))
        .filter(|(_, lines)| *lines > 600)
        .map(|(path, lines)| format!("{path}: {lines} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "source files over 600 lines (split them by responsibility):\n{}",
        long.join("\n")
    );
}
