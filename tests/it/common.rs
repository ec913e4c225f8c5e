#![allow(dead_code)]
//! Helpers shared by the integration tests.

use std::sync::Arc;

use cto_sim::engine::Scenario;
use cto_sim::engine::{Attention, Decision, Game, Hiring};

/// The built-in default scenario.
pub fn default_scenario() -> Scenario {
    Scenario::builtin("default").expect("the default scenario loads")
}

/// The default scenario changed by `edit`, with its event deck removed and the
/// rules' own parameters (not the scenario's: its garage code carries more
/// debt) so that a test measures the model alone.
pub fn quiet_scenario(edit: impl FnOnce(&mut Scenario)) -> Arc<Scenario> {
    let mut s = default_scenario();
    s.events.clear();
    s.params = cto_sim::engine::params::Params::default();
    edit(&mut s);
    Arc::new(s)
}

/// A decision with these hours and attention, hiring nobody new.
pub fn decision(hours: u8, attention: Attention) -> Decision {
    Decision {
        hours,
        attention,
        refactor_pct: 10,
        hiring: Hiring::default(),
        vp_lines: Vec::new(),
        answers: Vec::new(),
    }
}

/// Play `weeks` weeks of the same decision (keeping the current headcount).
pub fn play_steady(game: &mut Game, weeks: u32, d: &Decision) {
    for _ in 0..weeks {
        if game.is_over() {
            return;
        }
        let mut d = d.clone();
        let p = &game.state().people;
        d.hiring.engineers = d.hiring.engineers.max(p.engineers());
        d.hiring.managers = d.hiring.managers.max(p.managers);
        d.hiring.vps = d.hiring.vps.max(p.vps.len() as u32);
        game.step(&d).expect("a legal decision");
    }
}

/// The field paths of the errors `text` gets when it is loaded as a
/// scenario (it must fail to load).
pub fn error_paths(text: &str, origin: &str) -> Vec<String> {
    let found = cto_sim::scenario::load_str(text, origin).unwrap_err();
    found
        .iter()
        .filter(|d| d.is_error())
        .filter_map(|d| d.path())
        .map(str::to_string)
        .collect()
}
