//! The real binary in a real terminal (tmux): play a few weeks with keystrokes,
//! quit, and check that the terminal is given back — same `stty` modes as
//! before, main screen, cursor shown — on quit and on SIGTERM.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

struct Tmux {
    socket: String,
    dir: PathBuf,
}

impl Tmux {
    fn start(name: &str) -> Tmux {
        let ok = Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success());
        assert!(ok, "these tests need tmux (apt-get install tmux)");
        let socket = format!("cto-sim-{name}-{}", std::process::id());
        let dir = std::env::temp_dir().join(&socket);
        std::fs::create_dir_all(&dir).unwrap();
        let t = Tmux { socket, dir };
        t.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "100",
            "-y",
            "30",
            "bash --norc --noprofile",
        ]);
        t
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .env_remove("TMUX")
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.run(&["send-keys", "-t", "e2e", k]);
            sleep(Duration::from_millis(60));
        }
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Wait (up to 15 s) until the screen shows `text`.
    fn wait_for(&self, text: &str) -> String {
        for _ in 0..150 {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            sleep(Duration::from_millis(100));
        }
        panic!("never saw {text:?}; the screen:\n{}", self.screen());
    }

    fn wait_for_file(&self, path: &Path) {
        for _ in 0..150 {
            if path.exists() {
                return;
            }
            sleep(Duration::from_millis(100));
        }
        panic!(
            "{} never appeared; the screen:\n{}",
            path.display(),
            self.screen()
        );
    }

    fn format(&self, f: &str) -> String {
        self.run(&["display-message", "-p", "-t", "e2e", f])
            .trim()
            .to_string()
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
        std::fs::remove_dir_all(&self.dir).ok();
    }
}

/// Run the game in the pane between two `stty -a` snapshots; `env` and
/// `redirect` go before and after the command. Returns (before, after, done).
fn script_with(t: &Tmux, env: &str, args: &str, redirect: &str) -> (PathBuf, PathBuf, PathBuf) {
    let before = t.dir.join("before.txt");
    let after = t.dir.join("after.txt");
    let done = t.dir.join("done");
    let line = format!(
        "stty -a > {b}; CTO_SIM_DATA_DIR={data} {env} {bin} {args} {redirect}; echo exit=$? > {d}.code; stty -a > {a}; touch {d}",
        data = t.dir.join("data").display(),
        b = before.display(),
        a = after.display(),
        d = done.display(),
        bin = env!("CARGO_BIN_EXE_cto-sim"),
    );
    t.run(&["send-keys", "-t", "e2e", &line, "Enter"]);
    (before, after, done)
}

fn script(t: &Tmux, args: &str) -> (PathBuf, PathBuf, PathBuf) {
    script_with(t, "", args, "")
}

/// The one run file in the history folder `runs`.
fn the_run(runs: &Path) -> PathBuf {
    let files: Vec<PathBuf> = std::fs::read_dir(runs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ron")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .collect();
    assert_eq!(files.len(), 1, "one run in the history: {files:?}");
    files.into_iter().next().unwrap()
}

fn assert_terminal_restored(t: &Tmux, before: &Path, after: &Path) {
    let b = std::fs::read_to_string(before).unwrap();
    let a = std::fs::read_to_string(after).unwrap();
    assert_eq!(a, b, "stty modes differ after the game");
    assert!(
        a.contains(" icanon") && a.contains(" echo"),
        "cooked mode: {a}"
    );
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor hidden");
}

#[test]
fn the_game_plays_in_a_real_terminal_and_gives_it_back_on_quit() {
    let t = Tmux::start("quit");
    let (before, after, done) = script(&t, "play --seed 3");
    let first = t.wait_for("Week 1 of 286");
    assert!(first.contains("Attention"), "{first}");
    assert_eq!(
        t.format("#{alternate_on}"),
        "1",
        "the game uses the alternate screen"
    );
    t.keys(&["Right", "Right", "Enter", "Enter", "Enter"]);
    let later = t.wait_for("Week 4 of 286");
    assert!(
        later.contains("60%"),
        "strategy raised from par's 50% to 60%:\n{later}"
    );
    t.keys(&["q"]);
    t.wait_for("Quit? (y/n)");
    t.keys(&["y"]);
    t.wait_for_file(&done);
    assert_terminal_restored(&t, &before, &after);
    let code = std::fs::read_to_string(t.dir.join("done.code")).unwrap();
    assert_eq!(code.trim(), "exit=0");
    // The three weeks were saved, and the save replays exactly.
    let save = the_run(&t.dir.join("data/runs"));
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .arg("verify")
        .arg(&save)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("3 weeks replayed exactly"), "{text}");
}

