//! The crate's source as the architecture tests read it: every file under
//! `src/`, cut into tokens (comments, strings and character literals dropped,
//! so a word in a doc comment or a message is never mistaken for code).
//!
//! This is a scanner, not a parser: it knows paths, braces and `#[cfg(test)]`,
//! which is all the invariants need.

use std::path::{Path, PathBuf};

/// One token: an identifier (keywords included), a literal (its text is not
/// kept) or a punctuation mark (`::` is one token).
#[derive(Clone, Debug, PartialEq)]
pub struct Tok {
    pub text: String,
    pub line: usize,
    pub ident: bool,
}

impl Tok {
    pub fn is(&self, text: &str) -> bool {
        self.text == text
    }
}

/// A source file of the crate.
pub struct File {
    /// Relative to the crate: `src/engine/step/mod.rs`.
    pub path: String,
    /// Its module path below the crate root (`["engine", "step"]`); the
    /// binary's `main.rs` is `["main"]`.
    pub module: Vec<String>,
    /// The tokens, with the items under `#[cfg(test)]` left out.
    pub code: Vec<Tok>,
}

/// The crate's directory.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `src/`, sorted by path.
pub fn files() -> Vec<File> {
    let mut paths = Vec::new();
    walk(&root().join("src"), &mut paths);
    paths.sort();
    paths.iter().map(|p| read(p)).collect()
}

