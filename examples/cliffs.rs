//! Where does an ending hang on a cliff? Plays every split of an attention grid
//! and each neighbour five points away (five points moved from one activity to
//! another), and prints the pairs whose share of some ending differs most.
//!
//! `cargo run --release --example cliffs [SCENARIO] [RUNS] [STEP] [--floor N]`
//! (defaults: `default`, 50 seeds, a 20% grid). `--floor N` leaves out pairs
//! where either split gives an activity less than N percent (`--no-zero`:
//! `--floor 5`). The bar: no pair differs by more than 35 points.

use std::sync::Arc;

use cto_sim::balance;
use cto_sim::scenario;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // `--floor N`: leave out pairs where either split gives an activity less
    // than N percent (`--no-zero` is `--floor 5`).
    let floor: u8 = args
        .iter()
        .position(|a| a == "--floor")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(if args.iter().any(|a| a == "--no-zero") {
            5
        } else {
            0
        });
    let mut positional = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--floor"))
        .map(|(_, a)| a);
    let name = positional.next().map_or("default", String::as_str);
    let runs: u32 = positional.next().and_then(|r| r.parse().ok()).unwrap_or(50);
    let step: u8 = positional.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let scenario = Arc::new(scenario::find(name).expect("a scenario"));

    let (names, pairs) = neighbours(step, floor);
    let batches = balance::batches(&scenario, &names, runs, 1, balance::threads())
        .expect("every policy plays");
    let mut gaps: Vec<(f64, String)> = Vec::new();
    for (x, y) in pairs {
        let (a, b) = (&batches[x], &batches[y]);
        let mut endings: Vec<&String> = a.endings.keys().chain(b.endings.keys()).collect();
        endings.sort();
        endings.dedup();
        for ending in endings {
            let share = |batch: &cto_sim::sim::Batch| {
                f64::from(batch.endings.get(ending).copied().unwrap_or(0)) / f64::from(runs)
            };
            let (sa, sb) = (share(a), share(b));
            gaps.push((
                (sa - sb).abs(),
                format!(
                    "{} vs {}: {ending} {:.0}% vs {:.0}%",
                    a.policy,
                    b.policy,
                    sa * 100.0,
                    sb * 100.0
                ),
            ));
        }
    }
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    let over = gaps.iter().filter(|(gap, _)| *gap > 0.35).count();
    for (gap, line) in gaps.iter().take(10) {
        println!("{:>3.0} points  {line}", gap * 100.0);
    }
    println!(
        "{over} of {} ending shares move by more than 35 points",
        gaps.len()
    );
}

/// Every split of the grid and its neighbours, as policy names, with the
/// index pairs to compare.
fn neighbours(step: u8, floor: u8) -> (Vec<String>, Vec<(usize, usize)>) {
    let name = |x: [u8; 4]| format!("fixed:{}/{}/{}/{}", x[0], x[1], x[2], x[3]);
    let n = 100 / step.max(5);
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
