//! Scenario text -> parse -> validate -> 52 simulated weeks with every bot.
//! Any panic, hang or non-finite number is a bug: hostile files must only ever
//! produce messages.
#![no_main]

use std::sync::Arc;

use cto_sim::policy;
use cto_sim::scenario::load_str;
use cto_sim::sim;
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
    for bot in policy::names() {
        // Bots keep to any valid scenario's limits: an illegal decision is a bug.
        sim::play_policy(&scenario, bot, 7, Some(52), |game, _, _| {
            let s = game.state();
            assert!(s.company.cash.is_finite() && s.metrics.influence.is_finite());
        })
        .expect("bots make legal decisions");
    }
});
