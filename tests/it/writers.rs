//! One player per run: a run being played in one game is held (an OS lock
//! that dies with the process); another game that tries to continue it is
//! told so and offered a fork, and nothing either game plays is lost. Tested
//! with real processes, as two terminals would do it.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use cto_sim::run;

use crate::runs::soak_example;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cto-sim-writers-{name}-{}", std::process::id()));
    std::fs::remove_dir_all(&dir).ok();
    std::fs::create_dir_all(dir.join("runs")).unwrap();
    dir
}

/// A run of the default scenario, unfinished, 28 weeks long, at `path`.
fn run_of_28_weeks(path: &Path) {
    let mut record = run::load(Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    record.weeks.truncate(28);
    record.ending = None;
    run::save_atomic(path, &record).unwrap();
}

/// The soak example in mode `mode` (`--continue` or `--fork`) on `file`, in
/// the data folder above it.
fn game(mode: &str, file: &Path, weeks: u32) -> (Child, BufReader<ChildStdout>) {
    let data = file.parent().unwrap().parent().unwrap();
    let mut child = Command::new(soak_example())
        .args([mode, file.to_str().unwrap(), &weeks.to_string()])
        .env("CTO_SIM_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let out = BufReader::new(child.stdout.take().unwrap());
    (child, out)
}

fn said(out: &mut BufReader<ChildStdout>) -> String {
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    line.trim().to_string()
}

/// Every file of the history verifies: (file name, weeks, parent file).
fn history(data: &Path) -> Vec<(String, u64, Option<String>)> {
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["runs", "--json"])
        .env("CTO_SIM_DATA_DIR", data)
        .output()
        .unwrap();
    let listed: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut rows: Vec<_> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert!(r["error"].is_null(), "{r}");
            (
                r["file"].as_str().unwrap().to_string(),
                r["weeks"].as_u64().unwrap(),
                r["parent_file"].as_str().map(str::to_string),
            )
        })
        .collect();
    rows.sort();
    rows
}

/// Two games continue the same run: the first holds it and plays on; the
/// second (the real `cto-sim continue`, and the game's own code) is told the
/// run is open in another game, takes the offered fork, and plays it. Both
/// keep every week they played, each in a file that verifies; once the first
/// game has gone, the run can be continued again.
#[test]
fn two_games_on_one_run_keep_every_week_either_played() {
    let data = temp_dir("two");
    let path = data.join("runs/the-run.ron");
    run_of_28_weeks(&path);
    let (mut first, mut first_out) = game("--continue", &path, 10);
    assert_eq!(said(&mut first_out), "held 28");
    assert_eq!(said(&mut first_out), "played 38");
    // The real command, while the first game plays: refused, fork offered.
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .args(["continue", path.to_str().unwrap()])
        .env("CTO_SIM_DATA_DIR", &data)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("open in another game"), "{err}");
    assert!(err.contains("cto-sim continue --fork"), "{err}");
    // A second game: refused, then takes the fork.
    let (mut second, mut second_out) = game("--continue", &path, 3);
    assert_eq!(said(&mut second_out), "locked");
    assert_eq!(second.wait().unwrap().code(), Some(3));
    let (mut fork, mut fork_out) = game("--fork", &path, 3);
    assert_eq!(said(&mut fork_out), "held 38");
    assert_eq!(said(&mut fork_out), "played 41");
    assert!(fork.wait().unwrap().success());
    // The first game plays on.
    first.stdin.take().unwrap().write_all(b"go on\n").unwrap();
    assert_eq!(said(&mut first_out), "played 48");
    assert!(first.wait().unwrap().success());
    let runs = history(&data);
    assert_eq!(runs.len(), 2, "{runs:?}");
    let original = runs.iter().find(|r| r.0 == "the-run.ron").unwrap();
    assert_eq!(original.1, 48, "{runs:?}");
    let forked = runs.iter().find(|r| r.0 != "the-run.ron").unwrap();
    assert_eq!(forked.1, 41, "{runs:?}");
    assert_eq!(forked.2.as_deref(), Some("the-run.ron"), "{runs:?}");
    // The first game is gone, and its hold with it.
    let (mut again, mut again_out) = game("--continue", &path, 1);
    assert_eq!(said(&mut again_out), "held 48");
    assert_eq!(said(&mut again_out), "played 49");
    drop(again.stdin.take());
    assert!(again.wait().unwrap().success());
    std::fs::remove_dir_all(&data).ok();
}

