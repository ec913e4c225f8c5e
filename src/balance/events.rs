//! What each event of a deck is worth: `balanced` plays the scenario, and at
//! every firing of an event with a choice to make, the run is played on from
//! that week once per choice (the same week, the same luck; every later week
//! `balanced`'s plan with events left to their defaults), so each choice's
//! effect on the final score is paired with the others'. An event whose best
//! choice is the same in nearly every firing is a question with one answer.

use std::sync::Arc;

use serde::Serialize;

use super::runs::mean_ci95;
use crate::engine::events::EventDef;
use crate::engine::{Answer, Game, Scenario, State};
use crate::policy::{self, answer, Policy};
use crate::sim::SimError;

/// Who plays the runs, and who plays on from each firing.
pub const PLAYER: &str = "balanced";
pub const CONTINUATION: &str = "balanced,answers=default";

/// Share of firings above which one choice being best every time makes an
/// event dominated.
pub const DOMINATED_SHARE: f64 = 0.8;

/// Firings an event needs before it can be called dominated: one or two
/// firings say nothing about a choice being best every time.
pub const MIN_FIRINGS: usize = 5;

/// Points under which two choices of a firing count as ending alike.
pub const TIE: f64 = 0.05;

/// One event of the deck, over the runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventStats {
    pub id: String,
    /// Firings in all, and per run.
    pub firings: usize,
    pub per_run: f64,
    /// The median week of its firings (0 when it never fired).
    pub median_week: u32,
    pub choices: Vec<ChoiceStats>,
    /// The share of firings whose best choice was the most frequent best
    /// (0 for an event with a single choice or no firing).
    pub same_best: f64,
    /// Whether the same choice was best in more than [`DOMINATED_SHARE`] of
    /// its firings: a question with one right answer.
    pub dominated: bool,
    /// The best choice's mean effect minus the worst's, in points.
    pub spread: f64,
    /// The choice most often best, when one was best in a firing at all.
    #[serde(skip)]
    pub best: Option<usize>,
    /// How near its `when` came to holding in `balanced`'s runs (the
    /// played-on futures not counted).
    #[serde(skip)]
    pub reach: Reach,
}

/// How near an event's `when` came to holding, week by week, over the runs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reach {
    /// Weeks in which all its conditions held at once.
    pub weeks_held: usize,
    /// Per condition of its `when`: in how many weeks it held, and the
    /// lowest and highest value its metric took.
    pub conditions: Vec<ConditionReach>,
}

/// One condition of an event's `when`, over the runs.
#[derive(Clone, Debug, PartialEq)]
pub struct ConditionReach {
    pub weeks_held: usize,
    pub lowest: f64,
    pub highest: f64,
}

impl Reach {
    fn new(def: &EventDef) -> Reach {
        Reach {
            weeks_held: 0,
            conditions: def
                .when
                .iter()
                .map(|_| ConditionReach {
                    weeks_held: 0,
                    lowest: f64::INFINITY,
                    highest: f64::NEG_INFINITY,
                })
                .collect(),
        }
    }

    /// Count the week `s` in.
    fn see(&mut self, def: &EventDef, s: &State) {
        let mut all = true;
        for (c, seen) in def.when.iter().zip(&mut self.conditions) {
            let x = c.metric.read(s);
            seen.lowest = seen.lowest.min(x);
            seen.highest = seen.highest.max(x);
            let holds = c.holds(s);
            seen.weeks_held += usize::from(holds);
            all &= holds;
        }
        self.weeks_held += usize::from(all);
    }

    fn add(&mut self, other: &Reach) {
        self.weeks_held += other.weeks_held;
        for (a, b) in self.conditions.iter_mut().zip(&other.conditions) {
            a.weeks_held += b.weeks_held;
            a.lowest = a.lowest.min(b.lowest);
            a.highest = a.highest.max(b.highest);
        }
    }
}

/// One choice of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceStats {
    pub label: String,
    /// Share of firings where `balanced` took it.
    pub taken: f64,
    /// Its paired effect on the final score against the default choice, in
    /// points, and the 95% interval's half-width.
    pub effect: f64,
    pub effect_ci95: f64,
}

/// One firing: the event, its week, the choice taken and each choice's
/// final score.
struct Firing {
    event: usize,
    week: u32,
    taken: usize,
    scores: Vec<f64>,
}

/// One run's firings, and how near each event's `when` came to holding.
struct Played {
    firings: Vec<Firing>,
    reach: Vec<Reach>,
}

/// The statistics of every event of `scenario` over `runs` runs from `seed`.
pub fn event_stats(
    scenario: &Arc<Scenario>,
    runs: u32,
    seed: u64,
    threads: usize,
) -> Result<Vec<EventStats>, SimError> {
    let seeds: Vec<u64> = (0..u64::from(runs)).map(|i| seed.wrapping_add(i)).collect();
    let threads = threads.clamp(1, seeds.len().max(1));
    let chunks: Vec<&[u64]> = seeds.chunks(seeds.len().div_ceil(threads).max(1)).collect();
    let played: Vec<Result<Vec<Played>, SimError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = chunks
            .iter()
            .map(|chunk| scope.spawn(move || chunk.iter().map(|&s| firings(scenario, s)).collect()))
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut all = Vec::new();
    let mut reach: Vec<Reach> = scenario.events.iter().map(Reach::new).collect();
    for chunk in played {
        for run in chunk? {
            all.extend(run.firings);
            for (r, seen) in reach.iter_mut().zip(&run.reach) {
                r.add(seen);
            }
        }
    }
    let mut stats = summarise(scenario, &all, runs);
    for (stat, r) in stats.iter_mut().zip(reach) {
        stat.reach = r;
    }
    Ok(stats)
}

