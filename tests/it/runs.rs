//! Saved runs: golden runs replay exactly, a changed decision is caught at its
//! week, damaged files are refused with a clear message, and every run and
//! fork keeps its own file (saving itself: `saves`).

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use cto_sim::run::{self, Recording, RunError};

fn golden() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/runs")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

pub(crate) fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cto-sim-runs-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn cli(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// `simulate --record` writes what the golden runs hold, byte for byte: for a
/// single run (the timeline) and within a batch alike; and every file verifies.
#[test]
fn simulate_record_writes_the_golden_runs_again() {
    let dir = temp_dir("record");
    let single = dir.join("single");
    let batch = dir.join("batch");
    std::fs::create_dir_all(&single).unwrap();
    std::fs::create_dir_all(&batch).unwrap();
    let (code, out) = cli(&[
        "simulate",
        "--policy",
        "coder",
        "--scenario",
        "scale_up",
        "--seed",
        "3",
        "--record",
        single.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{out}");
    let (code, out) = cli(&[
        "simulate",
        "--policy",
        "coder",
        "--scenario",
        "scale_up",
        "--seed",
        "2",
        "--runs",
        "3",
        "--record",
        batch.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{out}");
    let golden = std::fs::read("tests/runs/scale_up-coder-3.ron").unwrap();
    assert_eq!(std::fs::read(single.join("coder-3.ron")).unwrap(), golden);
    assert_eq!(std::fs::read(batch.join("coder-3.ron")).unwrap(), golden);
    for seed in 2..=4 {
        let f = batch.join(format!("coder-{seed}.ron"));
        let (code, out) = cli(&["verify", f.to_str().unwrap()]);
        assert_eq!(code, Some(0), "{out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn every_golden_run_replays_exactly() {
    let files = golden();
    let scenarios: Vec<String> = files
        .iter()
        .map(|f| {
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .split('-')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    for (name, _) in cto_sim::scenario::BUILTIN {
        assert!(
            scenarios.iter().any(|s| s == name),
            "no golden run for {name}"
        );
    }
    for f in &files {
        let record = run::load(f).unwrap();
        let v = run::verify(&record, &f.display().to_string())
            .unwrap_or_else(|e| panic!("{e}\n(if the rules changed on purpose, bump RULES_VERSION and re-record: see README)"));
        assert_eq!(v.weeks as usize, record.weeks.len());
        assert!(
            v.ending.is_some(),
            "{}: golden runs are complete",
            f.display()
        );
    }
    let (code, out) = cli(&["verify", files[0].to_str().unwrap()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("replayed exactly"), "{out}");
}

#[test]
fn a_changed_decision_is_reported_at_its_week() {
    let f = Path::new("tests/runs/default-balanced-1.ron");
    let mut record = run::load(f).unwrap();
    record.weeks[99].decision.hours = 70;
    let err = run::verify(&record, "edited.ron").unwrap_err();
    match &err {
        RunError::Diverged { divergence, .. } => {
            assert_eq!(divergence.week, 100);
            assert!(!divergence.fields.is_empty(), "names the fields: {err}");
        }
        other => panic!("expected a divergence, got {other}"),
    }
    let dir = temp_dir("changed");
    let path = dir.join("edited.ron");
    run::save_atomic(&path, &record).unwrap();
    let (code, out) = cli(&["verify", path.to_str().unwrap(), "--json"]);
    assert_eq!(code, Some(1), "{out}");
    let v: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(v["ok"], false);
    assert_eq!(v["first_divergent_week"], 100);
    std::fs::remove_dir_all(&dir).ok();
}

/// A damaged copy of a golden run, and what `verify` must say about it.
fn damaged(dir: &Path) -> Vec<(PathBuf, &'static str)> {
    let good = std::fs::read_to_string("tests/runs/tutorial-balanced-1.ron").unwrap();
    let mut out = Vec::new();
    let mut write = |name: &str, text: &[u8], expect: &'static str| {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        out.push((p, expect));
    };
    write("truncated.ron", &good.as_bytes()[..good.len() / 2], "error");
    let mut flipped = good.clone().into_bytes();
    let at = good.rfind("hash: ").unwrap() + 8;
    flipped[at] = if flipped[at] == b'1' { b'2' } else { b'1' };
    write("flipped_hash.ron", &flipped, "diverges in week");
    write(
        "wrong_version.ron",
        good.replacen(
            &format!("format_version: {}", run::RUN_FORMAT_VERSION),
            "format_version: 7",
            1,
        )
        .as_bytes(),
        "run-file format 7 is not supported",
    );
    write(
        "wrong_rules.ron",
        good.replacen(
            &format!("rules_version: {}", cto_sim::engine::RULES_VERSION),
            "rules_version: 99",
            1,
        )
        .as_bytes(),
        "simulation rules 99",
    );
    let seed_line = good
        .lines()
        .find(|l| l.trim_start().starts_with("seed:"))
        .unwrap();
    write(
        "missing_field.ron",
        good.replacen(&format!("{seed_line}\n"), "", 1).as_bytes(),
        "missing field `seed`",
    );
    write(
        "edited_scenario.ron",
        good.replacen("cash: 5000000.0", "cash: 9000000.0", 1)
            .as_bytes(),
        "was edited after the run was recorded",
    );
    write(
        "garbage.ron",
        &[0x89, 0x50, 0x4e, 0x47, 0xff, 0x00, 0x13],
        "not a run file",
    );
    write("empty.ron", b"", "error");
    out
}

#[test]
fn damaged_run_files_are_refused_with_a_clear_message() {
    let dir = temp_dir("damaged");
    for (path, expect) in damaged(&dir) {
        let (code, out) = cli(&["verify", path.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{}: {out}", path.display());
        assert!(
            out.contains(expect),
            "{}: expected {expect:?} in:\n{out}",
            path.display()
        );
        assert!(!out.contains("panicked"), "{out}");
    }
    // A 100 MB file is refused before it is read.
    let huge = dir.join("huge.ron");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap();
    let (code, out) = cli(&["verify", huge.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert!(out.contains("run files may be at most"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn continue_without_a_save_says_so() {
    let dir = temp_dir("nosave");
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .arg("continue")
        .env(cto_sim::scenario::DATA_DIR_ENV, &dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no saved run"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn continue_falls_back_to_the_backup_when_the_save_is_damaged() {
    let dir = temp_dir("backup");
    let path = dir.join("latest.ron");
    let scenario = Arc::new(common::default_scenario());
    let mut rec = Recording::start(Arc::clone(&scenario), 3);
    let mut bot = cto_sim::policy::by_name("balanced", 3).unwrap();
    for _ in 0..10 {
        let d = bot.decide(rec.game.state(), &scenario);
        rec.step(&d).unwrap();
        run::save_atomic(&path, &rec.record).unwrap();
    }
    assert!(
        run::backup_path(&path).exists(),
        "the previous save is kept"
    );
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() / 3]).unwrap();
    let loaded = run::load_with_backup(&path).unwrap();
    assert!(loaded.fell_back.is_some(), "says the save was bad");
    assert_eq!(loaded.record.weeks.len(), 9, "the backup is one week older");
    std::fs::remove_dir_all(&dir).ok();
}

/// A run file that claims anything the replay does not produce is refused, with
/// the week and the field named: every headline figure (a few weeks each, NaN
/// included), the header's scenario name and difficulty, and the ending.
#[test]
fn verify_refuses_every_claim_the_replay_does_not_make() {
    let dir = temp_dir("claims");
    let good = run::load(Path::new("tests/runs/tutorial-balanced-1.ron")).unwrap();
    let last = good.weeks.len();
    type Edit = Box<dyn Fn(&mut run::RunRecord)>;
    let mut edits: Vec<(String, Edit, String)> = Vec::new();
    for week in [1, 30, last] {
        let i = week - 1;
        let figures: [(&str, Edit); 7] = [
            ("cash", Box::new(move |r| r.weeks[i].headline.cash += 1e6)),
            ("arr", Box::new(move |r| r.weeks[i].headline.arr *= 1.0001)),
            (
                "headcount",
                Box::new(move |r| r.weeks[i].headline.headcount = 9999),
            ),
            (
                "influence",
                Box::new(move |r| r.weeks[i].headline.influence = 0.1),
            ),
            (
                "authority",
                Box::new(move |r| r.weeks[i].headline.authority -= 1e-12),
            ),
            (
                "morale",
                Box::new(move |r| r.weeks[i].headline.morale = f64::NAN),
            ),
            ("cash", Box::new(move |r| r.weeks[i].headline.cash = -0.0)),
        ];
        for (field, edit) in figures {
            edits.push((format!("week {week}"), edit, field.to_string()));
        }
    }
    edits.push((
        "header".into(),
        Box::new(|r| r.scenario_name = "Something else".into()),
        "scenario_name".into(),
    ));
    edits.push((
        "header".into(),
        Box::new(|r| r.difficulty = 5),
        "difficulty".into(),
    ));
    edits.push((
        "ending".into(),
        Box::new(|r| r.ending = Some("ipo".into())),
        "the ending".into(),
    ));
    for (n, (place, edit, field)) in edits.iter().enumerate() {
        let mut record = good.clone();
        edit(&mut record);
        let path = dir.join(format!("edited-{n}.ron"));
        run::save_atomic(&path, &record).unwrap();
        let (code, out) = cli(&["verify", path.to_str().unwrap()]);
        assert_eq!(code, Some(1), "{place} {field}: {out}");
        assert!(out.contains(field.as_str()), "{place} {field}: {out}");
        if let Some(week) = place.strip_prefix("week ") {
            assert!(
                out.contains(&format!("diverges in week {week}")),
                "{place} {field}: {out}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Play `weeks` weeks of `app` (or to its end), saving after each as the
/// game's loop does.
fn play_saving(app: &mut cto_sim::ui::App, weeks: u32) {
    for _ in 0..weeks {
        if matches!(app.screen, cto_sim::ui::screens::Screen::End(_)) {
            return;
        }
        app.end_week();
        app.close_dialogs();
        app.autosave(std::time::SystemTime::now());
    }
}

fn new_game(scenario: &str, seed: u64, runs: &Path) -> cto_sim::ui::App {
    let sc = Arc::new(cto_sim::engine::Scenario::builtin(scenario).unwrap());
    let mut app = cto_sim::ui::App::new_game(sc, seed);
    app.autosave.folder = Some(runs.to_path_buf());
    app
}

fn runs_json(data: &Path) -> Vec<serde_json::Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["runs", "--json"])
        .env("CTO_SIM_DATA_DIR", data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Finishing a run and starting another leaves both on disk and in
/// `cto-sim runs`; two games started in the same second on one folder each
/// keep their own file.
#[test]
fn every_run_keeps_its_own_file_in_the_history() {
    let data = temp_dir("history");
    let runs = data.join("runs");
    let mut first = new_game("tutorial", 1, &runs);
    play_saving(&mut first, 2000);
    assert!(
        matches!(first.screen, cto_sim::ui::screens::Screen::End(_)),
        "the tutorial ends"
    );
    let mut second = new_game("tutorial", 1, &runs);
    let mut third = new_game("tutorial", 1, &runs);
    play_saving(&mut second, 3);
    play_saving(&mut third, 4);
    let paths: Vec<_> = [&first, &second, &third]
        .iter()
        .map(|a| a.autosave.path.clone().expect("saved"))
        .collect();
    assert_ne!(
        paths[1], paths[2],
        "same scenario, seed and second: two files"
    );
    let listed = runs_json(&data);
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(listed.iter().all(|r| r["error"].is_null()), "{listed:?}");
    let weeks: Vec<u64> = listed
        .iter()
        .map(|r| r["weeks"].as_u64().unwrap())
        .collect();
    assert!(weeks.contains(&3) && weeks.contains(&4), "{weeks:?}");
    let finished: Vec<_> = listed.iter().filter(|r| !r["ending"].is_null()).collect();
    assert_eq!(finished.len(), 1, "the first run, finished, stays");
    // The text listing names every file whole, its columns lined up.
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .arg("runs")
        .env("CTO_SIM_DATA_DIR", &data)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "{text}");
    let column = lines[0].find("scenario").unwrap();
    for (line, row) in lines[1..].iter().zip(&listed) {
        let file = row["file"].as_str().unwrap();
        assert!(line.starts_with(file), "{text}");
        assert!(line[column..].starts_with("Tutorial"), "{text}");
        assert_eq!(line, &line.trim_end(), "no trailing spaces: {text}");
    }
    std::fs::remove_dir_all(&data).ok();
}

/// Forking twice from the same week keeps both forks, each in its own file
/// that names its parent.
#[test]
fn two_forks_from_one_week_are_both_kept() {
    let data = temp_dir("forks");
    let runs = data.join("runs");
    let record = run::load(Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    let mut files = Vec::new();
    for _ in 0..2 {
        let v = run::verify(&record, "golden").unwrap();
        let mut app = cto_sim::ui::App::replay(v.recording);
        app.seek(40);
        app.act(cto_sim::ui::keymap::Action::Fork);
        app.autosave.folder = Some(runs.clone());
        play_saving(&mut app, 2);
        files.push(app.autosave.path.clone().expect("the fork is saved"));
    }
    assert_ne!(files[0], files[1]);
    for f in &files {
        let r = run::load(f).unwrap();
        assert_eq!(r.parent.as_ref().unwrap().week, 40);
        assert_eq!(r.weeks.len(), 42);
        assert!(
            f.file_name()
                .unwrap()
                .to_string_lossy()
                .contains("fork-w40"),
            "{f:?}"
        );
    }
    assert_eq!(runs_json(&data).len(), 2);
    std::fs::remove_dir_all(&data).ok();
}

/// When saving fails, the week screen and the quit dialog say since when the
/// run is not saved; the game plays on and retries; `continue` afterwards
/// resumes at the last week actually saved, the one the warning named.
#[test]
fn a_failing_save_is_shown_and_continue_resumes_at_the_last_saved_week() {
    let data = temp_dir("failing");
    let runs = data.join("runs");
    let mut app = new_game("default", 4, &runs);
    play_saving(&mut app, 3);
    assert_eq!(app.autosave.saved_week, Some(3));
    // The folder stops being writable: it is now a file.
    let moved = data.join("runs.moved");
    std::fs::rename(&runs, &moved).unwrap();
    std::fs::write(&runs, b"not a folder").unwrap();
    play_saving(&mut app, 2);
    assert_eq!(app.state().unwrap().week, 5, "the game plays on");
    let warning = app.autosave.warning().expect("a warning");
    assert!(warning.starts_with("Not saved since week 3"), "{warning}");
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    assert!(term
        .backend()
        .to_string()
        .contains("Not saved since week 3"));
    app.act(cto_sim::ui::keymap::Action::Quit);
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let quit = term.backend().to_string();
    assert!(quit.contains("Not saved since week 3"), "{quit}");
    assert!(!quit.contains("saved after every week"), "{quit}");
    // The folder comes back; what is on disk is week 3, and continue says so.
    std::fs::remove_file(&runs).unwrap();
    std::fs::rename(&moved, &runs).unwrap();
    let listed = runs_json(&data);
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["weeks"], 3);
    // A save that works again clears the warning.
    app.close_dialogs();
    play_saving(&mut app, 1);
    assert!(app.autosave.warning().is_none());
    assert_eq!(app.autosave.saved_week, Some(6));
    std::fs::remove_dir_all(&data).ok();
}

/// Two games on one data folder, in two processes started together with the
/// same scenario and seed: both keep their runs, whole.
#[test]
fn two_games_in_two_processes_keep_both_runs() {
    let soak = soak_example();
    let data = temp_dir("two-games");
    let games: Vec<_> = (0..2)
        .map(|_| {
            Command::new(&soak)
                .args(["--game", data.to_str().unwrap(), "9", "40"])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut g in games {
        assert!(g.wait().unwrap().success());
    }
    let listed = runs_json(&data);
    assert_eq!(listed.len(), 2, "{listed:?}");
    for r in &listed {
        assert_eq!(r["weeks"], 40, "{r}");
        assert!(r["error"].is_null(), "{r}");
    }
    std::fs::remove_dir_all(&data).ok();
}

/// The `autosave_soak` example next to the test binary (cargo builds it for
/// the tests).
pub(crate) fn soak_example() -> std::path::PathBuf {
    let exe = std::env::current_exe().unwrap();
    let soak = exe
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("examples/autosave_soak");
    assert!(soak.exists(), "build the example first: {}", soak.display());
    soak
}

/// The history says why a run will not replay: a run of older rules is
/// "older rules (N)", not mistaken for a damaged file, which "does not
/// verify".
#[test]
fn the_history_tells_an_older_run_from_a_damaged_one() {
    let dir = std::env::temp_dir().join(format!("cto-sim-history-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string("tests/runs/tutorial-balanced-1.ron").unwrap();
    let rules = cto_sim::engine::RULES_VERSION;
    let older = good.replacen(
        &format!("rules_version: {rules}"),
        &format!("rules_version: {}", rules - 1),
        1,
    );
    let newer = good.replacen(
        &format!("rules_version: {rules}"),
        &format!("rules_version: {}", rules + 1),
        1,
    );
    let damaged = good.replacen("seed: 1", "seed: 2", 1);
    for (name, text) in [
        ("good.ron", &good),
        ("older.ron", &older),
        ("newer.ron", &newer),
        ("damaged.ron", &damaged),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let status = |file: &str| {
        cto_sim::run::history::summaries(&dir)
            .unwrap()
            .into_iter()
            .find(|s| s.file == file)
            .unwrap()
            .status()
    };
    assert_eq!(status("good.ron"), "graduated");
    assert_eq!(status("older.ron"), format!("older rules ({})", rules - 1));
    assert_eq!(status("newer.ron"), format!("newer rules ({})", rules + 1));
    assert_eq!(status("damaged.ron"), "does not verify");
    std::fs::remove_dir_all(&dir).ok();
}
