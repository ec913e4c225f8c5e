//! Stage 3: the week's hours and attention split become effective hours per
//! activity, after fatigue (Robinson) and context switching (Weinberg).

use super::week::Week;
use crate::engine::kinds::{Activity, PerActivity};

impl Week<'_> {
    pub(super) fn attention(&mut self) {
        let a = &self.p.attention;
        let hours = f64::from(self.d.hours);
        let tiring = (hours - a.normal_hours - a.free_overtime_hours).max(0.0);
        self.s.fatigue = a.fatigue_decay * self.s.fatigue + tiring;
        let rho = (1.0 - a.overtime_cost * self.s.fatigue).max(a.min_efficiency);
        let shares = self.d.attention.fractions();
        let touched = shares.0.iter().filter(|&&x| x >= a.touch_threshold).count();
        let loss = if touched == 0 {
            0.0
        } else {
            a.switching_scale * a.switching_loss[touched.min(4) - 1]
        };
        self.m.effective_hours =
            PerActivity(shares.0.map(|share| share * hours * rho * (1.0 - loss)));
        self.maker = if shares[Activity::Coding] * hours >= a.maker_block_hours {
            1.0
        } else {
            a.maker_penalty
        };
        self.m.efficiency = rho;
        self.m.switching_loss = loss;
    }
}