/// The lines of the week screen that say where the run stands and what the
/// player has drafted: the header's figures and the attention panel's rows.
fn standing(screen: &str) -> Vec<String> {
    let lines: Vec<String> = screen
        .lines()
        .filter(|l| {
            l.starts_with("Cash ")
                || [
                    "Strategy",
                    "Hiring",
                    "Coding",
                    "Management",
                    "Hours",
                    "Refactoring",
                ]
                .iter()
                .any(|row| l.contains(&format!("│{row}")))
        })
        .map(|l| l.split("│").nth(1).unwrap_or(l).trim_end().to_string())
        .collect();
    assert_eq!(lines.len(), 7, "header and six attention rows:\n{screen}");
    lines
}

#[test]
fn continue_resumes_exactly_where_the_player_stopped() {
    let t = Tmux::start("continue");
    let (_, _, done) = script(&t, "play --seed 5");
    t.wait_for("Week 1 of 286");
    // The player changes their week: strategy up, more hours, then plays four.
    t.keys(&[
        "Right", "Right", "Down", "Down", "Down", "Down", "Right", "Right",
    ]);
    t.keys(&["Enter", "Enter", "Enter", "Enter"]);
    let stopped = t.wait_for("Week 5 of 286");
    t.keys(&["q", "y"]);
    t.wait_for_file(&done);
    std::fs::remove_file(&done).unwrap();
    let (before, after, done) = script(&t, "continue");
    let resumed = t.wait_for("Week 5 of 286");
    assert!(resumed.contains("seed 5"), "{resumed}");
    // The same figures and the same drafted week as when the player stopped.
    assert_eq!(standing(&resumed), standing(&stopped));
    assert!(
        standing(&resumed).iter().any(|l| l.contains("50 h/week")),
        "{resumed}"
    );
    t.keys(&["Enter"]);
    t.wait_for("Week 6 of 286");
    t.keys(&["q", "y"]);
    t.wait_for_file(&done);
    assert_terminal_restored(&t, &before, &after);
    // The save holds the five weeks, the last one played with the resumed draft.
    let save = the_run(&t.dir.join("data/runs"));
    let record = cto_sim::run::load(&save).unwrap();
    cto_sim::run::verify(&record, "save").unwrap();
    assert_eq!(record.weeks.len(), 5);
    assert_eq!(record.weeks[4].decision, record.weeks[3].decision);
    assert_eq!(record.weeks[4].decision.hours, 50);
}

#[test]
fn sigterm_gives_the_terminal_back() {
    let t = Tmux::start("term");
    let (before, after, done) = script(&t, "play");
    t.wait_for("Week 1 of 286");
    let shell = t.format("#{pane_pid}");
    let children = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
    let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(!pid.is_empty(), "the game's process");
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    t.wait_for_file(&done);
    assert_terminal_restored(&t, &before, &after);
    let code = std::fs::read_to_string(t.dir.join("done.code")).unwrap();
    assert_eq!(code.trim(), "exit=143", "128 + SIGTERM");
}

#[test]
fn a_crash_gives_the_terminal_back_and_says_what_happened() {
    let t = Tmux::start("panic");
    let err = t.dir.join("stderr.txt");
    let (before, after, done) = script_with(
        &t,
        "CTO_SIM_TEST_PANIC=1",
        "play",
        &format!("2> {}", err.display()),
    );
    t.wait_for_file(&done);
    assert_terminal_restored(&t, &before, &after);
    let stderr = std::fs::read_to_string(&err).unwrap();
    assert!(stderr.contains("cto-sim crashed"), "{stderr}");
    assert!(stderr.contains("terminal has been restored"), "{stderr}");
    let code = std::fs::read_to_string(t.dir.join("done.code")).unwrap();
    assert_eq!(code.trim(), "exit=101");
}

#[test]
fn without_a_terminal_the_game_says_so_and_fails_cleanly() {
    let out = Command::new(env!("CARGO_BIN_EXE_cto-sim"))
        .arg("play")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(out.stdout.is_empty(), "nothing written to stdout");
}

