//! Autosaves one run file over and over, as the game does after each week,
//! until killed. `tests/runs.rs` kills it with SIGKILL at random moments and
//! checks that what is on disk always loads.
//!
//! Usage: `autosave_soak FILE`

use std::sync::Arc;

use cto_sim::policy;
use cto_sim::run::{save_atomic, Recording};
use cto_sim::scenario::Scenario;

fn main() {
    let path = std::env::args_os()
        .nth(1)
        .expect("usage: autosave_soak FILE");
    let scenario = Arc::new(Scenario::builtin("default").expect("default scenario"));
    let mut seed = 1;
    loop {
        let mut bot = policy::by_name("balanced", seed).expect("bot");
        let mut rec = Recording::start(Arc::clone(&scenario), seed);
        while !rec.game.is_over() {
            let d = bot.decide(rec.game.state(), &scenario);
            rec.play(&d).expect("legal");
            save_atomic(std::path::Path::new(&path), &rec.record).expect("save");
        }
        seed += 1;
    }
}