/// A file of the crate read from `path` (absolute).
fn read(path: &Path) -> File {
    let text = std::fs::read_to_string(path).unwrap();
    let rel = path.strip_prefix(root()).unwrap();
    let rel = rel.to_string_lossy().replace('\\', "/");
    File {
        module: module_of(&rel),
        code: without_tests(&tokens(&text)),
        path: rel,
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/engine/step/mod.rs` → `["engine", "step"]`; `src/lib.rs` → `[]`.
pub fn module_of(path: &str) -> Vec<String> {
    let inner = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = inner.split('/').map(String::from).collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The tokens of `text`.
pub fn tokens(text: &str) -> Vec<Tok> {
    Lexer {
        c: text.chars().collect(),
        i: 0,
        line: 1,
        out: Vec::new(),
    }
    .run()
}

struct Lexer {
    c: Vec<char>,
    i: usize,
    line: usize,
    out: Vec<Tok>,
}

impl Lexer {
    fn at(&self, k: usize) -> char {
        self.c.get(self.i + k).copied().unwrap_or('\0')
    }

    fn bump(&mut self) {
        if self.at(0) == '\n' {
            self.line += 1;
        }
        self.i += 1;
    }

    fn push(&mut self, text: String, line: usize, ident: bool) {
        self.out.push(Tok { text, line, ident });
    }

    fn run(mut self) -> Vec<Tok> {
        while self.i < self.c.len() {
            let (ch, line) = (self.at(0), self.line);
            if ch.is_whitespace() {
                self.bump();
            } else if ch == '/' && self.at(1) == '/' {
                while self.i < self.c.len() && self.at(0) != '\n' {
                    self.bump();
                }
            } else if ch == '/' && self.at(1) == '*' {
                self.block_comment();
            } else if let Some(hashes) = self.raw_string_start() {
                self.raw_string(hashes);
                self.push("\"…\"".into(), line, false);
            } else if ch == '"' || (matches!(ch, 'b' | 'c') && self.at(1) == '"') {
                self.string();
                self.push("\"…\"".into(), line, false);
            } else if ch == '\'' || (ch == 'b' && self.at(1) == '\'') {
                self.quote(line);
            } else if ch == 'r' && self.at(1) == '#' && is_ident_start(self.at(2)) {
                self.i += 2;
                self.ident(line);
            } else if is_ident_start(ch) {
                self.ident(line);
            } else if ch.is_ascii_digit() {
                self.number();
                self.push("0".into(), line, false);
            } else if ch == ':' && self.at(1) == ':' {
                self.i += 2;
                self.push("::".into(), line, false);
            } else {
                self.bump();
                self.push(ch.to_string(), line, false);
            }
        }
        self.out
    }

    fn block_comment(&mut self) {
        let mut depth = 0;
        loop {
            if self.i >= self.c.len() {
                return;
            }
            if self.at(0) == '/' && self.at(1) == '*' {
                depth += 1;
                self.i += 2;
            } else if self.at(0) == '*' && self.at(1) == '/' {
                depth -= 1;
                self.i += 2;
                if depth == 0 {
                    return;
                }
            } else {
                self.bump();
            }
        }
    }

    /// `r"`, `r#"`, `br"`, `cr#"`…: the number of `#`s, if a raw string starts here.
    fn raw_string_start(&self) -> Option<usize> {
        let mut k = usize::from(matches!(self.at(0), 'b' | 'c'));
        if self.at(k) != 'r' {
            return None;
        }
        k += 1;
        let hashes = (k..).take_while(|&j| self.at(j) == '#').count();
        (self.at(k + hashes) == '"').then_some(hashes)
    }

    fn raw_string(&mut self, hashes: usize) {
        while self.at(0) != '"' {
            self.bump();
        }
        self.bump();
        loop {
            if self.i >= self.c.len() {
                return;
            }
            if self.at(0) == '"' && (1..=hashes).all(|j| self.at(j) == '#') {
                self.i += 1 + hashes;
                return;
            }
            self.bump();
        }
    }

    fn string(&mut self) {
        while self.at(0) != '"' {
            self.bump();
        }
        self.bump();
        while self.i < self.c.len() && self.at(0) != '"' {
            if self.at(0) == '\\' {
                self.bump();
            }
            self.bump();
        }
        self.bump();
    }

    /// A character literal (`'a'`, `'\n'`, `b'x'`) or a lifetime (`'a`).
    fn quote(&mut self, line: usize) {
        if self.at(0) == 'b' {
            self.bump();
        }
        self.bump();
        if self.at(0) == '\\' {
            while self.i < self.c.len() && self.at(0) != '\'' {
                if self.at(0) == '\\' {
                    self.bump();
                }
                self.bump();
            }
            self.bump();
            self.push("'…'".into(), line, false);
        } else if self.at(1) == '\'' {
            self.i += 2;
            self.push("'…'".into(), line, false);
        } else {
            let start = self.i;
            while is_ident_continue(self.at(0)) {
                self.i += 1;
            }
            let name: String = self.c[start..self.i].iter().collect();
            self.push(format!("'{name}"), line, false);
        }
    }

    fn ident(&mut self, line: usize) {
        let start = self.i;
        while is_ident_continue(self.at(0)) {
            self.i += 1;
        }
        let name = self.c[start..self.i].iter().collect();
        self.push(name, line, true);
    }

    fn number(&mut self) {
        while is_ident_continue(self.at(0)) || (self.at(0) == '.' && self.at(1).is_ascii_digit()) {
            // An exponent's sign: 1e-6.
            if matches!(self.at(0), 'e' | 'E') && matches!(self.at(1), '+' | '-') {
                self.i += 1;
            }
            self.i += 1;
        }
    }
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// `toks` without the items marked `#[cfg(test)]` (a test module, a test-only
/// import or function).
pub fn without_tests(toks: &[Tok]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if is_cfg_test(&toks[i..]) {
            i = item_end(toks, i + 7);
        } else {
            out.push(toks[i].clone());
            i += 1;
        }
    }
    out
}

fn is_cfg_test(t: &[Tok]) -> bool {
    let want = ["#", "[", "cfg", "(", "test", ")", "]"];
    t.len() >= want.len() && want.iter().zip(t).all(|(w, t)| t.is(w))
}

/// The index just past the item that starts at `i` (its attributes first):
/// past its `;`, or past the `}` that closes its first `{`.
pub fn item_end(toks: &[Tok], mut i: usize) -> usize {
    let mut nest = 0i32;
    while i < toks.len() {
        match toks[i].text.as_str() {
            "(" | "[" => nest += 1,
            ")" | "]" => nest -= 1,
            ";" if nest == 0 => return i + 1,
            "{" if nest == 0 => return closing(toks, i) + 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The index of the `}` that closes the `{` at `open`.
pub fn closing(toks: &[Tok], open: usize) -> usize {
    let mut depth = 0;
    for (k, t) in toks.iter().enumerate().skip(open) {
        if t.is("{") {
            depth += 1;
        } else if t.is("}") {
            depth -= 1;
            if depth == 0 {
                return k;
            }
        }
    }
    toks.len() - 1
}

/// Every function with a body: its name, first line and length in lines
/// (from the `fn` line to the closing brace's, both counted).
pub fn functions(toks: &[Tok]) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let Some(name) = toks.get(i + 1) else { break };
        if !(t.is("fn") && name.ident) {
            continue;
        }
        let mut nest = 0i32;
        for k in i + 2..toks.len() {
            match toks[k].text.as_str() {
                "(" | "[" => nest += 1,
                ")" | "]" => nest -= 1,
                ";" if nest == 0 => break,
                "{" if nest == 0 => {
                    let end = toks[closing(toks, k)].line;
                    out.push((name.text.clone(), t.line, end - t.line + 1));
                    break;
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn the_scanner_skips_comments_strings_and_test_code() {
    let toks = tokens(
        "// use crate::ui;\n/* /* nested */ HashMap */ let s = r#\"crate::ui\"#;\n\
         let c = '\"'; let l: &'a str = \"x\\\"y\";\n#[cfg(test)]\nmod tests { use crate::ui; }\nfn f() {}",
    );
    let code = without_tests(&toks);
    let words: Vec<&str> = code.iter().map(|t| t.text.as_str()).collect();
    assert!(
        !words.contains(&"ui") && !words.contains(&"HashMap"),
        "{words:?}"
    );
    assert!(words.contains(&"'a"), "{words:?}");
    assert_eq!(functions(&code), [("f".to_string(), 6, 1)]);
    assert!(
        toks.iter().any(|t| t.is("ui")),
        "the tests are kept in `all`"
    );
}
