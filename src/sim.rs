//! Headless play: a bot plays a scenario, one run or a batch. [`play_policy`]
//! is the one play loop: `simulate`, `simulate --record`, `check`'s smoke runs
//! and the tests all go through it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::engine::hash::StateHasher;
use crate::engine::scenario::Outcome;
use crate::engine::{score, Decision, DecisionError, Ending, Game, News, Scenario, State};
use crate::policy;

/// How one run ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RunResult {
    pub seed: u64,
    pub ending: Ending,
    pub score: f64,
    /// Final influence, 0–100.
    pub influence: f64,
    /// Final authority, 0–100.
    pub authority: f64,
    /// Final ARR, dollars.
    pub arr: f64,
    /// Final engineering headcount (CTO included).
    pub headcount: u32,
    /// Weeks played.
    pub weeks: u32,
    /// Hash of the final state.
    pub final_hash: u64,
    /// Scenario events that fired during the run.
    pub events: u32,
    /// Different events that fired, and the most times one of them fired.
    pub distinct_events: u32,
    pub event_repeats: u32,
    /// Different events that fired after week [`LATE_WEEK`]: the decisions
    /// of the second half of a run.
    pub distinct_events_late: u32,
}

/// The week after which [`RunResult::distinct_events_late`] counts events.
pub const LATE_WEEK: u32 = 150;

/// Why a bot could not play.
#[derive(Debug, thiserror::Error)]
pub enum SimError {
    #[error("{0}")]
    Policy(#[from] policy::PolicyError),
    #[error("the {policy} bot made an illegal decision in week {week} (seed {seed}): {error}")]
    IllegalDecision {
        policy: String,
        seed: u64,
        week: u32,
        error: DecisionError,
    },
}

/// Play one run of `scenario` with the bot `policy` and `seed` until it ends,
/// calling `each_week` with the state after every week. Only the last week is
/// hashed (the result's `final_hash`).
pub fn play(
    scenario: &Arc<Scenario>,
    policy: &str,
    seed: u64,
    mut each_week: impl FnMut(&State),
) -> Result<RunResult, SimError> {
    drive(scenario, policy, seed, None, |game, _| {
        each_week(game.state())
    })
}

/// The play loop with every week's state hash: the bot `policy` plays
/// `scenario` with `seed` until the run ends (or `max_weeks` have been played),
/// and `each_week` sees the game after every week with the decision that made
/// it and the new state hash.
pub fn play_policy(
    scenario: &Arc<Scenario>,
    policy: &str,
    seed: u64,
    max_weeks: Option<u32>,
    mut each_week: impl FnMut(&Game, &Decision, u64),
) -> Result<RunResult, SimError> {
    drive(scenario, policy, seed, max_weeks, |game, decision| {
        each_week(game, decision, game.hash())
    })
}

/// The one play loop behind [`play`] and [`play_policy`]: weeks are played
/// without hashing, and the result carries the last week's hash.
fn drive(
    scenario: &Arc<Scenario>,
    policy: &str,
    seed: u64,
    max_weeks: Option<u32>,
    mut each_week: impl FnMut(&Game, &Decision),
) -> Result<RunResult, SimError> {
    let mut bot = policy::by_name(policy, seed)?;
    let mut game = Game::new(Arc::clone(scenario), seed);
    let mut fired: BTreeMap<usize, u32> = BTreeMap::new();
    let mut late: BTreeSet<usize> = BTreeSet::new();
    while !game.is_over() && max_weeks.is_none_or(|max| game.state().week < max) {
        let decision = bot.decide(game.state(), scenario);
        game.advance(&decision)
            .map_err(|error| SimError::IllegalDecision {
                policy: policy.into(),
                seed,
                week: game.state().week + 1,
                error,
            })?;
        for n in &game.state().news {
            if let News::EventFired(e) = n {
                *fired.entry(*e).or_default() += 1;
                if game.state().week > LATE_WEEK {
                    late.insert(*e);
                }
            }
        }
        each_week(&game, &decision);
    }
    Ok(RunResult {
        events: fired.values().sum(),
        distinct_events: fired.len() as u32,
        event_repeats: fired.values().copied().max().unwrap_or(0),
        distinct_events_late: late.len() as u32,
        ..RunResult::of(&game, game.hash())
    })
}

impl RunResult {
    /// The result of `game` as it stands, `hash` being its state hash (events
    /// not counted: the play loop counts them).
    pub fn of(game: &Game, hash: u64) -> RunResult {
        let s = game.state();
        RunResult {
            seed: game.seed(),
            ending: s.ending.unwrap_or(Ending::TimeUp),
            score: score(s, game.scenario()),
            influence: s.influence_points(),
            authority: s.authority_points(),
            arr: s.company.arr,
            headcount: s.people.headcount(),
            weeks: s.week,
            final_hash: hash,
            events: 0,
            distinct_events: 0,
            event_repeats: 0,
            distinct_events_late: 0,
        }
    }
}

/// Means over a batch.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Means {
    pub score: f64,
    pub influence: f64,
    pub authority: f64,
    pub arr: f64,
    pub headcount: f64,
    pub weeks: f64,
    /// Scenario events that fired, per run.
    pub events: f64,
    /// Different events that fired, per run.
    pub distinct_events: f64,
    /// Different events that fired after week 150, per run.
    pub distinct_events_after_week_150: f64,
}

