//! The search for a recipe that beats adapting: from the grid's best fixed
//! policies, a hill climb over their neighbours (five points of attention
//! moved, five hours more or fewer within 40–60, refactoring ±10 within
//! 0–40%, every VP line, a second or third phase from 8, 15 or 30 engineers
//! or a stage), on the report's own seeds; then the best policy found and
//! `balanced` are played again on fresh seeds, which the search never saw,
//! so that a recipe tuned to the search's luck is not mistaken for a good one.
//! The recipes answer events as `balanced` does (`answers=forecast`): the
//! lead must come from adapting, not from answering. In a scenario with many
//! events a run (more than [`ANSWERED_CLIMB_EVENTS`]) that is too slow for
//! the whole climb, which then leaves events to their defaults, and only its
//! best few are played answering them, on the fresh seeds.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::Serialize;

use super::runs::{batches_told, mean_ci95, Progress, Row};
use crate::engine::{Activity, Attention, ReportingLine, Scenario, Stage};
use crate::policy::{Fixed, Phase, Switch};
use crate::sim::{Batch, SimError};

/// Policies the climb may play at most (each over the report's runs).
pub const BUDGET: usize = 1500;
/// The grid's best policies the climb starts from.
pub const STARTS: usize = 3;
/// Hours and refactoring the climb keeps within.
pub const HOURS: (u8, u8) = (40, 60);
pub const MAX_REFACTOR: u8 = 40;
/// Where a new phase may start.
pub const SWITCHES: [Switch; 5] = [
    Switch::Engineers(8),
    Switch::Engineers(15),
    Switch::Engineers(30),
    Switch::Stage(Stage::SeriesB),
    Switch::Stage(Stage::SeriesC),
];
/// Events a run of `balanced` may answer on average for the climb itself to
/// answer events (each answered event plays a few futures per choice: past
/// this, the climb would not fit the report's time).
pub const ANSWERED_CLIMB_EVENTS: f64 = 12.0;
/// The climb's best policies played again on fresh seeds.
pub const CONFIRMED: usize = 4;
/// Fresh seeds start this far after the report's first seed.
pub const FRESH_OFFSET: u64 = 1_000_000;

/// What the search found.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Found {
    /// Policies the climb played.
    pub evaluated: usize,
    /// The best policy found, on the search's seeds.
    pub best: Row,
    /// On fresh seeds: `balanced`, the best policy found, and `balanced`'s
    /// lead over it, paired by seed, with its 95% interval (half-width).
    pub fresh_seed: u64,
    pub fresh_balanced: Row,
    pub fresh_best: Row,
    pub lead: f64,
    pub lead_ci95: f64,
}

/// Where the search plays: the scenario, seeds, threads and who hears of
/// progress.
pub struct Bench<'a> {
    pub scenario: &'a Arc<Scenario>,
    pub runs: u32,
    pub seed: u64,
    pub threads: usize,
    pub progress: Progress<'a>,
}

impl Bench<'_> {
    fn play(&self, names: &[String], seed: u64) -> Result<Vec<Batch>, SimError> {
        batches_told(
            self.scenario,
            names,
            self.runs,
            seed,
            self.threads,
            self.progress,
        )
    }
}

/// Climb from `starts` (the grid's best, as `fixed:` names; answering
/// events as `balanced` does when `answer`), then confirm on fresh seeds.
pub fn search(bench: &Bench, starts: &[String], answer: bool) -> Result<Option<Found>, SimError> {
    let starts: Vec<String> = starts
        .iter()
        .map(|s| {
            if answer {
                format!("{s},answers=forecast")
            } else {
                s.clone()
            }
        })
        .collect();
    let (evaluated, mut scores) = climb(bench, &starts)?;
    scores.sort_by(|a, b| {
        b.1.mean
            .score
            .total_cmp(&a.1.mean.score)
            .then_with(|| a.0.cmp(&b.0))
    });
    let Some((_, best_batch)) = scores.first() else {
        return Ok(None);
    };
    // Without `answer` the climb left events to their defaults; its best
    // few are played again answering them too, so that the lead measures
    // adapting, not answering.
    let mut names = vec!["balanced".to_string()];
    for (name, _) in scores.iter().take(CONFIRMED) {
        names.push(name.clone());
        if !answer {
            names.push(format!("{name},answers=forecast"));
        }
    }
    let fresh_seed = bench.seed.wrapping_add(FRESH_OFFSET);
    let fresh = bench.play(&names, fresh_seed)?;
    let best_fresh = fresh[1..]
        .iter()
        .max_by(|a, b| {
            a.mean
                .score
                .total_cmp(&b.mean.score)
                .then_with(|| b.policy.cmp(&a.policy))
        })
        .unwrap_or(&fresh[0]);
    let (lead, lead_ci95) = paired_lead(&fresh[0], best_fresh);
    Ok(Some(Found {
        evaluated,
        best: Row::of(best_batch),
        fresh_seed,
        fresh_balanced: Row::of(&fresh[0]),
        fresh_best: Row::of(best_fresh),
        lead,
        lead_ci95,
    }))
}

