//! The balance report of a scenario, for its author: every bot, `passive`, and
//! a grid of fixed policies, each played over the same seeds. It names the best
//! fixed policy and says whether it beats `balanced` (no fixed recipe should:
//! the game is about adapting to the stage) and whether `passive` wins (doing
//! nothing should lose).
//!
//! Batches run on every core; each run is independent and its result lands in
//! its own slot, so the report is bit-identical whatever the thread count.

mod cliffs;
mod events;
mod runs;
mod search;

use std::sync::Arc;

use serde::Serialize;

pub use cliffs::{cliffs, Cliff};
pub use events::{event_stats, ChoiceStats, ConditionReach, EventStats, Reach};
pub use runs::{batches, batches_told, mean_ci95, threads, Progress, Row, QUIET};
pub use search::{paired_lead, Found};

use crate::engine::{Attention, Scenario};
use crate::policy::{self, Fixed, BALANCED_HOURS};
use crate::sim::SimError;

/// Hours the grid tries.
pub const GRID_HOURS: [u8; 3] = [40, BALANCED_HOURS, 56];
/// Refactoring shares the grid tries (`None`: `balanced`'s own rule).
pub const GRID_REFACTOR: [Option<u8>; 3] = [Some(10), None, Some(30)];
/// Attention steps of the grid, in percent.
pub const GRID_STEP: u8 = 10;

/// Every fixed policy of the grid: attention in 10% steps (286 splits), each
/// at the grid's hours and refactoring shares, every VP reporting to the CTO.
pub fn grid() -> Vec<Fixed> {
    let mut out = Vec::new();
    for attention in splits(GRID_STEP) {
        for hours in GRID_HOURS {
            for refactor in GRID_REFACTOR {
                out.push(Fixed {
                    later: [None; 2],
                    attention,
                    hours,
                    refactor,
                    vp: crate::engine::ReportingLine::Cto,
                    answers: false,
                });
            }
        }
    }
    out
}

/// The quick sample `cto-sim check` plays: attention in 20% steps (56
/// splits) at `balanced`'s hours and refactoring, every VP reporting to the CTO.
pub fn quick_grid() -> Vec<Fixed> {
    splits(20)
        .into_iter()
        .map(|attention| Fixed {
            later: [None; 2],
            attention,
            hours: BALANCED_HOURS,
            refactor: None,
            vp: crate::engine::ReportingLine::Cto,
            answers: false,
        })
        .collect()
}

/// Every attention split in steps of `step` percent (which divides 100).
fn splits(step: u8) -> Vec<Attention> {
    let steps = 100 / step.max(1);
    let mut out = Vec::new();
    for s in 0..=steps {
        for h in 0..=steps - s {
            for c in 0..=steps - s - h {
                let m = steps - s - h - c;
                out.push(Attention::new(s * step, h * step, c * step, m * step));
            }
        }
    }
    out
}

/// The balance report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    pub scenario: String,
    pub runs: u32,
    pub seed: u64,
    /// Every named bot, `passive` included, in the order `cto-sim policies` lists them.
    pub bots: Vec<Row>,
    /// The grid's best fixed policies, best first, over the same seeds as the bots.
    pub best_fixed: Vec<Row>,
    /// Fixed policies in the grid.
    pub grid_size: usize,
    /// Whether the best fixed policy scores above `balanced` (in tenths of a
    /// point, as printed).
    pub fixed_beats_balanced: bool,
    /// `balanced`'s mean score minus the best fixed policy's, both as printed
    /// (to the tenth; negative when a recipe beats it).
    pub lead: f64,
    /// Fixed policies of the grid that win [`EASY_WIN_RATE`] of their runs or
    /// more: many of them mean almost any way of playing wins the scenario.
    pub fixed_winning: usize,
    /// Whether `passive` wins in more than 10% of runs.
    pub passive_wins: bool,
    /// The search from the grid's best, and its check on fresh seeds.
    pub search: Option<Found>,
    /// Each event of the deck: how often it fires for `balanced`, what it
    /// took, and each choice's paired effect on the final score.
    pub events: Vec<EventStats>,
    /// What the figures say, in words, each with the next thing to try.
    pub verdict: Vec<String>,
}

