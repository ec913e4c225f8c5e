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
    // Then the syntax of fixed policies, after a blank line.
    let named: Vec<&str> = stdout.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(named.len(), cto_sim::policy::BOTS.len());
    assert!(stdout.contains(cto_sim::policy::FIXED_SYNTAX), "{stdout}");
}

/// `fixed:` and `passive` play; a malformed spec says what is wrong and exits 1;
/// `--json` reports outcomes, the score's spread and events per run.
#[test]
fn fixed_policies_and_passive_play_and_report_outcomes() {
    for policy in [
        "passive",
        "fixed:40/20/10/30",
        "fixed:50/25/25/0,vp=forum,hours=55,refactor=20",
    ] {
        let out = cto_sim(&["simulate", "--policy", policy, "--runs", "4", "--json"]);
        assert!(out.status.success(), "{policy}: {}", text(&out.stderr));
        let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
        let outcomes = &v["outcomes"];
        let total: u64 = ["win", "loss", "neutral"]
            .iter()
            .map(|k| outcomes[k].as_u64().unwrap())
            .sum();
        assert_eq!(total, 4, "{policy}: {v}");
        assert!(v["sd"]["score"].as_f64().unwrap() >= 0.0);
        assert!(v["mean"]["events"].as_f64().is_some());
        assert_eq!(v["policy"], policy);
    }
    let out = cto_sim(&["simulate", "--policy", "fixed:40/20/10/20"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("adds up to 90%"), "{err}");
    assert!(err.contains("fixed:S/H/C/M"), "{err}");
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
    let near = text(&cto_sim(&["simulate", "--policy", "balaced"]).stderr);
    assert!(near.contains("did you mean 'balanced'?"), "{near}");
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

/// `balance` plays every bot, passive and the whole grid of fixed policies,
/// and says whether a fixed recipe beats balanced and whether passive wins.
#[test]
fn balance_reports_bots_and_the_best_fixed_policies() {
    let out = cto_sim(&["balance", "--scenario", "tutorial", "--runs", "1", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let bots = v["bots"].as_array().unwrap();
    assert_eq!(bots.len(), cto_sim::policy::BOTS.len());
    assert!(bots.iter().any(|b| b["policy"] == "passive"));
    assert_eq!(v["grid_size"], cto_sim::balance::grid().len());
    let best = v["best_fixed"].as_array().unwrap();
    assert_eq!(best.len(), cto_sim::balance::SHOWN);
    assert!(best[0]["mean_score"].as_f64() >= best[1]["mean_score"].as_f64());
    assert!(best[0]["policy"].as_str().unwrap().starts_with("fixed:"));
    let balanced = bots.iter().find(|b| b["policy"] == "balanced").unwrap();
    let tenths = |x: &serde_json::Value| (x.as_f64().unwrap() * 10.0).round();
    assert_eq!(
        v["fixed_beats_balanced"],
        tenths(&best[0]["mean_score"]) > tenths(&balanced["mean_score"])
    );
    let lead = (tenths(&balanced["mean_score"]) - tenths(&best[0]["mean_score"])) / 10.0;
    assert!((v["lead"].as_f64().unwrap() - lead).abs() < 1e-9);
    // The tutorial is meant to be won: most of the grid wins its one run.
    let winning = v["fixed_winning"].as_u64().unwrap();
    assert!(winning > 0 && winning <= v["grid_size"].as_u64().unwrap());
}

/// `balance` tells an author how far adapting leads the best recipe, and
/// when many fixed splits win almost every run (the scenario hardly tests
/// the player) — as the tutorial is, where half of the grid always wins.
#[test]
fn balance_says_how_much_adapting_pays_and_how_many_recipes_win() {
    let out = cto_sim(&["balance", "--scenario", "tutorial", "--runs", "2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    let verdict = report
        .lines()
        .find(|l| l.contains("recipe") && l.contains("points"))
        .expect("a verdict on the lead");
    assert!(verdict.contains("balanced"), "{report}");
    let winning = report
        .lines()
        .find(|l| l.contains("win 90% of runs or more"))
        .expect("a count of recipes that win");
    assert!(winning.contains("many ways of playing win"), "{report}");
}

/// No raw control byte or bidirectional override from a hostile scenario
/// reaches the terminal: `scenarios`, `simulate`, `check`, `report` and
/// `verify` print them escaped.
#[test]
fn hostile_text_in_a_scenario_is_printed_escaped() {
    let dir = std::env::temp_dir().join(format!("cto-sim-hostile-{}", std::process::id()));
    let folder = dir.join("scenarios");
    std::fs::create_dir_all(&folder).unwrap();
    let evil = "tests/scenarios/hostile_text.ron";
    std::fs::copy(evil, folder.join("evil.ron")).unwrap();
    let runs = dir.join("runs");
    std::fs::create_dir_all(&runs).unwrap();
    let run_file = runs.join("balanced-1.ron");
    let runs_arg = runs.display().to_string();
    let run_arg = run_file.display().to_string();
    let simulate = ["simulate", "--scenario", evil, "--policy"];
    let commands: Vec<Vec<&str>> = vec![
        vec!["scenarios"],
        [&simulate[..], &["balanced"]].concat(),
        [&simulate[..], &["random", "--runs", "3"]].concat(),
        [&simulate[..], &["balanced", "--json", "--runs", "2"]].concat(),
        [&simulate[..], &["balanced", "--record", &runs_arg]].concat(),
        vec!["check", evil],
        vec!["report", &run_arg],
        vec!["verify", &run_arg],
    ];
    for args in &commands {
        let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
            .args(args)
            .env("CTO_SIM_DATA_DIR", &dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        for stream in [&out.stdout, &out.stderr] {
            let s = String::from_utf8_lossy(stream);
            let bad: Vec<char> = s
                .chars()
                .filter(|c| {
                    (c.is_control() && *c != '\n' && *c != '\t')
                        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                })
                .collect();
            assert!(bad.is_empty(), "{args:?} printed {bad:?}:\n{s}");
        }
    }
    // And what was escaped is still there to read.
    let listed = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .arg("scenarios")
        .env("CTO_SIM_DATA_DIR", &dir)
        .output()
        .unwrap();
    assert!(
        text(&listed.stdout).contains("desc \\u{1b}[31mred"),
        "{}",
        text(&listed.stdout)
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// A named pipe (or anything but a regular file) is refused at once, never
/// waited on: `check`, `verify`, `simulate` and `continue FILE`, each in well
/// under a second; in the run history a pipe is no run, and plain `continue`
/// says there is nothing to continue.
#[cfg(unix)]
#[test]
fn a_pipe_is_refused_without_hanging() {
    let dir = std::env::temp_dir().join(format!("cto-sim-fifo-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("runs")).unwrap();
    let fifo = dir.join("runs/a-pipe.ron");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let fifo_arg = fifo.display().to_string();
    for args in [
        vec!["check", fifo_arg.as_str()],
        vec!["verify", fifo_arg.as_str()],
        vec![
            "simulate",
            "--policy",
            "balanced",
            "--scenario",
            fifo_arg.as_str(),
        ],
        vec!["continue", fifo_arg.as_str()],
        vec!["continue"],
    ] {
        let started = std::time::Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
            .args(&args)
            .env("CTO_SIM_DATA_DIR", &dir)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Give it a second; a hang is killed so the test fails instead of hanging.
        while child.try_wait().unwrap().is_none() && started.elapsed().as_secs() < 1 {
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            panic!("{args:?} hung on a pipe");
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let all = text(&out.stdout) + &text(&out.stderr);
        let expected = if args == ["continue"] {
            "no saved run to continue"
        } else {
            "not a regular file"
        };
        assert!(all.contains(expected), "{args:?}: {all}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// A scenario saved with a UTF-8 byte-order mark loads as if it had none.
#[test]
fn a_byte_order_mark_is_skipped() {
    let dir = std::env::temp_dir().join(format!("cto-sim-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bom.ron");
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(std::fs::read("scenarios/tutorial.ron").unwrap());
    std::fs::write(&path, bytes).unwrap();
    let out = cto_sim(&["check", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    std::fs::remove_dir_all(&dir).ok();
}

/// `--weeks` may shorten a run, never lengthen it past the scenario's horizon.
#[test]
fn weeks_past_the_horizon_are_refused() {
    let out = cto_sim(&[
        "simulate",
        "--policy",
        "balanced",
        "--scenario",
        "tutorial",
        "--weeks",
        "5000",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("past the scenario's horizon"),
        "{}",
        text(&out.stderr)
    );
    let out = cto_sim(&["simulate", "--policy", "balanced", "--weeks", "20"]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("after 20 weeks"),
        "{}",
        text(&out.stdout)
    );
}

/// A relative XDG_DATA_HOME is ignored, as the XDG spec says.
#[cfg(target_os = "linux")]
#[test]
fn a_relative_xdg_data_home_is_ignored() {
    let home = std::env::temp_dir().join(format!("cto-sim-home-{}", std::process::id()));
    std::fs::create_dir_all(&home).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .arg("scenarios")
        .env_remove("CTO_SIM_DATA_DIR")
        .env("HOME", &home)
        .env("XDG_DATA_HOME", "relative/data")
        .output()
        .unwrap();
    let listed = text(&out.stdout);
    let expected = home.join(".local/share/cto-sim/scenarios");
    assert!(listed.contains(&expected.display().to_string()), "{listed}");
    std::fs::remove_dir_all(&home).ok();
}

/// `--version` names the simulation rules (saved runs replay only under the
/// same rules), and shells get completion scripts.
#[test]
fn version_names_the_rules_and_completions_are_printed() {
    let out = cto_sim(&["--version"]);
    assert!(out.status.success());
    let version = text(&out.stdout);
    assert!(
        version.contains(&format!(
            "simulation rules {}",
            cto_sim::engine::RULES_VERSION
        )),
        "{version}"
    );
    for shell in ["bash", "zsh", "fish"] {
        let out = cto_sim(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = text(&out.stdout);
        assert!(
            script.contains("cto-sim") && script.contains("balance"),
            "{shell}: {script}"
        );
    }
    assert_eq!(cto_sim(&["completions", "tcsh"]).status.code(), Some(2));
}

/// Bash completes a subcommand's options: sourcing the script `completions
/// bash` prints and completing `cto-sim simulate --p` offers `--policy`.
#[test]
fn bash_completes_the_options_of_a_subcommand() {
    let dir = std::env::temp_dir().join(format!("cto-sim-complete-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let script = dir.join("cto-sim.bash");
    std::fs::write(&script, cto_sim(&["completions", "bash"]).stdout).unwrap();
    let complete = |words: &[&str]| {
        // What bash does on Tab: the words so far, the word being completed,
        // then the completion function with (command, current, previous).
        let cword = words.len() - 1;
        let line = format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _cto__sim cto-sim '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            words.join(" "),
            words[cword],
            words[cword - 1],
        );
        let out = Command::new("bash")
            .args(["--norc", "-c", &line])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let offered = complete(&["cto-sim", "simulate", "--p"]);
    assert_eq!(offered.trim(), "--policy", "{offered}");
    let offered = complete(&["cto-sim", "balance", "--"]);
    assert!(offered.lines().any(|l| l == "--runs"), "{offered}");
    let offered = complete(&["cto-sim", "sim"]);
    assert_eq!(offered.trim(), "simulate", "{offered}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Every command whose output goes into a pipe that is already closed (as
/// `| head` closes it) ends quietly: exit 0, no panic, nothing on stderr.
#[test]
fn a_closed_pipe_ends_every_command_quietly() {
    let dir = std::env::temp_dir().join(format!("cto-sim-pipe-{}", std::process::id()));
    let runs = dir.join("runs");
    std::fs::create_dir_all(&runs).unwrap();
    std::fs::copy(
        "tests/runs/tutorial-balanced-1.ron",
        runs.join("tutorial-balanced-1.ron"),
    )
    .unwrap();
    let run = runs.join("tutorial-balanced-1.ron").display().to_string();
    let commands: Vec<Vec<&str>> = vec![
        vec!["completions", "bash"],
        vec!["--help"],
        vec!["simulate", "--help"],
        vec!["--version"],
        vec!["policies"],
        vec!["scenarios"],
        vec!["simulate", "--policy", "balanced"],
        vec!["simulate", "--policy", "balanced", "--runs", "3"],
        vec!["simulate", "--policy", "balanced", "--runs", "3", "--json"],
        vec![
            "simulate", "--policy", "all", "--runs", "1", "-s", "tutorial",
        ],
        vec!["balance", "-s", "tutorial", "--runs", "1"],
        vec!["check", "tutorial"],
        vec!["verify", &run],
        vec!["report", &run],
        vec!["runs"],
        vec!["runs", "--json"],
        vec!["scores"],
    ];
    for args in &commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
            .args(args)
            .env("CTO_SIM_DATA_DIR", &dir)
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stderr), "", "{args:?}");
    }
    // And as the shell does it, with a reader that leaves after one line.
    let out = Command::new("bash")
        .args(["-c", "set -o pipefail; \"$0\" completions bash | head -1"])
        .arg(env!("CARGO_BIN_EXE_cto-sim"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "_cto__sim() {\n");
    std::fs::remove_dir_all(&dir).ok();
}

/// Seeds that wrap past the largest one back to 0 are named as they are
/// played, not as a range running backwards.
#[test]
fn seeds_that_wrap_around_are_named_in_order() {
    let max = u64::MAX.to_string();
    let out = cto_sim(&[
        "simulate", "--policy", "passive", "--seed", &max, "--runs", "3", "--weeks", "5",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = text(&out.stdout);
    assert!(said.contains(&format!("(seeds {max} and 0–1)")), "{said}");
    assert!(!said.contains(&format!("{max}–1")), "{said}");
}

/// A scenario whose name holds line breaks (or the Unicode line and paragraph
/// separators) cannot forge lines in what `scenarios`, `simulate`, `runs`,
/// `scores` and `report` print: each name stays on its line, escaped.
#[test]
fn a_line_break_in_a_name_cannot_forge_a_line_of_output() {
    let dir = std::env::temp_dir().join(format!("cto-sim-forge-{}", std::process::id()));
    let folder = dir.join("scenarios");
    let runs = dir.join("runs");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::create_dir_all(&runs).unwrap();
    let tutorial = std::fs::read_to_string("scenarios/tutorial.ron").unwrap();
    let forged = tutorial.replacen(
        "name: \"Tutorial: your first two years\"",
        "name: \"Line1\\nForged: ok, 0 errors\\u{2028}Forged too\\u{2029}\"",
        1,
    );
    assert_ne!(forged, tutorial);
    let scenario = folder.join("forged.ron");
    std::fs::write(&scenario, forged).unwrap();
    let sc = scenario.display().to_string();
    let recorded = cto_sim_in(
        &dir,
        &[
            "simulate",
            "-p",
            "balanced",
            "-s",
            &sc,
            "--record",
            runs.to_str().unwrap(),
        ],
    );
    assert!(recorded.status.success(), "{}", text(&recorded.stderr));
    let run = runs.join("balanced-1.ron").display().to_string();
    for args in [
        vec!["scenarios"],
        vec!["simulate", "-p", "balanced", "-s", &sc],
        vec!["simulate", "-p", "balanced", "-s", &sc, "--runs", "2"],
        vec!["simulate", "-p", "all", "-s", &sc, "--runs", "1"],
        vec!["runs"],
        vec!["scores"],
        vec!["report", &run],
    ] {
        let out = cto_sim_in(&dir, &args);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let said = text(&out.stdout);
        assert!(
            !said.lines().any(|l| l.starts_with("Forged")),
            "{args:?} let the name start a line:\n{said}"
        );
        assert!(
            !said.contains(['\u{2028}', '\u{2029}']),
            "{args:?}:\n{said}"
        );
        // (`scenarios` names a user's scenario by its file.)
        if args != ["scenarios"] {
            assert!(said.contains("Line1\\u{a}"), "{args:?}:\n{said}");
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

fn cto_sim_in(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(args)
        .env("CTO_SIM_DATA_DIR", data)
        .output()
        .expect("the binary runs")
}