/// A game killed while it holds a run leaves it free: the lock dies with
/// the process.
#[test]
fn a_killed_game_does_not_keep_its_run_locked() {
    let data = temp_dir("killed");
    let path = data.join("runs/the-run.ron");
    run_of_28_weeks(&path);
    let (mut first, mut first_out) = game("--continue", &path, 2);
    assert_eq!(said(&mut first_out), "held 28");
    assert_eq!(said(&mut first_out), "played 30");
    first.kill().unwrap();
    first.wait().unwrap();
    let (mut again, mut again_out) = game("--continue", &path, 1);
    assert_eq!(said(&mut again_out), "held 30");
    drop(again.stdin.take());
    assert!(again.wait().unwrap().success());
    std::fs::remove_dir_all(&data).ok();
}

/// Play `weeks` weeks of `app`, saving after each as the game's loop does.
fn play_saving(app: &mut cto_sim::ui::App, weeks: u32) {
    for _ in 0..weeks {
        app.end_week();
        app.close_dialogs();
        app.autosave(std::time::SystemTime::now());
    }
}

/// Where the system gives no lock, a game that finds its run's file written
/// by another game saves its own run in a new file and says so: neither
/// game's weeks are lost.
#[test]
fn without_a_lock_a_file_another_game_wrote_is_not_overwritten() {
    let data = temp_dir("nolock");
    let runs = data.join("runs");
    let scenario = std::sync::Arc::new(cto_sim::engine::Scenario::builtin("default").unwrap());
    let mut app = cto_sim::ui::App::new_game(scenario, 5);
    app.autosave.folder = Some(runs.clone());
    play_saving(&mut app, 3);
    let path = app.autosave.path.clone().unwrap();
    // No lock (as on a file system without them), and another game writes.
    app.autosave.lock = None;
    run_of_28_weeks(&path);
    play_saving(&mut app, 1);
    let moved = app.autosave.path.clone().unwrap();
    assert_ne!(moved, path);
    let status = app.status.clone().unwrap_or_default();
    assert!(
        status.contains("Another game wrote this run's file"),
        "{status}"
    );
    assert_eq!(
        run::load(&path).unwrap().weeks.len(),
        28,
        "the other game's run"
    );
    let ours = run::load(&moved).unwrap();
    assert_eq!(ours.weeks.len(), 4);
    run::verify(&ours, "ours").unwrap();
    std::fs::remove_dir_all(&data).ok();
}

/// A run resumed from its backup because its save was damaged keeps that
/// backup when it is next saved: the `.bak` still holds the good run, never
/// the damaged file.
#[test]
fn resuming_from_the_backup_keeps_the_backup() {
    let data = temp_dir("backup");
    let path = data.join("runs/the-run.ron");
    run_of_28_weeks(&path);
    let mut record = run::load(&path).unwrap();
    record.weeks.truncate(27);
    run::save_atomic(&path, &run::load(&path).unwrap()).unwrap();
    run::save_atomic(&path, &record).unwrap();
    // The save is damaged; its backup has 28 weeks.
    std::fs::write(&path, b"(format_version: 1, garbage").unwrap();
    let resumed =
        run::load_latest_as(Some(path.clone()), cto_sim::ui::session::Session::verified).unwrap();
    assert!(resumed.loaded.fell_back.is_some());
    let mut app = cto_sim::ui::App::continued(resumed);
    assert_eq!(
        app.status.as_deref(),
        Some("The save was damaged; resumed from the backup.")
    );
    play_saving(&mut app, 1);
    let backup = run::load(&run::backup_path(&path)).expect("the backup is a run");
    assert_eq!(backup.weeks.len(), 28);
    assert_eq!(run::load(&path).unwrap().weeks.len(), 29);
    // From then on the backup is the previous save, as always.
    play_saving(&mut app, 1);
    assert_eq!(run::load(&run::backup_path(&path)).unwrap().weeks.len(), 29);
    std::fs::remove_dir_all(&data).ok();
}

