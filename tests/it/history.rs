//! The run history: every run listed, newest first, however many there are;
//! an index that only ever speeds listing up; scores that count only the
//! scenario they name; a fork's parent looked for; and the Replays list.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cto_sim::run;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cto-sim-history-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(dir.join("runs")).unwrap();
    dir
}

fn cto_sim(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(args)
        .env("CTO_SIM_DATA_DIR", data)
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn runs_json(data: &Path) -> Vec<serde_json::Value> {
    let out = cto_sim(data, &["runs", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// Set `path`'s modification time to `secs` after 1970.
fn touch(path: &Path, secs: u64) {
    let f = std::fs::File::options().write(true).open(path).unwrap();
    f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(secs))
        .unwrap();
}

/// The golden default run cut to `weeks` weeks: a run in progress.
fn unfinished(weeks: usize) -> run::RunRecord {
    let mut record = run::load(Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    record.weeks.truncate(weeks);
    record.ending = None;
    record
}

/// 2,030 finished runs and one newer unfinished one: the listing has them
/// all, the unfinished one first, the first time and again from the index;
/// and `continue` finds it.
#[test]
fn the_newest_run_is_first_and_continued_among_thousands() {
    let data = temp_dir("thousands");
    let runs = data.join("runs");
    let finished = runs.join("finished.ron");
    std::fs::copy("tests/runs/tutorial-balanced-1.ron", &finished).unwrap();
    touch(&finished, 1_700_000_000);
    for i in 0..2030 {
        std::fs::hard_link(&finished, runs.join(format!("old-{i:04}.ron"))).unwrap();
    }
    std::fs::remove_file(&finished).unwrap();
    let newest = runs.join("newest.ron");
    run::save_atomic(&newest, &unfinished(12)).unwrap();
    for pass in ["first listing", "from the index"] {
        let listed = runs_json(&data);
        assert_eq!(listed.len(), 2031, "{pass}");
        assert_eq!(listed[0]["file"], "newest.ron", "{pass}");
        assert!(
            listed[0]["ending"].is_null() && listed[0]["error"].is_null(),
            "{pass}"
        );
        assert!(
            listed[1..].iter().all(|r| r["ending"] == "graduated"),
            "{pass}"
        );
    }
    let resumed = run::resume::newest_unfinished(&runs, run::verify).unwrap();
    assert_eq!(resumed.path, newest);
    assert_eq!(resumed.loaded.record.weeks.len(), 12);
    std::fs::remove_dir_all(&data).ok();
}

/// The index is only a shortcut: a damaged or hostile one is ignored and
/// rebuilt, a run file changed since it was listed is read again, and a
/// score the index makes up never reaches the scoreboard.
#[test]
fn a_damaged_or_lying_index_changes_nothing_a_player_sees() {
    let data = temp_dir("index");
    let runs = data.join("runs");
    std::fs::copy("tests/runs/tutorial-balanced-1.ron", runs.join("a.ron")).unwrap();
    std::fs::copy("tests/runs/default-balanced-1.ron", runs.join("b.ron")).unwrap();
    let truth = runs_json(&data);
    let index = runs.join(run::index::INDEX_FILE);
    assert!(index.exists(), "listing writes the index");
    let honest = std::fs::read_to_string(&index).unwrap();
    let nested = "[".repeat(1_000_000);
    let lying = honest.replacen("\"score\":", "\"score\":999.0,\"x\":", 1);
    let inflated = {
        let mut v: serde_json::Value = serde_json::from_str(&honest).unwrap();
        for (_, run) in v["runs"].as_object_mut().unwrap() {
            run["facts"]["score"] = serde_json::json!(999.0);
        }
        v.to_string()
    };
    for (what, bad) in [
        ("empty", ""),
        ("not JSON", "\u{1b}[2J garbage"),
        ("deeply nested", nested.as_str()),
        ("unknown fields", lying.as_str()),
        ("wrong types", "{\"format\":\"one\",\"runs\":[]}"),
        ("made-up scores", inflated.as_str()),
    ] {
        std::fs::write(&index, bad).unwrap();
        let listed = runs_json(&data);
        let files: Vec<_> = listed.iter().map(|r| &r["file"]).collect();
        assert_eq!(
            files,
            truth.iter().map(|r| &r["file"]).collect::<Vec<_>>(),
            "{what}"
        );
        if what != "made-up scores" {
            assert_eq!(listed, truth, "{what}");
            let rebuilt = std::fs::read_to_string(&index).unwrap();
            assert!(
                rebuilt.starts_with('{') && rebuilt.contains("a.ron"),
                "{what}"
            );
        }
        let scores = text(&cto_sim(&data, &["scores"]).stdout);
        assert!(!scores.contains("999"), "{what}: {scores}");
        assert!(scores.contains("seed 1"), "{what}: {scores}");
    }
    // A file changed after it was listed is read again.
    let good = std::fs::read_to_string(runs.join("a.ron")).unwrap();
    std::fs::write(runs.join("a.ron"), good.replacen("seed: 1", "seed: 2", 1)).unwrap();
    let listed = runs_json(&data);
    let a = listed.iter().find(|r| r["file"] == "a.ron").unwrap();
    assert!(a["error"].is_string(), "{a}");
    std::fs::remove_dir_all(&data).ok();
}

/// A copy of the default scenario under its name, with $90M of ARR and a win
/// in week 1, verifies, but its score is listed under its own scenario, never
/// under the built-in "Garage to growth" where honest runs are.
#[test]
fn a_copy_of_a_built_in_scenario_does_not_score_as_the_built_in() {
    let data = temp_dir("forged");
    let runs = data.join("runs");
    std::fs::copy("tests/runs/default-balanced-1.ron", runs.join("honest.ron")).unwrap();
    let default = std::fs::read_to_string("scenarios/default.ron").unwrap();
    let forged = default
        .replacen("arr: 150000.0,", "arr: 90000000.0,", 1)
        .replacen(
            "    events: [",
            "    endings: [(id: \"instant\", title: \"Won\", outcome: Win, when: [(metric: week, op: at_least, value: 1)])],\n    events: [",
            1,
        );
    assert_ne!(forged, default);
    let path = data.join("forged.ron");
    std::fs::write(&path, forged).unwrap();
    let out = cto_sim(
        &data,
        &[
            "simulate",
            "-p",
            "balanced",
            "-s",
            path.to_str().unwrap(),
            "--record",
            runs.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = cto_sim(
        &data,
        &["verify", runs.join("balanced-1.ron").to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "the forged run verifies: {}",
        text(&out.stdout)
    );
    let scores = text(&cto_sim(&data, &["scores"]).stdout);
    let boards: Vec<(&str, Vec<&str>)> =
        scores
            .split("\n")
            .filter(|l| !l.is_empty())
            .fold(Vec::new(), |mut acc, l| {
                if l.starts_with(' ') {
                    acc.last_mut().unwrap().1.push(l);
                } else {
                    acc.push((l, Vec::new()));
                }
                acc
            });
    let board = |name: &str| {
        boards
            .iter()
            .find(|(b, _)| *b == name)
            .map(|(_, r)| r.clone())
    };
    let builtin = board("Garage to growth").expect(&scores);
    assert_eq!(builtin.len(), 1, "{scores}");
    assert!(builtin[0].contains("honest.ron"), "{scores}");
    let own: Vec<_> = boards
        .iter()
        .filter(|(b, _)| b.starts_with("Garage to growth (own scenario "))
        .collect();
    assert_eq!(own.len(), 1, "{scores}");
    assert!(own[0].1[0].contains("balanced-1.ron"), "{scores}");
    std::fs::remove_dir_all(&data).ok();
}

/// A fork names its parent; the history finds it, and a fork whose parent
/// was edited says "parent not found". A parent week past the fork's own
/// weeks is refused outright.
#[test]
fn a_fork_s_parent_is_found_or_said_to_be_missing() {
    let data = temp_dir("parent");
    let runs = data.join("runs");
    std::fs::copy("tests/runs/default-balanced-1.ron", runs.join("parent.ron")).unwrap();
    let record = run::load(Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    let v = run::verify(&record, "golden").unwrap();
    let mut app = cto_sim::ui::App::replay(v.recording);
    app.seek(40);
    app.act(cto_sim::ui::keymap::Action::Fork);
    app.autosave.folder = Some(runs.clone());
    for _ in 0..2 {
        app.end_week();
        app.close_dialogs();
        app.autosave(std::time::SystemTime::now());
    }
    let fork = app.autosave.path.clone().expect("the fork is saved");
    let lineage = |data: &Path| {
        let listed = runs_json(data);
        let row = listed
            .iter()
            .find(|r| r["file"] == fork.file_name().unwrap().to_str().unwrap())
            .unwrap()
            .clone();
        (row["forked_at_week"].clone(), row["parent_file"].clone())
    };
    assert_eq!(lineage(&data), (40.into(), "parent.ron".into()));
    let listing = text(&cto_sim(&data, &["runs"]).stdout);
    assert!(
        listing.contains("fork of parent.ron from week 40"),
        "{listing}"
    );
    // The parent named by another hash: not found (the fork still replays).
    let text_of = std::fs::read_to_string(&fork).unwrap();
    let parent = run::load(&fork).unwrap().parent.unwrap();
    let edited = text_of.replacen(&format!("run: {}", parent.run), "run: 12345", 1);
    assert_ne!(edited, text_of);
    std::fs::write(&fork, &edited).unwrap();
    assert_eq!(lineage(&data), (40.into(), serde_json::Value::Null));
    let listing = text(&cto_sim(&data, &["runs"]).stdout);
    assert!(
        listing.contains("fork from week 40, parent not found"),
        "{listing}"
    );
    // The parent's own file edited: not found either.
    std::fs::write(&fork, &text_of).unwrap();
    assert_eq!(lineage(&data).1, "parent.ron");
    let parent_text = std::fs::read_to_string(runs.join("parent.ron")).unwrap();
    let record = run::parse(&parent_text, "parent").unwrap();
    let mut changed = record.clone();
    changed.weeks[5].decision.hours = changed.weeks[5].decision.hours.saturating_sub(1).max(1);
    if changed.weeks[5].decision == record.weeks[5].decision {
        changed.weeks[5].decision.hours += 1;
    }
    run::save_atomic(&runs.join("parent.ron"), &changed).unwrap();
    assert_eq!(lineage(&data).1, serde_json::Value::Null);
    // A fork week past the weeks in the file is refused.
    let impossible = text_of.replacen("week: 40", "week: 4294967295", 1);
    std::fs::write(&fork, impossible).unwrap();
    let out = cto_sim(&data, &["verify", fork.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("parent"),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(&data).ok();
}

/// A `runs` path that is a file is named as the problem, not taken for an
/// empty history.
#[test]
fn a_runs_path_that_is_a_file_says_so() {
    let data = temp_dir("file");
    std::fs::remove_dir_all(data.join("runs")).unwrap();
    std::fs::write(data.join("runs"), "oops").unwrap();
    for args in [
        vec!["runs"],
        vec!["runs", "--json"],
        vec!["scores"],
        vec!["continue"],
    ] {
        let out = cto_sim(&data, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let said = text(&out.stderr);
        assert!(said.contains("is a file, not a folder"), "{args:?}: {said}");
        assert!(!text(&out.stdout).contains("No runs yet"), "{args:?}");
    }
    std::fs::remove_dir_all(&data).ok();
}

/// The Replays list keeps its columns whatever the files are called: a file
/// named by hand, with a line break, a tab, wide characters or a long name,
/// shows its date (from the file) and every column where the game's own
/// names put them.
#[test]
fn the_replays_list_keeps_its_columns_for_any_file_name() {
    use cto_sim::run::loading::Loading;
    use cto_sim::ui::screens::runs::Runs;
    let data = temp_dir("names");
    let runs = data.join("runs");
    let names = [
        "2026-01-02-134501-garage-to-growth-seed1.ron",
        "mine.ron",
        "a\nb\tc.ron",
        "漢字とemoji🙂がとても長いファイル名のランです.ron",
        "x.ron",
    ];
    for (i, name) in names.iter().enumerate() {
        let path = runs.join(name);
        std::fs::copy("tests/runs/tutorial-balanced-1.ron", &path).unwrap();
        touch(&path, 1_790_000_000 + i as u64 * 60);
    }
    let mut screen = Runs::of(Loading::start(Some(runs.clone())));
    screen.wait();
    let area = ratatui::layout::Rect::new(0, 0, 110, 14);
    let mut buf = ratatui::buffer::Buffer::empty(area);
    let theme = cto_sim::ui::theme::Theme { color: false };
    screen.render(theme, None, area, &mut buf);
    let rows: Vec<String> = (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|l| l.contains(" wk "))
        .collect();
    assert_eq!(rows.len(), names.len(), "{rows:#?}");
    let column = |l: &str, word: &str| l.find(word).map(|b| l[..b].chars().count());
    let seed = column(&rows[0], "seed").unwrap();
    let weeks = column(&rows[0], " wk ").unwrap();
    for r in &rows {
        assert_eq!(column(r, "seed"), Some(seed), "{rows:#?}");
        assert_eq!(column(r, " wk "), Some(weeks), "{rows:#?}");
        assert!(r.contains("graduated"), "{rows:#?}");
    }
    // The game's name gives the date; a name by hand, the file's time.
    assert!(
        rows.iter().any(|r| r.contains("2026-01-02 13:45")),
        "{rows:#?}"
    );
    assert!(rows.iter().any(|r| r.contains("2026-09-21 ")), "{rows:#?}");
    std::fs::remove_dir_all(&data).ok();
}

/// A run's name exactly as `cto-sim runs` prints it (or without `.ron`) is
/// what `report`, `verify` and `replay` take; a name in no folder is refused
/// under that name.
#[test]
fn report_and_verify_take_a_run_by_the_name_runs_prints() {
    let data = temp_dir("named");
    std::fs::copy(
        "tests/runs/tutorial-balanced-1.ron",
        data.join("runs/tutorial-from-history.ron"),
    )
    .unwrap();
    let listed = text(&cto_sim(&data, &["runs"]).stdout);
    let name = listed
        .lines()
        .nth(1)
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string();
    assert_eq!(name, "tutorial-from-history.ron", "{listed}");
    for arg in [name.as_str(), "tutorial-from-history"] {
        let report = cto_sim(&data, &["report", arg]);
        assert!(report.status.success(), "{}", text(&report.stderr));
        assert!(text(&report.stdout).contains("Tutorial"));
        let verify = cto_sim(&data, &["verify", arg]);
        assert!(verify.status.success(), "{}", text(&verify.stderr));
    }
    let missing = cto_sim(&data, &["report", "no-such-run.ron"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(text(&missing.stderr).contains("no-such-run.ron"));
    std::fs::remove_dir_all(&data).ok();
}
