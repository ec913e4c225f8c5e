//! Deadlines an event set: the hours the CTO puts in count week by week
//! (stage 3), and a deadline met or run out takes effect at the start of
//! the next week (stage 2), before that week's answers.

use super::week::Week;
use crate::engine::events::{Effect, MAX_DEADLINE_WEEKS};
use crate::engine::kinds::Activity;
use crate::engine::news::News;
use crate::engine::state::Deadline;

/// What a running deadline asks and what follows it, read from its event.
pub struct Terms<'a> {
    pub hours: f64,
    pub on: Option<Activity>,
    pub met: &'a [Effect],
    pub missed: &'a [Effect],
}

impl Deadline {
    /// The deadline's terms in `events` (the scenario's deck); `None` if the
    /// deck does not hold it (a state from another scenario).
    pub fn terms<'a>(&self, events: &'a [crate::engine::events::EventDef]) -> Option<Terms<'a>> {
        let effect = events
            .get(self.event)?
            .choices
            .get(self.choice)?
            .effects
            .get(self.effect)?;
        match effect {
            Effect::Deadline {
                hours,
                on,
                met,
                missed,
                ..
            } => Some(Terms {
                hours: *hours,
                on: *on,
                met,
                missed,
            }),
            _ => None,
        }
    }

    /// Whether the hours asked are in.
    pub fn met(&self, hours: f64) -> bool {
        self.done >= hours
    }

    /// Weeks whose hours still count after `week` (the last week played).
    pub fn weeks_left(&self, week: u32) -> u32 {
        self.until
            .saturating_sub(week.max(self.from.saturating_sub(1)))
    }
}

impl Week<'_> {
    /// Start the deadline at `effect` of choice `choice` of event `event`:
    /// the hours of the next `weeks` weeks count (this week's were set
    /// before the answer was known).
    pub(super) fn start_deadline(
        &mut self,
        event: usize,
        choice: usize,
        effect: usize,
        weeks: u32,
    ) {
        let from = self.state.week + 1;
        self.state.deadlines.push(Deadline {
            event,
            choice,
            effect,
            from,
            until: from + weeks.clamp(1, MAX_DEADLINE_WEEKS) - 1,
            done: 0.0,
        });
    }

    /// Count this week's hours into every running deadline: the week's
    /// hours after fatigue, or the effective hours on its activity.
    pub(super) fn count_deadlines(&mut self) {
        let week = self.state.week;
        let total = f64::from(self.decision.hours) * self.metrics.efficiency;
        let events = &self.scenario.events;
        for d in &mut self.state.deadlines {
            if week < d.from || week > d.until {
                continue;
            }
            let put_in = match d.terms(events).and_then(|t| t.on) {
                Some(a) => self.metrics.effective_hours[a],
                None => total,
            };
            if put_in.is_finite() {
                d.done += put_in;
            }
        }
    }

    /// Deadlines whose hours are in, or whose weeks ran out, take effect.
    pub(super) fn settle_deadlines(&mut self) {
        let week = self.state.week;
        let scenario = self.scenario;
        let mut running = std::mem::take(&mut self.state.deadlines);
        running.retain(|d| {
            let Some(t) = d.terms(&scenario.events) else {
                return false;
            };
            let met = d.met(t.hours);
            if !met && week <= d.until {
                return true;
            }
            let effects = if met { t.met } else { t.missed };
            for effect in effects {
                self.apply_choice_effect(d.event, effect);
            }
            self.state.news.push(if met {
                News::DeadlineMet(d.event)
            } else {
                News::DeadlineMissed(d.event)
            });
            false
        });
        self.state.deadlines.extend(running);
    }
}