/// Hill climbs from each of `starts`, together: each step plays every new
/// neighbour of every climber, and each climber moves to its best neighbour
/// while that beats where it stands, within [`BUDGET`] policies. Every
/// policy played, with its batch.
fn climb(bench: &Bench, starts: &[String]) -> Result<(usize, Vec<(String, Batch)>), SimError> {
    let mut seen: BTreeSet<String> = starts.iter().cloned().collect();
    let first = bench.play(starts, bench.seed)?;
    let mut scores: Vec<(String, Batch)> = starts.iter().cloned().zip(first).collect();
    let mut frontier: Vec<Fixed> = starts.iter().filter_map(|s| parse(s)).collect();
    let mut evaluated = starts.len();
    while !frontier.is_empty() && evaluated < BUDGET {
        let mut names = Vec::new();
        let mut from = Vec::new();
        for (i, f) in frontier.iter().enumerate() {
            for n in neighbours(f) {
                let name = n.to_string();
                if seen.insert(name.clone()) {
                    names.push(name);
                    from.push(i);
                }
            }
        }
        names.truncate(BUDGET - evaluated);
        if names.is_empty() {
            break;
        }
        evaluated += names.len();
        let played = bench.play(&names, bench.seed)?;
        let mut next = Vec::new();
        for (i, f) in frontier.iter().enumerate() {
            let here = mean_of(&scores, &f.to_string());
            let best = names
                .iter()
                .zip(&played)
                .zip(&from)
                .filter(|(_, &j)| j == i)
                .map(|((n, b), _)| (n, b.mean.score))
                .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(a.0)));
            if let Some((name, _)) = best.filter(|(_, score)| *score > here) {
                next.extend(parse(name));
            }
        }
        scores.extend(names.into_iter().zip(played));
        frontier = next;
    }
    Ok((evaluated, scores))
}

fn parse(name: &str) -> Option<Fixed> {
    Fixed::parse(name.strip_prefix("fixed:")?).ok()
}

fn mean_of(scores: &[(String, Batch)], name: &str) -> f64 {
    scores
        .iter()
        .find(|(n, _)| n == name)
        .map_or(f64::NEG_INFINITY, |(_, b)| b.mean.score)
}

/// `a`'s mean lead over `b`, seed by seed, and the 95% interval's half-width.
pub fn paired_lead(a: &Batch, b: &Batch) -> (f64, f64) {
    let diffs: Vec<f64> = a
        .results
        .iter()
        .zip(&b.results)
        .map(|(x, y)| x.score - y.score)
        .collect();
    let (mean, half) = mean_ci95(&diffs);
    (mean, half)
}

/// Every policy one step from `f`.
fn neighbours(f: &Fixed) -> Vec<Fixed> {
    let mut out = Vec::new();
    // Five points moved within each phase.
    let phases = 1 + f.later.iter().flatten().count();
    for phase in 0..phases {
        for moved in moves(split_of(f, phase), 5) {
            let mut g = *f;
            set_split(&mut g, phase, moved);
            out.push(g);
        }
    }
    for h in [f.hours.saturating_sub(5), f.hours.saturating_add(5)] {
        if (HOURS.0..=HOURS.1).contains(&h) && h != f.hours {
            out.push(Fixed { hours: h, ..*f });
        }
    }
    let refactors: Vec<Option<u8>> = match f.refactor {
        None => vec![Some(10), Some(20), Some(30)],
        Some(r) => [
            r.checked_sub(10),
            r.checked_add(10).filter(|r| *r <= MAX_REFACTOR),
        ]
        .into_iter()
        .flatten()
        .map(Some)
        .collect(),
    };
    out.extend(
        refactors
            .into_iter()
            .map(|refactor| Fixed { refactor, ..*f }),
    );
    for vp in [
        ReportingLine::Cto,
        ReportingLine::Ceo { forum: true },
        ReportingLine::Ceo { forum: false },
    ] {
        if vp != f.vp {
            out.push(Fixed { vp, ..*f });
        }
    }
    // A new last phase: ten points moved from the last split, at each switch
    // later than the last one.
    if let Some(slot) = f.later.iter().position(Option::is_none) {
        let last = split_of(f, phases - 1);
        let after = f.later.iter().flatten().last().map(|p| p.from);
        for from in SWITCHES.into_iter().filter(|s| later_than(*s, after)) {
            for attention in moves(last, 10) {
                let mut g = *f;
                g.later[slot] = Some(Phase { from, attention });
                out.push(g);
            }
        }
    }
    out
}

fn later_than(s: Switch, after: Option<Switch>) -> bool {
    match (after, s) {
        (None, _) => true,
        (Some(Switch::Engineers(a)), Switch::Engineers(b)) => b > a,
        (Some(Switch::Stage(a)), Switch::Stage(b)) => b > a,
        _ => false,
    }
}

fn split_of(f: &Fixed, phase: usize) -> Attention {
    match phase {
        0 => f.attention,
        n => f.later[n - 1].map_or(f.attention, |p| p.attention),
    }
}

fn set_split(f: &mut Fixed, phase: usize, a: Attention) {
    match phase {
        0 => f.attention = a,
        n => {
            if let Some(p) = f.later[n - 1].as_mut() {
                p.attention = a;
            }
        }
    }
}

/// Every split `step` points from `a`: from one activity to another.
fn moves(a: Attention, step: u8) -> Vec<Attention> {
    let mut out = Vec::new();
    for from in Activity::ALL {
        for to in Activity::ALL {
            if from == to || a.get(from) < step {
                continue;
            }
            let mut pct = Activity::ALL.map(|x| a.get(x));
            pct[from as usize] -= step;
            pct[to as usize] += step;
            out.push(Attention::new(pct[0], pct[1], pct[2], pct[3]));
        }
    }
    out
}
