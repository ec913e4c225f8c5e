//! What every bot is: a way of playing, and the scenario's limits it keeps to.

use crate::engine::state::State;
use crate::engine::{Decision, Scenario, HOURS_RANGE};

/// A way of playing.
pub trait Policy {
    /// The decision for the coming week.
    fn decide(&mut self, state: &State, scenario: &Scenario) -> Decision;
}

/// `d` changed as little as possible to respect the scenario's limits (hours,
/// refactoring share, VPs): a bot's style is an intent, the scenario's rules
/// win. Every bot's decision passes through here.
pub fn within_limits(mut d: Decision, scenario: &Scenario) -> Decision {
    let (min, max) = HOURS_RANGE;
    d.hours = d.hours.clamp(min, max);
    d.refactor_pct = d
        .refactor_pct
        .min(scenario.params.engineering.max_refactor_pct);
    d.hiring.vps = d.hiring.vps.min(scenario.params.hiring.max_vps);
    d
}
