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
    /// The ending's conditions do not all hold yet, but the figures they read
    /// are heading there: `weeks_left` is a projection at the present pace
    /// (the quarter's trend), not a countdown.
    pub forming: bool,
}

/// How far ahead (weeks) a forming ending is worth a warning: a year and a
/// half. Credits fall in steps (a failed bet, a failed raise), so the
/// quarter's trend lags them; a year left a drifting CTO 19 weeks' notice on
/// one default run in 300 (issue 22 asks for 20).
pub const FORMING_HORIZON: f64 = 78.0;

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
                forming: false,
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
            forming: false,
        });
    }
    out.extend(forming(s, sc));
    out.sort_by_key(|r| r.weeks_left);
    out
}

/// One condition of an ending's signature: the figure, the threshold it
/// must fall under, and the figure's weekly trend.
struct Falling {
    value: f64,
    under: f64,
    trend: f64,
}

impl Falling {
    /// Weeks until the figure is under its threshold at the present pace: 0
    /// when it already is, `None` when it is not heading there.
    fn weeks(&self) -> Option<f64> {
        if self.value < self.under {
            Some(0.0)
        } else if self.trend < 0.0 {
            Some((self.value - self.under) / -self.trend)
        } else {
            None
        }
    }
}

/// The puppet and fired endings whose signatures do not hold yet but whose
/// figures are all heading there, close enough to warn about: when the last
/// condition would hold at the present pace, plus the weeks the signature must
/// then hold.
fn forming(s: &State, sc: &Scenario) -> Vec<Risk> {
    let e = &sc.params.endings;
    let t = &s.tracking;
    let trend = &t.trends;
    let mut out = Vec::new();
    let mut project = |ending: Ending, streak: u32, needed: u32, conditions: &[Falling]| {
        if streak > 0 {
            return;
        }
        let weeks = conditions
            .iter()
            .map(Falling::weeks)
            .try_fold(0.0f64, |most, w| w.map(|w| most.max(w)));
        if let Some(w) = weeks.map(|w| w + f64::from(needed.max(1))) {
            if w <= FORMING_HORIZON {
                out.push(Risk {
                    ending,
                    weeks_left: libm::ceil(w) as u32,
                    forming: true,
                });
            }
        }
    };
    let m = &s.metrics;
    // Authority cannot fall under the puppet's bar while all of engineering
    // reports to the CTO (the chain keeps it): a puppet forms only after a
    // hand-over.
    if s.people.vp_outside_chain() {
        project(
            Ending::Puppet,
            t.puppet_streak,
            e.puppet_weeks,
            &[
                Falling {
                    value: s.power.legitimate,
                    under: e.puppet_authority,
                    trend: trend.authority,
                },
                Falling {
                    value: m.influence,
                    under: t.puppet_bar,
                    trend: trend.influence,
                },
                Falling {
                    value: m.adoption,
                    under: e.puppet_adoption,
                    trend: trend.adoption,
                },
            ],
        );
    }
    // The board fires a CTO who still holds the line; one who lost it is
    // heading for another ending.
    if s.power.legitimate >= e.fired_authority {
        project(
            Ending::Fired,
            t.fired_streak,
            e.fired_weeks,
            &[Falling {
                // "At or below" the bar: a hair above it counts as under.
                value: s.power.credits,
                under: e.fired_credits + f64::EPSILON,
                trend: trend.credits,
            }],
        );
    }
    out
}
