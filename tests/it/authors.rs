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

fn in_data_dir(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .env("CTO_SIM_DATA_DIR", data)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `new` writes a skeleton into the scenario folder that checks clean, is
/// listed with the other scenarios and plays, by name and by path.
#[test]
fn a_new_scenario_checks_clean_is_listed_and_plays() {
    let data = std::env::temp_dir().join(format!("cto-sim-new-{}", std::process::id()));
    std::fs::remove_dir_all(&data).ok();
    let made = in_data_dir(&data, &["new", "mine"]);
    assert!(made.status.success(), "{}", text(&made));
    let file = data.join("scenarios/mine.ron");
    assert!(
        text(&made).contains(&file.display().to_string()),
        "{}",
        text(&made)
    );
    let checked = in_data_dir(&data, &["check", file.to_str().unwrap()]);
    assert_eq!(checked.status.code(), Some(0), "{}", text(&checked));
    assert!(
        text(&checked).contains("ok, 0 errors, 0 warnings"),
        "{}",
        text(&checked)
    );
    let listed = in_data_dir(&data, &["scenarios"]);
    let line = String::from_utf8_lossy(&listed.stdout)
        .lines()
        .find(|l| l.starts_with("mine "))
        .map(str::to_string)
        .unwrap_or_else(|| panic!("not listed:\n{}", text(&listed)));
    assert!(
        line.contains("user") && !line.contains("does not load"),
        "{line}"
    );
    let played = in_data_dir(
        &data,
        &["simulate", "mine", "--policy", "balanced", "--json"],
    );
    assert!(played.status.success(), "{}", text(&played));
    let v: serde_json::Value = serde_json::from_slice(&played.stdout).unwrap();
    assert_eq!(v["scenario"], "Mine");
    assert!(v["weeks_simulated"].as_u64().unwrap() > 0, "{v}");
    std::fs::remove_dir_all(&data).ok();
}

/// `new` never writes over a file: a second `new` with the same name fails
/// and the author's edits stay; a name that is not a plain file name fails.
#[test]
fn new_refuses_to_overwrite_a_scenario_or_to_take_a_path() {
    let data = std::env::temp_dir().join(format!("cto-sim-new2-{}", std::process::id()));
    std::fs::remove_dir_all(&data).ok();
    assert!(in_data_dir(&data, &["new", "mine"]).status.success());
    let file = data.join("scenarios/mine.ron");
    std::fs::write(&file, "// my edits\n").unwrap();
    let again = in_data_dir(&data, &["new", "mine"]);
    assert_eq!(again.status.code(), Some(1), "{}", text(&again));
    assert!(text(&again).contains("exists"), "{}", text(&again));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "// my edits\n");
    for bad in ["../escape", "default", "My Game"] {
        let refused = in_data_dir(&data, &["new", bad]);
        assert_eq!(refused.status.code(), Some(1), "{bad}: {}", text(&refused));
        assert!(text(&refused).contains("hint:"), "{}", text(&refused));
    }
    let left: Vec<_> = std::fs::read_dir(data.join("scenarios")).unwrap().collect();
    assert_eq!(left.len(), 1, "only mine.ron: {left:?}");
    std::fs::remove_dir_all(&data).ok();
}

/// The warnings `check` gives for `file`, each as "path: message".
fn warnings_of(file: &str) -> Vec<String> {
    let checked = cto_sim::scenario::load_path(Path::new(file))
        .unwrap_or_else(|e| panic!("{file} loads: {e}"));
    checked
        .warnings
        .iter()
        .map(|w| match w.path() {
            Some(path) => format!("{path}: {}", w.message),
            None => panic!("a warning about no field: {w:?}"),
        })
        .collect()
}

