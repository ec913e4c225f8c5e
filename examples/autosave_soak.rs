//! Plays and saves as the game does, for tests that need another process:
//!
//! - `autosave_soak FILE`: autosaves one run file after every week, over and
//!   over, until killed, printing `saved N` after each save that completed.
//!   `tests/it/runs.rs` kills it with SIGKILL at random moments and checks that
//!   what is on disk always loads and has lost at most the week in flight.
//! - `autosave_soak --game DATA_DIR SEED WEEKS`: one game, as the terminal game
//!   saves it (its own file in `DATA_DIR/runs`), for the two-games-one-folder test.
//! - `autosave_soak --continue FILE WEEKS`: `continue FILE` as the game does it
//!   (holding the run), then WEEKS weeks saved one by one; prints `held N`
//!   once it holds the run at week N (or `locked` if another game does, and
//!   exits 3), `played N` after, then waits for a line on stdin and plays
//!   WEEKS more: for the two-games-one-run test.
//! - `autosave_soak --fork FILE WEEKS`: `continue --fork FILE`, then WEEKS weeks.

use std::io::Write;
use std::sync::Arc;

use cto_sim::engine::Scenario;
use cto_sim::policy;
use cto_sim::run::{save_atomic, Recording};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let scenario = Arc::new(Scenario::builtin("default").expect("default scenario"));
    if args.first().map(String::as_str) == Some("--game") {
        let [_, data, seed, weeks] = &args[..] else {
            panic!("usage: autosave_soak --game DATA_DIR SEED WEEKS");
        };
        let mut app = cto_sim::ui::App::new_game(scenario, seed.parse().expect("seed"));
        app.autosave.folder = Some(std::path::Path::new(data).join("runs"));
        for _ in 0..weeks.parse::<u32>().expect("weeks") {
            app.end_week();
            app.close_dialogs();
            app.autosave(std::time::SystemTime::now());
            assert!(
                app.autosave.warning().is_none(),
                "{:?}",
                app.autosave.warning()
            );
        }
        return;
    }
    match args.first().map(String::as_str) {
        Some("--continue") => return continue_run(&args[1..], true),
        Some("--fork") => return continue_run(&args[1..], false),
        _ => {}
    }
    let path = args.first().expect("usage: autosave_soak FILE").clone();
    let mut out = std::io::stdout();
    let mut seed = 1;
    loop {
        let mut bot = policy::by_name("balanced", seed).expect("bot");
        let mut rec = Recording::start(Arc::clone(&scenario), seed);
        while !rec.game.is_over() {
            let d = bot.decide(rec.game.state(), &scenario);
            rec.step(&d).expect("legal");
            save_atomic(std::path::Path::new(&path), &rec.record).expect("save");
            let _ = writeln!(out, "saved {seed} {}", rec.record.weeks.len());
            let _ = out.flush();
        }
        seed += 1;
    }
}

/// `continue FILE` (or `continue --fork FILE`) and play as the game does.
fn continue_run(args: &[String], hold: bool) {
    use cto_sim::ui::session::Session;
    let [file, weeks] = args else {
        panic!("usage: autosave_soak --continue|--fork FILE WEEKS");
    };
    let path = std::path::PathBuf::from(file);
    let weeks: u32 = weeks.parse().expect("weeks");
    let mut app = if hold {
        match cto_sim::run::load_latest_as(Some(path), Session::verified) {
            Ok(resumed) => cto_sim::ui::App::continued(resumed),
            Err(cto_sim::run::RunError::Locked { .. }) => {
                println!("locked");
                std::process::exit(3);
            }
            Err(e) => panic!("{e}"),
        }
    } else {
        let fork = cto_sim::run::take_over(&path).expect("a fork");
        cto_sim::ui::App::forked(Session::verified(&fork, "fork").expect("the fork verifies"))
    };
    let played = |app: &cto_sim::ui::App| app.state().map_or(0, |s| s.week);
    println!("held {}", played(&app));
    let play = |app: &mut cto_sim::ui::App| {
        for _ in 0..weeks {
            app.end_week();
            app.close_dialogs();
            app.autosave(std::time::SystemTime::now());
            assert!(
                app.autosave.warning().is_none(),
                "{:?}",
                app.autosave.warning()
            );
        }
        println!("played {}", played(app));
    };
    play(&mut app);
    if hold {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).expect("stdin");
        play(&mut app);
    }
}
