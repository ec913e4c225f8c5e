//! The ways a run ends, with the identifiers and words a player reads.

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

    /// A few words a player reads where an ending is named in a sentence
    /// ("puppet at week 189"); `Scenario::ending_title` names a scenario's own.
    pub fn title(self) -> &'static str {
        match self {
            Ending::OutOfCash => "out of cash",
            Ending::Fired => "fired",
            Ending::Puppet => "puppet",
            Ending::TenXProgrammer => "10x programmer",
            Ending::Ipo => "IPO",
            Ending::TimeUp => "time up",
            Ending::Custom(_) => "the scenario's own ending",
        }
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
}
