//! A scenario author's tools: the commands `check` and the reference print
//! work as printed, and a scenario can be named by position or `--scenario`.

use std::path::Path;
use std::process::{Command, Output};

fn cto_sim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// The command between backticks after "`cto-sim " in `out`.
fn printed_command(out: &str) -> String {
    let start = out.find("`cto-sim balance ").expect("a printed command") + 1;
    let len = out[start..].find('`').expect("a closed command");
    out[start..start + len].to_string()
}

/// Run `command` as a shell reads it, with this build as `cto-sim`.
fn run_in_shell(command: &str, extra: &str) -> Output {
    let binary = env!("CARGO_BIN_EXE_cto-sim");
    let rest = command.strip_prefix("cto-sim ").unwrap();
    Command::new("sh")
        .arg("-c")
        .arg(format!("'{binary}' {rest} {extra}"))
        .output()
        .expect("sh runs")
}

#[test]
fn balance_takes_the_scenario_by_position_as_well_as_by_flag() {
    let by_position = cto_sim(&["balance", "tutorial", "--runs", "1", "--json"]);
    assert!(by_position.status.success(), "{}", text(&by_position));
    let by_flag = cto_sim(&["balance", "--scenario", "tutorial", "--runs", "1", "--json"]);
    assert!(by_flag.status.success(), "{}", text(&by_flag));
    let scenario = |o: &Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["scenario"].clone()
    };
    assert_eq!(scenario(&by_position), scenario(&by_flag));
    let both = cto_sim(&["balance", "tutorial", "--scenario", "default"]);
    assert_eq!(both.status.code(), Some(2), "{}", text(&both));
}

#[test]
fn simulate_takes_the_scenario_by_position_as_well_as_by_flag() {
    let args = ["--policy", "balanced", "--runs", "2", "--json"];
    let by_position = cto_sim(&[&["simulate", "tutorial"][..], &args].concat());
    assert!(by_position.status.success(), "{}", text(&by_position));
    let by_flag = cto_sim(&[&["simulate", "--scenario", "tutorial"][..], &args].concat());
    let digest = |o: &Output| {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        (v["scenario"].clone(), v["digest"].clone())
    };
    assert_eq!(digest(&by_position), digest(&by_flag));
}

/// `check`'s warning names the command that shows the whole grid; pasted into
/// a shell as printed, it runs, even for a file whose name has a space.
#[test]
fn the_balance_command_check_prints_runs_as_printed() {
    let dir = std::env::temp_dir().join(format!("cto-sim-authors-{}", std::process::id()));
    let spaced = dir.join("too easy.ron");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("tests/scenarios/too_easy.ron", &spaced).unwrap();
    for file in [Path::new("tests/scenarios/too_easy.ron"), &spaced] {
        let checked = cto_sim(&["check", file.to_str().unwrap()]);
        assert_eq!(checked.status.code(), Some(0), "{}", text(&checked));
        let command = printed_command(&text(&checked));
        // Fewer runs than the default, to keep the test short; the command is as printed.
        let balanced = run_in_shell(&command, "--runs 1");
        assert!(
            balanced.status.success(),
            "`{command}`: {}",
            text(&balanced)
        );
        assert!(
            text(&balanced).contains("Balance of"),
            "{}",
            text(&balanced)
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
