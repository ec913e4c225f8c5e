//! Replaying a run file and checking every week against its recorded hash.

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
        match recording.play(&week.decision) {
            Err(e) => {
                return Err(diverged(vec![format!(
                    "the recorded decision is refused: {e}"
                )]))
            }
            Ok(hash) if hash != week.hash => {
                let now = Headline::of(recording.game.state());
                return Err(diverged(week.headline.differences(&now)));
            }
            Ok(_) => {}
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
    load_str(&record.scenario, &format!("{origin} (embedded scenario)"))
        .map(|checked| checked.scenario)
        .map_err(|found| RunError::ScenarioInvalid {
            origin: origin.to_string(),
            found,
        })
}