/// Points between an event's best and worst choice under which its choices
/// barely matter.
pub const MOOT_SPREAD: f64 = 0.3;

fn plural_events(n: usize) -> String {
    if n == 1 {
        "1 event".to_string()
    } else {
        format!("{n} events")
    }
}

/// `balanced`'s share of wins outside which a scenario is too easy or too
/// hard for a good player (the default scenario's own band).
pub const GOOD_WIN_RATE: (f64, f64) = (0.60, 0.95);

impl Report {
    /// What the figures say, in words, with the next thing to try.
    fn verdict(&self) -> Vec<String> {
        let mut said = Vec::new();
        let row = |name: &str| self.bots.iter().find(|r| r.policy == name);
        let (lead, best) = match &self.search {
            Some(f) => (f.lead, f.fresh_best.policy.as_str()),
            None => (
                self.lead,
                self.best_fixed.first().map_or("", |r| r.policy.as_str()),
            ),
        };
        let noise = self.search.as_ref().map_or(0.0, |f| f.lead_ci95);
        if lead.abs() <= noise {
            said.push(format!("balanced and the best recipe found ({best}) cannot be told apart at --runs {}: the lead is {lead:.1} ± {noise:.1} points. Play more runs (--runs 200) before changing the scenario for it.", self.runs));
        } else if lead < 0.0 {
            said.push(format!("A recipe beats balanced by {:.1} points ({best}): a split, or phases of splits, kept whatever happens wins here. Try: a crisis mid-run that needs another split for a while, a stage change inside the run, or needs that outgrow the week (recruiting cost per hire, the hours reports take).", -lead));
        } else if lead < CLEAR_LEAD {
            said.push(format!("The best recipe found comes within {lead:.1} points of balanced ({best}): adapting barely pays. Try: needs that change as the company grows (a stage change inside the run, a market that drifts, a crisis mid-run)."));
        } else {
            said.push(format!("balanced leads the best recipe found by {lead:.1} points ({best}): adapting to the stage pays."));
        }
        if let Some(p) = row("passive").filter(|_| self.passive_wins) {
            let wins = (p.win_rate * f64::from(self.runs)).round();
            said.push(format!("passive wins {wins:.0} of {} runs: make doing nothing cost — a loss condition on growth, fewer starting engineers, or a market that drifts.", self.runs));
        } else {
            said.push(
                "passive does not win (10% of runs at most): doing nothing loses.".to_string(),
            );
        }
        if let Some(b) = row("balanced") {
            let (low, high) = GOOD_WIN_RATE;
            let pct = b.win_rate * 100.0;
            if b.win_rate > high {
                said.push(format!("balanced wins {pct:.0}% of runs: easy for a good player. Try: a shorter horizon, a higher bar, or less cash at the start."));
            } else if b.win_rate < low {
                said.push(format!("balanced wins {pct:.0}% of runs: hard even for a good player. Try: a longer horizon, a lower bar, or more cash at the start; see which endings it meets above."));
            }
        }
        let multi: Vec<&EventStats> = self
            .events
            .iter()
            .filter(|e| e.choices.len() > 1 && e.per_run > 0.0)
            .collect();
        let moot = multi.iter().filter(|e| e.spread < MOOT_SPREAD).count();
        let dominated = multi
            .iter()
            .filter(|e| e.dominated && e.spread >= MOOT_SPREAD)
            .count();
        if dominated + moot > 0 {
            said.push(format!("Of {} events with a choice that fired, {dominated} have one right answer and {moot} barely matter (under 0.3 points between choices): make a choice's worth depend on the company's state (cash, stage, team, debt, power), so that what is right at Seed is wrong at Series B.", multi.len()));
        }
        let silent: Vec<&str> = self
            .events
            .iter()
            .filter(|e| e.per_run == 0.0)
            .map(|e| e.id.as_str())
            .collect();
        if !silent.is_empty() {
            said.push(format!(
                "{} never fired for balanced: {}. Check their `when` and `chance`.",
                plural_events(silent.len()),
                silent.join(", ")
            ));
        }
        let share = self.fixed_winning as f64 / self.grid_size.max(1) as f64;
        if share >= 0.1 {
            said.push(format!("{} of {} fixed policies win {:.0}% of runs or more: many ways of playing win without adapting.", self.fixed_winning, self.grid_size, EASY_WIN_RATE * 100.0));
        }
        said
    }
}

