//! A running deadline in one line: what it asks, what is in, the weeks
//! left, and the week that makes it, so the player can set the hours.

use crate::engine::{Scenario, State};
use crate::policy::crunch::{crunches, put_in};

/// The line for the running deadline that asks the most, at the draft's
/// `hours` and engineers target; `None` when no deadline runs.
pub fn deadline_line(s: &State, sc: &Scenario, hours: u8, wanted: u32) -> Option<String> {
    let c = crunches(s, sc, wanted)
        .into_iter()
        .max_by(|a, b| (a.left / f64::from(a.weeks)).total_cmp(&(b.left / f64::from(b.weeks))))?;
    let d = s.deadlines.iter().find(|d| d.event == c.event)?;
    let terms = d.terms(&sc.events)?;
    let title = sc.events.get(c.event).map_or("?", |e| e.title.as_str());
    let on = terms.on.map_or(String::new(), |a| {
        format!(" of {}", a.label().to_lowercase())
    });
    let weeks = if c.weeks == 1 {
        "this week left".to_string()
    } else {
        format!("{} weeks left", c.weeks)
    };
    let now = put_in(s, sc, d, hours, wanted, c.weeks);
    let makes = match c.hours {
        Some(h) if h <= hours => format!("{hours} h a week puts in ~{now:.0}: on track"),
        Some(h) => format!("{hours} h a week puts in ~{now:.0}; {h} h makes it"),
        None => format!("out of reach even at {} h", crate::engine::HOURS_RANGE.1),
    };
    Some(format!(
        "Deadline ({title}): {:.0}/{:.0} h{on} in, {weeks}; {makes}.",
        d.done, terms.hours
    ))
}
