//! The ways a run ends: the built-in endings' facts in one table
//! ([`BUILT_IN`]), with the identifiers and words a player reads.
//!
//! Adding a built-in ending: a variant here, its row in [`BUILT_IN`] and its
//! arm in [`Ending::row`] (the compiler points at the last), and its detector
//! in `step/endings.rs` (with the parameters it reads in `params`).

use serde::{Deserialize, Serialize};

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

/// Whether an ending is a win or a loss.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Win,
    Loss,
}

/// What the game knows of one built-in ending.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BuiltIn {
    pub ending: Ending,
    /// The stable snake_case identifier.
    pub id: &'static str,
    /// A few words naming it in a sentence ("puppet at week 189").
    pub title: &'static str,
    /// One sentence a player reads at the end.
    pub headline: &'static str,
    /// A win, a loss, or neither (the horizon reached).
    pub outcome: Option<Outcome>,
    /// What the ending multiplies the score by.
    pub score_factor: f64,
}

/// A run that drifts to the horizon without winning has not done the job: its
/// score is scaled by this.
pub const TIME_UP_FACTOR: f64 = 0.75;

/// Every built-in ending, in a fixed order (the state hash's codes).
pub const BUILT_IN: [BuiltIn; 6] = [
    BuiltIn {
        ending: Ending::OutOfCash,
        id: "out_of_cash",
        title: "out of cash",
        headline: "The company ran out of cash.",
        outcome: Some(Outcome::Loss),
        score_factor: 0.2,
    },
    BuiltIn {
        ending: Ending::Fired,
        id: "fired",
        title: "fired",
        headline: "The board replaced you as CTO.",
        outcome: Some(Outcome::Loss),
        score_factor: 0.4,
    },
    BuiltIn {
        ending: Ending::Puppet,
        id: "puppet",
        title: "puppet",
        headline: "You kept the title; the organisation stopped following you.",
        outcome: Some(Outcome::Loss),
        score_factor: 0.6,
    },
    BuiltIn {
        ending: Ending::TenXProgrammer,
        id: "ten_x_programmer",
        title: "10x programmer",
        headline:
            "You were moved to an individual-contributor role: a 10x programmer with no pull.",
        outcome: Some(Outcome::Loss),
        score_factor: 0.6,
    },
    BuiltIn {
        ending: Ending::Ipo,
        id: "ipo",
        title: "IPO",
        headline: "The company went public.",
        outcome: Some(Outcome::Win),
        score_factor: 1.0,
    },
    BuiltIn {
        ending: Ending::TimeUp,
        id: "time_up",
        title: "time up",
        headline: "The horizon is reached; the company goes on.",
        outcome: None,
        score_factor: TIME_UP_FACTOR,
    },
];

impl Ending {
    /// Every built-in ending, in [`BUILT_IN`]'s order.
    pub const ALL: [Ending; BUILT_IN.len()] = {
        let mut all = [Ending::TimeUp; BUILT_IN.len()];
        let mut i = 0;
        while i < BUILT_IN.len() {
            all[i] = BUILT_IN[i].ending;
            i += 1;
        }
        all
    };

    /// The position of a built-in ending's row in [`BUILT_IN`] (`None` for a
    /// scenario's own).
    fn row(self) -> Option<usize> {
        Some(match self {
            Ending::OutOfCash => 0,
            Ending::Fired => 1,
            Ending::Puppet => 2,
            Ending::TenXProgrammer => 3,
            Ending::Ipo => 4,
            Ending::TimeUp => 5,
            Ending::Custom(_) => return None,
        })
    }

    /// The facts of a built-in ending (`None` for a scenario's own:
    /// `Scenario` knows those).
    pub fn built_in(self) -> Option<&'static BuiltIn> {
        self.row().map(|i| &BUILT_IN[i])
    }

    /// A number for the state hash.
    pub fn code(self) -> u64 {
        match self {
            Ending::Custom(i) => 100 + u64::from(i),
            e => e.row().unwrap_or(99) as u64,
        }
    }

    /// The stable snake_case identifier of a built-in ending (`custom` for a
    /// scenario's own; `Scenario::ending_id` names those).
    pub fn id(self) -> &'static str {
        self.built_in().map_or("custom", |b| b.id)
    }

    /// The ending with identifier `id`.
    pub fn from_id(id: &str) -> Option<Ending> {
        BUILT_IN.iter().find(|b| b.id == id).map(|b| b.ending)
    }

    /// A few words a player reads where an ending is named in a sentence
    /// ("puppet at week 189"); `Scenario::ending_title` names a scenario's own.
    pub fn title(self) -> &'static str {
        self.built_in()
            .map_or("the scenario's own ending", |b| b.title)
    }

    /// One sentence a player reads at the end.
    pub fn headline(self) -> &'static str {
        self.built_in()
            .map_or("The scenario's own ending.", |b| b.headline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_ending_has_its_own_row() {
        for (i, b) in BUILT_IN.iter().enumerate() {
            assert_eq!(b.ending.row(), Some(i), "{:?}", b.ending);
            assert_eq!(Ending::from_id(b.id), Some(b.ending));
        }
    }
}
