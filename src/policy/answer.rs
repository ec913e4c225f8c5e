//! How `balanced` answers events: as a player who uses the forecast would.
//! For each choice of a pending event it plays the rest of the run a few
//! times from the state on screen, under other luck (the forecast's seeds:
//! never the run's own streams), itself deciding every later week and
//! leaving later events to their defaults, and takes the choice whose
//! futures score best. A tie keeps the default: the organisation's answer.

use std::sync::Arc;

use crate::engine::{score, Answer, Decision, Game, Scenario, State};
use crate::forecast::{mix, visible_seed};

/// Futures played per choice. The same seeds serve every choice, so the
/// comparison is paired: the choices differ, the luck does not.
pub const FUTURES: u64 = 2;

/// Weeks a future plays at most; it is scored as if the run ended there.
pub const HORIZON: u32 = 26;

/// A choice must beat the default by this much (points of mean score) to be
/// taken: under it the difference is the futures' noise.
pub const MARGIN: f64 = 0.1;

/// How one pending event's choices forecast.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Position of the event in the state's pending list.
    pub pending: usize,
    /// The choice the organisation takes by default.
    pub default: usize,
    /// The choice taken: the best forecast, the default unless another beats
    /// it by [`MARGIN`].
    pub choice: usize,
    /// Each choice's mean score over the futures (empty for an event with a
    /// single choice: nothing to weigh).
    pub scores: Vec<f64>,
}

/// The answers `readings` give (the events whose best choice is not their
/// default; the rest are left to it).
pub fn answers(readings: &[Reading]) -> Vec<Answer> {
    readings
        .iter()
        .filter(|r| r.choice != r.default)
        .map(|r| Answer {
            pending: r.pending,
            choice: r.choice,
        })
        .collect()
}

/// How each pending event of `s` forecasts, given the week's decision `week`
/// (its answers are ignored) and `next`, the decision for each later week of
/// a future (which must answer nothing). Events are read in order, each with
/// the answers of those before it.
pub fn read(
    s: &State,
    scenario: &Scenario,
    week: &Decision,
    next: &mut dyn FnMut(&State, &Scenario) -> Decision,
) -> Vec<Reading> {
    if s.pending.is_empty() {
        return Vec::new();
    }
    let scenario = Arc::new(scenario.clone());
    let seed = visible_seed(s);
    let mut readings: Vec<Reading> = Vec::new();
    for (at, pending) in s.pending.iter().enumerate() {
        let Some(event) = scenario.events.get(pending.event) else {
            continue;
        };
        let default = event
            .default_choice
            .min(event.choices.len().saturating_sub(1));
        let mut reading = Reading {
            pending: at,
            default,
            choice: default,
            scores: Vec::new(),
        };
        if event.choices.len() >= 2 {
            let before = answers(&readings);
            for choice in 0..event.choices.len() {
                let mut d = week.clone();
                d.answers = before.clone();
                d.answers.push(Answer {
                    pending: at,
                    choice,
                });
                let total: f64 = (0..FUTURES)
                    .map(|k| future(&scenario, s, &d, mix(seed ^ k), next))
                    .sum();
                reading.scores.push(total / FUTURES as f64);
            }
            let mut best = (default, reading.scores[default] + MARGIN);
            for (choice, &v) in reading.scores.iter().enumerate() {
                if v > best.1 {
                    best = (choice, v);
                }
            }
            reading.choice = best.0;
        }
        readings.push(reading);
    }
    readings
}

/// The score of one future: `first` this week, then `next` every week.
fn future(
    scenario: &Arc<Scenario>,
    s: &State,
    first: &Decision,
    seed: u64,
    next: &mut dyn FnMut(&State, &Scenario) -> Decision,
) -> f64 {
    let g = Game::resumed(Arc::clone(scenario), s.clone(), seed);
    play_on(g, first, Some(s.week + HORIZON), next)
}

/// The score of `game` played on: `first` this week, then `next` every week,
/// until the run ends or the week `until`. A decision the engine refuses
/// ends the future where it stands.
pub fn play_on(
    mut game: Game,
    first: &Decision,
    until: Option<u32>,
    next: &mut dyn FnMut(&State, &Scenario) -> Decision,
) -> f64 {
    let mut d = first.clone();
    while !game.is_over() && until.is_none_or(|w| game.state().week < w) {
        if game.advance(&d).is_err() {
            break;
        }
        d = next(game.state(), game.scenario());
    }
    score(game.state(), game.scenario())
}

/// The answers a bot that reads forecasts gives this week: [`read`], then
/// [`answers`].
pub fn answer(
    s: &State,
    scenario: &Scenario,
    week: &Decision,
    next: &mut dyn FnMut(&State, &Scenario) -> Decision,
) -> Vec<Answer> {
    answers(&read(s, scenario, week, next))
}
