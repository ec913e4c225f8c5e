//! Batches of runs on every core, and a policy's line in a report.
//!
//! Each run is independent and its result lands in its own slot, so a batch
//! is bit-identical whatever the thread count.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::engine::Scenario;
use crate::sim::{self, Batch, RunResult, SimError};

/// One policy's line in the report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub policy: String,
    pub mean_score: f64,
    /// Half-width of the mean score's 95% interval (normal approximation:
    /// 1.96 standard errors): another set of seeds would land within it.
    pub ci95: f64,
    pub sd_score: f64,
    /// Share of runs that ended in a win, 0–1.
    pub win_rate: f64,
    /// The most frequent ending.
    pub ending: String,
    /// How many runs ended in each ending that happened, by id.
    pub endings: BTreeMap<String, u32>,
}

impl Row {
    pub(super) fn of(batch: &Batch) -> Row {
        let runs = f64::from(batch.runs.max(1));
        let scores: Vec<f64> = batch.results.iter().map(|r| r.score).collect();
        Row {
            policy: batch.policy.clone(),
            mean_score: batch.mean.score,
            ci95: mean_ci95(&scores).1,
            sd_score: batch.sd.score,
            win_rate: f64::from(batch.outcomes.get("win").copied().unwrap_or(0)) / runs,
            ending: batch.most_frequent_ending().to_string(),
            endings: batch
                .endings
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(id, n)| (id.clone(), *n))
                .collect(),
        }
    }

    /// The endings as a player reads them, most frequent first:
    /// "ipo 88%, time_up 12%".
    pub fn ending_shares(&self) -> String {
        let runs: u32 = self.endings.values().sum();
        let mut all: Vec<(&String, &u32)> = self.endings.iter().collect();
        all.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        all.iter()
            .map(|(id, n)| {
                format!(
                    "{id} {:.0}%",
                    f64::from(**n) * 100.0 / f64::from(runs.max(1))
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The mean of `xs` and the half-width of its 95% interval (1.96 standard
/// errors, the sample standard deviation over √n; 0 for fewer than two).
pub fn mean_ci95(xs: &[f64]) -> (f64, f64) {
    let n = xs.len() as f64;
    if xs.is_empty() {
        return (0.0, 0.0);
    }
    let mean = xs.iter().sum::<f64>() / n;
    if xs.len() < 2 {
        return (mean, 0.0);
    }
    let var = xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0);
    (mean, 1.96 * (var / n).sqrt())
}

/// Told how far a long piece of work is: (runs done, runs in all), after each
/// run, from whichever thread played it.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// Telling nobody.
pub const QUIET: Progress<'static> = &|_, _| {};

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

#[cfg(test)]
mod tests {
    use super::*;

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
