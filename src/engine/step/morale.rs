//! Stage 9: morale follows management coverage, the debt tax and crunch; it
//! sets the attrition hazard (Mobley; Gallup).

use super::week::{clamp01, Week};
use crate::engine::events::Tunable;
use crate::engine::params::MoraleParams;

impl Week<'_> {
    pub(super) fn morale(&mut self) {
        let mp = &self.params.morale;
        let a = &self.params.attention;
        let base = self.tuned(Tunable::BaseAttrition, mp.base_attrition);
        let tired =
            ((1.0 - self.metrics.efficiency) / (1.0 - a.min_efficiency).max(0.01)).clamp(0.0, 1.0);
        let target = mp.baseline + mp.management_weight * self.metrics.org_coverage
            - mp.debt_weight * self.metrics.debt_tax
            - mp.crunch_weight * tired;
        let c = &mut self.state.company;
        c.morale = clamp01(c.morale + (target - c.morale) / mp.time_constant.max(1.0));
        self.metrics.attrition_rate = yearly_attrition(c.morale, base, mp).min(1.0);
    }
}

/// Yearly attrition rate at `morale`: the base rate (`base`, at neutral morale,
/// `mp.neutral`) rising exponentially as morale falls.
pub fn yearly_attrition(morale: f64, base: f64, mp: &MoraleParams) -> f64 {
    base * libm::exp(mp.attrition_sensitivity * (mp.neutral - morale))
}
