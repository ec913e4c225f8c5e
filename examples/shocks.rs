//! Can skill beat bad luck? Sorts seeds by how many market shocks they bring
//! (counted under `balanced,answers=default`: shocks are drawn from the
//! strategy stream, so the count barely depends on who plays), then plays each
//! policy on the tenth with the most and prints its wins and mean score there.
//! Issue 22 asks `balanced` to win at least 40% of that tenth.
//!
//! `cargo run --release --example shocks [SCENARIO] [SEEDS] [POLICY…]`
//! (defaults: default, 200 seeds, balanced; SCENARIO may be a path).

use std::sync::Arc;

use cto_sim::engine::Scenario;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let name = args.get(1).map_or("default", String::as_str);
    let seeds: u64 = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(200);
    let policies: Vec<&str> = match args.get(3..) {
        Some(rest) if !rest.is_empty() => rest.iter().map(String::as_str).collect(),
        _ => vec!["balanced"],
    };
    // A built-in name, a name in the scenario folder, or a path.
    let sc: Arc<Scenario> = match cto_sim::scenario::resolve(name) {
        Ok((checked, _)) => Arc::new(checked.scenario),
        Err(e) => {
            eprintln!("{name}: {e}");
            std::process::exit(2);
        }
    };
    let tenth = &cto_sim::sim::most_shocked_tenth(&sc, seeds)[..];
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
