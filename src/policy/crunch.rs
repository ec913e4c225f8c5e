//! Crunching for a deadline: the hours a week that put in what a running
//! deadline still asks, spread evenly over the weeks it has left. Robinson's
//! fatigue makes a crunch pay only from rest and only for a few weeks: each
//! hour past the free overtime tires, and the tiredness takes a share of
//! every hour after. `balanced` crunches this way, the screen says how long
//! a week the deadline needs, and both read it from here.

use crate::engine::par::{efficiency, par};
use crate::engine::state::Deadline;
use crate::engine::{Scenario, State, HOURS_RANGE};

/// The longest week `balanced` works for a deadline.
pub const CRUNCH_MAX: u8 = 60;

/// A running deadline and the week it asks for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crunch {
    /// Deck index of the event that set it.
    pub event: usize,
    /// Effective hours still to put in, and the weeks left to do it.
    pub left: f64,
    pub weeks: u32,
    /// The hours this week that put in a fair share of `left` (`None`:
    /// even [`CRUNCH_MAX`] hours a week cannot make it).
    pub hours: Option<u8>,
}

/// What `hours` this week would put into `d` (after fatigue; on its
/// activity, after the split par gives and switching).
pub fn put_in(s: &State, scenario: &Scenario, d: &Deadline, hours: u8, wanted: u32) -> f64 {
    let p = &scenario.params;
    let rho = efficiency(&p.attention, s.fatigue, f64::from(hours));
    match d.terms(&scenario.events).and_then(|t| t.on) {
        None => f64::from(hours) * rho,
        Some(a) => {
            // Par's switching loss: as if all four activities were touched.
            let a_p = &p.attention;
            let switching = a_p.switching_scale * a_p.switching_loss[3];
            let share = f64::from(par(s, p, hours, wanted).attention.get(a)) / 100.0;
            share * f64::from(hours) * rho * (1.0 - switching)
        }
    }
}

/// The running deadlines of `s` not yet met, with the week each asks for
/// (`wanted`: the engineers target, which par reads).
pub fn crunches(s: &State, scenario: &Scenario, wanted: u32) -> Vec<Crunch> {
    s.deadlines
        .iter()
        .filter_map(|d| {
            let t = d.terms(&scenario.events)?;
            let left = t.hours - d.done;
            let weeks = d.weeks_left(s.week);
            if left <= 0.0 || weeks == 0 {
                return None;
            }
            let fair = left / f64::from(weeks);
            let (min, max) = HOURS_RANGE;
            let hours =
                (min..=CRUNCH_MAX.min(max)).find(|&h| put_in(s, scenario, d, h, wanted) >= fair);
            Some(Crunch {
                event: d.event,
                left,
                weeks,
                hours,
            })
        })
        .collect()
}

/// The week `balanced` works: `rested`, or longer for the running deadline
/// that asks the most (never for one it cannot make).
pub fn hours(s: &State, scenario: &Scenario, rested: u8, wanted: u32) -> u8 {
    crunches(s, scenario, wanted)
        .iter()
        .filter_map(|c| c.hours)
        .fold(rested, u8::max)
}
