//! The run history: every run has its own file in `<data dir>/runs/`, named
//! when it is first saved (`2026-11-28-093015-garage-to-growth-seed7.ron`,
//! with `-2`, `-3`… if two runs start in the same second), and finished runs
//! stay. `continue` takes the newest unfinished run that loads and verifies.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

use super::error::RunError;
use super::record::RunRecord;
use super::store::{load, write_new};
use super::verify::verify;
use crate::engine::RULES_VERSION;

/// A run file in the history, with its header (not yet verified).
#[derive(Clone, Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub modified: SystemTime,
    /// The file as read, or why it could not be read.
    pub record: Result<RunRecord, RunError>,
}

/// Every run file in `dir`, newest first (by modification time, then name).
/// Backups and temporary files are not runs.
pub fn list(dir: &Path) -> Vec<Entry> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".ron") && !name.starts_with('.')
        })
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .take(MAX_LISTED)
        .map(|e| {
            let path = e.path();
            Entry {
                modified: e
                    .metadata()
                    .and_then(|m| m.modified())
                    .unwrap_or(UNIX_EPOCH),
                record: load(&path),
                path,
            }
        })
        .collect();
    entries.sort_by(|a, b| {
        b.modified
            .cmp(&a.modified)
            .then_with(|| b.path.cmp(&a.path))
    });
    entries
}

/// One run of the history, verified.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Where the file is (its name is `file`).
    #[serde(skip)]
    pub path: PathBuf,
    pub file: String,
    pub scenario: String,
    pub seed: u64,
    pub weeks: usize,
    /// The ending's id; `None` while the run is in progress.
    pub ending: Option<String>,
    /// `None` when the file does not verify.
    pub score: Option<f64>,
    /// For a fork: the week of the parent run it took over from.
    pub forked_at_week: Option<u32>,
    /// Why the file does not verify.
    pub error: Option<String>,
    /// The simulation rules the run was played under (0 when the file does
    /// not read).
    pub rules_version: u32,
}

impl Summary {
    /// How the run stands, in a few words: its ending, `in progress`, `older
    /// rules` for a run the game's rules have moved past (it cannot replay,
    /// but nothing is wrong with it), `newer rules` for one a newer game
    /// played, or `does not verify`.
    pub fn status(&self) -> String {
        match (&self.error, &self.ending) {
            (Some(_), _) if self.rules_version != 0 && self.rules_version < RULES_VERSION => {
                format!("older rules ({})", self.rules_version)
            }
            (Some(_), _) if self.rules_version > RULES_VERSION => {
                format!("newer rules ({})", self.rules_version)
            }
            (Some(_), _) => "does not verify".to_string(),
            (None, Some(e)) => e.clone(),
            (None, None) => "in progress".to_string(),
        }
    }
}

/// Every run in `dir`, newest first, each replayed and verified.
pub fn summaries(dir: &Path) -> Vec<Summary> {
    list(dir)
        .into_iter()
        .map(|entry| {
            let file = entry
                .path
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            match entry.record {
                Ok(record) => {
                    let verified = verify(&record, &file);
                    Summary {
                        path: entry.path.clone(),
                        file,
                        scenario: record.scenario_name.clone(),
                        seed: record.seed,
                        weeks: record.weeks.len(),
                        ending: record.ending.clone(),
                        score: verified.as_ref().ok().map(|v| v.score),
                        forked_at_week: record.parent.as_ref().map(|p| p.week),
                        error: verified.err().map(|e| e.to_string()),
                        rules_version: record.rules_version,
                    }
                }
                Err(e) => Summary {
                    path: entry.path.clone(),
                    file,
                    scenario: String::new(),
                    seed: 0,
                    weeks: 0,
                    ending: None,
                    score: None,
                    forked_at_week: None,
                    error: Some(e.to_string()),
                    rules_version: 0,
                },
            }
        })
        .collect()
}

/// Most run files read from the history.
pub const MAX_LISTED: usize = 2000;

/// The file name a new run gets (without `.ron`): the date and time it was
/// first saved, the scenario, the seed, and for a fork the week it took over.
pub fn base_name(record: &RunRecord, now: SystemTime) -> String {
    let secs = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_date(secs / 86_400);
    let t = secs % 86_400;
    let fork = record
        .parent
        .as_ref()
        .map_or(String::new(), |p| format!("-fork-w{}", p.week));
    format!(
        "{y:04}-{m:02}-{d:02}-{:02}{:02}{:02}-{}-seed{}{fork}",
        t / 3600,
        t / 60 % 60,
        t % 60,
        slug(&record.scenario_name),
        record.seed
    )
}

/// Save `record` as a new run in `dir`, under a name no other run has: the
/// first free one of `base.ron`, `base-2.ron`, … (claimed atomically, so two
/// games starting in the same second get two files). Returns the path.
pub fn save_new(dir: &Path, base: &str, record: &RunRecord) -> Result<PathBuf, RunError> {
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{base}.ron")
        } else {
            format!("{base}-{n}.ron")
        };
        let path = dir.join(name);
        match write_new(&path, record) {
            Ok(true) => return Ok(path),
            Ok(false) => n += 1,
            Err(e) => return Err(e),
        }
        if n > 1000 {
            return Err(RunError::Io {
                origin: dir.join(format!("{base}.ron")).display().to_string(),
                message: "a thousand runs already have this name".into(),
            });
        }
    }
}

/// A name made of lowercase letters, digits and dashes (scenario names are
/// the author's text, file names must be safe).
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "run".into()
    } else {
        out
    }
}

/// (year, month, day) of the day `days` after 1970-01-01 (proleptic
/// Gregorian; Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> (i64, u32, u32) {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_the_calendar_s() {
        assert_eq!(civil_date(0), (1970, 1, 1));
        assert_eq!(civil_date(11_016), (2000, 2, 29));
        // 2026-11-28
        assert_eq!(civil_date(20_785), (2026, 11, 28));
    }

    #[test]
    fn names_are_safe_whatever_the_scenario_is_called() {
        assert_eq!(slug("Garage to growth"), "garage-to-growth");
        assert_eq!(slug("Evil \u{1b}[2J/../../etc"), "evil-2j-etc");
        assert_eq!(slug("…"), "run");
    }
}