#[test]
fn chance_and_conditions_on_a_follow_up_only_event_are_flagged_as_ignored() {
    let found = warnings_of("tests/scenarios/warnings/follow_up_timing.ron");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with("events[1].chance: `chance` is ignored"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("events[1].when: `when` is ignored"),
        "{found:?}"
    );
    let (code, out) = check("tests/scenarios/warnings/follow_up_timing.ron");
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("events[1].chance: warning:"), "{out}");
}

#[test]
fn a_cooldown_on_an_event_that_fires_once_is_flagged() {
    let found = warnings_of("tests/scenarios/warnings/once_with_cooldown.ron");
    assert_eq!(
        found,
        ["events[0].cooldown_weeks: a `once` event fires at most once, so its cooldown never matters"]
    );
}

#[test]
fn two_choices_with_the_same_label_are_flagged() {
    let found = warnings_of("tests/scenarios/warnings/same_labels.ron");
    assert_eq!(
        found,
        ["events[0].choices[1].label: the same label as choices[0]: the player cannot tell the two apart"]
    );
}

fn check(file: &str) -> (Option<i32>, String) {
    let out = cto_sim(&["check", file]);
    (out.status.code(), text(&out))
}

/// A share given as a percentage parses, but is out of range: the error says
/// how to write it, as the syntax error for `60%` does.
#[test]
fn a_share_written_as_a_percentage_gets_the_fraction_as_a_hint() {
    let (code, out) = check("tests/scenarios/broken/percent_morale.ron");
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("start.morale: error: 60 is outside the allowed range 0–1"),
        "{out}"
    );
    assert!(
        out.contains("hint: shares are fractions from 0 to 1: write `0.6` for 60%"),
        "{out}"
    );
    let text = "(version: 1, name: \"x\", description: \"x\", events: [(id: \"e\", title: \"t\", \
                text: \"t\", chance: 5, choices: [(label: \"a\", effects: [Change(metric: morale, by: -20)])])])";
    let found = cto_sim::scenario::load_str(text, "x.ron").unwrap_err();
    let hints: Vec<_> = found.iter().filter_map(|d| d.hint.as_deref()).collect();
    assert!(
        hints.iter().any(|h| h.ends_with("write `0.05` for 5%")),
        "{hints:?}"
    );
    assert!(
        hints.iter().any(|h| h.ends_with("write `-0.2` for -20%")),
        "{hints:?}"
    );
}

/// `balance --json` gives each policy its 95% interval and every ending it
/// met, the search's best recipe checked on seeds it never saw with
/// `balanced`'s lead and its interval, and the verdict in words.
#[test]
fn the_balance_report_has_intervals_endings_the_search_and_a_verdict() {
    let out = cto_sim(&["balance", "tutorial", "--runs", "4", "--json"]);
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for row in v["bots"].as_array().unwrap() {
        let endings: u64 = row["endings"]
            .as_object()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(endings, 4, "every run has its ending: {row}");
        assert!(row["ci95"].as_f64().unwrap() >= 0.0, "{row}");
    }
    let search = &v["search"];
    assert!(search["evaluated"].as_u64().unwrap() > 10, "{search}");
    assert!(
        search["fresh_seed"].as_u64().unwrap() > 4,
        "fresh seeds: {search}"
    );
    assert_eq!(search["fresh_balanced"]["policy"], "balanced");
    let best = search["fresh_best"]["policy"].as_str().unwrap();
    assert!(best.starts_with("fixed:"), "{best}");
    assert!(search["lead_ci95"].as_f64().is_some(), "{search}");
    let events = v["events"].as_array().unwrap();
    let deck = cto_sim::engine::Scenario::builtin("tutorial")
        .unwrap()
        .events;
    assert_eq!(
        events.len(),
        deck.len(),
        "every event of the tutorial's deck"
    );
    for e in events {
        assert!(e["per_run"].as_f64().unwrap() >= 0.0, "{e}");
        assert!(!e["choices"].as_array().unwrap().is_empty(), "{e}");
    }
    let verdict = v["verdict"].as_array().unwrap();
    assert!(
        verdict
            .iter()
            .any(|l| l.as_str().unwrap().contains("passive")),
        "{verdict:?}"
    );
}