/// Every firing of one run of `balanced`, each choice played on to the end.
fn firings(scenario: &Arc<Scenario>, seed: u64) -> Result<Played, SimError> {
    let mut bot = policy::by_name(PLAYER, seed)?;
    let mut game = Game::new(Arc::clone(scenario), seed);
    let mut out = Vec::new();
    let mut reach: Vec<Reach> = scenario.events.iter().map(Reach::new).collect();
    while !game.is_over() {
        let s = game.state();
        for (r, def) in reach.iter_mut().zip(&scenario.events) {
            r.see(def, s);
        }
        let d = bot.decide(s, scenario);
        for (at, pending) in s.pending.iter().enumerate() {
            let Some(def) = scenario.events.get(pending.event) else {
                continue;
            };
            let default = def.default_choice.min(def.choices.len().saturating_sub(1));
            let taken = d
                .answers
                .iter()
                .find(|a| a.pending == at)
                .map_or(default, |a| a.choice);
            let mut scores = Vec::new();
            if def.choices.len() >= 2 {
                for choice in 0..def.choices.len() {
                    let mut other = d.clone();
                    other.answers.retain(|a| a.pending != at);
                    other.answers.push(Answer {
                        pending: at,
                        choice,
                    });
                    scores.push(play_on(&game, &other, seed)?);
                }
            }
            out.push(Firing {
                event: pending.event,
                week: pending.week,
                taken,
                scores,
            });
        }
        game.advance(&d)
            .map_err(|error| SimError::IllegalDecision {
                policy: PLAYER.into(),
                seed,
                week: game.state().week + 1,
                error,
            })?;
    }
    Ok(Played {
        firings: out,
        reach,
    })
}

/// The final score of `game` played on with `first` this week and the
/// continuation's plan after.
fn play_on(game: &Game, first: &crate::engine::Decision, seed: u64) -> Result<f64, SimError> {
    let mut bot: Box<dyn Policy> = policy::by_name(CONTINUATION, seed)?;
    Ok(answer::play_on(game.clone(), first, None, &mut |s, sc| {
        bot.decide(s, sc)
    }))
}

fn summarise(scenario: &Scenario, all: &[Firing], runs: u32) -> Vec<EventStats> {
    scenario
        .events
        .iter()
        .enumerate()
        .map(|(i, def)| {
            let mine: Vec<&Firing> = all.iter().filter(|f| f.event == i).collect();
            let n = mine.len();
            let mut weeks: Vec<u32> = mine.iter().map(|f| f.week).collect();
            weeks.sort_unstable();
            let default = def.default_choice.min(def.choices.len().saturating_sub(1));
            let scored: Vec<&&Firing> = mine.iter().filter(|f| !f.scores.is_empty()).collect();
            let choices: Vec<ChoiceStats> = def
                .choices
                .iter()
                .enumerate()
                .map(|(c, choice)| {
                    let diffs: Vec<f64> = scored
                        .iter()
                        .filter_map(|f| Some(f.scores.get(c)? - f.scores.get(default)?))
                        .collect();
                    let (effect, effect_ci95) = mean_ci95(&diffs);
                    ChoiceStats {
                        label: choice.label.clone(),
                        taken: mine.iter().filter(|f| f.taken == c).count() as f64
                            / n.max(1) as f64,
                        effect,
                        effect_ci95,
                    }
                })
                .collect();
            // How often each choice was the best of its firing (by more than
            // [`TIE`]: a firing whose choices end alike has no best).
            let mut best = vec![0usize; def.choices.len()];
            for f in &scored {
                let mut order: Vec<usize> = (0..f.scores.len()).collect();
                order.sort_by(|a, b| f.scores[*b].total_cmp(&f.scores[*a]).then(a.cmp(b)));
                if let [first, second, ..] = order[..] {
                    if f.scores[first] - f.scores[second] > TIE {
                        best[first] += 1;
                    }
                }
            }
            let most = best.iter().copied().max().unwrap_or(0);
            let same_best = most as f64 / scored.len().max(1) as f64;
            let effects = choices.iter().map(|c| c.effect);
            let spread = effects.clone().fold(f64::NEG_INFINITY, f64::max)
                - effects.fold(f64::INFINITY, f64::min);
            EventStats {
                id: def.id.clone(),
                firings: n,
                per_run: n as f64 / f64::from(runs.max(1)),
                median_week: weeks.get(weeks.len() / 2).copied().unwrap_or(0),
                dominated: scored.len() >= MIN_FIRINGS && same_best > DOMINATED_SHARE,
                same_best: if scored.is_empty() { 0.0 } else { same_best },
                spread: if scored.is_empty() { 0.0 } else { spread },
                best: best.iter().position(|&k| k == most).filter(|_| most > 0),
                reach: Reach::default(),
                choices,
            }
        })
        .collect()
}
