//! Cliffs: how far an ending's share moves between two fixed splits five
//! points of attention apart.

use std::sync::Arc;

use super::runs::{batches, threads};
use crate::engine::Scenario;
use crate::sim::{Batch, SimError};

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
/// `floor` percent are left out. `options` follow every split, as a fixed
/// policy's (`",vp=forum,hours=48"`; empty for the defaults).
pub fn cliffs(
    scenario: &Arc<Scenario>,
    step: u8,
    floor: u8,
    runs: u32,
    options: &str,
) -> Result<Vec<Cliff>, SimError> {
    let (mut names, pairs) = neighbours(step, floor);
    for name in &mut names {
        name.push_str(options);
    }
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