/// `check --json` on a file with a value error and syntax errors: every error
/// is there, each with the line and column of what is wrong, as documented in
/// docs/scenario-format.md; the text form points at the value with a caret.
#[test]
fn check_json_gives_every_error_with_its_line_and_column() {
    let file = "tests/scenarios/broken/value_and_syntax_errors.ron";
    let out = cto_sim(&["check", "--json", file]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(json["ok"], false);
    let report = &json["files"][0];
    assert_eq!(report["file"], file);
    assert_eq!(report["errors"], 3, "{report:#}");
    let found: Vec<(u64, u64, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert_eq!(d["severity"], "error");
            assert!(d["hint"].is_string(), "{d}");
            (
                d["line"].as_u64().expect("a line"),
                d["column"].as_u64().expect("a column"),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    // The missing comma after `title: "Two"`, found at the next field; the
    // `5%`, found after the parser read past the broken event; `morale: 60`.
    assert_eq!(found[0], (19, 13, "expected a comma"));
    assert_eq!(found[1], (26, 22, "expected a number, without `%`"));
    assert_eq!(found[2], (7, 64, "60 is outside the allowed range 0–1"));
    assert_eq!(report["diagnostics"][2]["path"], "start.morale");
    let (code, out) = check(file);
    assert_eq!(code, Some(1));
    assert!(
        out.contains(&format!("{file}:7:64: start.morale: error: 60 is outside")),
        "{out}"
    );
    let mut shown = out.lines().skip_while(|l| !l.contains(":7:64:")).skip(1);
    let (line, caret) = (shown.next().unwrap(), shown.next().unwrap());
    let under = caret.find('^').expect("a caret");
    assert_eq!(&line[under..under + 2], "60", "{out}");
}

/// The picker on the built-ins, a valid file and a broken one in the
/// scenario folder, with the cursor on `row`.
fn picker_with_a_broken_file(row: usize) -> cto_sim::ui::screens::picker::Picker {
    let files = [
        std::path::PathBuf::from("scenarios/examples/pivot.ron"),
        std::path::PathBuf::from("tests/scenarios/broken/value_and_syntax_errors.ron"),
    ];
    let mut picker =
        cto_sim::ui::screens::picker::Picker::with_listing(cto_sim::scenario::list_with(&files));
    picker.cursor = row;
    picker
}

fn draw_picker(
    picker: &cto_sim::ui::screens::picker::Picker,
    theme: cto_sim::ui::theme::Theme,
) -> ratatui::buffer::Buffer {
    let area = ratatui::layout::Rect::new(0, 0, 100, 24);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    picker.render(theme, None, area, &mut buf);
    buf
}

/// A scenario in the folder that does not load is in the picker, greyed out,
/// with its first error; every scenario is listed by its own name; picking the
/// broken one says what is wrong instead of starting.
#[test]
fn the_picker_lists_a_broken_scenario_greyed_out_with_its_error() {
    use cto_sim::ui::keymap::Action;
    use cto_sim::ui::screens::protocol::Outcome;
    let broken_row = cto_sim::scenario::BUILTIN.len() + 1;
    let mut picker = picker_with_a_broken_file(broken_row);
    let shown = draw_picker(&picker, cto_sim::ui::theme::Theme::PLAIN);
    let screen: String = (0..shown.area.height)
        .map(|y| {
            let line: String = (0..shown.area.width)
                .map(|x| shown[(x, y)].symbol().to_string())
                .collect();
            line.trim_end().to_string() + "\n"
        })
        .collect();
    assert!(screen.contains("Garage to growth"), "{screen}");
    assert!(screen.contains("The pivot"), "{screen}");
    assert!(screen.contains("(does not load:"), "{screen}");
    insta::assert_snapshot!(screen);
    match picker.on_action(Action::Select) {
        Outcome::Say(message) => assert!(message.contains("expected a comma"), "{message}"),
        other => panic!("a broken scenario started: {other:?}"),
    }
    // Away from the cursor, the broken one is greyed and the others are not.
    let colour = cto_sim::ui::theme::Theme { color: true };
    picker.cursor = 0;
    let drawn = draw_picker(&picker, colour);
    let row = |i: usize| drawn[(2, 2 + i as u16)].style();
    assert_eq!(row(broken_row).fg, colour.dim().fg);
    assert_ne!(row(broken_row - 1).fg, colour.dim().fg);
}

/// An event with no `once` and no cooldown that fires often and pays far
/// more, over the run, than the company starts with is flagged at the
/// effect; no built-in scenario is (they check clean, `scenarios.rs`).
#[test]
fn an_event_that_can_pay_out_every_week_is_flagged() {
    let found = warnings_of("tests/scenarios/warnings/weekly_windfall.ron");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "events[0].choices[0].effects[0].by: this event can fire every week (chance 0.5"
        ),
        "{found:?}"
    );
    assert!(found[0].contains("+$520.0M cash"), "{found:?}");
    for (name, text) in cto_sim::scenario::BUILTIN {
        let checked = cto_sim::scenario::load_str(text, name).unwrap();
        assert!(
            checked
                .warnings
                .iter()
                .all(|w| !w.message.contains("every week")),
            "{name}: {:?}",
            checked.warnings
        );
    }
}

/// `check --watch` checks the file, checks it again when it is saved, and
/// stops with exit code 0 on Ctrl-C (SIGINT), whether it is given the file's
/// path or its name in the scenario folder (as the reference writes it).
#[cfg(unix)]
#[test]
fn check_watch_rechecks_on_save_and_stops_on_ctrl_c() {
    for by_name in [false, true] {
        watch_session(by_name);
    }
}

#[cfg(unix)]
fn watch_session(by_name: bool) {
    use std::io::{BufRead, BufReader};
    let dir = std::env::temp_dir().join(format!("cto-sim-watch-{}-{by_name}", std::process::id()));
    let folder = dir.join("scenarios");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("mine.ron");
    std::fs::copy("scenarios/tutorial.ron", &file).unwrap();
    let arg = if by_name {
        "mine".to_string()
    } else {
        file.to_str().unwrap().to_string()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .env("CTO_SIM_DATA_DIR", &dir)
        .args(["check", "--watch", &arg])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    // Never hang the suite: the watcher is killed after a minute unless the
    // test is done with it by then.
    let (done, finished) = std::sync::mpsc::channel::<()>();
    let guard = std::thread::spawn(move || {
        if finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .is_err()
        {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
        }
    });
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut until = |needle: &str| -> Vec<String> {
        let mut seen = Vec::new();
        for line in lines.by_ref() {
            let line = line.unwrap();
            seen.push(line.clone());
            if line.contains(needle) {
                return seen;
            }
        }
        panic!("no {needle:?} in {seen:#?}");
    };
    let first = until("watching");
    assert!(
        first.iter().any(|l| l.contains(": ok, 0 errors")),
        "{first:#?}"
    );
    std::fs::write(
        &file,
        "(version: 1, name: \"x\", description: \"y\", start: (morale: 60))",
    )
    .unwrap();
    let again = until("watching");
    assert!(
        again.iter().any(|l| l.contains("changed: checking again")),
        "{again:#?}"
    );
    assert!(
        again.iter().any(|l| l.contains("start.morale: error")),
        "{again:#?}"
    );
    let _ = Command::new("kill")
        .args(["-INT", &pid.to_string()])
        .status();
    let last = until("stopped watching");
    assert!(!last.is_empty());
    let status = child.wait().unwrap();
    done.send(()).unwrap();
    guard.join().unwrap();
    assert!(status.success(), "{status:?}");
    std::fs::remove_dir_all(&dir).ok();
}
