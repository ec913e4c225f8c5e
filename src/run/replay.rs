//! The one way through a run's recorded weeks: every replay (verifying a
//! file, continuing it, watching it, seeking in it, forking it) steps the
//! game with the recorded decisions through [`weeks`], which checks each
//! week against the record with one error policy: the first week that does
//! not replay as recorded (a refused decision, another state hash or
//! headline figure) stops the replay, naming the week and what differs.
//! What follows the replay (a bare game, a recording, a screen's session
//! with its charts) is the caller's: anything that [`Replays`].

use std::ops::Range;

use super::error::{Divergence, RunError};
use super::record::{Headline, Recording, RunRecord};
use crate::engine::{Decision, DecisionError, Game};

/// A game that a run's weeks can be replayed into.
pub trait Replays {
    /// The game as replayed so far.
    fn game(&self) -> &Game;
    /// Play one week (and keep whatever the follower keeps of it).
    fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError>;
}

impl Replays for Game {
    fn game(&self) -> &Game {
        self
    }
    fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        Game::step(self, decision)
    }
}

impl Replays for Recording {
    fn game(&self) -> &Game {
        &self.game
    }
    fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        Recording::step(self, decision)
    }
}

/// Replay the recorded weeks `weeks` (positions in `record.weeks`, from
/// where `into`'s game stands) into `into`, checking each one.
pub fn weeks(
    record: &RunRecord,
    origin: &str,
    into: &mut impl Replays,
    weeks: Range<usize>,
) -> Result<(), RunError> {
    for i in weeks {
        let Some(week) = record.weeks.get(i) else {
            break;
        };
        let diverged = |fields: Vec<String>| RunError::Diverged {
            origin: origin.to_string(),
            divergence: Divergence {
                week: i as u32 + 1,
                fields,
            },
        };
        let hash = into
            .step(&week.decision)
            .map_err(|e| diverged(vec![format!("the recorded decision is refused: {e}")]))?;
        let differ = week
            .headline
            .differences(&Headline::of(into.game().state()));
        if hash != week.hash || !differ.is_empty() {
            return Err(diverged(differ));
        }
    }
    Ok(())
}

/// Replay the whole run into `into` (a game at week 0), checking every week
/// and then the ending.
pub fn all(record: &RunRecord, origin: &str, into: &mut impl Replays) -> Result<(), RunError> {
    weeks(record, origin, into, 0..record.weeks.len())?;
    let game = into.game();
    let s = game.state();
    let ending = s.ending.map(|e| game.scenario().ending_id(e).to_string());
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
    Ok(())
}
