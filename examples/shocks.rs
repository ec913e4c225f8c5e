//! Can skill beat bad luck? Sorts seeds by how many market shocks they bring
//! (counted under `balanced,answers=default`: shocks are drawn from the
//! strategy stream, so the count barely depends on who plays), then plays each
//! policy on the tenth with the most and prints its wins and mean score there.
//! Issue 22 asks `balanced` to win at least 40% of that tenth.
//!
//! `cargo run --release --example shocks [SCENARIO] [SEEDS] [POLICY…]`
//! (defaults: default, 200 seeds, balanced).

use std::sync::Arc;

use cto_sim::engine::{News, Scenario};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("default", String::as_str);
    let seeds: u64 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
    let policies: Vec<&str> = match args.get(3..) {
        Some(rest) if !rest.is_empty() => rest.iter().map(String::as_str).collect(),
        _ => vec!["balanced"],
    };
    let sc = Arc::new(Scenario::builtin(name).expect("a built-in scenario"));
    let mut rows: Vec<(usize, u64)> = (1..=seeds)
        .map(|seed| {
            let mut shocks = 0;
            cto_sim::sim::play(&sc, "balanced,answers=default", seed, |s| {
                shocks += s
                    .news
                    .iter()
                    .filter(|x| matches!(x, News::MarketShock))
                    .count();
            })
            .expect("balanced plays");
            (shocks, seed)
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let tenth = &rows[..rows.len().div_ceil(10)];
    let (fewest, most) = (tenth[tenth.len() - 1].0, tenth[0].0);
    println!(
        "{name}: the {} of {seeds} seeds with the most market shocks ({fewest}–{most})",
        tenth.len()
    );
    for policy in policies {
        let (mut wins, mut score) = (0, 0.0);
        for &(_, seed) in tenth {
            let r = cto_sim::sim::play(&sc, policy, seed, |_| {}).expect("the policy plays");
            if sc.ending_outcome(r.ending) == Some(cto_sim::engine::scenario::Outcome::Win) {
                wins += 1;
            }
            score += r.score;
        }
        let n = tenth.len();
        println!(
            "{policy}: wins {wins} of {n}, mean score {:.1}",
            score / n as f64
        );
    }
}
