//! Crunching for a deadline: the fewest hours a week that, held for the
//! weeks a running deadline has left, put in what it still asks. Robinson's
//! fatigue makes a crunch pay only from rest and only for a few weeks: each
//! hour past the free overtime tires, and the tiredness takes a share of
//! every hour after. `balanced` crunches this way, the screen says how long
//! a week the deadline needs, and both read it from here.

use crate::engine::par::{efficiency, fatigue_after, par};
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
    /// The fewest hours a week that, held for the weeks left, put in
    /// `left` (`None`: not even the longest week the rules allow).
    pub hours: Option<u8>,
    /// The fewest hours, up to [`CRUNCH_MAX`], that put in a fair share of
    /// `left` this week (`balanced`'s rule: it measured 0.7 points better on
    /// default than holding one week for the rest).
    pub fair: Option<u8>,
}

/// What `hours` a week, held for `weeks` weeks, would put into `d`: each
/// week after the fatigue the weeks before left (on its activity, after the
/// split par gives and switching).
pub fn put_in(
    s: &State,
    scenario: &Scenario,
    d: &Deadline,
    hours: u8,
    wanted: u32,
    weeks: u32,
) -> f64 {
    let p = &scenario.params;
    let a = &p.attention;
    let share = match d.terms(&scenario.events).and_then(|t| t.on) {
        None => 1.0,
        Some(on) => {
            // Par's switching loss: as if all four activities were touched.
            let switching = a.switching_scale * a.switching_loss[3];
            let pct = f64::from(par(s, p, hours, wanted).attention.get(on)) / 100.0;
            pct * (1.0 - switching)
        }
    };
    let h = f64::from(hours);
    let mut fatigue = s.fatigue;
    let mut total = 0.0;
    for _ in 0..weeks {
        total += share * h * efficiency(a, fatigue, h);
        fatigue = fatigue_after(a, fatigue, h);
    }
    total
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
            let (min, max) = HOURS_RANGE;
            let hours = (min..=max).find(|&h| put_in(s, scenario, d, h, wanted, weeks) >= left);
            let share = left / f64::from(weeks);
            let fair = (min..=CRUNCH_MAX.min(max))
                .find(|&h| put_in(s, scenario, d, h, wanted, 1) >= share);
            Some(Crunch {
                event: d.event,
                left,
                weeks,
                hours,
                fair,
            })
        })
        .collect()
}

/// The week `balanced` works: `rested`, or longer for the running deadline
/// that asks the most (never for one it cannot make by [`CRUNCH_MAX`]).
pub fn hours(s: &State, scenario: &Scenario, rested: u8, wanted: u32) -> u8 {
    crunches(s, scenario, wanted)
        .iter()
        .filter(|c| c.hours.is_some_and(|h| h <= CRUNCH_MAX))
        .filter_map(|c| c.fair)
        .fold(rested, u8::max)
}
