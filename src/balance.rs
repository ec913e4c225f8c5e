//! The balance report of a scenario, for its author: every bot, `passive`, and
//! a grid of fixed policies, each played over the same seeds. It names the best
//! fixed policy and says whether it beats `balanced` (no fixed recipe should:
//! the game is about adapting to the stage) and whether `passive` wins (doing
//! nothing should lose).
//!
//! Batches run on every core; each run is independent and its result lands in
//! its own slot, so the report is bit-identical whatever the thread count.

use std::sync::Arc;

use serde::Serialize;

use crate::engine::{Attention, Scenario};
use crate::policy::{self, Fixed, BALANCED_HOURS};
use crate::sim::{self, Batch, RunResult, SimError};

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
                    attention,
                    hours,
                    refactor,
                    vp: crate::engine::ReportingLine::Cto,
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
            attention,
            hours: BALANCED_HOURS,
            refactor: None,
            vp: crate::engine::ReportingLine::Cto,
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

/// One policy's line in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub policy: String,
    pub mean_score: f64,
    pub sd_score: f64,
    /// Share of runs that ended in a win, 0–1.
    pub win_rate: f64,
    /// The most frequent ending.
    pub ending: String,
}

impl Row {
    fn of(batch: &Batch) -> Row {
        let runs = f64::from(batch.runs.max(1));
        Row {
            policy: batch.policy.clone(),
            mean_score: batch.mean.score,
            sd_score: batch.sd.score,
            win_rate: f64::from(batch.outcomes.get("win").copied().unwrap_or(0)) / runs,
            ending: batch.most_frequent_ending().to_string(),
        }
    }
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

/// Told how far a long piece of work is: (runs done, runs in all), after each
/// run, from whichever thread played it.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Telling nobody.
pub const QUIET: Progress<'static> = &|_, _| {};

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
    let score_of = |name: &str| bots.iter().find(|r| r.policy == name);
    let balanced = score_of("balanced").map_or(0.0, |r| r.mean_score);
    let passive_wins = score_of("passive").is_some_and(|r| r.win_rate > 0.10);
    let best_score = best.first().map_or(0.0, |r| r.mean_score);
    Ok(Report {
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
    })
}

/// A batch for each policy in `names`, played on `threads` threads. Run `i` of
/// policy `p` always has seed `seed + i` and its own slot, so the batches do
/// not depend on how the work was shared.
pub fn batches(
    scenario: &Arc<Scenario>,
    names: &[String],
    runs: u32,
    seed: u64,
    threads: usize,
) -> Result<Vec<Batch>, SimError> {
    batches_told(scenario, names, runs, seed, threads, QUIET)
}

/// [`batches`], telling `progress` after each run.
pub fn batches_told(
    scenario: &Arc<Scenario>,
    names: &[String],
    runs: u32,
    seed: u64,
    threads: usize,
    progress: Progress,
) -> Result<Vec<Batch>, SimError> {
    let jobs = names.len() * runs as usize;
    let threads = threads.clamp(1, jobs.max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let finished = std::sync::atomic::AtomicUsize::new(0);
    let mut slots: Vec<Option<Result<RunResult, SimError>>> = Vec::new();
    slots.resize_with(jobs, || None);
    let done: Vec<Vec<(usize, Result<RunResult, SimError>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let job = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        if job >= jobs {
                            return mine;
                        }
                        let (p, i) = (job / runs as usize, job % runs as usize);
                        let run_seed = seed.wrapping_add(i as u64);
                        mine.push((job, sim::play(scenario, &names[p], run_seed, |_| {})));
                        let n = finished.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        progress(n + 1, jobs);
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (job, result) in done.into_iter().flatten() {
        slots[job] = Some(result);
    }
    // Every job was taken by exactly one worker, so every slot is filled.
    let mut results = slots.into_iter().flatten();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let batch: Result<Vec<RunResult>, SimError> =
            results.by_ref().take(runs as usize).collect();
        out.push(Batch::of(scenario, name, seed, batch?));
    }
    Ok(out)
}

/// Threads to use: every core the machine offers.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// How far the share of one ending moves between two fixed splits five
/// points of attention apart.
#[derive(Clone, Debug, PartialEq)]
pub struct Cliff {
    /// The two policies, as `fixed:…` names.
    pub policies: [String; 2],
    /// The ending's identifier.
    pub ending: String,
    /// Its share of each policy's runs (0–1).
    pub shares: [f64; 2],
}

impl Cliff {
    /// The difference of the two shares (0–1).
    pub fn gap(&self) -> f64 {
        (self.shares[0] - self.shares[1]).abs()
    }
}

/// Every split of an attention grid in steps of `step` and each neighbour five
/// points away (five points moved from one activity to another), played over
/// `runs` seeds, with every ending's share compared: one [`Cliff`] per pair and
/// ending, widest first. Pairs where either split gives an activity less than
/// `floor` percent are left out.
pub fn cliffs(
    scenario: &Arc<Scenario>,
    step: u8,
    floor: u8,
    runs: u32,
) -> Result<Vec<Cliff>, SimError> {
    let (names, pairs) = neighbours(step, floor);
    let played = batches(scenario, &names, runs, 1, threads())?;
    let mut out = Vec::new();
    for (x, y) in pairs {
        let (a, b) = (&played[x], &played[y]);
        let share = |batch: &Batch, ending: &String| {
            f64::from(batch.endings.get(ending).copied().unwrap_or(0)) / f64::from(runs.max(1))
        };
        // Every ending is listed in a batch, zeros included.
        for ending in a.endings.keys() {
            out.push(Cliff {
                policies: [a.policy.clone(), b.policy.clone()],
                ending: ending.clone(),
                shares: [share(a, ending), share(b, ending)],
            });
        }
    }
    out.sort_by(|a, b| b.gap().total_cmp(&a.gap()));
    Ok(out)
}

/// Every split of the grid and its neighbours, as policy names, with the
/// index pairs to compare.
fn neighbours(step: u8, floor: u8) -> (Vec<String>, Vec<(usize, usize)>) {
    let name = |x: [u8; 4]| format!("fixed:{}/{}/{}/{}", x[0], x[1], x[2], x[3]);
    let step = step.clamp(5, 100);
    let n = 100 / step;
    let mut names = Vec::new();
    let mut pairs = Vec::new();
    for s in 0..=n {
        for h in 0..=n - s {
            for c in 0..=n - s - h {
                let base = [s * step, h * step, c * step, (n - s - h - c) * step];
                for from in 0..4 {
                    for to in 0..4 {
                        if from == to || base[from] < 5 {
                            continue;
                        }
                        let mut next = base;
                        next[from] -= 5;
                        next[to] += 5;
                        if base.iter().chain(&next).any(|&share| share < floor) {
                            continue;
                        }
                        pairs.push((names.len(), names.len() + 1));
                        names.push(name(base));
                        names.push(name(next));
                    }
                }
            }
        }
    }
    (names, pairs)
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

    #[test]
    fn batches_do_not_depend_on_the_thread_count() {
        let scenario = Arc::new(Scenario::builtin("tutorial").unwrap());
        let names: Vec<String> = ["balanced", "random", "fixed:40/20/10/30"]
            .map(String::from)
            .to_vec();
        let one = batches(&scenario, &names, 5, 3, 1).unwrap();
        let three = batches(&scenario, &names, 5, 3, 3).unwrap();
        assert_eq!(one, three);
        assert_eq!(one.len(), 3);
        assert_eq!(one[1].policy, "random");
    }
}
