//! Stage 8: engineering capacity (ramp-up, training, communication overhead,
//! morale), velocity after the debt tax and refactoring, the CTO's own code,
//! work quality and the debt it leaves.

use super::org::new_hire_productivity;
use super::week::Week;
use crate::engine::events::Tunable;
use crate::engine::kinds::Activity;

impl Week<'_> {
    pub(super) fn engineering(&mut self) {
        let ep = &self.params.engineering;
        let capacity = self.capacity();
        let ex = f64::from(self.state.people.experienced);
        let n = ex + f64::from(self.state.people.ramping_total());
        let debt_per_point = self.tuned(Tunable::DebtPerPoint, ep.debt_per_point);
        let oversight = self.technical_oversight();
        let c = &mut self.state.company;
        let ratio = c.debt / c.codebase.max(1.0);
        let tax = (ratio / (ratio + ep.debt_half_ratio)).min(ep.max_debt_tax);
        let fr = f64::from(self.decision.refactor_pct) / 100.0;
        let v0 = ep.points_per_engineer_week;
        let v_team = capacity * (1.0 - tax) * (1.0 - fr) * v0;
        let e_c = self.metrics.effective_hours[Activity::Coding];
        let week_hours = ep.engineer_week_hours.max(1.0);
        let v_cto = e_c / week_hours * self.state.coding_multiple * v0 * self.maker * (1.0 - tax);
        let velocity = v_team + v_cto;
        let senior = if n > 0.0 { ex / n } else { 1.0 };
        let [w_hires, w_senior, w_oversight, w_managed] = ep.quality_weights;
        let quality = (w_hires * self.hire_quality
            + w_senior * senior
            + w_oversight * oversight
            + w_managed * self.metrics.org_coverage)
            .clamp(0.0, 1.0);
        c.debt = (c.debt
            + debt_per_point * velocity * (1.0 - quality)
            + ep.debt_interest * c.debt
            + ep.code_rot * c.codebase
            - ep.refactor_efficiency * capacity * (1.0 - tax) * fr)
            .max(0.0);
        c.codebase += velocity;
        self.metrics.capacity = capacity;
        self.metrics.debt_tax = tax;
        self.metrics.velocity = velocity;
        self.metrics.cto_velocity = v_cto;
        self.metrics.quality = quality;
    }

    /// How far this week's technical hours cover the CTO's oversight of the
    /// team's work (0–1): `oversight_full_hours` of them do. Not the same
    /// measure as expert practice (power), which takes more hours.
    fn technical_oversight(&self) -> f64 {
        let full = self.params.engineering.oversight_full_hours.max(0.001);
        (self.technical_hours() / full).min(1.0)
    }

    /// Engineering capacity in full-time equivalents.
    fn capacity(&self) -> f64 {
        let hp = &self.params.hiring;
        let ep = &self.params.engineering;
        let people = &self.state.people;
        let ex = f64::from(people.experienced);
        let ramping = f64::from(people.ramping_total());
        let training = (hp.training_overhead * ramping).min(hp.max_training_share * ex);
        let ramp_productive: f64 = people
            .ramping
            .iter()
            .enumerate()
            .map(|(j, &r)| f64::from(r) * new_hire_productivity(j as u32, hp))
            .sum();
        let morale_factor =
            ep.base_productivity + ep.morale_productivity * self.state.company.morale;
        let co = self.metrics.communication_overhead;
        ((ex - training + ramp_productive) * (1.0 - co) * morale_factor
            - self.interview_hours / ep.engineer_week_hours.max(1.0))
        .max(0.0)
    }
}