/// The title's Replays opens the run history; a finished run is watched with
/// Enter, an unfinished one continued with `c`.
#[test]
fn replays_on_the_title_lists_the_history_to_watch_or_continue() {
    let t = Tmux::start("history");
    let runs = t.dir.join("data/runs");
    std::fs::create_dir_all(&runs).unwrap();
    std::fs::copy(
        "tests/runs/tutorial-balanced-1.ron",
        runs.join("2026-01-01-000000-tutorial-seed1.ron"),
    )
    .unwrap();
    // An unfinished run: the golden default run cut to 12 weeks.
    let mut record = cto_sim::run::load(Path::new("tests/runs/default-balanced-1.ron")).unwrap();
    record.weeks.truncate(12);
    record.ending = None;
    cto_sim::run::save_atomic(&runs.join("2026-01-02-000000-garage-seed1.ron"), &record).unwrap();
    let (before, after, done) = script(&t, "");
    t.wait_for("New game");
    t.keys(&["Down", "Down", "Enter"]);
    let list = t.wait_for("Your runs, newest first");
    assert!(
        list.contains("in progress") && list.contains("graduated"),
        "{list}"
    );
    // The finished one's story, written beside it.
    t.keys(&["Down", "r"]);
    t.wait_for("The story is in");
    let story = std::fs::read_to_string(runs.join("2026-01-01-000000-tutorial-seed1.md")).unwrap();
    assert!(story.contains("## Year by year"), "{story}");
    // The newest is first: the unfinished one. Continue it.
    t.keys(&["Up", "c"]);
    t.wait_for("Week 13 of 286");
    t.keys(&["q", "y"]);
    t.wait_for_file(&done);
    std::fs::remove_file(&done).unwrap();
    // Again, and watch the finished one.
    let (_, _, done) = script(&t, "");
    t.wait_for("New game");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("Your runs, newest first");
    t.keys(&["Down", "Enter"]);
    let finished = cto_sim::run::load(Path::new("tests/runs/tutorial-balanced-1.ron")).unwrap();
    t.wait_for(&format!("Replay · week 1 of {}", finished.weeks.len()));
    t.keys(&["q", "y"]);
    t.wait_for_file(&done);
    assert_terminal_restored(&t, &before, &after);
}

/// A player who holds Enter to finish a run sees how it ended: the Enters
/// typed ahead of the end screen are dropped, so it stays up until Enter is
/// pressed again, which leads to the title screen.
#[test]
fn holding_enter_through_the_last_week_stops_at_the_end_screen() {
    let t = Tmux::start("end");
    let scenario = t.dir.join("six_weeks.ron");
    let text = std::fs::read_to_string("scenarios/tutorial.ron")
        .unwrap()
        .replace("horizon_weeks: 104", "horizon_weeks: 6");
    std::fs::write(&scenario, text).unwrap();
    let (_, _, done) = script(
        &t,
        &format!("play --scenario {} --seed 1", scenario.display()),
    );
    t.wait_for("Week 1 of 6");
    // Twenty Enters in one burst, as a held key sends them: six weeks (and
    // any event dialog) take some, the rest arrive once the run has ended.
    let mut burst = vec!["send-keys", "-t", "e2e"];
    burst.extend(std::iter::repeat_n("Enter", 20));
    t.run(&burst);
    t.wait_for("Ending `time_up` after 6 weeks");
    sleep(Duration::from_millis(1000));
    let still = t.screen();
    assert!(
        still.contains("Ending `time_up`") && !still.contains("New game"),
        "the end screen stays up:\n{still}"
    );
    t.keys(&["Enter"]);
    t.wait_for("New game");
    t.keys(&["q"]);
    t.wait_for("Quit? (y/n)");
    t.keys(&["y"]);
    t.wait_for_file(&done);
}

/// Wait (up to 15 s) until the screen satisfies `ok`.
fn wait_until(t: &Tmux, what: &str, ok: impl Fn(&str) -> bool) -> String {
    for _ in 0..150 {
        let s = t.screen();
        if ok(&s) {
            return s;
        }
        sleep(Duration::from_millis(100));
    }
    panic!("never saw {what}; the screen:\n{}", t.screen());
}

/// The game is stopped and the shell has the terminal as it had it before
/// the game: the same `stty` modes, the main screen, the cursor shown, no
/// mouse reporting.
fn assert_given_back_while_stopped(t: &Tmux, before: &Path, during: &Path) {
    t.wait_for("Stopped");
    assert_eq!(
        t.format("#{alternate_on}"),
        "0",
        "still on the alternate screen"
    );
    assert_eq!(t.format("#{cursor_flag}"), "1", "cursor hidden");
    assert_eq!(
        t.format("#{mouse_any_flag}"),
        "0",
        "mouse reporting still on"
    );
    std::fs::remove_file(during).ok();
    t.run(&[
        "send-keys",
        "-t",
        "e2e",
        &format!("stty -a > {}", during.display()),
        "Enter",
    ]);
    t.wait_for_file(during);
    sleep(Duration::from_millis(200));
    let b = std::fs::read_to_string(before).unwrap();
    let d = std::fs::read_to_string(during).unwrap();
    assert_eq!(d, b, "stty modes differ while the game is stopped");
}

