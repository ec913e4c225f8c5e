//! One run of the history as the listings show it (`Summary`), and what
//! reading and verifying its file found (`Facts`, which the history's index
//! keeps so that a second listing reads no run file).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::RunError;
use super::known::{builtin_name, builtin_of};
use super::record::{Parent, RunRecord, WeekRecord};
use super::store::load;
use super::verify::verify;
use crate::engine::hash::StateHasher;
use crate::engine::RULES_VERSION;

/// What one run file says once read and verified: all a listing needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Facts {
    pub scenario: String,
    pub seed: u64,
    pub weeks: usize,
    /// The ending's id; `None` while the run is in progress.
    pub ending: Option<String>,
    /// `None` when the file does not verify.
    pub score: Option<f64>,
    /// Why the file does not verify.
    pub error: Option<String>,
    /// 0 when the file does not read.
    pub rules_version: u32,
    /// The hash of the embedded scenario's text (which scenario was played).
    pub scenario_hash: u64,
    /// The state hash of the last week (a fork names its parent by it).
    pub last_hash: u64,
    /// Where a fork took over.
    pub parent: Option<Parent>,
    /// For a fork: the digest of its decisions before it took over, which
    /// its parent's must equal.
    pub fork_digest: Option<u64>,
    /// The state hash after weeks 1, 2, 4, 8… (a fork's parent agrees with it
    /// on every one up to the fork week, so most runs are ruled out unread).
    pub marks: Vec<u64>,
    /// Weeks played with the coach's advice applied (0: unassisted).
    #[serde(default)]
    pub coached: usize,
}

impl Facts {
    /// Read and verify the run file at `path` (named `file` in messages).
    pub fn read(path: &Path, file: &str) -> Facts {
        match load(path) {
            Ok(record) => Facts::of(&record, file),
            Err(e) => Facts::unreadable(&e),
        }
    }

    /// What `record` says, verified.
    pub fn of(record: &RunRecord, file: &str) -> Facts {
        let verified = verify(record, file);
        Facts {
            scenario: record.scenario_name.clone(),
            seed: record.seed,
            weeks: record.weeks.len(),
            ending: record.ending.clone(),
            score: verified.as_ref().ok().map(|v| v.score),
            error: verified.err().map(|e| e.to_string()),
            rules_version: record.rules_version,
            scenario_hash: record.scenario_hash,
            last_hash: record.weeks.last().map_or(0, |w| w.hash),
            fork_digest: record
                .parent
                .as_ref()
                .map(|p| decisions_digest(&record.weeks, p.week)),
            parent: record.parent.clone(),
            marks: marks(&record.weeks),
            coached: record.coached_weeks(),
        }
    }

    fn unreadable(e: &RunError) -> Facts {
        Facts {
            scenario: String::new(),
            seed: 0,
            weeks: 0,
            ending: None,
            score: None,
            error: Some(e.to_string()),
            rules_version: 0,
            scenario_hash: 0,
            last_hash: 0,
            parent: None,
            fork_digest: None,
            marks: Vec::new(),
            coached: 0,
        }
    }
}

/// The state hashes after weeks 1, 2, 4, 8… of `weeks`.
pub fn marks(weeks: &[WeekRecord]) -> Vec<u64> {
    std::iter::successors(Some(1usize), |w| w.checked_mul(2))
        .map_while(|w| weeks.get(w - 1).map(|x| x.hash))
        .collect()
}

/// A digest of the decisions of the first `weeks` weeks (all of them if
/// there are fewer).
pub fn decisions_digest(weeks: &[WeekRecord], upto: u32) -> u64 {
    let mut h = StateHasher::new();
    for w in weeks.iter().take(upto as usize) {
        let text = ron::to_string(&w.decision).unwrap_or_default();
        h.bytes(text.as_bytes());
    }
    h.finish()
}

/// One run of the history, as `runs`, `scores` and the Replays screen show it.
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
    /// For a fork: its parent's file in the history; `None` when no run of
    /// the history is its parent (the same scenario, seed and decisions up
    /// to that week): "parent not found".
    pub parent_file: Option<String>,
    /// Why the file does not verify.
    pub error: Option<String>,
    /// The simulation rules the run was played under (0 when the file does
    /// not read).
    pub rules_version: u32,
    /// The built-in scenario the run played, known by its text's hash; `None`
    /// for any other scenario, whatever its name.
    pub builtin: Option<&'static str>,
    /// Weeks played with the coach's advice applied (0: unassisted).
    pub coached: usize,
    #[serde(skip)]
    pub facts: Facts,
}

impl Summary {
    /// The summary of the file at `path` with these facts (a fork's parent
    /// not yet looked for).
    pub fn new(path: PathBuf, facts: Facts) -> Summary {
        let file = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        Summary {
            path,
            file,
            scenario: facts.scenario.clone(),
            seed: facts.seed,
            weeks: facts.weeks,
            ending: facts.ending.clone(),
            score: facts.score,
            forked_at_week: facts.parent.as_ref().map(|p| p.week),
            parent_file: None,
            error: facts.error.clone(),
            rules_version: facts.rules_version,
            builtin: builtin_of(facts.rules_version, facts.scenario_hash),
            coached: facts.coached,
            facts,
        }
    }

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

    /// For a coached run, how much, in a few words: `coached 40/120 wk`;
    /// empty for an unassisted run.
    pub fn coaching(&self) -> String {
        if self.coached == 0 {
            String::new()
        } else {
            format!("coached {}/{} wk", self.coached, self.weeks)
        }
    }

    /// What else there is to say about the run: coached, and where a fork
    /// came from.
    pub fn notes(&self) -> String {
        [self.coaching(), self.lineage()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// For a fork, where it came from in a few words: `fork of FILE from week
    /// N`, or `parent not found`; empty for a run played from week 1.
    pub fn lineage(&self) -> String {
        match (self.forked_at_week, &self.parent_file) {
            (None, _) => String::new(),
            (Some(w), Some(parent)) => format!("fork of {parent} from week {w}"),
            (Some(w), None) => format!("fork from week {w}, parent not found"),
        }
    }

    /// The scoreboard the run counts on: a built-in scenario's name when it
    /// played that built-in's text, otherwise its own scenario's name with
    /// the start of its text's hash (a copy of a built-in under the same name
    /// is another scenario, listed apart).
    pub fn scoreboard(&self) -> String {
        match self.builtin.and_then(builtin_name) {
            Some(name) => name.to_string(),
            None => format!(
                "{} (own scenario {:08x})",
                self.scenario,
                self.facts.scenario_hash >> 32
            ),
        }
    }

    /// The scoreboard the run ranks on: its scenario's, and a coached run
    /// on the coached board beside it, apart from unassisted runs.
    pub fn ranking(&self) -> String {
        if self.coached == 0 {
            self.scoreboard()
        } else {
            format!("{} · coached", self.scoreboard())
        }
    }
}
