//! The README tells the truth: its two commands run the game and what CI runs,
//! every command and flag it names exists, and it names every key the game
//! binds and no key the game does not bind.

use std::collections::BTreeSet;

use clap::{CommandFactory, Parser};
use cto_sim::cli::{Cli, Command};
use cto_sim::ui::keymap::BINDINGS;
use ratatui::crossterm::event::KeyCode;

fn readme() -> String {
    std::fs::read_to_string("README.md").unwrap()
}

/// The README from `heading` to the next heading of the same level.
fn section(r: &str, heading: &str) -> String {
    let start = r
        .find(heading)
        .unwrap_or_else(|| panic!("README has {heading}"));
    let rest = &r[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_string()
}

/// The lines of the `sh` blocks in `text`, comments cut.
fn shell_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if line.starts_with("```") {
            inside = line == "```sh";
        } else if inside {
            let code = line.split(" #").next().unwrap().trim();
            if !code.is_empty() {
                out.push(code.to_string());
            }
        }
    }
    out
}

/// The command line `args` (without the program name), as the game parses it.
fn parse(args: &str) -> Result<Cli, clap::Error> {
    Cli::try_parse_from(std::iter::once("cto-sim").chain(args.split_whitespace()))
}

#[test]
fn the_two_commands_play_the_game_and_run_the_tests_ci_runs() {
    let commands = shell_lines(&section(&readme(), "## Two commands"));
    let [play, test] = commands.as_slice() else {
        panic!("two commands, not {commands:?}")
    };
    // `cargo run` runs the game's binary, with arguments the game reads as `play`.
    let (cargo, args) = play.split_once(" -- ").expect("cargo run … -- ARGS");
    assert!(cargo.starts_with("cargo run"), "{play}");
    let toml = std::fs::read_to_string("Cargo.toml").unwrap();
    assert!(
        toml.contains("default-run = \"cto-sim\""),
        "cargo run runs cto-sim"
    );
    let cli = parse(args).unwrap_or_else(|e| panic!("`{args}`: {e}"));
    assert!(matches!(cli.command, Some(Command::Play { .. })), "{play}");
    // CI runs the README's test command, adding only `--locked` (a fresh clone
    // tests the committed Cargo.lock).
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    let words = |s: &str| -> Vec<String> {
        let ws = s.split_whitespace().filter(|w| *w != "--locked");
        ws.take_while(|w| !w.starts_with('2'))
            .map(String::from)
            .collect()
    };
    let wanted = words(test);
    assert!(
        ci.lines().any(|l| words(l) == wanted),
        "no line of .ci/run runs `{test}`:\n{ci}"
    );
}

/// `a\|b` → `a`, `[x]` → `x`, `FILE` → a file name: a usage line made runnable.
fn runnable(usage: &str) -> String {
    let words = usage
        .replace(['[', ']'], "")
        .replace("FILE…", "a.ron")
        .replace("FILE", "a.ron");
    let words = words
        .split_whitespace()
        .map(|w| w.split("\\|").next().unwrap());
    words.collect::<Vec<_>>().join(" ")
}

#[test]
fn every_command_the_readme_names_exists_and_every_command_is_named() {
    let r = readme();
    let commands = section(&r, "## Commands");
    let mut cli = Cli::command();
    cli.build();
    let mut named = BTreeSet::new();
    for row in commands.lines().filter(|l| l.starts_with("| `cto-sim")) {
        let usage = row.split('`').nth(1).unwrap();
        let mut words = runnable(usage)
            .split_whitespace()
            .map(String::from)
            .collect::<Vec<_>>();
        words.remove(0);
        let sub = match words.first() {
            Some(w) if !w.starts_with('-') => cli.find_subcommand(w),
            _ => Some(&cli),
        };
        let sub = sub.unwrap_or_else(|| panic!("README names a command cto-sim lacks: {usage}"));
        named.insert(sub.get_name().to_string());
        for flag in words.iter().filter_map(|w| w.strip_prefix("--")) {
            let flag = flag.split('=').next().unwrap();
            assert!(
                sub.get_arguments().any(|a| a.get_long() == Some(flag)),
                "README gives `{}` a flag it lacks: --{flag}",
                sub.get_name()
            );
        }
    }
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        assert!(
            named.contains(sub.get_name()),
            "README's Commands lack `{}`",
            sub.get_name()
        );
    }
    // Every example command line in the README runs as written.
    for line in shell_lines(&r).iter().filter(|l| l.starts_with("cto-sim ")) {
        let args = runnable(line.trim_start_matches("cto-sim "));
        parse(&args).unwrap_or_else(|e| panic!("README's `{line}` does not parse: {e}"));
    }
}

/// How the README writes `k`.
fn shown(k: &KeyCode) -> String {
    match k {
        KeyCode::Enter => "Enter".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::Backspace => "Bksp".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::Char(' ') => "Space".into(),
        KeyCode::Char(c) if c.is_ascii_digit() => "0-9".into(),
        KeyCode::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    }
}

/// The keys the README's key tables name: every `` `x` `` of their first column.
fn readme_keys() -> BTreeSet<String> {
    let keys = section(&readme(), "## Keys");
    let rows = keys.lines().filter(|l| l.starts_with("| `"));
    let first = rows.map(|l| l.split(" | ").next().unwrap().to_string());
    let quoted = first.flat_map(|cell| {
        let parts: Vec<String> = cell.split('`').map(String::from).collect();
        parts.into_iter().skip(1).step_by(2).collect::<Vec<_>>()
    });
    quoted.collect()
}

#[test]
fn the_readme_names_every_key_the_game_binds_and_no_other() {
    let bound: BTreeSet<String> = BINDINGS
        .iter()
        .flat_map(|b| b.keys.iter().map(shown))
        .collect();
    let named = readme_keys();
    let unnamed: Vec<_> = bound.difference(&named).collect();
    let unbound: Vec<_> = named.difference(&bound).collect();
    assert!(unnamed.is_empty(), "README's Keys do not name {unnamed:?}");
    assert!(
        unbound.is_empty(),
        "README's Keys name keys nothing binds: {unbound:?}"
    );
}
