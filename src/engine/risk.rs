//! Endings that have started to come true: read from the same state the
//! endings are decided on (the signature streaks, the runway, a scenario
//! ending's streak), so a warning can never disagree with the ending.

use super::ending::Ending;
use super::kinds::RUNWAY_CAP;
use super::scenario::{Outcome, Scenario};
use super::state::State;

/// An ending on its way, and how many weeks are left if nothing changes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Risk {
    pub ending: Ending,
    pub weeks_left: u32,
}

/// Runway (months) under which running out of cash is a risk worth a warning.
pub const RUNWAY_WARNING_MONTHS: f64 = 6.0;

/// The losing endings whose conditions hold now, soonest first.
pub fn risks(s: &State, sc: &Scenario) -> Vec<Risk> {
    if s.ending.is_some() {
        return Vec::new();
    }
    let e = &sc.params.endings;
    let t = &s.tracking;
    let mut out = Vec::new();
    let mut streak = |ending: Ending, streak: u32, needed: u32| {
        if streak > 0 {
            out.push(Risk {
                ending,
                weeks_left: needed.max(1).saturating_sub(streak),
            });
        }
    };
    streak(Ending::Puppet, t.puppet_streak, e.puppet_weeks);
    streak(Ending::TenXProgrammer, t.ten_x_streak, e.ten_x_weeks);
    streak(Ending::Fired, t.fired_streak, e.fired_weeks);
    for (i, end) in sc.endings.iter().enumerate() {
        if end.outcome == Outcome::Loss {
            let held = s.ending_streaks.get(i).copied().unwrap_or(0);
            streak(Ending::Custom(i as u16), held, end.for_weeks);
        }
    }
    let runway = s.metrics.runway_months;
    if s.week > 0 && runway < RUNWAY_WARNING_MONTHS && runway < RUNWAY_CAP {
        out.push(Risk {
            ending: Ending::OutOfCash,
            weeks_left: (runway * 52.0 / 12.0) as u32,
        });
    }
    out.sort_by_key(|r| r.weeks_left);
    out
}
