//! Scenario events in the week: answered choices take effect first (stage 2),
//! and new events fire last (stage 14), once the week's figures are known.

use super::week::{clamp01, Week};
use crate::engine::events::{Effect, Metric, Position, Tunable};
use crate::engine::ledger::Cause;
use crate::engine::news::News;
use crate::engine::state::{Ongoing, PendingEvent, PowerBase, Scheduled};

/// Events that can wait for an answer at once.
pub const MAX_PENDING: usize = 3;

impl Week<'_> {
    /// Settle last week's events: the player's answer, or the default choice.
    pub(super) fn settle_events(&mut self) {
        // Deadlines met or run out last week happen first.
        self.settle_deadlines();
        // Effects spread over several weeks take their next step first.
        let week = self.state.week;
        let mut ongoing = std::mem::take(&mut self.state.ongoing);
        for o in &mut ongoing {
            self.apply_effect(o.event, o.metric, o.per_week);
            while o.ends.last().is_some_and(|&(end, _)| end <= week) {
                if let Some((_, step)) = o.ends.pop() {
                    o.per_week -= step;
                }
            }
        }
        ongoing.retain(|o| !o.ends.is_empty());
        self.state.ongoing = ongoing;

        let pending = std::mem::take(&mut self.state.pending);
        for (i, pe) in pending.iter().enumerate() {
            let def = &self.scenario.events[pe.event];
            let answer = self.decision.answers.iter().find(|a| a.pending == i);
            let (choice, by_cto) = match answer {
                Some(a) if a.choice < def.choices.len() => (a.choice, true),
                _ => (
                    def.default_choice.min(def.choices.len().saturating_sub(1)),
                    false,
                ),
            };
            if let Some(c) = def.choices.get(choice) {
                for (k, effect) in c.effects.iter().enumerate() {
                    if let Effect::Deadline { weeks, .. } = *effect {
                        self.start_deadline(pe.event, choice, k, weeks);
                    }
                    self.apply_choice_effect(pe.event, effect);
                }
            }
            self.state.news.push(News::EventSettled {
                event: pe.event,
                choice,
                by_cto,
            });
        }
    }

    pub(super) fn apply_choice_effect(&mut self, event: usize, effect: &Effect) {
        match *effect {
            Effect::Change { metric, by } => self.apply_effect(event, metric, by),
            Effect::Spread { metric, by, weeks } => {
                if weeks <= 1 {
                    self.apply_effect(event, metric, by);
                } else if by.is_finite() {
                    let step = by / f64::from(weeks);
                    let end = self.state.week + weeks;
                    let at = self
                        .state
                        .ongoing
                        .iter()
                        .position(|o| o.event == event && o.metric == metric);
                    let group = match at {
                        Some(i) => &mut self.state.ongoing[i],
                        None => {
                            self.state.ongoing.push(Ongoing {
                                event,
                                metric,
                                per_week: 0.0,
                                ends: Vec::new(),
                            });
                            self.state.ongoing.last_mut().expect("just pushed")
                        }
                    };
                    group.per_week += step;
                    // Spreads that end the same week end as one.
                    let i = group.ends.partition_point(|&(e, _)| e > end);
                    match group.ends.get_mut(i) {
                        Some((e, s)) if *e == end => *s += step,
                        _ => group.ends.insert(i, (end, step)),
                    }
                }
            }
            Effect::VpLine(line) => {
                for (i, vp) in self.state.people.vps.iter_mut().enumerate() {
                    if vp.line != line {
                        vp.line = line;
                        self.state.news.push(News::LineChanged { vp: i, line });
                    }
                }
            }
            Effect::Tune { param, by } => {
                if by.is_finite() {
                    let limit = param.max_shift();
                    let slot = &mut self.state.tuning[param as usize];
                    *slot = (*slot + by).clamp(-limit, limit);
                }
            }
            Effect::FollowUp { ref event, weeks } => {
                if let Some(idx) = self.scenario.events.iter().position(|e| e.id == *event) {
                    self.state.scheduled.push(Scheduled {
                        event: idx,
                        week: self.state.week + weeks.max(1),
                    });
                }
            }
            Effect::Promote(n) => self.promote(n),
            Effect::HireVp => self.start_vp_search(),
            Effect::Leave(position) => self.leave(position),
            // Started by the caller, which knows the choice.
            Effect::Target { .. } | Effect::Deadline { .. } => {}
        }
        effect.follow(
            &mut self.targets,
            &self.state.people,
            self.params.hiring.max_vps,
        );
    }

    /// Promote up to `n` experienced engineers to managers (one engineer
    /// always stays an engineer).
    fn promote(&mut self, n: u32) {
        let people = &mut self.state.people;
        let k = n.min(people.experienced.saturating_sub(1));
        people.experienced -= k;
        people.managers += k;
        for _ in 0..k {
            self.state.news.push(News::Promoted);
        }
    }

    /// Start a VP search, unless one runs or the company has its most VPs.
    fn start_vp_search(&mut self) {
        let people = &mut self.state.people;
        if people.vp_search.is_none() && (people.vps.len() as u32) < self.params.hiring.max_vps {
            people.vp_search = Some(self.params.hiring.vp_search_weeks.max(1));
            self.state.news.push(News::VpSearchStarted);
        }
    }

    /// A manager, the VP hired last, or an engineer leaves now.
    fn leave(&mut self, position: Position) {
        let people = &mut self.state.people;
        let left = match position {
            Position::Engineer if people.engineers() > 0 => {
                people.remove_engineers(1);
                true
            }
            Position::Manager if people.managers > 0 => {
                people.managers -= 1;
                true
            }
            Position::Vp => people.vps.pop().is_some(),
            _ => false,
        };
        if left {
            self.state.news.push(match position {
                Position::Vp => News::VpLeft,
                _ => News::Left(1),
            });
        }
    }

    /// A parameter after the shifts events made to it.
    pub(super) fn tuned(&self, param: Tunable, base: f64) -> f64 {
        (base + self.state.tuning[param as usize]).max(0.0)
    }

    fn apply_effect(&mut self, event: usize, metric: Metric, change: f64) {
        if !change.is_finite() {
            return;
        }
        let cause = Cause::Event(event);
        let c = &mut self.state.company;
        match metric {
            Metric::Cash => {
                if change >= 0.0 {
                    self.one_off_revenue += change;
                } else {
                    self.one_off_costs -= change;
                }
            }
            Metric::Arr => c.arr = (c.arr + change).max(0.0),
            Metric::Fit => c.fit = clamp01(c.fit + change),
            Metric::Alignment => c.alignment = clamp01(c.alignment + change),
            Metric::Debt => c.debt = (c.debt + change).max(0.0),
            Metric::Morale => c.morale = clamp01(c.morale + change),
            Metric::Engineers => {
                let n = libm::round(change.abs()).min(1000.0) as u32;
                if change > 0.0 {
                    self.state.people.experienced += n;
                } else {
                    self.state.people.remove_engineers(n);
                }
            }
            Metric::Authority => self.shift_base(PowerBase::Legitimate, change, cause),
            Metric::Expert => self.shift_base(PowerBase::Expert, change, cause),
            Metric::Referent => self.shift_base(PowerBase::Referent, change, cause),
            Metric::Credits => self.change_credits(change, cause),
            // Read-only metrics: the scenario's validation refuses effects on them
            // (`Metric::is_writable`), so none reaches here.
            Metric::Week
            | Metric::DebtTax
            | Metric::Managers
            | Metric::Vps
            | Metric::Headcount
            | Metric::Influence
            | Metric::Adoption
            | Metric::RunwayMonths
            | Metric::Stage
            | Metric::OrgCoverage => {}
        }
    }

    /// Fire this week's events: follow-ups whose week has come, then the deck.
    pub(super) fn fire_events(&mut self) {
        let week = self.state.week;
        // Follow-ups whose week has come fire first, whatever their conditions.
        let mut i = 0;
        while i < self.state.scheduled.len() && self.state.pending.len() < MAX_PENDING {
            if self.state.scheduled[i].week <= week {
                let event = self.state.scheduled.remove(i).event;
                self.fire(event, week);
            } else {
                i += 1;
            }
        }
        for (i, def) in self.scenario.events.iter().enumerate() {
            if self.state.pending.len() >= MAX_PENDING {
                break;
            }
            if def.follow_up_only || self.state.pending.iter().any(|p| p.event == i) {
                continue;
            }
            let last = self.state.event_last_fired[i];
            if def.once && last.is_some() {
                continue;
            }
            if let Some(w) = last {
                if week < w + def.cooldown_weeks.max(1) {
                    continue;
                }
            }
            if !def.when.iter().all(|c| c.holds(self.state)) {
                continue;
            }
            if !self.rng.events.chance(def.chance) {
                continue;
            }
            self.fire(i, week);
        }
    }

    fn fire(&mut self, event: usize, week: u32) {
        self.state.event_last_fired[event] = Some(week);
        self.state.pending.push(PendingEvent { event, week });
        self.state.news.push(News::EventFired(event));
    }
}
