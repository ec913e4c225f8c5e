//! Stage 13: the detectors behind the endings (puppet, 10x programmer, fired),
//! the scenario's own endings, and which ending, if any, the week brings.

use super::power::influence;
use super::week::{clamp01, Week};
use crate::engine::ending::Ending;
use crate::engine::kinds::Activity;
use crate::engine::news::News;

impl Week<'_> {
    pub(super) fn track_and_end(&mut self, watched_before: [f64; 4]) {
        self.track_signatures();
        let now = self.watched();
        let change: [f64; 4] = std::array::from_fn(|i| now[i] - watched_before[i]);
        self.state.tracking.trends = self.state.tracking.trends.after(change);
        let custom = self.scenario_endings();
        let ep = &self.params.endings;
        let s = &mut *self.state;
        let t = &s.tracking;
        let ending = if s.company.cash < 0.0 {
            Some(Ending::OutOfCash)
        } else if t.fired_streak >= ep.fired_weeks.max(1) {
            Some(Ending::Fired)
        } else if t.puppet_streak >= ep.puppet_weeks.max(1) {
            Some(Ending::Puppet)
        } else if t.ten_x_streak >= ep.ten_x_weeks.max(1) {
            Some(Ending::TenXProgrammer)
        } else if custom.is_some() {
            custom
        } else if s.company.arr >= ep.ipo_arr && s.company.stage >= ep.ipo_stage {
            Some(Ending::Ipo)
        } else if s.week >= self.scenario.horizon_weeks {
            Some(Ending::TimeUp)
        } else {
            None
        };
        if let Some(e) = ending {
            s.ending = Some(e);
            s.news.push(News::Ended(e));
        }
    }

    /// The figures the warnings watch: credits, authority, influence and
    /// adoption, as they stand.
    pub(super) fn watched(&self) -> [f64; 4] {
        let s = &*self.state;
        [
            s.power.credits,
            s.power.legitimate,
            s.metrics.influence,
            s.metrics.adoption,
        ]
    }

    /// The streaks of the puppet, 10x-programmer and fired signatures.
    fn track_signatures(&mut self) {
        let ep = &self.params.endings;
        let s = &mut *self.state;
        // Influence as it stands at the end of the week, bets and events included,
        // so the ledger explains exactly this week's move.
        s.metrics.influence = clamp01(influence(&s.power, &self.params.power));
        let m = &s.metrics;
        let t = &mut s.tracking;
        t.pull_sum += m.influence * m.adoption;
        let coded = self.decision.attention.fractions()[Activity::Coding] >= ep.ten_x_coding_share;
        t.coding_weeks = (t.coding_weeks << 1) | u16::from(coded);

        let puppet = s.power.legitimate < ep.puppet_authority
            && m.influence < t.puppet_bar
            && m.adoption < ep.puppet_adoption;
        t.puppet_streak = if puppet { t.puppet_streak + 1 } else { 0 };
        // The 10x programmer still holds the line (or a puppet would be
        // forming) but has lost the pull that went with it.
        let ten_x = t.coding_weeks.count_ones() >= ep.ten_x_coding_weeks
            && s.people.engineers() >= ep.ten_x_min_engineers
            && m.org_coverage < ep.ten_x_coverage
            && m.influence * m.adoption < ep.ten_x_pull;
        t.ten_x_streak = if ten_x { t.ten_x_streak + 1 } else { 0 };
        let fired = s.power.credits <= ep.fired_credits && s.power.legitimate >= ep.fired_authority;
        t.fired_streak = if fired { t.fired_streak + 1 } else { 0 };
    }

    /// The scenario's own endings: the first whose conditions held long enough.
    fn scenario_endings(&mut self) -> Option<Ending> {
        let s = &mut *self.state;
        let mut custom = None;
        for (i, end) in self.scenario.endings.iter().enumerate() {
            let holds = end
                .when
                .iter()
                .enumerate()
                .all(|(j, c)| c.holds_at(s, c.threshold(s, i, j)));
            let streak = &mut s.ending_streaks[i];
            *streak = if holds { *streak + 1 } else { 0 };
            if custom.is_none() && *streak >= end.for_weeks.max(1) {
                custom = Some(Ending::Custom(i as u16));
            }
        }
        custom
    }
}