/// How many of the grid's best policies the report lists.
pub const SHOWN: usize = 5;

/// The win rate from which a fixed policy counts as winning the scenario
/// almost always ([`Report::fixed_winning`]).
pub const EASY_WIN_RATE: f64 = 0.9;

/// The lead over the best fixed policy below which adapting barely pays.
pub const CLEAR_LEAD: f64 = 3.0;

/// A score as printed: in tenths of a point (a tie at that precision is not
/// a win).
pub fn tenths(score: f64) -> f64 {
    (score * 10.0).round()
}

/// Play the balance report of `scenario`: every bot and the whole grid over
/// `runs` seeds from `seed`, on `threads` threads (1 or more).
pub fn report(
    scenario: &Arc<Scenario>,
    runs: u32,
    seed: u64,
    threads: usize,
) -> Result<Report, SimError> {
    report_told(scenario, runs, seed, threads, QUIET)
}

/// [`report`], telling `progress` after each run.
pub fn report_told(
    scenario: &Arc<Scenario>,
    runs: u32,
    seed: u64,
    threads: usize,
    progress: Progress,
) -> Result<Report, SimError> {
    let mut names: Vec<String> = policy::names().map(str::to_string).collect();
    let grid = grid();
    names.extend(grid.iter().map(Fixed::to_string));
    let batches = batches_told(scenario, &names, runs, seed, threads, progress)?;
    let (bots, fixed) = batches.split_at(policy::BOTS.len());
    let bots: Vec<Row> = bots.iter().map(Row::of).collect();
    let mut best: Vec<Row> = fixed.iter().map(Row::of).collect();
    let fixed_winning = best.iter().filter(|r| r.win_rate >= EASY_WIN_RATE).count();
    best.sort_by(|a, b| {
        b.mean_score
            .total_cmp(&a.mean_score)
            .then_with(|| a.policy.cmp(&b.policy))
    });
    best.truncate(SHOWN);
    let starts: Vec<String> = best
        .iter()
        .take(search::STARTS)
        .map(|r| r.policy.clone())
        .collect();
    let events = bots
        .iter()
        .zip(batches.iter())
        .find(|(r, _)| r.policy == "balanced")
        .map_or(0.0, |(_, b)| b.mean.events);
    let answer = events <= search::ANSWERED_CLIMB_EVENTS;
    let bench = search::Bench {
        scenario,
        runs,
        seed,
        threads,
        progress,
    };
    let found = search::search(&bench, &starts, answer)?;
    let score_of = |name: &str| bots.iter().find(|r| r.policy == name);
    let balanced = score_of("balanced").map_or(0.0, |r| r.mean_score);
    let passive_wins = score_of("passive").is_some_and(|r| r.win_rate > 0.10);
    let best_score = best.first().map_or(0.0, |r| r.mean_score);
    let mut report = Report {
        scenario: scenario.name.clone(),
        runs,
        seed,
        // Compared as printed (tenths), as `check` does: a tie is not a win.
        fixed_beats_balanced: best
            .first()
            .is_some_and(|r| tenths(r.mean_score) > tenths(balanced)),
        lead: (tenths(balanced) - tenths(best_score)) / 10.0,
        fixed_winning,
        passive_wins,
        grid_size: grid.len(),
        bots,
        best_fixed: best,
        search: found,
        events: events::event_stats(scenario, runs, seed, threads)?,
        verdict: Vec::new(),
    };
    report.verdict = report.verdict();
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_covers_every_split_in_steps_of_ten() {
        let g = grid();
        assert_eq!(g.len(), 286 * GRID_HOURS.len() * GRID_REFACTOR.len());
        assert!(g.iter().all(|f| f.attention.total() == 100));
        let mut splits: Vec<_> = g.iter().map(|f| f.attention.percents().0).collect();
        splits.dedup();
        assert_eq!(splits.len(), 286);
    }
}
