//! The small vocabulary every part of the engine shares: the four activities,
//! reporting lines, power bases, and the caps that stand in for "infinite".
//! It imports nothing from the engine, so anything may use it.

use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

/// Months of runway shown when the company does not burn cash: runway and burn
/// multiple stand in for "infinite" with these caps, so no infinity ever
/// enters the state.
pub const RUNWAY_CAP: f64 = 999.0;
/// Runway past this many months reads as "more than five years": near
/// break-even a hire or a leaver moves a runway of decades by decades, and
/// none of it changes a decision.
pub const RUNWAY_LONG: f64 = 60.0;
/// The burn multiple when the company burns cash and adds no ARR.
pub const BURN_MULTIPLE_CAP: f64 = 99.0;

/// One of the four things a CTO spends the week on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    Strategy,
    Hiring,
    Coding,
    Management,
}

impl Activity {
    /// The four, in the order the screens and run files list them.
    pub const ALL: [Activity; 4] = [
        Activity::Strategy,
        Activity::Hiring,
        Activity::Coding,
        Activity::Management,
    ];

    /// The name a player reads.
    pub fn label(self) -> &'static str {
        match self {
            Activity::Strategy => "Strategy",
            Activity::Hiring => "Hiring",
            Activity::Coding => "Coding",
            Activity::Management => "Management",
        }
    }
}

/// One value per activity, indexed by [`Activity`] (stored in [`Activity::ALL`]'s
/// order, which is also how it is serialised and hashed: a plain array of four).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PerActivity<T>(pub [T; 4]);

impl<T> Index<Activity> for PerActivity<T> {
    type Output = T;
    fn index(&self, a: Activity) -> &T {
        &self.0[a as usize]
    }
}

impl<T> IndexMut<Activity> for PerActivity<T> {
    fn index_mut(&mut self, a: Activity) -> &mut T {
        &mut self.0[a as usize]
    }
}

/// To whom a VP of Engineering reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ReportingLine {
    /// The VP reports to the CTO: the CTO keeps authority over the whole organisation.
    Cto,
    /// The VP reports to the CEO. With `forum`, the CTO keeps a shared-responsibility
    /// forum with the VP and the CEO (joint prioritisation); without, the CTO only advises.
    Ceo { forum: bool },
}

/// One of the quantities the influence ledger itemises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum PowerBase {
    Legitimate,
    Reward,
    Informational,
    Expert,
    Referent,
    Credits,
}

impl PowerBase {
    /// The five bases that make up influence, in the order of `params.power.weights`.
    pub const INFLUENCE: [PowerBase; 5] = [
        PowerBase::Legitimate,
        PowerBase::Reward,
        PowerBase::Informational,
        PowerBase::Expert,
        PowerBase::Referent,
    ];

    /// The name a player reads.
    pub fn label(self) -> &'static str {
        match self {
            PowerBase::Legitimate => "authority",
            PowerBase::Reward => "reward",
            PowerBase::Informational => "information",
            PowerBase::Expert => "expertise",
            PowerBase::Referent => "trust",
            PowerBase::Credits => "credits",
        }
    }
}
