//! Stage 3: the week's hours and attention split become effective hours per
//! activity, after fatigue (Robinson) and context switching (Weinberg).

use super::week::Week;
use crate::engine::kinds::{Activity, PerActivity};
use crate::engine::par::{efficiency, fatigue_after};

impl Week<'_> {
    pub(super) fn attention(&mut self) {
        let a = &self.params.attention;
        let hours = f64::from(self.decision.hours);
        let rho = efficiency(a, self.state.fatigue, hours);
        self.state.fatigue = fatigue_after(a, self.state.fatigue, hours);
        let shares = self.decision.attention.fractions();
        // An activity counts as touched in proportion to its share, up to the
        // threshold, so a few points of attention never switch a loss on at once.
        let touched: f64 = shares
            .0
            .iter()
            .map(|&x| (x / a.touch_threshold.max(0.001)).min(1.0))
            .sum();
        let loss = a.switching_scale * switching_loss(&a.switching_loss, touched);
        self.metrics.effective_hours =
            PerActivity(shares.0.map(|share| share * hours * rho * (1.0 - loss)));
        // The maker's block builds up with the hours given to coding.
        let block = (shares[Activity::Coding] * hours / a.maker_block_hours.max(0.001)).min(1.0);
        self.maker = a.maker_penalty + (1.0 - a.maker_penalty) * block;
        self.metrics.efficiency = rho;
        self.metrics.switching_loss = loss;
    }
}

/// Weinberg's loss for `touched` activities (fractional: interpolated between
/// the table's whole counts; none touched loses nothing).
fn switching_loss(table: &[f64; 4], touched: f64) -> f64 {
    let t = touched.clamp(0.0, 4.0);
    if t <= 1.0 {
        return table[0] * t;
    }
    // `t` is at least 1 here, so truncation is the floor.
    let low = t as usize;
    let frac = t - low as f64;
    let at = |k: usize| table[k.clamp(1, 4) - 1];
    at(low) + frac * (at(low + 1) - at(low))
}
