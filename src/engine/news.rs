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
    /// A bridge was raised instead of a round.
    Bridge { amount: f64 },
    /// A raise ended with nothing.
    RaiseFailed,
    /// A scenario event fired (index in the deck).
    EventFired(usize),
    /// A scenario event was settled (deck index, choice, whether the CTO chose).
    EventSettled {
        event: usize,
        choice: usize,
        by_cto: bool,
    },
    /// The run ended.
    Ended(Ending),
}
