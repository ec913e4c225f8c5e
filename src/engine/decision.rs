//! What the player decides each week, and why a decision can be refused.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::kinds::{Activity, PerActivity, ReportingLine};

/// How the CTO splits attention, in whole percent. The four must sum to 100.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attention {
    pub strategy: u8,
    pub hiring: u8,
    pub coding: u8,
    pub management: u8,
}

impl Attention {
    /// A split from four percentages (strategy, hiring, coding, management).
    pub const fn new(strategy: u8, hiring: u8, coding: u8, management: u8) -> Self {
        Attention {
            strategy,
            hiring,
            coding,
            management,
        }
    }

    /// The share of `activity`, in percent.
    pub fn get(&self, activity: Activity) -> u8 {
        match activity {
            Activity::Strategy => self.strategy,
            Activity::Hiring => self.hiring,
            Activity::Coding => self.coding,
            Activity::Management => self.management,
        }
    }

    /// The four shares as percentages, by activity.
    pub fn percents(&self) -> PerActivity<u8> {
        PerActivity(Activity::ALL.map(|a| self.get(a)))
    }

    /// The four shares as fractions, by activity.
    pub fn fractions(&self) -> PerActivity<f64> {
        PerActivity(Activity::ALL.map(|a| f64::from(self.get(a)) / 100.0))
    }

    /// The sum of the four percentages.
    pub fn total(&self) -> u32 {
        u32::from(self.strategy)
            + u32::from(self.hiring)
            + u32::from(self.coding)
            + u32::from(self.management)
    }
}

/// Headcount the CTO wants: recruiting runs until these are reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hiring {
    /// Individual contributors wanted (started, ramping and accepted offers count).
    pub engineers: u32,
    /// Engineering managers wanted; they are promoted from experienced engineers.
    pub managers: u32,
    /// VPs of Engineering wanted; each is found by a search.
    pub vps: u32,
}

/// The answer to a pending event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Position of the event in the state's `pending` list.
    pub pending: usize,
    /// Index of the chosen choice.
    pub choice: usize,
}

/// One week's decision. The engine sees nothing else from the player.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Hours the CTO works this week (35–80).
    pub hours: u8,
    /// How the CTO splits attention.
    pub attention: Attention,
    /// Share of engineering capacity protected for refactoring, percent.
    pub refactor_pct: u8,
    /// Headcount targets.
    pub hiring: Hiring,
    /// New reporting lines, by VP position; VPs past the end keep theirs.
    pub vp_lines: Vec<ReportingLine>,
    /// Answers to pending events. An event left unanswered is settled without the
    /// CTO: its default choice applies.
    pub answers: Vec<Answer>,
}

impl Default for Decision {
    fn default() -> Self {
        Decision {
            hours: 50,
            attention: Attention::new(35, 15, 35, 15),
            refactor_pct: 10,
            hiring: Hiring::default(),
            vp_lines: Vec::new(),
            answers: Vec::new(),
        }
    }
}

/// Shortest and longest week a CTO may work.
pub const HOURS_RANGE: (u8, u8) = (35, 80);

/// Why the engine refused a decision. The state is unchanged when it does.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DecisionError {
    #[error("attention adds up to {total}%, it must add up to 100%")]
    AttentionSum { total: u32 },
    #[error("{hours} hours is outside the {min}–{max} hours a CTO can work in a week")]
    HoursOutOfRange { hours: u8, min: u8, max: u8 },
    #[error("refactoring share {pct}% is above the {max}% maximum")]
    RefactorOutOfRange { pct: u8, max: u8 },
    #[error("{wanted} VPs wanted, but the company can have at most {max}")]
    TooManyVps { wanted: u32, max: u32 },
    #[error("a reporting line was given for VP #{index}, but there are only {vps} VPs")]
    LineWithoutVp { index: usize, vps: usize },
    #[error("an answer names pending event #{index}, but only {pending} events are pending")]
    UnknownEvent { index: usize, pending: usize },
    #[error("event #{index} has {choices} choices; choice #{choice} does not exist")]
    UnknownChoice {
        index: usize,
        choice: usize,
        choices: usize,
    },
    #[error("pending event #{index} is answered twice")]
    DuplicateAnswer { index: usize },
    #[error("the run is over; no more decisions")]
    RunOver,
}
