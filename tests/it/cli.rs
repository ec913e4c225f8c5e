//! The command line as a person meets it: exit codes and messages.

use std::process::{Command, Output};

fn cto_sim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn policies_lists_every_bot_on_a_line_of_its_own() {
    let out = cto_sim(&["policies"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    for name in cto_sim::policy::names() {
        assert!(
            stdout.lines().any(|l| l.starts_with(name)),
            "{name} missing from:\n{stdout}"
        );
    }
    assert_eq!(stdout.lines().count(), cto_sim::policy::BOTS.len());
}

#[test]
fn a_single_simulated_run_tells_its_story() {
    let out = cto_sim(&["simulate", "--policy", "balanced", "--weeks", "60"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("influence"), "{stdout}");
    assert!(stdout.contains("Ending: time_up"), "{stdout}");
}

#[test]
fn an_unknown_policy_is_a_user_error_with_a_hint() {
    let out = cto_sim(&["simulate", "--policy", "ceo"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("unknown policy 'ceo'"), "{stderr}");
    assert!(stderr.contains("cto-sim policies"), "{stderr}");
}

#[test]
fn a_usage_error_exits_with_2() {
    assert_eq!(cto_sim(&["simulate"]).status.code(), Some(2));
    assert_eq!(
        cto_sim(&["simulate", "--policy", "balanced", "--runs", "0"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(cto_sim(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn a_broken_scenario_file_is_pointed_at_by_line_and_column() {
    let dir = std::env::temp_dir().join(format!("cto-sim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.ron");
    std::fs::write(
        &path,
        "(\n    version: 1,\n    name: \"x\",\n    description: 3,\n)\n",
    )
    .unwrap();
    let out = cto_sim(&[
        "simulate",
        "--policy",
        "balanced",
        "--scenario",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("broken.ron:4:"), "{stderr}");
    assert!(stderr.contains('^'), "a caret under the fault: {stderr}");

    let missing = dir.join("nope.ron");
    let out = cto_sim(&[
        "simulate",
        "--policy",
        "balanced",
        "--scenario",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot open"));

    let out = cto_sim(&["simulate", "--policy", "balanced", "--scenario", "atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no scenario named 'atlantis'"));
    std::fs::remove_dir_all(&dir).ok();
}
