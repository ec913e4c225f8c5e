//! What a scenario is: the company at the start, the model's parameters, the
//! scenario's own endings and its event deck. This is the engine's input, so it
//! lives in the engine; reading, checking and explaining scenario files is
//! the job of the top-level `scenario` module. `docs/scenario-format.md` is the author's reference;
//! keep it in step with this file.

use serde::{Deserialize, Serialize};

use super::ending::Ending;
pub use super::ending::Outcome;
use super::events::{Condition, EventDef, Op};
use super::kinds::ReportingLine;
use super::metric::Metric;
use super::params::Params;
use super::stage::Stage;

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
    /// The scenario's own win and lose conditions, checked after the built-in ones.
    #[serde(default)]
    pub endings: Vec<CustomEnding>,
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

impl Scenario {
    /// The least values of `metric` the scenario's own win endings ask for
    /// (each `at_least` or `above` condition on it): the goal a player reads.
    pub fn win_thresholds(&self, metric: Metric) -> impl Iterator<Item = f64> + '_ {
        self.endings
            .iter()
            .filter(|e| e.outcome == Outcome::Win)
            .flat_map(|e| e.when.iter())
            .filter(move |c| c.metric == metric && matches!(c.op, Op::AtLeast | Op::Above))
            .map(|c| c.value)
    }

    /// The identifier of `ending` in this scenario (its own endings by their `id`).
    pub fn ending_id(&self, ending: Ending) -> &str {
        match ending {
            Ending::Custom(i) => self
                .endings
                .get(usize::from(i))
                .map_or("custom", |e| e.id.as_str()),
            e => e.id(),
        }
    }

    /// Every ending a run of this scenario can have: the built-in ones, then its own.
    pub fn all_endings(&self) -> Vec<Ending> {
        let mut all = Ending::ALL.to_vec();
        all.extend((0..self.endings.len()).map(|i| Ending::Custom(i as u16)));
        all
    }

    /// Whether `ending` is a win or a loss (`None`: neither, the horizon was
    /// reached). An IPO is a win; the built-in failure modes are losses; the
    /// scenario's own endings say which they are.
    pub fn ending_outcome(&self, ending: Ending) -> Option<Outcome> {
        match ending {
            Ending::Custom(i) => self.endings.get(usize::from(i)).map(|e| e.outcome),
            e => e.built_in().and_then(|b| b.outcome),
        }
    }

    /// A few words naming `ending` in a sentence: a built-in's title, or the
    /// scenario's own ending's title without its full stop.
    pub fn ending_title(&self, ending: Ending) -> &str {
        match ending {
            Ending::Custom(i) => self
                .endings
                .get(usize::from(i))
                .map_or("", |e| e.title.trim_end_matches('.')),
            e => e.title(),
        }
    }

    /// The headline of `ending` for a player.
    pub fn ending_headline(&self, ending: Ending) -> &str {
        match ending {
            Ending::Custom(i) => self
                .endings
                .get(usize::from(i))
                .map_or("", |e| e.title.as_str()),
            e => e.headline(),
        }
    }
}

/// Who the CTO was before this job: sets the starting expert and referent power,
/// coding output and strategy skill (see `docs/scenario-format.md`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Background {
    /// The founder-engineer who built the first version (Smith's "Genius").
    Genius,
    /// A people leader: a VP of Engineering by another name.
    PeopleLeader,
    /// Technology visionary and operations manager (Vogels/Berray).
    #[default]
    Visionary,
    /// The big thinker who sees new business lines in technology.
    BigThinker,
    /// The external-facing technologist who lives with customers.
    External,
}

/// Starting values a background gives.
pub struct BackgroundPreset {
    pub expert: f64,
    pub referent: f64,
    pub informational: f64,
    pub coding_multiple: f64,
    pub strategy_skill: f64,
}

impl Background {
    /// The preset for this background.
    pub fn preset(self) -> BackgroundPreset {
        let (expert, referent, informational, coding_multiple, strategy_skill) = match self {
            Background::Genius => (0.95, 0.5, 0.8, 5.0, 0.9),
            Background::PeopleLeader => (0.6, 0.9, 0.8, 2.0, 1.0),
            Background::Visionary => (0.8, 0.7, 0.8, 3.0, 1.0),
            Background::BigThinker => (0.7, 0.6, 0.8, 2.0, 1.3),
            Background::External => (0.75, 0.6, 0.9, 3.0, 1.0),
        };
        BackgroundPreset {
            expert,
            referent,
            informational,
            coding_multiple,
            strategy_skill,
        }
    }
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
    /// The CTO's background.
    pub background: Background,
    /// Power bases, 0–1. Left out: from the background (expert, referent,
    /// informational) or from the reporting lines (legitimate, reward).
    pub legitimate: Option<f64>,
    pub reward: Option<f64>,
    pub informational: Option<f64>,
    pub expert: Option<f64>,
    pub referent: Option<f64>,
    /// Political capital, 0–1.
    pub credits: f64,
    /// The CTO's coding output as a multiple of an average engineer (1–10);
    /// left out: from the background.
    pub coding_multiple: Option<f64>,
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
            background: Background::Visionary,
            legitimate: None,
            reward: None,
            informational: None,
            expert: None,
            referent: None,
            credits: 0.5,
            coding_multiple: None,
        }
    }
}

/// A scenario's own ending: the run ends when all conditions hold for `for_weeks`
/// consecutive weeks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CustomEnding {
    /// A unique snake_case identifier (not one of the built-in ending ids).
    pub id: String,
    /// The headline shown at the end.
    pub title: String,
    /// A win or a loss.
    pub outcome: Outcome,
    /// All must hold.
    pub when: Vec<Condition>,
    /// For this many consecutive weeks (at least 1).
    #[serde(default = "one_week")]
    pub for_weeks: u32,
    /// Multiplier on the score (0–1.5); left out: 1 for a win, 0.3 for a loss.
    #[serde(default)]
    pub score_factor: Option<f64>,
}

fn one_week() -> u32 {
    1
}

impl CustomEnding {
    /// The score multiplier this ending applies.
    pub fn factor(&self) -> f64 {
        self.score_factor.unwrap_or(match self.outcome {
            Outcome::Win => 1.0,
            Outcome::Loss => 0.3,
        })
    }
}
