//! Replaying a run file and checking everything it claims: the header against
//! the embedded scenario, every week's state hash and headline figures, and
//! the ending. Headline figures are compared bit for bit: run files store
//! floats in their shortest round-trip form and a replay is deterministic, so
//! any difference at all is an edit (or a bug), never rounding.

use std::sync::Arc;

use super::error::RunError;
use super::record::{Recording, RunRecord, RNG_ID, RUN_FORMAT_VERSION};
use super::replay::{self, Replays};
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
    let (recording, verdict) = verify_into(record, origin, |scenario, header| {
        let mut recording = Recording::start(scenario, header.seed);
        // Keep the header as written (the embedded text, parent, versions).
        recording.record = header;
        recording
    })?;
    Ok(Verified {
        recording,
        weeks: verdict.weeks,
        ending: verdict.ending,
        score: verdict.score,
    })
}

/// How a verified run ended up.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub weeks: u32,
    pub ending: Option<String>,
    pub score: f64,
}

/// Check the header, then replay every week into what `start` makes of the
/// run's scenario and its header (the record without weeks or ending),
/// checking each week and the ending: verifying and following a run (a
/// screen's charts, say) in one pass.
pub fn verify_into<R: Replays>(
    record: &RunRecord,
    origin: &str,
    start: impl FnOnce(Arc<Scenario>, RunRecord) -> R,
) -> Result<(R, Verdict), RunError> {
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
    let header = RunRecord {
        weeks: Vec::new(),
        ending: None,
        ..record.clone()
    };
    let mut into = start(Arc::new(scenario), header);
    replay::all(record, origin, &mut into)?;
    let game = into.game();
    let s = game.state();
    let verdict = Verdict {
        weeks: s.week,
        score: score(s, game.scenario()),
        ending: s.ending.map(|e| game.scenario().ending_id(e).to_string()),
    };
    Ok((into, verdict))
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
