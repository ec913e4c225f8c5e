//! How a run ends, and its score.

use serde::{Deserialize, Serialize};

use super::scenario::{Outcome, Scenario};
use super::state::State;

/// The ways a run ends. The identifiers are stable: they appear in run files,
/// JSON output and scenario conditions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Ending {
    /// Cash fell below zero.
    OutOfCash,
    /// The board replaced the CTO: credits exhausted while holding full authority.
    Fired,
    /// The CTO kept the title while the organisation stopped following.
    Puppet,
    /// The CTO was moved to an individual-contributor role.
    TenXProgrammer,
    /// The company went public.
    Ipo,
    /// The scenario's horizon was reached.
    TimeUp,
    /// One of the scenario's own endings (position in its `endings` list).
    Custom(u16),
}

impl Ending {
    /// Every ending, in a fixed order.
    pub const ALL: [Ending; 6] = [
        Ending::OutOfCash,
        Ending::Fired,
        Ending::Puppet,
        Ending::TenXProgrammer,
        Ending::Ipo,
        Ending::TimeUp,
    ];

    /// A number for the state hash.
    pub fn code(self) -> u64 {
        match self {
            Ending::Custom(i) => 100 + u64::from(i),
            e => Ending::ALL.iter().position(|x| *x == e).unwrap_or(99) as u64,
        }
    }

    /// The stable snake_case identifier of a built-in ending (`custom` for a
    /// scenario's own; `Scenario::ending_id` names those).
    pub fn id(self) -> &'static str {
        match self {
            Ending::Custom(_) => "custom",
            Ending::OutOfCash => "out_of_cash",
            Ending::Fired => "fired",
            Ending::Puppet => "puppet",
            Ending::TenXProgrammer => "ten_x_programmer",
            Ending::Ipo => "ipo",
            Ending::TimeUp => "time_up",
        }
    }

    /// The ending with identifier `id`.
    pub fn from_id(id: &str) -> Option<Ending> {
        Ending::ALL.into_iter().find(|e| e.id() == id)
    }

    /// One sentence a player reads at the end.
    pub fn headline(self) -> &'static str {
        match self {
            Ending::OutOfCash => "The company ran out of cash.",
            Ending::Fired => "The board replaced you as CTO.",
            Ending::Puppet => "You kept the title; the organisation stopped following you.",
            Ending::TenXProgrammer => {
                "You were moved to an individual-contributor role: a 10x programmer with no pull."
            }
            Ending::Ipo => "The company went public.",
            Ending::TimeUp => "The horizon is reached; the company goes on.",
            Ending::Custom(_) => "The scenario's own ending.",
        }
    }

    /// Multiplier the ending applies to the score.
    fn score_factor(self, scenario: &Scenario) -> f64 {
        match self {
            Ending::Custom(i) => scenario
                .endings
                .get(usize::from(i))
                .map_or(1.0, |e| e.factor()),
            Ending::Ipo | Ending::TimeUp => 1.0,
            Ending::Puppet | Ending::TenXProgrammer => 0.6,
            Ending::Fired => 0.4,
            Ending::OutOfCash => 0.2,
        }
    }
}

/// Score bonus for a win at week 0; it shrinks linearly to 5 at the horizon.
const IPO_BONUS: f64 = 25.0;

/// The score of a run.
///
/// `100 × (0.6 × company + 0.4 × standing) × ending factor`, where *company* is ARR
/// on a log scale ($100k → 0, $100M → 1), *standing* is the CTO's mean influence
/// over the run (0–1), and the ending factor is 1 for an IPO or reaching the
/// horizon, 0.6 for puppet or 10x programmer, 0.4 for being fired and 0.2 for
/// running out of cash (a scenario's own ending sets its own factor). A win (an
/// IPO, or a scenario ending whose outcome is `Win`) adds 5 points plus up to 20
/// more the earlier it comes (`5 + 20 × weeks left / horizon`), so scores run from
/// 0 to about 110.
/// Before the end, the score is computed as if the run ended now at the horizon.
pub fn score(state: &State, scenario: &Scenario) -> f64 {
    let horizon_weeks = scenario.horizon_weeks;
    let arr = state.company.arr.max(100_000.0);
    let company = (libm::log10(arr / 100_000.0) / 3.0).clamp(0.0, 1.0);
    let standing = if state.week == 0 {
        state.metrics.influence
    } else {
        state.tracking.influence_sum / f64::from(state.week)
    }
    .clamp(0.0, 1.0);
    let ending = state.ending.unwrap_or(Ending::TimeUp);
    let win = match ending {
        Ending::Ipo => true,
        Ending::Custom(i) => scenario
            .endings
            .get(usize::from(i))
            .is_some_and(|e| e.outcome == Outcome::Win),
        _ => false,
    };
    let bonus = if win {
        let horizon = f64::from(horizon_weeks.max(1));
        let left = (horizon - f64::from(state.week)).max(0.0);
        5.0 + (IPO_BONUS - 5.0) * left / horizon
    } else {
        0.0
    };
    100.0 * (0.6 * company + 0.4 * standing) * ending.score_factor(scenario) + bonus
}
