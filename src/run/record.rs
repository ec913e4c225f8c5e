//! The run file's contents, and a game that records itself as it is played.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::engine::hash::hash_bytes;
use crate::engine::Scenario;
use crate::engine::{Decision, DecisionError, Game, State, RULES_VERSION};

/// Version of the run-file format.
pub const RUN_FORMAT_VERSION: u32 = 1;

/// Names the random generator and how its streams are seeded; a run file
/// from another generator cannot be replayed.
pub const RNG_ID: &str = "pcg64-mcg+splitmix64-streams/1";

/// The figures a player would recognise, kept per week so that a replay that
/// diverges can say which of them differ.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    pub cash: f64,
    pub arr: f64,
    pub headcount: u32,
    pub influence: f64,
    pub authority: f64,
    pub morale: f64,
}

impl Headline {
    /// The headline figures of `s`.
    pub fn of(s: &State) -> Headline {
        Headline {
            cash: s.company.cash,
            arr: s.company.arr,
            headcount: s.people.headcount(),
            influence: s.metrics.influence,
            authority: s.power.legitimate,
            morale: s.company.morale,
        }
    }

    /// The names of the figures that differ between two headlines.
    pub fn differences(&self, other: &Headline) -> Vec<String> {
        let mut out = Vec::new();
        let mut cmp = |name: &str, a: f64, b: f64| {
            if a.to_bits() != b.to_bits() {
                out.push(format!("{name} (recorded {a}, replayed {b})"));
            }
        };
        cmp("cash", self.cash, other.cash);
        cmp("arr", self.arr, other.arr);
        cmp(
            "headcount",
            f64::from(self.headcount),
            f64::from(other.headcount),
        );
        cmp("influence", self.influence, other.influence);
        cmp("authority", self.authority, other.authority);
        cmp("morale", self.morale, other.morale);
        out
    }
}

/// One played week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekRecord {
    pub decision: Decision,
    /// The state hash after the week.
    pub hash: u64,
    pub headline: Headline,
}

/// Where a forked run came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parent {
    /// The parent run's identity: the hash of its last recorded week.
    pub run: u64,
    /// The week after which this run took over.
    pub week: u32,
}

/// A run file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunRecord {
    pub format_version: u32,
    /// The version of cto-sim that wrote the file (information only).
    pub game_version: String,
    /// The simulation rules the run was played under; must match to replay.
    pub rules_version: u32,
    /// The random generator; must match to replay.
    pub rng: String,
    pub seed: u64,
    pub difficulty: u8,
    pub scenario_name: String,
    /// Hash of `scenario` (the text), to catch edits.
    pub scenario_hash: u64,
    /// The scenario's full text, so the run replays without it installed.
    pub scenario: String,
    #[serde(default)]
    pub parent: Option<Parent>,
    pub weeks: Vec<WeekRecord>,
    /// The ending's id, once the run is over.
    #[serde(default)]
    pub ending: Option<String>,
    /// The weeks (from 1) the player played after applying the coach's
    /// advice to the draft: a coached run ranks apart from unassisted ones.
    /// Not part of the game: no state or hash reads it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coached: Vec<u32>,
}

impl RunRecord {
    /// The header of a new run of `scenario` with `seed`. The scenario is stored
    /// as its complete RON serialisation (every parameter spelled out), so the
    /// run replays exactly even where the game's defaults later change.
    pub fn new(scenario: &Scenario, seed: u64) -> RunRecord {
        let text = scenario_text(scenario);
        let text = text.as_str();
        RunRecord {
            format_version: RUN_FORMAT_VERSION,
            game_version: env!("CARGO_PKG_VERSION").to_string(),
            rules_version: RULES_VERSION,
            rng: RNG_ID.to_string(),
            seed,
            difficulty: scenario.difficulty,
            scenario_name: scenario.name.clone(),
            scenario_hash: hash_bytes(text.as_bytes()),
            scenario: text.to_string(),
            parent: None,
            weeks: Vec::new(),
            ending: None,
            coached: Vec::new(),
        }
    }

    /// Weeks of the run played with the coach's advice applied (those the
    /// run has played; a hand-edited list counts nothing else).
    pub fn coached_weeks(&self) -> usize {
        let played = 1..=self.weeks.len() as u32;
        let mut weeks: Vec<u32> = self
            .coached
            .iter()
            .copied()
            .filter(|w| played.contains(w))
            .collect();
        weeks.sort_unstable();
        weeks.dedup();
        weeks.len()
    }

    /// Mark the last week played as played with the coach's advice.
    pub fn mark_coached(&mut self) {
        let week = self.weeks.len() as u32;
        if week > 0 && self.coached.last() != Some(&week) {
            self.coached.push(week);
        }
    }
}

impl RunRecord {
    /// Record the week `game` just played: `decision`, and the new state's hash
    /// and headline figures (and the ending, once there is one).
    pub fn push_week(&mut self, game: &Game, decision: &Decision, hash: u64) {
        let s = game.state();
        self.weeks.push(WeekRecord {
            decision: decision.clone(),
            hash,
            headline: Headline::of(s),
        });
        self.ending = s.ending.map(|e| game.scenario().ending_id(e).to_string());
    }
}

/// The complete text of `scenario` as stored in run files.
pub fn scenario_text(scenario: &Scenario) -> String {
    ron::ser::to_string_pretty(scenario, ron::ser::PrettyConfig::default())
        .unwrap_or_else(|e| format!("// the scenario could not be written: {e}"))
}

/// A game that records each week as it is played.
#[derive(Clone, Debug)]
pub struct Recording {
    pub record: RunRecord,
    pub game: Game,
}

impl Recording {
    /// Start recording a new run.
    pub fn start(scenario: Arc<Scenario>, seed: u64) -> Recording {
        Recording {
            record: RunRecord::new(&scenario, seed),
            game: Game::new(scenario, seed),
        }
    }

    /// Step the game one week (as [`Game::step`]) and record the week.
    pub fn step(&mut self, decision: &Decision) -> Result<u64, DecisionError> {
        let hash = self.game.step(decision)?;
        self.record.push_week(&self.game, decision, hash);
        Ok(hash)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_scenario_survives_the_trip_through_a_run_file() {
        for (name, _) in crate::scenario::BUILTIN {
            let sc = Scenario::builtin(name).unwrap();
            let text = scenario_text(&sc);
            let back = crate::scenario::load_str(&text, name).unwrap().scenario;
            assert_eq!(back, sc, "{name}");
        }
    }
}
