//! Replaying a run file and checking everything it claims: the header against
//! the embedded scenario, every week's state hash and headline figures, and
//! the ending. Headline figures are compared bit for bit: run files store
//! floats in their shortest round-trip form and a replay is deterministic, so
//! any difference at all is an edit (or a bug), never rounding.

use std::sync::Arc;

use super::error::Divergence;
use super::error::RunError;
use super::record::{Headline, Recording, RunRecord, RNG_ID, RUN_FORMAT_VERSION};
use crate::engine::hash::hash_bytes;
use crate::engine::{score, Scenario, RULES_VERSION};
use crate::scenario::load_str;

/// A run that replayed exactly.
#[derive(Clone, Debug)]
pub struct Verified {
    /// The replayed game, ready to continue.
    pub recording: Recording,
    pub weeks: u32,
    pub ending: Option<String>,
    pub score: f64,
}

/// Check the header, re-simulate every week and compare hashes.
pub fn verify(record: &RunRecord, origin: &str) -> Result<Verified, RunError> {
    let scenario = check_header(record, origin)?;
    if let Some(parent) = record
        .parent
        .as_ref()
        .filter(|p| p.week as usize > record.weeks.len())
    {
        return Err(RunError::Header {
            origin: origin.to_string(),
            field: "parent",
            recorded: format!("a fork after week {}", parent.week),
            actual: format!("{} weeks in the file", record.weeks.len()),
        });
    }
    let mut recording = Recording::start(Arc::new(scenario), record.seed);
    // Keep the header as written (the embedded text, parent, versions).
    recording.record = RunRecord {
        weeks: Vec::new(),
        ending: None,
        ..record.clone()
    };
    for (i, week) in record.weeks.iter().enumerate() {
        let n = i as u32 + 1;
        let diverged = |fields: Vec<String>| RunError::Diverged {
            origin: origin.to_string(),
            divergence: Divergence { week: n, fields },
        };
        match recording.step(&week.decision) {
            Err(e) => {
                return Err(diverged(vec![format!(
                    "the recorded decision is refused: {e}"
                )]))
            }
            Ok(hash) => {
                let now = Headline::of(recording.game.state());
                let differ = week.headline.differences(&now);
                if hash != week.hash || !differ.is_empty() {
                    return Err(diverged(differ));
                }
            }
        }
    }
    let s = recording.game.state();
    let ending = s
        .ending
        .map(|e| recording.game.scenario().ending_id(e).to_string());
    if ending != record.ending {
        return Err(RunError::Diverged {
            origin: origin.to_string(),
            divergence: Divergence {
                week: s.week,
                fields: vec![format!(
                    "the ending (recorded {:?}, replayed {:?})",
                    record.ending, ending
                )],
            },
        });
    }
    Ok(Verified {
        weeks: s.week,
        score: score(s, recording.game.scenario()),
        ending,
        recording,
    })
}

/// The header's versions and generator, and the embedded scenario: its hash,
/// then the scenario itself.
fn check_header(record: &RunRecord, origin: &str) -> Result<Scenario, RunError> {
    let incompatible = |message: String| RunError::Incompatible {
        origin: origin.to_string(),
        message,
    };
    if record.format_version != RUN_FORMAT_VERSION {
        return Err(incompatible(format!(
            "run-file format {} is not supported (this game reads format {RUN_FORMAT_VERSION})",
            record.format_version
        )));
    }
    if record.rules_version != RULES_VERSION {
        return Err(incompatible(format!(
            "this run was played under simulation rules {} (written by cto-sim {}); this game has rules {RULES_VERSION}, so it would not replay the same",
            record.rules_version, record.game_version
        )));
    }
    if record.rng != RNG_ID {
        return Err(incompatible(format!(
            "this run used the random generator `{}`; this game uses `{RNG_ID}`",
            record.rng
        )));
    }
    if hash_bytes(record.scenario.as_bytes()) != record.scenario_hash {
        return Err(RunError::ScenarioEdited {
            origin: origin.to_string(),
        });
    }
    let scenario = load_str(&record.scenario, &format!("{origin} (embedded scenario)"))
        .map(|checked| checked.scenario)
        .map_err(|found| RunError::ScenarioInvalid {
            origin: origin.to_string(),
            found,
        })?;
    // The header repeats two things the embedded scenario says; they must agree.
    let claim = |field: &'static str, recorded: String, actual: String| RunError::Header {
        origin: origin.to_string(),
        field,
        recorded,
        actual,
    };
    if record.scenario_name != scenario.name {
        return Err(claim(
            "scenario_name",
            record.scenario_name.clone(),
            scenario.name.clone(),
        ));
    }
    if record.difficulty != scenario.difficulty {
        return Err(claim(
            "difficulty",
            record.difficulty.to_string(),
            scenario.difficulty.to_string(),
        ));
    }
    Ok(scenario)
}
