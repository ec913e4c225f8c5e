//! Scenario text -> parse -> validate -> 52 simulated weeks with two bots.
//! Any panic, hang or non-finite number is a bug: hostile files must only ever
//! produce messages.
#![no_main]

use std::sync::Arc;

use cto_sim::engine::Game;
use cto_sim::policy;
use cto_sim::scenario::load_str;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = match load_str(text, "fuzz.ron") {
        Ok(c) => c,
        Err(found) => {
            // Rendering the messages must not panic either.
            for d in found {
                let _ = d.to_string();
            }
            return;
        }
    };
    let scenario = Arc::new(checked.scenario);
    for bot in ["balanced", "random"] {
        let mut p = policy::by_name(bot, 7).expect("bot exists");
        let mut game = Game::new(Arc::clone(&scenario), 7);
        while !game.is_over() && game.state().week < 52 {
            let d = p.decide(game.state(), &scenario);
            game.step(&d).expect("bots make legal decisions");
            let s = game.state();
            assert!(s.company.cash.is_finite() && s.metrics.influence.is_finite());
        }
    }
});
