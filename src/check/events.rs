//! `check`'s event warnings: from a few runs of `balanced` with every choice
//! played on from each firing (`balance`'s event statistics), the events that
//! never fired and the questions with one right answer.

use std::sync::Arc;

use crate::balance::{self, EventStats, Reach};
use crate::engine::events::{EventDef, Op};
use crate::engine::Scenario;
use crate::sim::SimError;

/// Runs of `balanced` the event statistics play: each firing is played on
/// once per choice, so a run costs as much as a hundred; ten keep `check`
/// within seconds on the default scenario.
pub const EVENT_RUNS: u32 = 50;

/// Each warning about an event: its index in the deck and what to say.
pub fn event_warnings(scenario: &Arc<Scenario>) -> Result<Vec<(usize, String)>, SimError> {
    let stats = balance::event_stats(scenario, EVENT_RUNS, 1, balance::threads())?;
    let mut out = Vec::new();
    for (i, (def, stat)) in scenario.events.iter().zip(&stats).enumerate() {
        // A follow-up fires when a player takes the choice leading to it:
        // whether anyone does is that event's question, not this one's.
        if stat.firings == 0 && !def.follow_up_only {
            out.push((i, never_fired(def, &stat.reach)));
        } else if stat.dominated {
            out.push((i, dominated(def, stat)));
        }
    }
    Ok(out)
}

/// Why an event may never have fired, as far as the runs tell.
fn never_fired(def: &EventDef, reach: &Reach) -> String {
    let head = format!("never fired in {EVENT_RUNS} runs of balanced");
    let never = def
        .when
        .iter()
        .zip(&reach.conditions)
        .find(|(_, seen)| seen.weeks_held == 0);
    if let Some((c, seen)) = never {
        let name = c.metric.name();
        let range = if seen.lowest <= seen.highest {
            format!(
                "; {name} ranged {}–{}",
                c.metric.format(seen.lowest),
                c.metric.format(seen.highest)
            )
        } else {
            String::new()
        };
        return format!(
            "{head}: its `when` may never hold — `{name} {} {}` never did{range}",
            op_word(c.op),
            c.value
        );
    }
    if reach.weeks_held == 0 {
        return format!(
            "{head}: its `when` may never hold — each condition held in some week, never all in the same week"
        );
    }
    format!(
        "{head}: its `when` held in {} weeks, but at a `chance` of {} it never came up",
        reach.weeks_held, def.chance
    )
}

/// One answer best in nearly every firing.
fn dominated(def: &EventDef, stat: &EventStats) -> String {
    let firings = stat.firings;
    let wins = (stat.same_best * firings as f64).round() as usize;
    let label = stat
        .best
        .and_then(|b| def.choices.get(b))
        .map_or("?", |c| c.label.as_str());
    let others = if def.choices.len() > 2 {
        "the other answers"
    } else {
        "the other answer"
    };
    format!(
        "one answer is best in {wins} of {firings} firings over {EVENT_RUNS} runs of balanced: `{label}`; make {others} pay in some situations"
    )
}

/// A comparison as an author writes it.
fn op_word(op: Op) -> &'static str {
    match op {
        Op::Below => "below",
        Op::AtMost => "at_most",
        Op::Above => "above",
        Op::AtLeast => "at_least",
    }
}
