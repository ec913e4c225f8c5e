//! Stages 2 and 4–5: reporting lines, the people flows (arrivals, ramp-up,
//! VPs, promotions, hiring, attrition) and the structure they make (teams,
//! spans, coverage, communication overhead).

use super::week::{ramp_fraction, Week};
use crate::engine::events::Tunable;
use crate::engine::kinds::Activity;
use crate::engine::ledger::Cause;
use crate::engine::news::News;
use crate::engine::params::{HiringParams, Role};
use crate::engine::state::{ReportingLine, Vp};

impl Week<'_> {
    /// The reporting lines the decision changes (a line equal to the one the
    /// VP had as the week began is no change, even if an event has moved the
    /// VP since). Taking a VP back from the CEO, and sharing responsibility in
    /// a forum, are the CEO's call.
    ///
    /// A line for a VP who left this week (an event's `Leave(vp)` settled
    /// before the lines) has no VP to move and is ignored.
    pub(super) fn apply_reporting_lines(&mut self, before: &[ReportingLine]) {
        let in_post = self.state.people.vps.len();
        for (i, &line) in self.decision.vp_lines.iter().enumerate().take(in_post) {
            let old = self.state.people.vps[i].line;
            if old == line || before.get(i) == Some(&line) {
                continue;
            }
            if line == (ReportingLine::Ceo { forum: true }) && !self.forum_agreed(i) {
                continue;
            }
            if matches!(old, ReportingLine::Ceo { .. }) && line == ReportingLine::Cto {
                // Taking the VP back goes through as often as the organisation
                // follows the CTO (last week's adoption). After a refusal the CEO
                // will not discuss it again for a while.
                if self.state.week < self.state.people.vps[i].refused_until {
                    continue;
                }
                let granted = self.rng.politics.chance(self.state.metrics.adoption);
                if !granted {
                    let cost = self.params.power.take_back_refused_cost;
                    self.change_credits(-cost, Cause::TakeBackRefused);
                    let until = self.state.week + self.params.power.take_back_cooldown_weeks;
                    self.state.people.vps[i].refused_until = until;
                    self.state.news.push(News::TakeBackRefused { vp: i, until });
                    continue;
                }
                self.change_credits(-self.params.power.take_back_cost, Cause::TookLineBack);
            }
            self.state.people.vps[i].line = line;
            self.state.news.push(News::LineChanged { vp: i, line });
        }
    }

    /// Whether the CEO agrees to share responsibility for VP `i` in a forum: a
    /// chance driven by the CTO's trust (referent power) and credits. After a
    /// refusal the CEO will not discuss the VP's line again for a while.
    fn forum_agreed(&mut self, i: usize) -> bool {
        let pw = &self.params.power;
        if self.state.week < self.state.people.vps[i].refused_until {
            return false;
        }
        let b = &self.state.power;
        let chance = (pw.forum_consent
            + pw.forum_consent_trust * b.referent
            + pw.forum_consent_credits * b.credits)
            .clamp(0.0, 1.0);
        if self.rng.politics.chance(chance) {
            return true;
        }
        let until = self.state.week + pw.take_back_cooldown_weeks;
        self.state.people.vps[i].refused_until = until;
        self.state.news.push(News::ForumRefused { vp: i, until });
        false
    }

    /// Stage 4: who arrives, ramps, is promoted, is hired and leaves.
    pub(super) fn org_flows(&mut self) {
        self.arrivals();
        self.vp_flows();
        self.promotions();
        self.hiring();
        self.attrition();
    }

    /// Accepted offers move one week closer; the front of the queue starts.
    fn arrivals(&mut self) {
        let people = &mut self.state.people;
        let arrivals = people.pipeline[0];
        people.pipeline.rotate_left(1);
        *people.pipeline.last_mut().expect("pipeline is never empty") = 0;
        let graduates = *people.ramping.last().expect("ramp is never empty");
        people.ramping.rotate_right(1);
        people.ramping[0] = arrivals;
        people.experienced += graduates;
        if arrivals > 0 {
            self.state.news.push(News::Started(arrivals));
        }
    }

    /// VPs age and arrive, searches start, a VP leaves if fewer are wanted.
    fn vp_flows(&mut self) {
        let hp = &self.params.hiring;
        let people = &mut self.state.people;
        for vp in &mut people.vps {
            vp.age_weeks = vp.age_weeks.saturating_add(1);
        }
        if let Some(left) = people.vp_search {
            if left <= 1 {
                people.vp_search = None;
                people.vps.push(Vp {
                    age_weeks: 0,
                    line: ReportingLine::Cto,
                    refused_until: 0,
                });
                self.state.news.push(News::VpStarted);
            } else {
                people.vp_search = Some(left - 1);
            }
        }
        let wanted = self.targets.vps;
        let have = people.vps.len() as u32 + u32::from(people.vp_search.is_some());
        if wanted > have && people.vp_search.is_none() {
            people.vp_search = Some(hp.vp_search_weeks.max(1));
            self.state.news.push(News::VpSearchStarted);
        } else if wanted < have {
            if people.vp_search.is_some() {
                people.vp_search = None;
            } else if let Some(i) = people
                .vps
                .iter()
                .rposition(|v| v.line == ReportingLine::Cto)
            {
                // Only a VP who reports to the CTO is the CTO's to let go.
                people.vps.remove(i);
            }
        }
    }

    /// Promotions to manager (and managers going back to coding).
    fn promotions(&mut self) {
        let wanted = self.targets.managers;
        let people = &mut self.state.people;
        let mut promoted = 0;
        while people.managers < wanted
            && people.experienced >= 2
            && promoted < self.params.hiring.promotions_per_week
        {
            people.experienced -= 1;
            people.managers += 1;
            promoted += 1;
            self.state.news.push(News::Promoted);
        }
        if people.managers > wanted {
            people.managers -= 1;
            people.experienced += 1;
        }
    }

    /// Hiring: CTO hours plus ramped VPs give capacity; it carries over a little.
    fn hiring(&mut self) {
        let hp = &self.params.hiring;
        let people = &mut self.state.people;
        let vp_capacity: f64 = people
            .vps
            .iter()
            .map(|vp| hp.vp_hires_per_week * ramp_fraction(vp.age_weeks, hp.vp_ramp_weeks))
            .sum();
        let cto_hours = self.metrics.effective_hours[Activity::Hiring];
        let capacity = cto_hours / hp.cto_hours_per_hire.max(0.1) + vp_capacity;
        let planned = people.engineers() + people.in_pipeline();
        let wanted = self.targets.engineers.saturating_sub(planned);
        people.hire_progress += capacity;
        let hires = (wanted as f64)
            .min(libm::floor(people.hire_progress))
            .max(0.0) as u32;
        people.hire_progress -= f64::from(hires);
        // Unused recruiting time does not bank beyond one hire.
        people.hire_progress = people.hire_progress.min(1.0);
        *people.pipeline.last_mut().expect("pipeline is never empty") += hires;
        self.metrics.hires = hires;
        if hires > 0 {
            self.state.news.push(News::OffersAccepted(hires));
            let available = cto_hours + hp.cto_hours_per_hire * vp_capacity;
            let needed = f64::from(hires) * hp.cto_hours_per_hire;
            let rushed = hp.rushed_hire_quality;
            let given = (available / needed).min(1.0);
            self.hire_quality = (rushed + (1.0 - rushed) * given).clamp(0.0, 1.0);
        }
        self.interview_hours = f64::from(hires) * hp.team_hours_per_hire;
    }

    /// Attrition: a weekly hazard from last week's morale.
    fn attrition(&mut self) {
        let mp = &self.params.morale;
        let people = &mut self.state.people;
        let base =
            (mp.base_attrition + self.state.tuning[Tunable::BaseAttrition as usize]).max(0.0);
        let hazard = (super::morale::yearly_attrition(self.state.company.morale, base, mp) / 52.0)
            .clamp(0.0, 0.5);
        let left_ic = self.rng.people.binomial(people.engineers(), hazard);
        let left_mgr = self
            .rng
            .people
            .binomial(people.managers, hazard * mp.manager_attrition);
        people.remove_engineers(left_ic);
        people.managers -= left_mgr;
        let bp = &self.params.business;
        self.leaver_costs = mp.leaver_cost
            * (f64::from(left_ic) * bp.salary(Role::Engineer)
                + f64::from(left_mgr) * bp.salary(Role::Manager));
        self.metrics.leavers = left_ic + left_mgr;
        if self.metrics.leavers > 0 {
            self.state.news.push(News::Left(self.metrics.leavers));
        }
    }
}

/// Productivity (0–1) of a new engineer `weeks_in` weeks after starting: it rises
/// linearly from `ramp_start` toward 1 over `ramp_weeks`, when they count as
/// experienced.
pub fn new_hire_productivity(weeks_in: u32, hp: &HiringParams) -> f64 {
    let len = f64::from(hp.ramp_weeks.max(1));
    (hp.ramp_start + (1.0 - hp.ramp_start) * f64::from(weeks_in) / len).min(1.0)
}
