//! The decision a new run starts from: what the week screen proposes before the
//! player touches anything (and what the `passive` bot keeps playing).

use super::decision::{Decision, Hiring};
use super::news::News;
use super::par::par;
use super::scenario::Scenario;
use super::state::State;

/// Hours the first draft proposes.
pub const FIRST_DRAFT_HOURS: u8 = 48;
/// Refactoring share the first draft proposes, percent.
pub const FIRST_DRAFT_REFACTOR: u8 = 15;

/// The first draft for `s`: par for the team as it is, sensible hours and refactoring
/// (within the scenario's maximum), the current headcount as targets, every VP
/// on their current line. It is always a decision the engine accepts.
pub fn first_draft(s: &State, scenario: &Scenario) -> Decision {
    Decision {
        hours: FIRST_DRAFT_HOURS,
        attention: par(s, &scenario.params, FIRST_DRAFT_HOURS, s.people.engineers()).attention,
        refactor_pct: FIRST_DRAFT_REFACTOR.min(scenario.params.engineering.max_refactor_pct),
        hiring: Hiring {
            engineers: s.people.engineers(),
            managers: s.people.managers,
            vps: s.people.vps.len() as u32,
        },
        vp_lines: s.people.vps.iter().map(|v| v.line).collect(),
        answers: Vec::new(),
    }
}

/// `hiring` after the week that led to `s`: where an event settled that week
/// promoted someone, started a VP search or moved a target, the draft follows
/// (as the engine's week did), so the next week does not undo it.
pub fn follow_events(hiring: &mut Hiring, s: &State, scenario: &Scenario) {
    for news in &s.news {
        let News::EventSettled { event, choice, .. } = *news else {
            continue;
        };
        let Some(c) = scenario
            .events
            .get(event)
            .and_then(|e| e.choices.get(choice))
        else {
            continue;
        };
        for effect in &c.effects {
            effect.follow(hiring, &s.people, scenario.params.hiring.max_vps);
        }
    }
}
