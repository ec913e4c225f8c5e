//! The weekly pipeline (`Game::step`). The order of the stages is part of the
//! rules: see `docs/model.md`. Each stage lives in the file named after its
//! subsystem and reads like its section of the model; [`Week`] carries one
//! week's work between them.

mod attention;
mod business;
mod deadlines;
mod endings;
mod engineering;
mod event_effects;
mod init;
mod morale;
mod org;
mod power;
mod strategy;
mod structure;
mod week;

use std::sync::Arc;

use super::decision::{Decision, DecisionError, HOURS_RANGE};
use super::hash::StateHasher;
use super::scenario::Scenario;
use super::state::{Metrics, ReportingLine, State};
use week::{Rngs, Week};

pub use event_effects::MAX_PENDING;
pub use morale::yearly_attrition;
pub use org::new_hire_productivity;

/// One run in progress: the scenario, the seed, the state and the random streams.
#[derive(Clone, Debug)]
pub struct Game {
    scenario: Arc<Scenario>,
    seed: u64,
    state: State,
    rngs: Rngs,
}

impl Game {
    /// A new run of `scenario` with `seed`, before the first week.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Game {
        let mut state = init::initial_state(&scenario);
        let mut rngs = Rngs::new(seed);
        // The CEO's bar for a puppet, drawn once: CEOs differ.
        let ep = &scenario.params.endings;
        let spread = ep.puppet_influence_spread;
        state.tracking.puppet_bar =
            (ep.puppet_influence + rngs.politics.uniform(-spread, spread)).clamp(0.0, 1.0);
        // The board's patience with the scenario's own endings, drawn once:
        // boards differ.
        state.ending_bars = init::ending_bars(&scenario, seed);
        Game {
            seed,
            state,
            rngs,
            scenario,
        }
    }

    /// The same company, from the same state, under other luck: a game whose
    /// random streams are those of `seed` (which it reports as its seed).
    /// Nothing of this game's own streams carries over, so what the copy
    /// plays reveals nothing of what this run will draw (the forecast).
    pub fn reseeded(&self, seed: u64) -> Game {
        Game {
            scenario: Arc::clone(&self.scenario),
            seed,
            state: self.state.clone(),
            rngs: Rngs::new(seed),
        }
    }

    /// A run of `scenario` going on from `state` (a state some game of the
    /// same scenario reached) under the luck of `seed`: what a player who
    /// imagines the weeks ahead plays. Like [`Game::reseeded`], nothing of
    /// the streams that brought `state` about carries over.
    pub fn resumed(scenario: Arc<Scenario>, state: State, seed: u64) -> Game {
        Game {
            scenario,
            seed,
            state,
            rngs: Rngs::new(seed),
        }
    }

    /// The state after the last week played.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The scenario being played, shared.
    pub fn scenario_arc(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The run's seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Whether the run has ended.
    pub fn is_over(&self) -> bool {
        self.state.ending.is_some()
    }

    /// The hash of the whole state, random streams included.
    pub fn hash(&self) -> u64 {
        let mut h = StateHasher::new();
        self.state.hash_into(&mut h);
        let Rngs {
            people,
            strategy,
            funding,
            events,
            politics,
        } = &self.rngs;
        for rng in [people, strategy, funding, events, politics] {
            h.u128(rng.state());
        }
        h.finish()
    }

    /// Check `decision` against the current state without playing it.
    pub fn check(&self, decision: &Decision) -> Result<(), DecisionError> {
        validate(&self.state, &self.scenario, decision)
    }

    /// Play one week. Returns the new state hash; on error the state is unchanged.
    pub fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        self.advance(decision)?;
        Ok(self.hash())
    }

    /// Play one week without hashing the new state (for batches, which need
    /// only the last week's hash: [`Game::hash`]); on error the state is
    /// unchanged.
    pub fn advance(&mut self, decision: &Decision) -> Result<(), DecisionError> {
        validate(&self.state, &self.scenario, decision)?;
        let scenario = Arc::clone(&self.scenario);
        let mut week = Week::new(&scenario, &mut self.state, decision, &mut self.rngs);
        week.run();
        Ok(())
    }
}

impl Week<'_> {
    /// The stages of one week, in the order the rules define.
    fn run(&mut self) {
        self.state.news.clear();
        self.state.ledger.clear();
        self.state.week += 1;
        // Reporting lines as the week began: an answered event may change a
        // line, and a decision that merely repeats the old line must not undo it.
        let lines_before: Vec<ReportingLine> =
            self.state.people.vps.iter().map(|v| v.line).collect();
        let watched_before = self.watched();
        self.settle_events();
        self.apply_reporting_lines(&lines_before);
        self.attention();
        self.count_deadlines();
        self.org_flows();
        self.structure();
        self.power();
        self.strategy();
        self.engineering();
        self.morale();
        self.business();
        self.funding();
        self.quarterly_review();
        // From here on, conditions read this week's figures from the state.
        self.state.metrics = std::mem::take::<Metrics>(&mut self.metrics);
        self.track_and_end(watched_before);
        if self.state.ending.is_none() {
            self.fire_events();
        }
    }
}

/// Check a decision against the rules and the current state.
fn validate(s: &State, sc: &Scenario, d: &Decision) -> Result<(), DecisionError> {
    let p = &sc.params;
    if s.ending.is_some() {
        return Err(DecisionError::RunOver);
    }
    let (min, max) = HOURS_RANGE;
    if !(min..=max).contains(&d.hours) {
        return Err(DecisionError::HoursOutOfRange {
            hours: d.hours,
            min,
            max,
        });
    }
    let total = d.attention.total();
    if total != 100 {
        return Err(DecisionError::AttentionSum { total });
    }
    let max_refactor = p.engineering.max_refactor_pct;
    if d.refactor_pct > max_refactor {
        return Err(DecisionError::RefactorOutOfRange {
            pct: d.refactor_pct,
            max: max_refactor,
        });
    }
    if d.hiring.vps > p.hiring.max_vps {
        return Err(DecisionError::TooManyVps {
            wanted: d.hiring.vps,
            max: p.hiring.max_vps,
        });
    }
    if d.vp_lines.len() > s.people.vps.len() {
        return Err(DecisionError::LineWithoutVp {
            index: s.people.vps.len(),
            vps: s.people.vps.len(),
        });
    }
    validate_answers(s, sc, d)
}

fn validate_answers(s: &State, sc: &Scenario, d: &Decision) -> Result<(), DecisionError> {
    let mut seen = 0u64;
    for a in &d.answers {
        let Some(pending) = s.pending.get(a.pending) else {
            return Err(DecisionError::UnknownEvent {
                index: a.pending,
                pending: s.pending.len(),
            });
        };
        let bit = 1u64 << (a.pending % 64);
        if seen & bit != 0 {
            return Err(DecisionError::DuplicateAnswer { index: a.pending });
        }
        seen |= bit;
        let choices = sc.events.get(pending.event).map_or(0, |e| e.choices.len());
        if a.choice >= choices {
            return Err(DecisionError::UnknownChoice {
                index: a.pending,
                choice: a.choice,
                choices,
            });
        }
    }
    Ok(())
}
