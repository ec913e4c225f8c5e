//! The influence ledger: every weekly move of a power base, with its cause.

use serde::{Deserialize, Serialize};

use super::kinds::PowerBase;

/// Why a power base moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Cause {
    /// Reporting lines and execution rights (who is in the CTO's chain).
    ReportingLines,
    /// Strategy hours put the CTO where information flows.
    StrategyTime,
    /// Time with people: direct reports (1:1s, the forum) and, with the hours
    /// left over, skip-levels with the rest of the organisation.
    ManagementTime,
    /// Neglected direct reports.
    NeglectedReports,
    /// Hands-on technical work.
    HandsOnWork,
    /// Out of touch: too little technical work.
    OutOfTouch,
    /// A technology bet the CTO made paid off.
    BetWon,
    /// A technology bet the CTO made failed.
    BetLost,
    /// The organisation overrode the CTO's call.
    Overridden,
    /// The CTO took a VP's reporting line back.
    TookLineBack,
    /// The CEO refused to give a VP back.
    TakeBackRefused,
    /// The quarterly review found the roadmap well delivered.
    Delivered,
    /// The quarterly review found the roadmap slipping.
    RoadmapSlipped,
    /// A fund-raise failed; the board holds the CTO partly responsible.
    RaiseFailed,
    /// A scenario event's choice (deck index).
    Event(usize),
}

impl Cause {
    /// A short phrase a player reads.
    pub fn label(self) -> &'static str {
        match self {
            Cause::ReportingLines => "reporting lines",
            Cause::StrategyTime => "time on strategy",
            Cause::ManagementTime => "time with people",
            Cause::NeglectedReports => "neglected reports",
            Cause::HandsOnWork => "hands-on work",
            Cause::OutOfTouch => "out of touch",
            Cause::BetWon => "technology bet paid off",
            Cause::BetLost => "technology bet failed",
            Cause::Overridden => "overridden by the organisation",
            Cause::TookLineBack => "took the VP back",
            Cause::TakeBackRefused => "the CEO refused to give the VP back",
            Cause::Delivered => "roadmap delivered",
            Cause::RoadmapSlipped => "roadmap slipped",
            Cause::RaiseFailed => "fund-raise failed",
            Cause::Event(_) => "event",
        }
    }
}

/// One itemised move.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LedgerEntry {
    pub base: PowerBase,
    pub cause: Cause,
    /// Change of the power base itself (0–1 scale).
    pub delta: f64,
    /// The same change in influence points (0–100 scale); 0 for credits, which act
    /// on adoption rather than influence.
    pub influence_points: f64,
}
