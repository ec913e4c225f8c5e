//! `cto-sim check`: parse, validate, then a short smoke simulation with bots.

use std::sync::Arc;

use crate::balance;
use crate::engine::{News, Scenario};
use crate::policy::{self, Fixed};
use crate::scenario::{self, ScenarioError, Severity};
use crate::sim::{self, Batch};

/// Every bot plays the smoke simulation, for this many weeks and seeds.
const SMOKE_WEEKS: u32 = 52;
const SMOKE_SEEDS: u64 = 3;
/// Full-length runs per policy of the quick balance sample: as many as
/// `balance` plays by default, so the two agree more often than not (a
/// sample of ten moved by ten points with the seeds on a scenario whose
/// runs vary; fifty take about a quarter of a second).
const BALANCE_RUNS: u32 = 50;

/// Check each file and report on `out`; `true` when none has errors. An error
/// writing the report ends the check. `progress` is told how far each file's
/// simulations are (the file, runs done, runs in all).
pub fn check_all(
    files: &[String],
    out: &mut dyn std::io::Write,
    progress: &(dyn Fn(&str, usize, usize) + Sync),
) -> std::io::Result<bool> {
    let mut all_ok = true;
    for file in files {
        all_ok &= check_one(file, out, &|done, all| progress(file, done, all))?;
    }
    Ok(all_ok)
}

fn check_one(
    file: &str,
    out: &mut dyn std::io::Write,
    progress: balance::Progress,
) -> std::io::Result<bool> {
    let (checked, _) = match scenario::resolve(file) {
        Ok(found) => found,
        Err(ScenarioError::Invalid(found)) => {
            let errors = found
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            let warnings = found.len() - errors;
            writeln!(out, "{}", ScenarioError::Invalid(found))?;
            writeln!(out, "{file}: {}", tally(errors, warnings))?;
            return Ok(false);
        }
        Err(e) => {
            writeln!(out, "{e}")?;
            return Ok(false);
        }
    };
    for w in &checked.warnings {
        writeln!(out, "{w}")?;
    }
    let scenario = Arc::new(checked.scenario);
    let played =
        smoke(&scenario).and_then(|summary| Ok((summary, balance_warnings(&scenario, progress)?)));
    match played {
        Ok((summary, balance)) => {
            for w in &balance {
                writeln!(
                    out,
                    "{file}: warning: {w}; `cto-sim balance {}` shows the whole grid",
                    shell_word(file)
                )?;
            }
            writeln!(
                out,
                "{file}: ok, {} ({summary})",
                tally(0, checked.warnings.len() + balance.len())
            )?;
            Ok(true)
        }
        Err(message) => {
            writeln!(out, "{file}: error: the smoke simulation failed: {message}")?;
            Ok(false)
        }
    }
}

/// A quick balance sample (`balanced`, `passive` and the quick grid over
/// [`BALANCE_RUNS`] seeds): what an author should know — doing nothing wins,
/// or a fixed recipe outscores adapting to the stage.
fn balance_warnings(
    scenario: &Arc<Scenario>,
    progress: balance::Progress,
) -> Result<Vec<String>, String> {
    let mut names = vec!["balanced".to_string(), "passive".to_string()];
    names.extend(balance::quick_grid().iter().map(Fixed::to_string));
    let batches = balance::batches_told(
        scenario,
        &names,
        BALANCE_RUNS,
        1,
        balance::threads(),
        progress,
    )
    .map_err(|e| e.to_string())?;
    let wins = |b: &Batch| b.outcomes.get("win").copied().unwrap_or(0);
    let (balanced, passive) = (&batches[0], &batches[1]);
    let mut out = Vec::new();
    if wins(passive) * 10 > BALANCE_RUNS {
        out.push(format!(
            "passive (Enter every week) wins {} of {BALANCE_RUNS} runs: doing nothing is a strategy here",
            wins(passive)
        ));
    }
    let best = batches[2..]
        .iter()
        .max_by(|a, b| a.mean.score.total_cmp(&b.mean.score));
    let tenths = |b: &Batch| balance::tenths(b.mean.score);
    if let Some(best) = best.filter(|b| tenths(b) > tenths(balanced)) {
        out.push(format!(
            "{} scores {:.1} against balanced's {:.1} over {BALANCE_RUNS} runs: a fixed recipe beats adapting to the stage",
            best.policy, best.mean.score, balanced.mean.score
        ));
    }
    Ok(out)
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

/// `word` as a shell reads it back: as it is when it is plain, else quoted, so
/// a printed command works when pasted.
pub fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "._/-+,:=@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::shell_word;

    #[test]
    fn a_plain_file_name_is_printed_as_it_is_and_others_are_quoted() {
        assert_eq!(
            shell_word("scenarios/open_source.ron"),
            "scenarios/open_source.ron"
        );
        assert_eq!(shell_word("my game.ron"), "'my game.ron'");
        assert_eq!(shell_word("it's.ron"), "'it'\\''s.ron'");
    }
}
