//! Which file of the crate imports which: every `use` and every path in the
//! code (`crate::…`, `super::…`, a child module's name, a module imported by
//! name) resolved to the file that defines the item it names, following
//! re-exports (`pub use`), so that importing `crate::engine::Game` is an
//! import of `engine/step/mod.rs`, where `Game` is defined, not of the
//! `engine/mod.rs` that re-exports it. Test code is left out.

use std::collections::{BTreeMap, BTreeSet};

use super::source::{closing, File, Tok};

/// A path written in a file, where it was written.
pub struct Written {
    /// The module the path is read from (the file's, or an inline module's).
    pub from: Vec<String>,
    pub path: Vec<String>,
    pub line: usize,
}

/// A name a `use` binds in a module: `use a::b::C as D` binds `D` to `a::b::C`.
struct Binding {
    name: String,
    path: Vec<String>,
}

/// The crate's files and what each defines, binds and writes.
pub struct Crate {
    pub files: Vec<File>,
    /// Module path → index of the file that holds it.
    modules: BTreeMap<Vec<String>, usize>,
    /// Per file: the items it defines.
    defs: Vec<BTreeSet<String>>,
    /// Per file: the names its `use`s bind (globs under `*`).
    binds: Vec<Vec<Binding>>,
    /// Per file: every path it writes, in `use`s and in code.
    pub written: Vec<Vec<Written>>,
}

/// An import of one file by another.
#[derive(Clone, Debug)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// The first line of `from` that imports `to`.
    pub line: usize,
}

impl Crate {
    pub fn new(files: Vec<File>) -> Crate {
        let mut c = Crate {
            modules: BTreeMap::new(),
            defs: Vec::new(),
            binds: Vec::new(),
            written: Vec::new(),
            files,
        };
        for (i, f) in c.files.iter().enumerate() {
            c.modules.insert(f.module.clone(), i);
            let (defs, binds, written, inline) = scan(f);
            for m in inline {
                c.modules.insert(m, i);
            }
            c.defs.push(defs);
            c.binds.push(binds);
            c.written.push(written);
        }
        c
    }

    /// Every file-to-file import, one edge per pair, in file order.
    pub fn edges(&self) -> Vec<Edge> {
        let mut seen = BTreeMap::new();
        for (from, written) in self.written.iter().enumerate() {
            for w in written {
                if let Some(to) = self.resolve(&w.from, &w.path, 0) {
                    if to != from {
                        seen.entry((from, to)).or_insert(w.line);
                    }
                }
            }
        }
        seen.into_iter()
            .map(|((from, to), line)| Edge { from, to, line })
            .collect()
    }

    /// The file that defines what `path`, written in module `from`, names;
    /// `None` for anything outside the crate (std, a dependency, a local name).
    pub fn resolve(&self, from: &[String], path: &[String], depth: u32) -> Option<usize> {
        if depth > 8 || path.is_empty() {
            return None;
        }
        let (mut module, mut rest) = match path[0].as_str() {
            "crate" | "cto_sim" => (Vec::new(), &path[1..]),
            "self" => (from.to_vec(), &path[1..]),
            "super" => {
                let supers = path.iter().take_while(|s| *s == "super").count();
                let keep = from.len().checked_sub(supers)?;
                (from[..keep].to_vec(), &path[supers..])
            }
            first => {
                let mut child = from.to_vec();
                child.push(first.to_string());
                if self.modules.contains_key(&child) {
                    (from.to_vec(), path)
                } else {
                    let file = *self.modules.get(from)?;
                    let bound = self.binds[file].iter().find(|b| b.name == first)?;
                    let mut whole = bound.path.clone();
                    whole.extend_from_slice(&path[1..]);
                    let owner = self.files[file].module.clone();
                    return self.resolve(&owner, &whole, depth + 1);
                }
            }
        };
        while let Some(next) = rest.first() {
            let mut child = module.clone();
            child.push(next.clone());
            if !self.modules.contains_key(&child) {
                break;
            }
            module = child;
            rest = &rest[1..];
        }
        let file = *self.modules.get(&module)?;
        match rest.first().map(String::as_str) {
            None | Some("*") => Some(file),
            Some(item) => Some(self.defining(file, &module, item, depth).unwrap_or(file)),
        }
    }

    /// The file that defines `item` as module `module` (held in `file`) sees it.
    fn defining(&self, file: usize, module: &[String], item: &str, depth: u32) -> Option<usize> {
        if self.defs[file].contains(item) {
            return Some(file);
        }
        if let Some(b) = self.binds[file].iter().find(|b| b.name == item) {
            return self.resolve(module, &b.path, depth + 1);
        }
        self.binds[file]
            .iter()
            .filter(|b| b.name == "*")
            .find_map(|b| {
                let mut p = b.path[..b.path.len() - 1].to_vec();
                p.push(item.to_string());
                let to = self.resolve(module, &p, depth + 1)?;
                (self.defs[to].contains(item)).then_some(to)
            })
    }
}

/// What a file defines, the names its `use`s bind, the paths it writes and
/// its inline modules.
type Scan = (
    BTreeSet<String>,
    Vec<Binding>,
    Vec<Written>,
    Vec<Vec<String>>,
);

