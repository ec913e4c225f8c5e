//! `cto-sim check`: parse, validate, then a short smoke simulation with bots.

use std::sync::Arc;

use crate::engine::{News, Scenario};
use crate::policy;
use crate::scenario::{self, ScenarioError, Severity};
use crate::sim;

/// Every bot plays the smoke simulation, for this many weeks and seeds.
const SMOKE_WEEKS: u32 = 52;
const SMOKE_SEEDS: u64 = 3;

/// Check each file and report on `out`; `true` when none has errors.
pub fn check_all(files: &[String], out: &mut dyn std::io::Write) -> bool {
    let mut all_ok = true;
    for file in files {
        all_ok &= check_one(file, out);
    }
    all_ok
}

fn check_one(file: &str, out: &mut dyn std::io::Write) -> bool {
    let (checked, _) = match scenario::resolve(file) {
        Ok(found) => found,
        Err(ScenarioError::Invalid(found)) => {
            let errors = found
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = found.len() - errors;
            let _ = writeln!(out, "{}", ScenarioError::Invalid(found));
            let _ = writeln!(out, "{file}: {}", tally(errors, warnings));
            return false;
        }
        Err(e) => {
            let _ = writeln!(out, "{e}");
            return false;
        }
    };
    for w in &checked.warnings {
        let _ = writeln!(out, "{w}");
    }
    let scenario = Arc::new(checked.scenario);
    match smoke(&scenario) {
        Ok(summary) => {
            let _ = writeln!(
                out,
                "{file}: ok, {} ({summary})",
                tally(0, checked.warnings.len())
            );
            true
        }
        Err(message) => {
            let _ = writeln!(out, "{file}: error: the smoke simulation failed: {message}");
            false
        }
    }
}

fn tally(errors: usize, warnings: usize) -> String {
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

/// Play a few short runs with bots, answering every event, to catch scenarios
/// that cannot be played.
fn smoke(scenario: &Arc<Scenario>) -> Result<String, String> {
    let mut weeks = 0u64;
    let mut events = 0usize;
    let bots: Vec<&str> = policy::names().collect();
    for &bot in &bots {
        for seed in 1..=SMOKE_SEEDS {
            let result = sim::play_policy(scenario, bot, seed, Some(SMOKE_WEEKS), |game, _, _| {
                events += game
                    .state()
                    .news
                    .iter()
                    .filter(|n| matches!(n, News::EventFired(_)))
                    .count();
            })
            .map_err(|e| e.to_string())?;
            weeks += u64::from(result.weeks);
        }
    }
    Ok(format!(
        "{} bots played {weeks} weeks, {events} events fired",
        bots.len()
    ))
}
