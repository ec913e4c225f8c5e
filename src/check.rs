//! `cto-sim check`: parse, validate, then a short smoke simulation with bots,
//! a quick balance sample, and what a few runs say about each event
//! (`events.rs`).

mod events;

use std::sync::Arc;

use crate::balance;
use crate::engine::{News, Scenario};
use crate::policy::{self, Fixed};
use crate::scenario::{self, Diagnostic, Location, ScenarioError, Severity};
use crate::sim::{self, Batch};

/// Every bot plays the smoke simulation, for this many weeks and seeds.
const SMOKE_WEEKS: u32 = 52;
const SMOKE_SEEDS: u64 = 3;
/// Full-length runs per policy of the quick balance sample: as many as
/// `balance` plays by default, so the two agree more often than not (a
/// sample of ten moved by ten points with the seeds on a scenario whose
/// runs vary; fifty take about a quarter of a second).
const BALANCE_RUNS: u32 = 50;

/// What `check` found in one file.
#[derive(Debug)]
pub struct FileReport {
    /// The file (or built-in name) as given.
    pub file: String,
    /// Every finding, errors first.
    pub findings: Vec<Diagnostic>,
    /// What the smoke simulation played, when it ran.
    pub played: Option<String>,
    /// Whether the file was read but is not a valid scenario.
    invalid: bool,
}

impl FileReport {
    /// Whether the file has no errors.
    pub fn ok(&self) -> bool {
        !self.findings.iter().any(Diagnostic::is_error)
    }

    fn tally(&self) -> String {
        let errors = self.findings.iter().filter(|d| d.is_error()).count();
        tally(errors, self.findings.len() - errors)
    }

    /// The report as text: a finding a paragraph, then a line of totals.
    pub fn write_text(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for d in &self.findings {
            writeln!(out, "{d}")?;
        }
        if let Some(played) = self.played.as_ref().filter(|_| self.ok()) {
            writeln!(out, "{}: ok, {} ({played})", self.file, self.tally())?;
        } else if self.invalid {
            writeln!(out, "{}: {}", self.file, self.tally())?;
        }
        Ok(())
    }

    /// The report as JSON (documented in docs/scenario-format.md).
    pub fn to_json(&self) -> serde_json::Value {
        let errors = self.findings.iter().filter(|d| d.is_error()).count();
        serde_json::json!({
            "file": self.file,
            "ok": self.ok(),
            "errors": errors,
            "warnings": self.findings.len() - errors,
            "played": self.played,
            "diagnostics": self.findings.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
        })
    }
}

/// Check each file and report on `out`, as text or as one JSON object;
/// `true` when none has errors. An error writing the report ends the check.
/// `progress` is told how far each file's simulations are (the file, runs
/// done, runs in all).
pub fn check_all(
    files: &[String],
    json: bool,
    out: &mut dyn std::io::Write,
    progress: &(dyn Fn(&str, usize, usize) + Sync),
) -> std::io::Result<bool> {
    let mut reports = Vec::new();
    for file in files {
        let report = check_one(file, &|done, all| progress(file, done, all));
        if !json {
            report.write_text(out)?;
        }
        reports.push(report);
    }
    let all_ok = reports.iter().all(FileReport::ok);
    if json {
        let value = serde_json::json!({
            "ok": all_ok,
            "files": reports.iter().map(FileReport::to_json).collect::<Vec<_>>(),
        });
        writeln!(out, "{value}")?;
    }
    Ok(all_ok)
}

/// Check `file`: load it, then (when it loads) play the smoke simulation and
/// the quick balance sample.
pub fn check_one(file: &str, progress: balance::Progress) -> FileReport {
    let mut report = FileReport {
        file: file.to_string(),
        findings: Vec::new(),
        played: None,
        invalid: false,
    };
    let checked = match scenario::resolve(file) {
        Ok((checked, _)) => checked,
        Err(ScenarioError::Invalid(found)) => {
            report.findings = scenario::diagnostic::sorted(&found)
                .into_iter()
                .cloned()
                .collect();
            report.invalid = true;
            return report;
        }
        Err(e) => {
            let (origin, message) = match e {
                ScenarioError::Io { origin, message } => (origin, message),
                other => (file.to_string(), other.to_string()),
            };
            report.findings.push(Diagnostic {
                severity: Severity::Error,
                origin,
                location: Location::File,
                message,
                hint: None,
            });
            return report;
        }
    };
    report.findings = checked.warnings;
    let (text, origin) = (checked.text, checked.origin);
    let scenario = Arc::new(checked.scenario);
    let played = smoke(&scenario).and_then(|summary| {
        let balance = balance_warnings(&scenario, progress)?;
        let events = events::event_warnings(&scenario).map_err(|e| e.to_string())?;
        Ok((summary, balance, events))
    });
    match played {
        Ok((summary, balance, events)) => {
            let mut found: Vec<Diagnostic> = events
                .into_iter()
                .map(|(i, message)| Diagnostic::warning(&origin, format!("events[{i}]"), message))
                .collect();
            scenario::place(&mut found, &text);
            report.findings.extend(found);
            for w in balance {
                report.findings.push(Diagnostic {
                    severity: Severity::Warning,
                    origin: file.to_string(),
                    location: Location::File,
                    message: format!(
                        "{w}; `cto-sim balance {}` shows the whole grid",
                        shell_word(file)
                    ),
                    hint: None,
                });
            }
            report.played = Some(summary);
        }
        Err(message) => report.findings.push(Diagnostic {
            severity: Severity::Error,
            origin: file.to_string(),
            location: Location::File,
            message: format!("the smoke simulation failed: {message}"),
            hint: None,
        }),
    }
    report
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