/// Largest values over a batch.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Maxima {
    /// The most times one event fired in one run.
    pub event_repeats: u32,
}

/// Standard deviations over a batch.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Spread {
    pub score: f64,
}

/// A batch of runs with seeds `seed`, `seed + 1`, …
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Batch {
    pub scenario: String,
    pub policy: String,
    pub runs: u32,
    pub seed: u64,
    pub weeks_simulated: u64,
    /// Count of each ending, by identifier (every ending listed, zeros included).
    pub endings: BTreeMap<String, u32>,
    /// Runs that ended in a win, a loss, or neither (`win`, `loss`, `neutral`).
    pub outcomes: BTreeMap<String, u32>,
    pub mean: Means,
    pub max: Maxima,
    /// Standard deviations (sample, n − 1).
    pub sd: Spread,
    /// A hash over every run's final state hash, in seed order: two batches
    /// with the same digest played the same weeks.
    pub digest: String,
    #[serde(skip)]
    pub results: Vec<RunResult>,
}

impl Batch {
    /// The id of the ending that happened most often (ties: the first in
    /// alphabetical order).
    pub fn most_frequent_ending(&self) -> &str {
        let mut best = ("time_up", 0);
        for (id, &c) in &self.endings {
            if c > best.1 {
                best = (id.as_str(), c);
            }
        }
        best.0
    }

    /// How many runs ended in `ending`.
    pub fn count(&self, scenario: &Scenario, ending: Ending) -> u32 {
        self.endings
            .get(scenario.ending_id(ending))
            .copied()
            .unwrap_or(0)
    }

    /// How many runs ended in the ending with this id.
    pub fn count_id(&self, id: &str) -> u32 {
        self.endings.get(id).copied().unwrap_or(0)
    }
}

/// Play `runs` runs with consecutive seeds.
pub fn batch(
    scenario: &Arc<Scenario>,
    policy: &str,
    runs: u32,
    seed: u64,
) -> Result<Batch, SimError> {
    let mut results = Vec::with_capacity(runs as usize);
    for i in 0..runs {
        results.push(play(
            scenario,
            policy,
            seed.wrapping_add(u64::from(i)),
            |_| {},
        )?);
    }
    Ok(Batch::of(scenario, policy, seed, results))
}

impl Batch {
    /// The summary of `results`, runs of `scenario` by `policy` from seed `seed` on.
    pub fn of(scenario: &Scenario, policy: &str, seed: u64, results: Vec<RunResult>) -> Batch {
        let runs = results.len() as u32;
        summarise(scenario, policy, runs, seed, results)
    }
}

