//! What every bot is: a way of playing, and the scenario's limits it keeps to.

use crate::engine::draft::follow_events;
use crate::engine::state::State;
use crate::engine::{Decision, Scenario, HOURS_RANGE};

/// A way of playing.
pub trait Policy {
    /// The decision for the coming week.
    fn decide(&mut self, state: &State, scenario: &Scenario) -> Decision;
}

/// A draft kept week after week, as the screen keeps it when the player
/// presses Enter: the targets follow what the week's events did to them, and
/// each VP's line shows as it is.
pub(super) fn kept(draft: &mut Decision, s: &State, scenario: &Scenario) -> Decision {
    follow_events(&mut draft.hiring, s, scenario);
    Decision {
        vp_lines: s.people.vps.iter().map(|v| v.line).collect(),
        ..draft.clone()
    }
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