/// Ctrl-Z stops the game like any program and gives the terminal back; `fg`
/// brings it back whole, keys acting at once (raw mode again). A SIGTSTP
/// from elsewhere does the same.
#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_takes_it_again() {
    let t = Tmux::start("suspend");
    let before = t.dir.join("before.txt");
    let during = t.dir.join("during.txt");
    let line = format!(
        "stty -a > {b}; CTO_SIM_DATA_DIR={data} {bin} play --seed 3",
        b = before.display(),
        data = t.dir.join("data").display(),
        bin = env!("CARGO_BIN_EXE_cto-sim"),
    );
    t.run(&["send-keys", "-t", "e2e", &line, "Enter"]);
    t.wait_for("Week 1 of 286");
    t.keys(&["C-z"]);
    assert_given_back_while_stopped(&t, &before, &during);
    t.keys(&["fg", "Enter"]);
    t.wait_for("Week 1 of 286");
    assert_eq!(t.format("#{alternate_on}"), "1");
    // One key, no Enter: raw mode is back.
    t.keys(&["q"]);
    t.wait_for("Quit? (y/n)");
    // A SIGTSTP from elsewhere (`kill -TSTP`).
    let shell = t.format("#{pane_pid}");
    let children = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
    let pid = String::from_utf8_lossy(&children.stdout).trim().to_string();
    assert!(!pid.is_empty(), "the game's process");
    Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    assert_given_back_while_stopped(&t, &before, &during);
    t.keys(&["fg", "Enter"]);
    t.wait_for("Quit? (y/n)");
    t.keys(&["y"]);
    wait_until(&t, "the shell again", |s| !s.contains("Quit? (y/n)"));
    sleep(Duration::from_millis(300));
    std::fs::remove_file(&during).ok();
    t.run(&[
        "send-keys",
        "-t",
        "e2e",
        &format!("stty -a > {}", during.display()),
        "Enter",
    ]);
    t.wait_for_file(&during);
    sleep(Duration::from_millis(200));
    assert_eq!(
        std::fs::read_to_string(&during).unwrap(),
        std::fs::read_to_string(&before).unwrap()
    );
    assert_eq!(t.format("#{alternate_on}"), "0");
}

/// A failed save shows as soon as the week that failed to save is drawn, not
/// one key later; and so does its recovery.
#[test]
fn a_failed_save_and_its_recovery_show_at_once() {
    let t = Tmux::start("savefail");
    let data = t.dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    // The runs folder cannot be made: a file has its name.
    std::fs::write(data.join("runs"), "in the way").unwrap();
    let (before, after, done) = script(&t, "play --seed 3");
    t.wait_for("Week 1 of 286");
    t.keys(&["Enter"]);
    t.wait_for("Not saved yet");
    std::fs::remove_file(data.join("runs")).unwrap();
    t.keys(&["Enter"]);
    let saved = wait_until(&t, "the warning gone", |s| {
        s.contains("Week 3 of 286") && !s.contains("Not saved")
    });
    assert!(saved.contains("Week 3 of 286"), "{saved}");
    t.keys(&["q", "y"]);
    t.wait_for_file(&done);
    assert_terminal_restored(&t, &before, &after);
}

/// `check` and `balance` on a scenario that takes them long say how far
/// they are (on the terminal, after a second), instead of printing nothing.
#[test]
fn long_checks_and_balances_say_how_far_they_are() {
    let t = Tmux::start("progress");
    let heavy = t.dir.join("heavy.ron");
    std::fs::write(&heavy, crate::hostile::spread_heavy_scenario()).unwrap();
    let bin = env!("CARGO_BIN_EXE_cto-sim");
    t.run(&[
        "send-keys",
        "-t",
        "e2e",
        &format!("{bin} check {}", heavy.display()),
        "Enter",
    ]);
    t.wait_for(&format!("checking {}: ", heavy.display()));
    t.wait_for(" runs (");
    t.keys(&["C-c"]);
    t.run(&["send-keys", "-t", "e2e", "clear", "Enter"]);
    let line = format!("{bin} balance -s {} --runs 1", heavy.display());
    t.run(&["send-keys", "-t", "e2e", &line, "Enter"]);
    let shown = t.wait_for("balance: ");
    assert!(shown.contains(" runs ("), "{shown}");
    t.keys(&["C-c"]);
}
