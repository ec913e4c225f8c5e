//! What happened in a week, as structured items the UI turns into text.

use serde::{Deserialize, Serialize};

use super::ending::Ending;
use super::kinds::ReportingLine;
use super::stage::Stage;

/// One item of the news log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum News {
    /// Offers accepted this week.
    OffersAccepted(u32),
    /// New engineers started.
    Started(u32),
    /// Engineers or managers left.
    Left(u32),
    /// An engineer was promoted to manager.
    Promoted,
    /// A VP search started.
    VpSearchStarted,
    /// A VP of Engineering started.
    VpStarted,
    /// A VP of Engineering left.
    VpLeft,
    /// A VP's reporting line changed.
    LineChanged { vp: usize, line: ReportingLine },
    /// The CEO refused to give a VP back to the CTO, and will not discuss it
    /// again before week `until`.
    TakeBackRefused { vp: usize, until: u32 },
    /// The CEO refused to share responsibility for a VP in a forum, and will
    /// not discuss the VP's line again before week `until`.
    ForumRefused { vp: usize, until: u32 },
    /// A market shock (a competitor, a platform change) cost product-market
    /// fit and strategy alignment.
    MarketShock,
    /// A technology bet was decided: with the CTO or without, and whether it paid off.
    Bet {
        with_cto: bool,
        overridden: bool,
        won: bool,
    },
    /// The CEO started raising.
    RaiseStarted { stage: Stage },
    /// A round closed.
    RoundClosed { stage: Stage, amount: f64 },
    /// Investors passed, and the insiders bridged the company instead.
    Bridge { amount: f64, verdict: Verdict },
    /// A raise ended with nothing.
    RaiseFailed(Verdict),
    /// A scenario event fired (index in the deck).
    EventFired(usize),
    /// A scenario event was settled (deck index, choice, whether the CTO chose).
    EventSettled {
        event: usize,
        choice: usize,
        by_cto: bool,
    },
    /// The hours a deadline asked were in (the deck index of its event).
    DeadlineMet(usize),
    /// A deadline's weeks ran out before its hours were in.
    DeadlineMissed(usize),
    /// The run ended.
    Ended(Ending),
}

/// What investors weighed when a raise came to its end: the figures that
/// decided it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// ARR at the close, dollars.
    pub arr: f64,
    /// ARR the investors asked for: the round's bar times their appetite.
    pub asked: f64,
    /// The burn multiple at the close, and the most investors accept.
    pub burn_multiple: f64,
    pub max_burn: f64,
}

impl Verdict {
    /// Whether the figures convinced the investors.
    pub fn convinced(&self) -> bool {
        self.arr >= self.asked && self.burn_multiple <= self.max_burn
    }

    /// Whether ARR fell short of what they asked.
    pub fn arr_short(&self) -> bool {
        self.arr < self.asked
    }

    /// Whether the burn multiple was over what they accept.
    pub fn burning_too_fast(&self) -> bool {
        self.burn_multiple > self.max_burn
    }
}
