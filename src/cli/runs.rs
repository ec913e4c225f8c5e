//! `cto-sim runs` (the run history, newest first) and `cto-sim scores` (the
//! best verified scores per scenario, coached runs apart from unassisted ones).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::CliError;
use crate::run::history::Scan;
use crate::run::summary::{Facts, Summary};
use crate::run::{self, RunError};
use crate::scenario::DATA_DIR_ENV;
use crate::ui::text::clip;
use crate::untrusted::one_line;

/// Every run in the history, newest first, each verified (or known to the
/// history's index). Reading many new files says how far it is on a terminal.
fn listed() -> Result<Vec<Summary>, CliError> {
    let dir = run::runs_dir().ok_or(RunError::NoDataDir { env: DATA_DIR_ENV })?;
    let scan = Scan::new(&dir)?;
    let new = scan.known().iter().filter(|k| k.is_none()).count();
    let meter = super::progress::Meter::new();
    let mut done = 0;
    let summaries = scan.finish(|_, _| {
        done += 1;
        meter.tell("checking new runs", done, new);
    });
    meter.finish();
    Ok(summaries)
}

/// The run file `arg` names: a path as given when it is one, else a run in
/// the history under the name `cto-sim runs` prints (with or without
/// `.ron`). A name found nowhere stays as given, for its error to name.
pub(super) fn named(arg: &Path) -> PathBuf {
    let bare = arg.components().count() == 1;
    if arg.exists() || !bare {
        return arg.to_path_buf();
    }
    let Some(dir) = run::runs_dir() else {
        return arg.to_path_buf();
    };
    let mut with_ron = arg.as_os_str().to_os_string();
    with_ron.push(".ron");
    [dir.join(arg), dir.join(with_ron)]
        .into_iter()
        .find(|p| p.is_file())
        .unwrap_or_else(|| arg.to_path_buf())
}

pub(super) fn runs(json: bool, out: &mut dyn Write) -> Result<(), CliError> {
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
        "{:<file$} {:<20} {:>6} {:>6}  {:<18} {:>6}  notes",
        "file", "scenario", "seed", "weeks", "ending", "score"
    )?;
    for r in &listed {
        let score = r.score.map_or("  —".into(), |s| format!("{s:.1}"));
        let line = format!(
            "{:<file$} {:<20} {:>6} {:>6}  {:<18} {:>6}  {}",
            one_line(&r.file),
            clip(&one_line(&r.scenario), 20),
            r.seed,
            r.weeks,
            r.status(),
            score,
            one_line(&r.notes())
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

/// Scores shown per scenario.
const TOP: usize = 5;

pub(super) fn scores(out: &mut dyn Write) -> Result<(), CliError> {
    let mut boards: BTreeMap<String, Vec<Summary>> = BTreeMap::new();
    for r in listed()? {
        if r.score.is_some() && r.ending.is_some() {
            // Coached runs rank on a board of their own.
            boards.entry(r.ranking()).or_default().push(r);
        }
    }
    let mut any = false;
    for (board, runs) in boards {
        let top = verified_top(runs);
        if top.is_empty() {
            continue;
        }
        any = true;
        writeln!(out, "{}", one_line(&board))?;
        for r in top {
            let line = format!(
                "  {:>6.1}  {:<18} seed {:<6} {}  {}",
                r.score.unwrap_or(0.0),
                r.ending.as_deref().unwrap_or(""),
                r.seed,
                one_line(&r.file),
                one_line(&r.lineage())
            );
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    if !any {
        writeln!(
            out,
            "No finished runs yet: scores appear here when a run ends."
        )?;
    }
    Ok(())
}

/// The best [`TOP`] runs of a board, each verified from its file here and
/// now (the index is only a shortcut), best first. A run whose file says
/// other than the index is shown as the file says, and the index, which
/// lied, is dropped (the next listing rebuilds it).
fn verified_top(mut runs: Vec<Summary>) -> Vec<Summary> {
    runs.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
    let mut top = Vec::new();
    for r in runs {
        if top.len() == TOP {
            break;
        }
        let now = Facts::read(&r.path, &r.file);
        if now != r.facts {
            if let Some(dir) = r.path.parent() {
                run::index::forget(dir);
            }
        }
        if now.error.is_none() && now.ending.is_some() {
            top.push(Summary {
                parent_file: r.parent_file.clone(),
                ..Summary::new(r.path.clone(), now)
            });
        }
    }
    top.sort_by(|a, b| b.score.unwrap_or(0.0).total_cmp(&a.score.unwrap_or(0.0)));
    top
}