fn scan(f: &File) -> Scan {
    let t = &f.code;
    let mut defs = BTreeSet::new();
    let mut binds = Vec::new();
    let mut written = Vec::new();
    let mut inline = Vec::new();
    // Inline modules open at a token index and close at another.
    let mut open: Vec<(usize, Vec<String>)> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        while open.last().is_some_and(|(end, _)| i > *end) {
            open.pop();
        }
        let here = open.last().map_or(f.module.clone(), |(_, m)| m.clone());
        let next = t.get(i + 1);
        let item = matches!(
            t[i].text.as_str(),
            "struct" | "enum" | "fn" | "const" | "static" | "type" | "trait" | "union" | "mod"
        );
        if item && next.is_some_and(|n| n.ident) {
            defs.insert(t[i + 1].text.clone());
            if t[i].is("mod") && t.get(i + 2).is_some_and(|b| b.is("{")) {
                let mut m = here.clone();
                m.push(t[i + 1].text.clone());
                open.push((closing(t, i + 2), m.clone()));
                inline.push(m);
            }
        } else if t[i].is("macro_rules") && t.get(i + 2).is_some_and(|n| n.ident) {
            defs.insert(t[i + 2].text.clone());
        }
        if t[i].is("use") && !(i > 0 && t[i - 1].is("::")) {
            let line = t[i].line;
            let mut paths = Vec::new();
            i = use_tree(t, i + 1, Vec::new(), &mut paths);
            for (path, alias) in paths {
                let name = alias.unwrap_or_else(|| path.last().cloned().unwrap_or_default());
                written.push(Written {
                    from: here.clone(),
                    path: path.clone(),
                    line,
                });
                binds.push(Binding { name, path });
            }
            continue;
        }
        if t[i].ident && next.is_some_and(|n| n.is("::")) && !(i > 0 && t[i - 1].is("::")) {
            let (path, end) = path_at(t, i);
            written.push(Written {
                from: here,
                path,
                line: t[i].line,
            });
            i = end;
            continue;
        }
        i += 1;
    }
    (defs, binds, written, inline)
}

/// The path that starts at `i` (`a::b::c`), and the index past it.
fn path_at(t: &[Tok], mut i: usize) -> (Vec<String>, usize) {
    let mut path = vec![t[i].text.clone()];
    while t.get(i + 1).is_some_and(|s| s.is("::")) && t.get(i + 2).is_some_and(|n| n.ident) {
        path.push(t[i + 2].text.clone());
        i += 2;
    }
    (path, i + 1)
}

/// The paths of the use tree at `i`, each with its `as` name; returns the index
/// past the tree. `a::{b, c::*, d as e}` gives `a::b`, `a::c::*` and `a::d` as `e`.
fn use_tree(
    t: &[Tok],
    mut i: usize,
    mut path: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) -> usize {
    while i < t.len() {
        let tok = &t[i];
        if tok.is("::") {
            i += 1;
        } else if tok.is("{") {
            i += 1;
            while i < t.len() && !t[i].is("}") {
                i = use_tree(t, i, path.clone(), out);
                if t.get(i).is_some_and(|c| c.is(",")) {
                    i += 1;
                }
            }
            return i + 1;
        } else if tok.is("*") {
            path.push("*".into());
            out.push((path, None));
            return i + 1;
        } else if tok.ident {
            if !tok.is("self") || path.is_empty() {
                path.push(tok.text.clone());
            }
            i += 1;
            if t.get(i).is_some_and(|s| s.is("::")) {
                continue;
            }
            let alias = if t.get(i).is_some_and(|a| a.is("as")) {
                i += 2;
                Some(t[i - 1].text.clone())
            } else {
                None
            };
            out.push((path, alias));
            return i;
        } else {
            return i;
        }
    }
    i
}

/// Files that import each other, directly or through others.
pub struct Cycle {
    /// Every file of the group (strongly connected: each reaches each).
    pub files: Vec<usize>,
    /// One shortest circle through the group's first file, to show.
    pub circle: Vec<usize>,
}

/// The groups of files that import each other, two files or more.
pub fn cycles(n: usize, edges: &[Edge]) -> Vec<Cycle> {
    let mut out = Vec::new();
    let reach = |a: usize| reachable(n, edges, a);
    let mut done = vec![false; n];
    for a in 0..n {
        if done[a] {
            continue;
        }
        let from_a = reach(a);
        let group: Vec<usize> = (0..n)
            .filter(|&b| b == a || (from_a[b] && reach(b)[a]))
            .collect();
        for &g in &group {
            done[g] = true;
        }
        if group.len() > 1 {
            out.push(Cycle {
                circle: circle(a, &group, edges),
                files: group,
            });
        }
    }
    out
}

fn reachable(n: usize, edges: &[Edge], a: usize) -> Vec<bool> {
    let mut seen = vec![false; n];
    let mut stack = vec![a];
    while let Some(x) = stack.pop() {
        for e in edges.iter().filter(|e| e.from == x) {
            if !seen[e.to] {
                seen[e.to] = true;
                stack.push(e.to);
            }
        }
    }
    seen
}

/// A shortest circle from `a` back to `a` inside `group` (breadth first).
fn circle(a: usize, group: &[usize], edges: &[Edge]) -> Vec<usize> {
    let mut parent: BTreeMap<usize, usize> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([a]);
    while let Some(x) = queue.pop_front() {
        for e in edges
            .iter()
            .filter(|e| e.from == x && group.contains(&e.to))
        {
            if e.to == a {
                let mut path = vec![x];
                while let Some(&p) = parent.get(path.last().unwrap()) {
                    path.push(p);
                }
                path.reverse();
                return path;
            }
            if e.to != a && !parent.contains_key(&e.to) {
                parent.insert(e.to, x);
                queue.push_back(e.to);
            }
        }
    }
    group.to_vec()
}
