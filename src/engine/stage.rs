//! The company's funding stage, and what a CTO's week should look like at each
//! one (the "par" the screen offers and the sensible bots play). Par is game
//! data: the engine's model does not read it.

use serde::{Deserialize, Serialize};

use super::decision::Attention;

/// The company's funding stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Seed,
    SeriesA,
    SeriesB,
    SeriesC,
    Growth,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 5] = [
        Stage::Seed,
        Stage::SeriesA,
        Stage::SeriesB,
        Stage::SeriesC,
        Stage::Growth,
    ];

    /// Position in [`Stage::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The name a player reads.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Seed => "Seed",
            Stage::SeriesA => "Series A",
            Stage::SeriesB => "Series B",
            Stage::SeriesC => "Series C",
            Stage::Growth => "Growth",
        }
    }
}

/// Engineers a company of this stage typically has (a player's rule of thumb).
pub fn typical_engineers(stage: Stage) -> u32 {
    match stage {
        Stage::Seed => 5,
        Stage::SeriesA => 12,
        Stage::SeriesB => 30,
        Stage::SeriesC => 55,
        Stage::Growth => 90,
    }
}

/// The attention split a CTO at this stage should aim for (the "par" hint):
/// hands-on at Seed; recruiting and management while the team grows; strategy
/// and management once there are managers to manage.
pub fn par(stage: Stage, engineers: u32) -> Attention {
    match stage {
        Stage::Seed => Attention::new(35, 15, 35, 15),
        _ if engineers < 25 => Attention::new(30, 25, 15, 30),
        _ => Attention::new(40, 20, 5, 35),
    }
}
