//! How much revenue does one person carry, at most? Plays every bot and every
//! fixed policy of the balance grid on every built-in scenario and prints, per
//! scenario, the most ARR per person on the payroll (engineering, the CTO and
//! the rest of the company) in any week past the first half-year, the run that
//! showed it, and how many runs went over $1M. SaaS companies sit near
//! $150–400k; the bar is $1M in every week.
//!
//! `cargo run --release --example arr_per_person [RUNS]` (default 50 seeds;
//! the figure in `docs/model.md` is over 200, about three minutes on two cores:
//! one scenario per thread).

use std::sync::Arc;

use cto_sim::engine::Scenario;
use cto_sim::scenario::BUILTIN;

/// The first week that counts: a company's first half-year is its founding.
const FROM_WEEK: u32 = 27;

fn main() {
    let runs: u64 = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(50);
    let mut policies: Vec<String> = cto_sim::policy::names().map(String::from).collect();
    policies.extend(cto_sim::balance::grid().iter().map(ToString::to_string));
    let policies = Arc::new(policies);
    let threads = cto_sim::balance::threads();
    let names: Vec<&'static str> = BUILTIN.iter().map(|(name, _)| *name).collect();
    let mut lines = vec![String::new(); names.len()];
    for chunk in (0..names.len()).collect::<Vec<_>>().chunks(threads.max(1)) {
        let handles: Vec<_> = chunk
            .iter()
            .map(|&i| {
                let policies = Arc::clone(&policies);
                let name = names[i];
                std::thread::spawn(move || (i, worst(name, &policies, runs)))
            })
            .collect();
        for handle in handles {
            let (i, line) = handle.join().expect("a scenario's runs finish");
            lines[i] = line;
        }
    }
    for line in lines {
        println!("{line}");
    }
}

/// The worst week of `scenario` over `policies` and `runs` seeds, as a line.
fn worst(name: &str, policies: &[String], runs: u64) -> String {
    let scenario = Arc::new(Scenario::builtin(name).expect("a built-in scenario"));
    let mut most = (0.0f64, String::new());
    let mut over = 0u32;
    for policy in policies {
        for seed in 1..=runs {
            let mut run_most = 0.0f64;
            cto_sim::sim::play(&scenario, policy, seed, |s| {
                if s.week < FROM_WEEK {
                    return;
                }
                let per_person = s.arr_per_person();
                run_most = run_most.max(per_person);
                if per_person > most.0 {
                    most = (
                        per_person,
                        format!("{policy}, seed {seed}, week {}", s.week),
                    );
                }
            })
            .expect("every policy plays");
            if run_most > 1.0e6 {
                over += 1;
            }
        }
    }
    format!(
        "{name}: at most ${:.0}k ARR per person ({}); {over} of {} runs over $1M",
        most.0 / 1e3,
        most.1,
        policies.len() as u64 * runs
    )
}