/// Writing a run's story (`r` in Replays) never writes through a link: a
/// link named like the story is replaced by the story, and the file it
/// pointed to is left as it was.
#[cfg(unix)]
#[test]
fn writing_a_story_does_not_follow_a_link() {
    use cto_sim::run::loading::Loading;
    use cto_sim::ui::screens::runs::Runs;
    let data = temp_dir("story");
    let runs = data.join("runs");
    std::fs::copy("tests/runs/tutorial-balanced-1.ron", runs.join("a.ron")).unwrap();
    let victim = data.join("precious.txt");
    std::fs::write(&victim, "precious").unwrap();
    std::os::unix::fs::symlink(&victim, runs.join("a.md")).unwrap();
    let mut app = cto_sim::ui::App::title();
    let mut screen = Runs::of(Loading::start(Some(runs.clone())));
    screen.wait();
    app.screen = cto_sim::ui::screens::Screen::Runs(screen);
    app.act(cto_sim::ui::keymap::Action::Report);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("The story is in"), "{status}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    let md = runs.join("a.md");
    assert!(!std::fs::symlink_metadata(&md).unwrap().is_symlink());
    assert!(std::fs::read_to_string(&md)
        .unwrap()
        .contains("## Year by year"));
    std::fs::remove_dir_all(&data).ok();
}

/// In Replays, `c` on a run another game is playing says so and offers a
/// fork; `c` again takes the run over in a new run from its last week.
#[test]
fn replays_offers_a_fork_of_a_run_open_in_another_game() {
    use cto_sim::run::loading::Loading;
    use cto_sim::ui::keymap::Action;
    use cto_sim::ui::screens::runs::Runs;
    let data = temp_dir("replays");
    let path = data.join("runs/the-run.ron");
    run_of_28_weeks(&path);
    let held = run::lock::RunLock::take(&path).unwrap();
    let mut app = cto_sim::ui::App::title();
    let mut screen = Runs::of(Loading::start(Some(data.join("runs"))));
    screen.wait();
    app.screen = cto_sim::ui::screens::Screen::Runs(screen);
    app.act(Action::Resume);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("open in another game"), "{status}");
    assert!(matches!(app.screen, cto_sim::ui::screens::Screen::Runs(_)));
    app.act(Action::Resume);
    assert!(matches!(app.screen, cto_sim::ui::screens::Screen::Week(_)));
    assert_eq!(app.state().unwrap().week, 28);
    let status = app.status.clone().unwrap_or_default();
    assert!(status.contains("You took over after week 28"), "{status}");
    assert!(
        app.autosave.path.is_none(),
        "a new run, in a file of its own"
    );
    drop(held);
    std::fs::remove_dir_all(&data).ok();
}

/// Watching, continuing or forking a run file that does not replay as
/// recorded is refused, with the week that differs: each is verified by the
/// same one replay that builds what the screen shows.
#[test]
fn a_run_that_does_not_replay_is_neither_watched_nor_taken_over() {
    use cto_sim::ui::session::Session;
    let good = run::load(Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    let mut edited = good.clone();
    edited.weeks[40].headline.cash += 1.0;
    let said = |e: run::RunError| e.to_string();
    let watch = cto_sim::ui::App::watch_run(&edited, "edited")
        .err()
        .map(said);
    assert!(
        watch.as_deref().is_some_and(|e| e.contains("week 41")),
        "{watch:?}"
    );
    let follow = Session::verified(&edited, "edited").err().map(said);
    assert!(
        follow.as_deref().is_some_and(|e| e.contains("week 41")),
        "{follow:?}"
    );
    let fork = Session::verified(&run::fork(&edited, 60), "fork")
        .err()
        .map(said);
    assert!(
        fork.as_deref().is_some_and(|e| e.contains("week 41")),
        "{fork:?}"
    );
    // Before the edit, a fork of the first 40 weeks is fine.
    let early = Session::verified(&run::fork(&edited, 40), "fork").unwrap();
    assert_eq!(early.state().week, 40);
    assert!(cto_sim::ui::App::watch_run(&good, "good").is_ok());
}