fn summarise(
    scenario: &Scenario,
    policy: &str,
    runs: u32,
    seed: u64,
    results: Vec<RunResult>,
) -> Batch {
    let mut endings: BTreeMap<String, u32> = scenario
        .all_endings()
        .into_iter()
        .map(|e| (scenario.ending_id(e).to_string(), 0))
        .collect();
    let mut outcomes: BTreeMap<String, u32> = ["win", "loss", "neutral"]
        .into_iter()
        .map(|k| (k.to_string(), 0))
        .collect();
    let mut mean = Means::default();
    let mut max = Maxima::default();
    let mut weeks_simulated = 0;
    for r in &results {
        *endings
            .entry(scenario.ending_id(r.ending).to_string())
            .or_default() += 1;
        let outcome = match scenario.ending_outcome(r.ending) {
            Some(Outcome::Win) => "win",
            Some(Outcome::Loss) => "loss",
            None => "neutral",
        };
        *outcomes.entry(outcome.to_string()).or_default() += 1;
        mean.events += f64::from(r.events);
        mean.distinct_events += f64::from(r.distinct_events);
        mean.distinct_events_after_week_150 += f64::from(r.distinct_events_late);
        max.event_repeats = max.event_repeats.max(r.event_repeats);
        mean.score += r.score;
        mean.influence += r.influence;
        mean.authority += r.authority;
        mean.arr += r.arr;
        mean.headcount += f64::from(r.headcount);
        mean.weeks += f64::from(r.weeks);
        weeks_simulated += u64::from(r.weeks);
    }
    let k = f64::from(runs.max(1));
    for x in [
        &mut mean.score,
        &mut mean.influence,
        &mut mean.authority,
        &mut mean.arr,
        &mut mean.headcount,
        &mut mean.weeks,
        &mut mean.events,
        &mut mean.distinct_events,
        &mut mean.distinct_events_after_week_150,
    ] {
        *x /= k;
    }
    let sd = spread(&results, mean.score);
    Batch {
        digest: digest(&results),
        scenario: scenario.name.clone(),
        policy: policy.to_string(),
        runs,
        seed,
        weeks_simulated,
        endings,
        outcomes,
        mean,
        max,
        sd,
        results,
    }
}

/// The scores' sample standard deviation (n − 1) around `mean`.
fn spread(results: &[RunResult], mean: f64) -> Spread {
    let runs = results.len();
    let squares: f64 = results
        .iter()
        .map(|r| (r.score - mean) * (r.score - mean))
        .sum();
    Spread {
        score: if runs > 1 {
            libm::sqrt(squares / (runs - 1) as f64)
        } else {
            0.0
        },
    }
}

/// A hash over every run's final state hash, in seed order.
fn digest(results: &[RunResult]) -> String {
    let mut h = StateHasher::new();
    for r in results {
        h.u64(r.final_hash);
    }
    format!("{:016x}", h.finish())
}

/// Seeds `1..=seeds` with the most market shocks, most first: the tenth
/// (rounded up) with their shock counts. Shocks are drawn from the strategy
/// stream, so the count barely depends on who plays; it is counted under
/// `balanced,answers=default`. Issue 22's "can skill beat bad luck?" plays
/// these.
pub fn most_shocked_tenth(scenario: &Arc<Scenario>, seeds: u64) -> Vec<(usize, u64)> {
    let mut rows: Vec<(usize, u64)> = (1..=seeds)
        .map(|seed| {
            let mut shocks = 0;
            // A built-in bot on a checked scenario: an error would mean no
            // week was played, and no week counts no shock.
            let _ = play(scenario, "balanced,answers=default", seed, |s| {
                shocks += s
                    .news
                    .iter()
                    .filter(|x| matches!(x, News::MarketShock))
                    .count();
            });
            (shocks, seed)
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    rows.truncate(rows.len().div_ceil(10));
    rows
}
