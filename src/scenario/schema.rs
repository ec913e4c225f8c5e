//! The scenario format: a company at the start, model parameters and an event deck.
//! See `docs/scenario-format.md` for the author's reference.

use serde::{Deserialize, Serialize};

use crate::engine::events::EventDef;
use crate::engine::params::Params;
use crate::engine::state::{ReportingLine, Stage};

/// The current version of the scenario format.
pub const FORMAT_VERSION: u32 = 1;

/// A scenario: everything the engine needs besides the seed and the decisions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Format version (currently 1).
    pub version: u32,
    /// Short name, shown in lists.
    pub name: String,
    /// One or two sentences for the scenario picker.
    pub description: String,
    /// 1 (gentle) to 5 (brutal).
    #[serde(default = "default_difficulty")]
    pub difficulty: u8,
    /// Weeks until the run ends with `time_up`.
    #[serde(default = "default_horizon")]
    pub horizon_weeks: u32,
    /// The company on day one.
    #[serde(default)]
    pub start: Start,
    /// Model parameters; anything left out keeps its default.
    #[serde(default)]
    pub params: Params,
    /// The event deck.
    #[serde(default)]
    pub events: Vec<EventDef>,
}

fn default_difficulty() -> u8 {
    2
}
fn default_horizon() -> u32 {
    312
}

/// The company and the CTO on day one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Start {
    pub stage: Stage,
    /// Dollars.
    pub cash: f64,
    /// Dollars.
    pub arr: f64,
    /// 0–1.
    pub fit: f64,
    /// 0–1.
    pub alignment: f64,
    /// Feature points of rework.
    pub debt: f64,
    /// Feature points shipped so far.
    pub codebase: f64,
    /// 0–1.
    pub morale: f64,
    /// Experienced engineers.
    pub engineers: u32,
    /// Engineering managers.
    pub managers: u32,
    /// VPs already in place, with their reporting lines (they start fully ramped).
    pub vps: Vec<ReportingLine>,
    /// The CTO's power bases, 0–1.
    pub legitimate: f64,
    pub reward: f64,
    pub informational: f64,
    pub expert: f64,
    pub referent: f64,
    pub credits: f64,
    /// The CTO's coding output as a multiple of an average engineer (1–10).
    pub coding_multiple: f64,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            stage: Stage::Seed,
            cash: 3.2e6,
            arr: 150_000.0,
            fit: 0.30,
            alignment: 0.50,
            debt: 10.0,
            codebase: 100.0,
            morale: 0.70,
            engineers: 3,
            managers: 0,
            vps: Vec::new(),
            legitimate: 1.0,
            reward: 1.0,
            informational: 0.8,
            expert: 0.8,
            referent: 0.7,
            credits: 0.5,
            coding_multiple: 3.0,
        }
    }
}
