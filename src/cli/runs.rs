//! `cto-sim runs` (the run history, newest first) and `cto-sim scores` (the
//! best verified scores per scenario).

use std::collections::BTreeMap;

use super::error::CliError;
use crate::run::{self, history::Summary, RunError};
use crate::scenario::DATA_DIR_ENV;
use crate::ui::text::clip;
use crate::untrusted::one_line;

/// Every run in the history, newest first, each replayed and verified.
fn listed() -> Result<Vec<Summary>, CliError> {
    let dir = run::runs_dir().ok_or(RunError::NoDataDir { env: DATA_DIR_ENV })?;
    Ok(run::history::summaries(&dir))
}

pub(super) fn runs(json: bool, out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let listed = listed()?;
    if json {
        return Ok(super::json::write_json(out, &listed)?);
    }
    if listed.is_empty() {
        writeln!(out, "No runs yet: `cto-sim play` starts one.")?;
        return Ok(());
    }
    // The file names are what `verify` and `replay` take: never cut, and
    // the columns after them line up whatever their length.
    let file = listed
        .iter()
        .map(|r| one_line(&r.file).chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(
        out,
        "{:<file$} {:<20} {:>6} {:>6}  {:<18} {:>6}  parent",
        "file", "scenario", "seed", "weeks", "ending", "score"
    )?;
    for r in &listed {
        let score = r.score.map_or("  —".into(), |s| format!("{s:.1}"));
        let ending = r.status();
        let parent = r
            .forked_at_week
            .map_or(String::new(), |w| format!("fork from week {w}"));
        let line = format!(
            "{:<file$} {:<20} {:>6} {:>6}  {:<18} {:>6}  {parent}",
            one_line(&r.file),
            clip(&one_line(&r.scenario), 20),
            r.seed,
            r.weeks,
            ending,
            score
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

pub(super) fn scores(out: &mut dyn std::io::Write) -> Result<(), CliError> {
    let mut by_scenario: BTreeMap<String, Vec<Summary>> = BTreeMap::new();
    for r in listed()? {
        if r.score.is_some() && r.ending.is_some() {
            by_scenario.entry(r.scenario.clone()).or_default().push(r);
        }
    }
    if by_scenario.is_empty() {
        writeln!(
            out,
            "No finished runs yet: scores appear here when a run ends."
        )?;
        return Ok(());
    }
    for (scenario, mut runs) in by_scenario {
        runs.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
        writeln!(out, "{}", one_line(&scenario))?;
        for r in runs.iter().take(5) {
            writeln!(
                out,
                "  {:>6.1}  {:<18} seed {:<6} {}",
                r.score.unwrap_or(0.0),
                r.ending.as_deref().unwrap_or(""),
                r.seed,
                one_line(&r.file)
            )?;
        }
    }
    Ok(())
}
