//! Stage 6: the CTO's power bases (French & Raven), influence as their weighted
//! sum, and the contest for execution with a VP who reports elsewhere. Every
//! move of a base is itemised in the ledger.

use super::week::{clamp01, ramp_fraction, Week};
use crate::engine::kinds::Activity;
use crate::engine::ledger::Cause;
use crate::engine::params::PowerParams;
use crate::engine::state::{Power, PowerBase, ReportingLine};

const LN_2: f64 = core::f64::consts::LN_2;

impl Week<'_> {
    pub(super) fn power(&mut self) {
        let s = self.metrics.chain_share;
        let r = self.delegated_rights();
        let reach = s + (1.0 - s) * r;
        self.position_power(s, r, reach);
        let contact = self.contact(reach);
        self.metrics.contact = contact;
        self.informational_power(reach, contact);
        self.expert_power();
        self.referent_power(contact);
        let pw = &self.params.power;
        let b = &self.state.power;
        let phi = influence(b, pw);
        let opposing = self.opposing_power(s, r);
        // An organisation nobody manages does not carry out anyone's direction.
        let managed = 1.0 - pw.unmanaged_adoption * (1.0 - self.metrics.org_coverage);
        let adoption = adoption(phi, b.credits, opposing, pw) * managed;
        self.metrics.influence = clamp01(phi);
        self.metrics.opposing_power = opposing;
        self.metrics.adoption = clamp01(adoption);
    }

    /// Execution rights over the part of engineering outside the CTO's chain.
    fn delegated_rights(&self) -> f64 {
        let pw = &self.params.power;
        // Summed in VP order without collecting: this runs every week.
        let (count, total) = self
            .state
            .people
            .vps
            .iter()
            .filter_map(|v| match v.line {
                ReportingLine::Ceo { forum } => Some(forum),
                ReportingLine::Cto => None,
            })
            .fold((0u32, 0.0f64), |(n, sum), forum| {
                let rights = if forum {
                    // Shared responsibility is shared only as far as the CTO
                    // shows up: a forum the CTO does not attend shares nothing.
                    pw.forum_rights * self.metrics.cto_coverage
                } else {
                    pw.advisory_rights
                };
                (n + 1, sum + rights)
            });
        if count == 0 {
            0.0
        } else {
            total / f64::from(count)
        }
    }

    /// Legitimate authority follows the reporting lines with a lag, and only as
    /// far as the CTO uses it (an absent boss is routed around); so does
    /// reward/coercive power (reviews and pay of the people in the chain).
    fn position_power(&mut self, s: f64, r: f64, reach: f64) {
        let pw = &self.params.power;
        let lag = pw.legitimate_lag_weeks.max(1.0);
        let l = self.state.power.legitimate;
        let used = 1.0 - pw.unused_authority * (1.0 - self.metrics.cto_coverage);
        let dl = (reach * used - l) / lag;
        self.state.power.legitimate = clamp01(l + dl);
        // A fall the reporting lines alone would not bring is neglect's.
        let cause = if dl < 0.0 && reach >= l {
            Cause::NeglectedReports
        } else {
            Cause::ReportingLines
        };
        self.ledger(PowerBase::Legitimate, cause, dl);

        let rc = self.state.power.reward;
        let rc_target = s + (1.0 - s) * r * pw.reward_without_reviews;
        let drc = (rc_target - rc) / lag;
        self.state.power.reward = clamp01(rc + drc);
        self.ledger(PowerBase::Reward, Cause::ReportingLines, drc);
    }

    /// How much of the organisation the CTO meets (0–1): the part in reach
    /// through their reports, as far as they cover them, and the rest through
    /// skip-levels, with the management hours left once their own reports are
    /// covered (Grove's "management by walking around"; Cohen & Bradford's
    /// influence without authority is built in such contact).
    fn contact(&self, reach: f64) -> f64 {
        let pw = &self.params.power;
        let e_m = self.metrics.effective_hours[Activity::Management];
        let spare = (e_m - self.metrics.management_need).max(0.0);
        let people = f64::from(self.state.people.engineers() + self.state.people.managers);
        let outside = people * (1.0 - reach);
        let skip = if outside > 0.0 {
            (spare / (pw.skip_level_hours * outside).max(1e-3)).min(1.0)
        } else {
            0.0
        };
        self.metrics.cto_coverage * reach + skip * (1.0 - reach)
    }

    /// Informational power: the chain, strategy work, time with the organisation.
    fn informational_power(&mut self, reach: f64, contact: f64) {
        let e_s = self.metrics.effective_hours[Activity::Strategy];
        let i = self.state.power.informational;
        let pw = &self.params.power;
        let lag = pw.informational_lag_weeks.max(1.0);
        let strategy = (e_s / pw.informational_strategy_hours.max(0.001)).min(1.0);
        let [w_lines, w_strategy, w_contact] = pw.informational_weights;
        let parts = [
            (Cause::ReportingLines, w_lines, w_lines * reach),
            (Cause::StrategyTime, w_strategy, w_strategy * strategy),
            // Time with people informs about the part of the org the CTO meets.
            (Cause::ManagementTime, w_contact, w_contact * contact),
        ];
        let mut di_total = 0.0;
        for (cause, weight, target) in parts {
            let di = (target - weight * i) / lag;
            di_total += di;
            self.ledger(PowerBase::Informational, cause, di);
        }
        self.state.power.informational = clamp01(i + di_total);
    }

    /// Expert power: hands-on work keeps it, distance erodes it.
    fn expert_power(&mut self) {
        let pw = &self.params.power;
        let tech = self.technical_hours();
        let x = self.state.power.expert;
        let gain = (pw.expert_gain * self.expert_practice()).min(1.0 - x);
        // Distance erodes expertise, the more so the fewer technical hours.
        let distance = (1.0 - tech / pw.expert_min_hours.max(0.001)).max(0.0);
        let decay = x * LN_2 / pw.expert_half_life.max(1.0) * distance;
        self.state.power.expert = clamp01(x + gain - decay);
        self.ledger(PowerBase::Expert, Cause::HandsOnWork, gain);
        self.ledger(PowerBase::Expert, Cause::OutOfTouch, -decay);
    }

    /// How far this week's technical hours go toward keeping the CTO's
    /// expertise growing at its full rate (0–1): `expert_full_hours` of them
    /// do. Not the same measure as [`Week::technical_oversight`]: expertise
    /// takes more hands-on time than overseeing the team's work does.
    fn expert_practice(&self) -> f64 {
        let full = self.params.power.expert_full_hours.max(0.001);
        (self.technical_hours() / full).min(1.0)
    }

    /// Referent power: contact with the organisation builds trust; neglect (or an
    /// organisation the CTO no longer meets) erodes it.
    fn referent_power(&mut self, contact: f64) {
        let pw = &self.params.power;
        let f = self.state.power.referent;
        let gain = pw.referent_gain * contact * (1.0 - f);
        let loss = f * LN_2 / pw.referent_half_life.max(1.0) * (1.0 - contact);
        self.state.power.referent = clamp01(f + gain - loss);
        self.ledger(PowerBase::Referent, Cause::ManagementTime, gain);
        self.ledger(PowerBase::Referent, Cause::NeglectedReports, -loss);
    }

    /// The power of VPs who report elsewhere: the organisation's position power
    /// outside the CTO's chain, plus what a ramped VP has built.
    fn opposing_power(&self, s: f64, r: f64) -> f64 {
        let pw = &self.params.power;
        let vp_ramp_weeks = self.params.hiring.vp_ramp_weeks;
        let (count, ramp_sum) = self
            .state
            .people
            .vps
            .iter()
            .filter(|v| v.line != ReportingLine::Cto)
            .fold((0u32, 0.0f64), |(n, sum), v| {
                (n + 1, sum + ramp_fraction(v.age_weeks, vp_ramp_weeks))
            });
        if count == 0 {
            0.0
        } else {
            let ramp = ramp_sum / f64::from(count);
            pw.vp_position_power * (1.0 - s) * (1.0 - r) + pw.vp_ramp_power * ramp
        }
    }
}

/// Influence Φ from the power bases: their weighted sum.
pub(super) fn influence(b: &Power, pw: &PowerParams) -> f64 {
    let part = |base: PowerBase| pw.weight(base) * b.base(base);
    part(PowerBase::Legitimate)
        + part(PowerBase::Reward)
        + part(PowerBase::Informational)
        + part(PowerBase::Expert)
        + part(PowerBase::Referent)
}

/// Probability the organisation carries out the CTO's direction: a logistic
/// contest between influence plus credits and the power of a VP outside the chain.
pub(super) fn adoption(phi: f64, credits: f64, opposing: f64, pw: &PowerParams) -> f64 {
    let margin = phi + pw.credit_weight * credits - opposing - pw.contest_threshold;
    clamp01(1.0 / (1.0 + libm::exp(-pw.contest_steepness * margin)))
}
