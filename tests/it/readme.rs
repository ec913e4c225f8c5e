//! The README tells the truth: its two commands, and every key the game binds.

use cto_sim::ui::keymap::BINDINGS;
use ratatui::crossterm::event::KeyCode;

fn readme() -> String {
    std::fs::read_to_string("README.md").unwrap()
}

#[test]
fn the_readme_starts_with_the_two_commands_and_ci_runs_the_second() {
    let r = readme();
    let two = r.find("## Two commands").expect("a Two commands section");
    let block = &r[two..two + 300];
    assert!(block.contains("cargo run --release -- play"), "{block}");
    assert!(block.contains("cargo test"), "{block}");
    let ci = std::fs::read_to_string(".ci/run").unwrap();
    assert!(ci.contains("cargo test"));
}

#[test]
fn the_readme_lists_every_key() {
    let r = readme();
    let keys = &r[r.find("## Keys").expect("a Keys section")..];
    for b in BINDINGS {
        for k in b.keys {
            let shown = match k {
                KeyCode::Enter => "`Enter`".to_string(),
                KeyCode::Up => "`↑`".into(),
                KeyCode::Down => "`↓`".into(),
                KeyCode::Left => "`←`".into(),
                KeyCode::Right => "`→`".into(),
                KeyCode::Tab => "`Tab`".into(),
                KeyCode::BackTab => "`S-Tab`".into(),
                KeyCode::Backspace => "`Bksp`".into(),
                KeyCode::Esc => "Esc".into(),
                KeyCode::PageUp => "`PgUp`".into(),
                KeyCode::PageDown => "`PgDn`".into(),
                KeyCode::Home => "`Home`".into(),
                KeyCode::End => "`End`".into(),
                KeyCode::Char(' ') => "`Space`".into(),
                KeyCode::Char(c) if c.is_ascii_digit() => "`0-9`".into(),
                KeyCode::Char(c) => format!("`{c}`"),
                other => format!("{other:?}"),
            };
            let bare = shown.trim_matches('`');
            assert!(
                keys.contains(&shown)
                    || keys.contains(&format!("/`{bare}`"))
                    || keys.contains(&format!("/{bare}")),
                "README does not mention {shown} ({})",
                b.help
            );
        }
    }
}
