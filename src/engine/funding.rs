//! Fund-raising as a player follows it: the round the company raises next,
//! and a raise under way with what the investors want — read from the state
//! and the rules the funding stage decides on, so the screen and the engine
//! cannot disagree.

use super::params::Round;
use super::scenario::Scenario;
use super::state::{Stage, State};

/// The round the company raises from its stage, if there is one.
pub fn next_round<'a>(s: &State, sc: &'a Scenario) -> Option<&'a Round> {
    sc.params
        .business
        .rounds
        .iter()
        .find(|r| r.from == s.company.stage)
}

/// A raise under way.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Raising {
    /// The stage a closed round brings.
    pub to: Stage,
    /// The raise's week, from 1.
    pub week: u32,
    /// How long a raise takes: `business.raise_weeks` times the range of
    /// `business.raise_lateness`, rounded (12–24 by default).
    pub takes: [u32; 2],
    /// The ARR the round's bar asks for, and the range investors' appetite
    /// scales it by at the close.
    pub arr_bar: f64,
    pub appetite: [f64; 2],
    /// The most burn multiple investors accept.
    pub max_burn: f64,
    /// Where the company stands now.
    pub arr: f64,
    pub burn_multiple: f64,
}

impl Raising {
    /// The lowest and highest ARR the investors may ask for at the close.
    pub fn asks(&self) -> [f64; 2] {
        [
            self.arr_bar * self.appetite[0],
            self.arr_bar * self.appetite[1],
        ]
    }
}

/// The raise under way in `s`, if one is.
pub fn raising(s: &State, sc: &Scenario) -> Option<Raising> {
    if s.raise.weeks_left == 0 {
        return None;
    }
    let round = next_round(s, sc)?;
    let bp = &sc.params.business;
    let to = Stage::ALL.get(s.company.stage.index() + 1).copied()?;
    let weeks = |x: f64| libm::round(f64::from(bp.raise_weeks) * x).max(1.0) as u32;
    Some(Raising {
        to,
        week: s.week.saturating_sub(s.raise.since) + 1,
        takes: [weeks(bp.raise_lateness[0]), weeks(bp.raise_lateness[1])],
        arr_bar: round.arr_bar,
        appetite: bp.appetite,
        max_burn: bp.max_burn_multiple,
        arr: s.company.arr,
        burn_multiple: s.metrics.burn_multiple,
    })
}
