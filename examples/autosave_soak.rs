//! Plays and saves as the game does, for tests that need another process:
//!
//! - `autosave_soak FILE`: autosaves one run file after every week, over and
//!   over, until killed, printing `saved N` after each save that completed.
//!   `tests/it/runs.rs` kills it with SIGKILL at random moments and checks that
//!   what is on disk always loads and has lost at most the week in flight.
//! - `autosave_soak --game DATA_DIR SEED WEEKS`: one game, as the terminal game
//!   saves it (its own file in `DATA_DIR/runs`), for the two-games-one-folder test.

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
            app.overlay = cto_sim::ui::app::Overlay::None;
            app.autosave(std::time::SystemTime::now());
            assert!(
                app.autosave.warning().is_none(),
                "{:?}",
                app.autosave.warning()
            );
        }
        return;
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
